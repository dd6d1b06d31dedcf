import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { describeEachDialect } from '../../../test/support/databases.js'
import { dfeMiles } from '../../geo/distance.js'
import { ForbiddenError } from '../../platform/auth/scope.js'
import { NotFoundError } from '../../platform/errors.js'
import { pagesWorld, type PagesWorld } from '../children/testing/pagesWorld.js'
import { child, childReads, referral } from '../placements/testing/placementWorld.js'
import { addMonths, statutoryVisitDates } from '../timers/statutoryTimers.js'
import { avoided, totalsOf, visitCost } from './travelModel.js'

describeEachDialect('placement: social workers’ travel', (ctx) => {
  let w: PagesWorld
  let open: string
  let annsChild: string
  before(async () => {
    w = await pagesWorld(ctx())
    const { officer } = w.actors
    annsChild = await w.placements.createChild(officer, child('CASE-1'))
    const other = await w.placements.createChild(officer, child('CASE-2'))
    const book = async (childId: string, homeId: string, bedId: string, startDate: string) =>
      w.placements.book(officer, {
        referralId: await w.placements.createReferral(officer, referral(childId)),
        homeId,
        bedId,
        route: 'spot',
        weeklyPricePence: 550_000,
        startDate,
      })
    open = await book(annsChild, w.oak.id, w.oak.vacantBeds[0]!, '2026-01-05')
    // An ended placement at Cedar View (not located) and one at Oak House in the last 12 months.
    const ended = await book(other, w.oak.id, w.oak.vacantBeds[1]!, '2025-06-02')
    await w.placements.end(officer, ended, { endDate: '2025-09-01', reasonEpisodeCeased: 'E13', planned: 'planned' })
    const cedar = await w.placements.createChild(officer, child('CASE-3'))
    await book(cedar, w.cedar.id, w.cedar.vacantBeds[0]!, '2026-02-02')
  })

  test('one placement: DfE miles from the child’s home, and the statutory visits from the council centre', async () => {
    const n = await childReads(ctx(), annsChild)
    const t = await w.placements.placementTravel(w.actors.ann, open)
    assert.equal(await childReads(ctx(), annsChild), n + 1, 'the child’s home postcode is read: audited')
    const oak = await ctx().db.selectFrom('homes').select(['easting', 'northing']).where('id', '=', w.oak.id).executeTakeFirstOrThrow()
    const oakAt = { easting: Number(oak.easting), northing: Number(oak.northing) }
    // The child lives in SO14 7DU: without a directory, at the SO14 district centroid (the council centre).
    assert.equal(t.milesFromChildHome, dfeMiles({ easting: 442_520, northing: 112_207 }, oakAt))
    assert.equal(t.socialWorkerMiles, 0.6)
    assert.deepEqual(t.perVisit, visitCost(0.6, w.config.travel))
    assert.equal(t.period.from, '2026-04-01')
    assert.deepEqual(t.visitDates, statutoryVisitDates({ startDate: '2026-01-05', endDate: null }, '2026-04-01', '2027-03-31'))
    assert.deepEqual(t.avoided, avoided(t.visitDates.length, 0.6, w.config.travel))
    await assert.rejects(w.placements.placementTravel(w.actors.bob, open), NotFoundError)
    await assert.rejects(w.placements.placementTravel(w.actors.acme, open), NotFoundError)
  })

  test('totals by home over the open placements (next 12 months) and the last 12 months', async () => {
    const t = await w.placements.travelTotals(w.actors.head)
    const rates = w.config.travel
    const nextYear = statutoryVisitDates({ startDate: '2026-01-05', endDate: null }, '2026-04-01', '2027-03-31').length
    assert.equal(t.openNextYear.homes.length, 2)
    const oak = t.openNextYear.homes.find((h) => h.homeName === 'Oak House')!
    assert.equal(oak.placements, 1)
    assert.deepEqual(oak.actual, totalsOf(nextYear, visitCost(0.6, rates)))
    assert.equal(t.openNextYear.unlocated, 1, 'Cedar View has no location')
    assert.deepEqual(t.openNextYear.actual, oak.actual)
    // Last 12 months (2 Apr 2025 – 1 Apr 2026): the ended placement's visits, and the open ones' so far.
    const lastFrom = '2025-04-02'
    const endedVisits = statutoryVisitDates({ startDate: '2025-06-02', endDate: '2025-09-01' }, lastFrom, '2026-04-01').length
    const openVisits = statutoryVisitDates({ startDate: '2026-01-05', endDate: null }, lastFrom, '2026-04-01').length
    assert.equal(addMonths('2026-04-01', -12), '2025-04-01')
    assert.equal(t.lastYear.from, lastFrom)
    const oakLast = t.lastYear.homes.find((h) => h.homeName === 'Oak House')!
    assert.equal(oakLast.placements, 2)
    assert.equal(oakLast.actual!.visits, endedVisits + openVisits)
    assert.equal(oakLast.avoided!.costPence, avoided(endedVisits + openVisits, 0.6, rates).costPence)
    assert.ok(oakLast.avoided!.costPence > 0)
    await assert.rejects(w.placements.travelTotals(w.actors.ann), ForbiddenError)
  })
})
