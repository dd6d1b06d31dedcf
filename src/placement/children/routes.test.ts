import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { systemActor } from '../../platform/auth/actor.js'
import { childPaths } from './paths.js'
import { errorLinks, routeWorld, text, type RouteWorld } from './testing/routeWorld.js'

/** A filled-in child form, changed where a test says. */
const form = (socialWorker: string, extra: Record<string, string | string[]> = {}) => ({
  caseReference: 'NEW-1',
  'dateOfBirth-day': '3',
  'dateOfBirth-month': '9',
  'dateOfBirth-year': '2011',
  sex: 'male',
  legalStatus: 'C2',
  homePostcode: 'so15 2ab',
  schoolPostcode: '',
  allocatedSocialWorkerUserId: socialWorker,
  residentialSuitability: 'Preferred',
  fosterSuitability: 'Suitable but not preferred',
  supportedAccommodationSuitability: 'Unsuitable',
  caredForAlongside: 'With other children recommended',
  needs: ['autism', 'missing'],
  communicationNeeds: 'Y',
  languageRequirements: 'Makaton',
  adaptationNeeded: 'N',
  culturalNeeds: 'Required',
  pets: 'Yes - can',
  additionalSupport: ['therapeutic support', 'taxis to school'],
  additionalSupportOther: '',
  requirements: 'Keep him at his school',
  risksToChild: 'going-missing',
  risksToChildOther: 'Online grooming',
  risksToOthers: [],
  risksToOthersOther: '',
  ...extra,
})

describe('children pages', () => {
  let w: RouteWorld
  before(async () => {
    w = await routeWorld()
  })
  after(() => w.t.close())

  test('the list: the placements team sees all, a social worker their own; search by case reference', async () => {
    const all = await w.officer.client.get('/children')
    assert.equal(all.status, 200)
    assert.match(text(all.text), /ROUTE-1 \d+ C2 Test social_worker Oak House 0/)
    assert.match(text(all.text), /ROUTE-2/)
    assert.match((await w.head.client.get('/children')).text, /ROUTE-1/)
    assert.match((await w.ann.client.get('/children')).text, /ROUTE-2/)
    const bobs = await w.bob.client.get('/children')
    assert.equal(bobs.status, 200)
    assert.doesNotMatch(bobs.text, /ROUTE-1/)
    const found = await w.officer.client.get('/children?q=te-2')
    assert.match(found.text, /ROUTE-2/)
    assert.doesNotMatch(found.text, /ROUTE-1/)
    assert.match(text(found.text), /1 child matches “te-2”/)
  })

  test('providers get no children pages; an unallocated social worker gets 404; other council staff 403', async () => {
    for (const path of ['/children', childPaths.child(w.placedChild), childPaths.create(), childPaths.edit(w.placedChild)])
      assert.equal((await w.provider.client.get(path)).status, 404, path)
    assert.equal((await w.bob.client.get(childPaths.child(w.placedChild))).status, 404)
    assert.equal((await w.bob.client.get(childPaths.edit(w.placedChild))).status, 404)
    assert.equal((await w.commissioner.client.get('/children')).status, 403)
    assert.equal((await w.commissioner.client.get(childPaths.child(w.placedChild))).status, 403)
  })

  test('the profile shows the record, referrals and placement history, and each view leaves an audit row', async () => {
    const before = await w.childReads(w.placedChild)
    const page = await w.ann.client.get(childPaths.child(w.placedChild))
    assert.equal(page.status, 200)
    assert.equal(await w.childReads(w.placedChild), before + 1)
    await w.officer.client.get(childPaths.child(w.placedChild))
    assert.equal(await w.childReads(w.placedChild), before + 2)
    const t = text(page.text)
    assert.match(t, /Child ROUTE-1/)
    assert.match(t, /Legal status C2 – Full care order/)
    assert.match(t, /Risks to the child Going missing/)
    assert.match(
      t,
      /Oak House Framework spot purchase 20 March 2026 Current £5,500.00 Placement plan due by 27 March 2026\. Visit overdue since 27 March 2026/,
    )
    assert.match(page.text, new RegExp(`href="/referrals/new\\?childId=${w.placedChild}"`))
    assert.match(page.text, new RegExp(`href="${childPaths.visits(w.placement)}"`))
  })

  test('adding a child: every field kept; bad input named; a social worker is allocated to the child they add', async () => {
    await w.officer.client.get(childPaths.create())
    const bad = await w.officer.client.post(childPaths.create(), {
      ...form(w.bob.id, { caseReference: '', 'dateOfBirth-day': '31', 'dateOfBirth-month': '2', pets: '', homePostcode: 'nowhere' }),
      allocatedSocialWorkerUserId: 'someone-else',
    })
    assert.equal(bad.status, 400)
    assert.deepEqual(errorLinks(bad.text), ['#caseReference', '#dateOfBirth-day', '#homePostcode', '#allocatedSocialWorkerUserId', '#pets'])
    assert.match(bad.text, /value="nowhere"/, 'what was typed is kept')
    const good = await w.officer.client.post(childPaths.create(), form(w.bob.id))
    assert.equal(good.status, 302)
    const id = good.location!.split('/').pop()!
    const c = await w.t.services.placements.getChild(systemActor('test'), id)
    assert.equal(c.homePostcode, 'SO15 2AB')
    assert.deepEqual(c.additionalSupport, ['therapeutic support', 'taxis to school'])
    assert.deepEqual(c.languageRequirements, ['Makaton'])
    assert.equal(c.risksToChildOther, 'Online grooming')
    assert.equal(c.supportedAccommodationSuitability, 'Unsuitable')
    assert.equal(c.allocatedSocialWorkerUserId, w.bob.id)
    const clash = await w.officer.client.post(childPaths.create(), form(w.bob.id))
    assert.equal(clash.status, 400)
    assert.deepEqual(errorLinks(clash.text), ['#caseReference'])
    const own = await w.ann.client.get(childPaths.create())
    assert.match(own.text, new RegExp(`<option value="${w.ann.id}" selected>`))
  })

  test('changing a record', async () => {
    const page = await w.ann.client.get(childPaths.edit(w.waitingChild))
    assert.equal(page.status, 200)
    assert.match(page.text, /value="ROUTE-2"/)
    const res = await w.ann.client.post(childPaths.edit(w.waitingChild), form(w.ann.id, { caseReference: 'ROUTE-2', legalStatus: 'V2' }))
    assert.equal(res.status, 302)
    assert.equal(res.location, childPaths.child(w.waitingChild))
    assert.match(text((await w.ann.client.get(childPaths.child(w.waitingChild))).text), /Legal status V2/)
    await w.bob.client.get(childPaths.create())
    assert.equal((await w.bob.client.post(childPaths.edit(w.waitingChild), form(w.bob.id))).status, 404, 'not his child')
  })
})
