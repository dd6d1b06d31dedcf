import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { Client, startTestApp, type TestApp } from '../../../test/support/app.js'
import { seedMarket } from '../../market/testing/marketFixtures.js'
import { systemActor } from '../../platform/auth/actor.js'
import type { Role } from '../../platform/auth/roles.js'
import { settableClock } from '../../platform/clock.js'
import { inTransaction } from '../../platform/db/transaction.js'
import { offerPaths } from './paths.js'
import { child, NOW, referral } from './testing/offerWorld.js'

/** The spot referral pages on the real app: an officer sends, providers answer in the portal, the officer compares. */
describe('spot referral pages', () => {
  let t: TestApp
  let homes: Awaited<ReturnType<typeof seedMarket>>['homes']
  let officer: Client
  let pat: Client
  let quinn: Client
  let referralId = ''
  let childId = ''
  const clock = settableClock(NOW)
  const errorLinks = (html: string) =>
    [...(/govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '').matchAll(/href="(#[^"]+)"/g)].map((m) => m[1])
  const text = (html: string) =>
    html
      .replace(/<[^>]+>/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&#39;/g, "'")
      .replace(/\s+/g, ' ')
  const signedIn = async (role: Role, organisationId?: string) => {
    const { email } = await t.createUser(role, { organisationId })
    const c = new Client(t.baseUrl)
    assert.equal((await c.signIn(email)).status, 302)
    return c
  }

  before(async () => {
    t = await startTestApp({ clock })
    const seeded = await seedMarket(t.database, { now: clock.now })
    homes = seeded.homes
    const orgOf = (providerId: string) =>
      inTransaction(t.services.db, (tx) =>
        t.services.users.createOrganisation(systemActor('test'), tx, { name: `Org ${providerId}`, kind: 'provider', providerId }),
      )
    officer = await signedIn('placement_officer')
    pat = await signedIn('provider_user', await orgOf(seeded.providers.acme))
    quinn = await signedIn('provider_user', await orgOf(seeded.providers.brook))
    const system = systemActor('test')
    childId = await t.services.placements.createChild(system, child('ROUTE-1'))
    referralId = await t.services.placements.createReferral(system, referral(childId))
  })
  after(() => t.close())

  test('the send page offers feasible framework homes to tick, one by one, and says why the others cannot be chosen', async () => {
    const page = await officer.get(offerPaths.newRequests(referralId))
    assert.equal(page.status, 200)
    assert.match(page.text, new RegExp(`name="homeIds" type="checkbox" value="${homes.oak.id}"`))
    assert.ok(!page.text.includes(`value="${homes.cedar.id}"`), 'Cedar View cannot meet the needs, so it is not offered')
    assert.match(text(page.text), /Cedar View Brook Homes Unknown Cannot take the child Its Statement of Purpose does not cover/)
    assert.doesNotMatch(text(page.text), /select all/i)
    assert.match(text(page.text), /By default providers answer by 7 April 2026 at 5pm/)
  })

  test('bad choices are named and nothing is sent; a good one sends and shows the offers page', async () => {
    await officer.get(offerPaths.newRequests(referralId))
    const none = await officer.post(offerPaths.newRequests(referralId), {
      'deadlineDate-day': '7',
      'deadlineDate-month': '4',
      'deadlineDate-year': '2026',
      deadlineTime: '17:00',
    })
    assert.equal(none.status, 400)
    assert.deepEqual(errorLinks(none.text), ['#homeIds'])
    const forged = await officer.post(offerPaths.newRequests(referralId), { homeIds: homes.cedar.id })
    assert.equal(forged.status, 400)
    assert.match(text(forged.text), /only homes that can meet the child’s needs can be chosen/)
    const badDate = await officer.post(offerPaths.newRequests(referralId), {
      homeIds: homes.oak.id,
      'deadlineDate-day': '31',
      'deadlineDate-month': '2',
      'deadlineDate-year': '2026',
      deadlineTime: '25:00',
    })
    assert.deepEqual(errorLinks(badDate.text), ['#deadlineDate-day', '#deadlineTime'])
    const past = await officer.post(offerPaths.newRequests(referralId), {
      homeIds: homes.oak.id,
      'deadlineDate-day': '1',
      'deadlineDate-month': '3',
      'deadlineDate-year': '2026',
      deadlineTime: '17:00',
    })
    assert.deepEqual(errorLinks(past.text), ['#deadlineDate-day'])
    assert.match(text(past.text), /must be in the future/)
    assert.equal((await officer.get(offerPaths.offers(referralId))).text.includes('Oak House'), false, 'nothing was sent')
    const sent = await officer.post(offerPaths.newRequests(referralId), {
      homeIds: homes.oak.id,
      'deadlineDate-day': '7',
      'deadlineDate-month': '4',
      'deadlineDate-year': '2026',
      deadlineTime: '17:00',
    })
    assert.equal(sent.status, 302)
    assert.equal(sent.location, offerPaths.offers(referralId))
    const offers = await officer.get(offerPaths.offers(referralId))
    assert.match(text(offers.text), /Referral sent to 1 home\. Answers are due by 7 April 2026 at 5pm/)
    assert.match(text(offers.text), /Oak House Acme Care Ltd Good .* Awaiting answer Answer due by 7 April 2026 at 5pm/)
    const again = await officer.get(offerPaths.newRequests(referralId))
    assert.match(text(again.text), /Oak House Acme Care Ltd .* Already sent Awaiting answer: an open request for this child/)
  })

  test('the provider portal lists the provider’s own requests; another provider is told it does not exist', async () => {
    const list = await pat.get(offerPaths.portalList())
    assert.equal(list.status, 200)
    const href = /href="(\/portal\/referrals\/[^"]+)"/.exec(list.text)?.[1]
    assert.ok(href, 'a link to the request')
    assert.match(text(list.text), /Oak House In under 5 days 7 April 2026 at 5pm/)
    assert.ok(!(await quinn.get(offerPaths.portalList())).text.includes('Oak House'))
    assert.equal((await quinn.get(href)).status, 404)
    assert.equal((await officer.get(offerPaths.portalList())).status, 403, 'the portal is for providers')
    assert.equal((await pat.get(offerPaths.offers(referralId))).status, 404, 'the council’s pages are not for providers')
    assert.equal((await pat.get(offerPaths.newRequests(referralId))).status, 404)
    const detail = await pat.get(href)
    assert.equal(detail.status, 200)
    assert.match(text(detail.text), /Age 13 Sex Female Legal status C2: Full care order/)
    assert.match(text(detail.text), /Preferred area SO15 postcode district/)
    for (const secret of ['ROUTE-1', 'SO14 7DU', '2012', childId]) assert.ok(!detail.text.includes(secret), `${secret} is not shown`)
  })

  test('the provider offers a place; a bad price is named; the officer sees it with "Book this offer"', async () => {
    const href = /href="(\/portal\/referrals\/[^"]+)"/.exec((await pat.get(offerPaths.portalList())).text)![1]!
    const requestId = href.split('/').at(-1)!
    await pat.get(href)
    const bad = await pat.post(offerPaths.portalRespond(requestId), {
      kind: 'offer',
      weeklyPrice: 'lots',
      'startDate-day': '',
      'startDate-month': '',
      'startDate-year': '',
    })
    assert.equal(bad.status, 400)
    assert.deepEqual(errorLinks(bad.text), ['#weeklyPrice', '#startDate-day'])
    const early = await pat.post(offerPaths.portalRespond(requestId), {
      kind: 'offer',
      weeklyPrice: '5,600',
      'startDate-day': '1',
      'startDate-month': '1',
      'startDate-year': '2026',
    })
    assert.deepEqual(errorLinks(early.text), ['#startDate-day'])
    const noReason = await pat.post(offerPaths.portalRespond(requestId), { kind: 'decline' })
    assert.deepEqual(errorLinks(noReason.text), ['#reason'])
    const ok = await pat.post(offerPaths.portalRespond(requestId), {
      kind: 'offer',
      weeklyPrice: '£5,600',
      'startDate-day': '8',
      'startDate-month': '4',
      'startDate-year': '2026',
      note: 'En-suite room',
    })
    assert.equal(ok.status, 302)
    const mine = await pat.get(href)
    assert.match(text(mine.text), /Your answer Offer of a place Weekly price £5,600\.00 Start date 8 April 2026 Note En-suite room/)
    assert.ok(!mine.text.includes('name="weeklyPrice"'), 'an answer is final')
    const offers = await officer.get(offerPaths.offers(referralId))
    assert.match(text(offers.text), /Oak House Acme Care Ltd Good .* £5,600\.00 8 April 2026 En-suite room Offer made/)
    const book = /href="(\/referrals\/[^"]+\/book\?[^"]+)"/.exec(offers.text)?.[1]?.replace(/&amp;/g, '&')
    assert.ok(book?.startsWith(`/referrals/${referralId}/book?homeId=${homes.oak.id}&offerId=`), book)
  })

  test('the officer withdraws an open request; the provider then sees it closed, without the child’s details', async () => {
    const system = systemActor('test')
    const other = await t.services.placements.createChild(system, child('ROUTE-2', { needs: [] }))
    const ref = await t.services.placements.createReferral(system, referral(other))
    const [requestId] = await t.services.placements.sendReferralRequests(system, ref, { homeIds: [homes.cedar.id] })
    const page = await officer.get(offerPaths.offers(ref))
    assert.match(page.text, /Withdraw<span class="govuk-visually-hidden"> the request to Cedar View<\/span>/)
    const res = await officer.post(offerPaths.withdraw(ref, requestId!), {})
    assert.equal(res.status, 302)
    assert.match(text((await officer.get(offerPaths.offers(ref))).text), /request is withdrawn .* Cedar View Brook Homes .* Withdrawn/)
    const seen = await quinn.get(offerPaths.portalRequest(requestId!))
    assert.match(text(seen.text), /Withdrawn .* no longer shown/)
    assert.ok(!seen.text.includes('Legal status'))
  })
})
