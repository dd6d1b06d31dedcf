import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { describeEachDialect } from '../../../test/support/databases.js'
import { ForbiddenError } from '../../platform/auth/scope.js'
import { NotFoundError } from '../../platform/errors.js'
import { child, childReads, referral } from '../placements/testing/placementWorld.js'
import { pagesWorld, type PagesWorld } from './testing/pagesWorld.js'

describeEachDialect('placement: children pages’ reads', (ctx) => {
  let w: PagesWorld
  const ids: string[] = []
  before(async () => {
    w = await pagesWorld(ctx())
    const { officer } = w.actors
    for (let i = 1; i <= 7; i++) {
      ids.push(
        await w.placements.createChild(
          officer,
          child(`CASE-${String(i).padStart(2, '0')}`, {
            allocatedSocialWorkerUserId: i <= 5 ? 'sw-ann' : 'sw-bob',
            caredForAlongside: 'Only with other older children',
            residentialSuitability: 'Preferred',
            languageRequirements: ['BSL'],
            pets: 'No',
          }),
        ),
      )
    }
    const ref = await w.placements.createReferral(officer, referral(ids[0]!))
    await w.placements.book(officer, {
      referralId: ref,
      homeId: w.oak.id,
      bedId: w.oak.vacantBeds[0]!,
      route: 'spot',
      weeklyPricePence: 550_000,
      startDate: '2026-03-20',
    })
    await w.placements.createReferral(officer, referral(ids[0]!))
  })

  test('the Placements Data Standard fields are kept and read back', async () => {
    const c = await w.placements.getChild(w.actors.officer, ids[0]!)
    assert.equal(c.caredForAlongside, 'Only with other older children')
    assert.equal(c.residentialSuitability, 'Preferred')
    assert.equal(c.fosterSuitability, 'Not specified')
    assert.deepEqual(c.languageRequirements, ['BSL'])
    assert.equal(c.pets, 'No')
    assert.equal(c.adaptationNeeded, null)
  })

  test('a page of children, scoped and searched by case reference; only the children shown are audited reads', async () => {
    const page1 = await w.placements.searchChildren(w.actors.officer, { page: 1, pageSize: 3 })
    assert.equal(page1.total, 7)
    assert.deepEqual(
      page1.items.map((c) => c.caseReference),
      ['CASE-01', 'CASE-02', 'CASE-03'],
    )
    assert.equal(page1.items[0]!.currentHome, 'Oak House')
    assert.equal(page1.items[0]!.openReferrals, 1)
    assert.equal(page1.items[0]!.socialWorker, 'Ann Social-Worker')
    const page3 = await w.placements.searchChildren(w.actors.officer, { page: 9, pageSize: 3 })
    assert.equal(page3.page, 3, 'a page past the end shows the last')
    assert.deepEqual(
      page3.items.map((c) => c.caseReference),
      ['CASE-07'],
    )
    const bobs = await w.placements.searchChildren(w.actors.bob, { page: 1, pageSize: 25 })
    assert.deepEqual(
      bobs.items.map((c) => c.caseReference),
      ['CASE-06', 'CASE-07'],
    )
    const found = await w.placements.searchChildren(w.actors.ann, { search: 'case-0_', page: 1, pageSize: 25 })
    assert.equal(found.total, 0, 'the search is for the text itself: _ is not a wildcard')
    const one = await w.placements.searchChildren(w.actors.ann, { search: 'se-04', page: 1, pageSize: 25 })
    assert.deepEqual(
      one.items.map((c) => c.caseReference),
      ['CASE-04'],
    )
    const before4 = await childReads(ctx(), ids[3]!)
    const before5 = await childReads(ctx(), ids[4]!)
    await w.placements.searchChildren(w.actors.ann, { search: '04', page: 1, pageSize: 25 })
    assert.equal(await childReads(ctx(), ids[3]!), before4 + 1)
    assert.equal(await childReads(ctx(), ids[4]!), before5, 'a child not on the page is not read')
  })

  test('a profile with referrals and placement history is one audited read; others’ children are not found', async () => {
    const n = await childReads(ctx(), ids[0]!, 'sw-ann')
    const p = await w.placements.childProfile(w.actors.ann, ids[0]!)
    assert.equal(await childReads(ctx(), ids[0]!, 'sw-ann'), n + 1)
    assert.equal(p.child.caseReference, 'CASE-01')
    assert.deepEqual(p.socialWorker, { id: 'sw-ann', name: 'Ann Social-Worker' })
    assert.deepEqual(p.referrals.map((r) => r.status).sort(), ['matched', 'open'])
    assert.equal(p.placements.length, 1)
    assert.equal(p.placements[0]!.homeName, 'Oak House')
    // Started Fri 20 Mar 2026: plan by Fri 27 Mar; first visit by 27 Mar; today is 1 Apr, so overdue.
    assert.equal(p.placements[0]!.planDue, '2026-03-27')
    assert.equal(p.placements[0]!.nextVisitDue, '2026-03-27')
    assert.equal(p.placements[0]!.visitOverdue, true)
    await assert.rejects(w.placements.childProfile(w.actors.bob, ids[0]!), NotFoundError)
    await assert.rejects(w.placements.childProfile(w.actors.acme, ids[0]!), ForbiddenError, 'providers have no children pages')
    await assert.rejects(w.placements.searchChildren(w.actors.commissioner, { page: 1, pageSize: 25 }), ForbiddenError)
  })

  test('the council’s social workers, to allocate', async () => {
    assert.deepEqual(
      (await w.placements.councilSocialWorkers(w.actors.officer)).map((s) => s.id),
      ['sw-ann', 'sw-bob'],
    )
    await assert.rejects(w.placements.councilSocialWorkers(w.actors.finance), ForbiddenError)
  })
})
