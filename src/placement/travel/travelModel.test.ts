import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { avoided, socialWorkerMiles, totalsOf, visitCost, type TravelRates } from './travelModel.js'
import { travelFor } from './travelView.js'

const rates: TravelRates = { averageSpeedMph: 30, mileageRatePence: 45, hourlyCostPence: 3800, previousPlacementMiles: 50 }
const CENTRE = { easting: 442_520, northing: 112_207, label: 'Southampton city centre (SO14)' }

describe('one statutory visit', () => {
  it('there and back at the average speed: miles × rate + hours × hourly cost', () => {
    // 10 miles each way: 20 miles, 40 minutes; 20 × 45p + 2/3 h × £38 = 900p + 2533.3p = 3433p.
    assert.deepEqual(visitCost(10, rates), { roundTripMiles: 20, hours: 20 / 30, costPence: 3433 })
    assert.deepEqual(visitCost(0, rates), { roundTripMiles: 0, hours: 0, costPence: 0 })
    assert.throws(() => visitCost(-1, rates), RangeError)
  })
  it('totals and travel avoided against the baseline (50 miles each way)', () => {
    assert.deepEqual(totalsOf(3, visitCost(10, rates)), { visits: 3, miles: 60, hours: 2, costPence: 10_299 })
    // Baseline visit: 100 miles, 3⅓ h: 4500p + 12666.7p = 17167p.
    assert.equal(avoided(3, 10, rates).costPence, 3 * (17_167 - 3433))
    assert.equal(avoided(2, 80, rates).miles, -120, 'further than the baseline adds travel')
  })
  it('the social worker sets out from the council centre; DfE miles', () => {
    assert.equal(socialWorkerMiles(CENTRE, { easting: CENTRE.easting + 16_093, northing: CENTRE.northing }), 10)
    assert.equal(socialWorkerMiles(CENTRE, null), null)
  })
})

const arbRates = fc.record({
  averageSpeedMph: fc.integer({ min: 5, max: 70 }),
  mileageRatePence: fc.integer({ min: 0, max: 100 }),
  hourlyCostPence: fc.integer({ min: 0, max: 10_000 }),
  previousPlacementMiles: fc.integer({ min: 1, max: 300 }),
})
const arbMiles = fc.integer({ min: 0, max: 4000 }).map((d) => d / 10)

describe('properties of the travel model', () => {
  it('cost is never negative', () => {
    fc.assert(fc.property(arbMiles, arbRates, (m, r) => visitCost(m, r).costPence >= 0))
  })
  it('cost, miles and time never fall as the home gets further away', () => {
    fc.assert(
      fc.property(arbMiles, arbMiles, arbRates, (a, b, r) => {
        const [near, far] = a <= b ? [a, b] : [b, a]
        const x = visitCost(near, r)
        const y = visitCost(far, r)
        return x.costPence <= y.costPence && x.roundTripMiles <= y.roundTripMiles && x.hours <= y.hours
      }),
    )
  })
  it('nothing is avoided when the placement is at the baseline distance; more is avoided the nearer it is', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), arbRates, arbMiles, (visits, r, m) => {
        const same = avoided(visits, r.previousPlacementMiles, r)
        const nearer = avoided(visits, Math.min(m, r.previousPlacementMiles), r)
        return same.costPence === 0 && same.miles === 0 && same.hours === 0 && nearer.costPence >= 0
      }),
    )
  })
})

describe('the placement page’s travel panel', () => {
  const home = { easting: CENTRE.easting + 16_093, northing: CENTRE.northing }
  it('the next 12 months of statutory visits while open, against the baseline', () => {
    const t = travelFor({
      placement: { startDate: '2026-04-02', endDate: null },
      home,
      childHome: { easting: CENTRE.easting, northing: CENTRE.northing + 8_047 },
      centre: CENTRE,
      rates,
      today: '2026-04-02',
    })
    assert.equal(t.milesFromChildHome, 11.2)
    assert.equal(t.socialWorkerMiles, 10)
    assert.equal(t.period.from, '2026-04-02')
    assert.equal(t.period.to, '2027-04-01')
    // 9 Apr 2026 then every 42 days up to 11 Mar 2027: 9 visits.
    assert.equal(t.visitDates.length, 9)
    assert.deepEqual(t.actual, totalsOf(9, visitCost(10, rates)))
    assert.equal(t.avoided?.costPence, 9 * (17_167 - 3433))
  })
  it('an ended placement counts the visits over its life; an unlocated home has no figures but the baseline', () => {
    const t = travelFor({
      placement: { startDate: '2026-01-05', endDate: '2026-03-01' },
      home: null,
      childHome: null,
      centre: CENTRE,
      rates,
      today: '2026-04-02',
    })
    assert.deepEqual(t.period, { from: '2026-01-05', to: '2026-03-01', label: 'over the placement' })
    assert.deepEqual(t.visitDates, ['2026-01-12', '2026-02-23'])
    assert.equal(t.actual, null)
    assert.equal(t.avoided, null)
    assert.equal(t.baseline.visits, 2)
    assert.equal(t.milesFromChildHome, null)
  })
})
