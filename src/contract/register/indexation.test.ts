import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { UserInputError } from '../../platform/errors.js'
import { addMonths, anniversaries, extendEnd, monthOf } from './dates.js'
import { appliedRate, indexationDue, indexationSchedule, priceOn, uplift, type PricePoint, type ScheduleInput } from './indexation.js'

const RULE = { capBps: 150, reviewBps: 300, cpiLagMonths: 2 }
const base = (over: Partial<ScheduleInput> = {}): ScheduleInput => ({
  contractReference: 'PW-2024-0001-C1',
  startDate: '2024-09-28',
  endDate: '2027-09-27',
  rule: RULE,
  prices: [{ fromDate: '2024-09-28', pricePence: 515_000, placementFeePence: null, source: 'contract' }],
  cpi: new Map([
    ['2025-07', 380],
    ['2026-07', 120],
    ['2027-07', 170],
  ]),
  ...over,
})

test('contract dates: months clamp to the month’s end, extensions run whole months from the day after the end', () => {
  assert.equal(addMonths('2024-01-31', 1), '2024-02-29')
  assert.equal(addMonths('2025-01-31', 1), '2025-02-28')
  assert.equal(addMonths('2024-12-15', -13), '2023-11-15')
  assert.equal(extendEnd('2027-09-27', 24), '2029-09-27')
  assert.equal(extendEnd('2027-08-31', 24), '2029-08-31')
  assert.equal(monthOf('2026-01-15', -2), '2025-11')
  assert.deepEqual(anniversaries('2024-02-29', '2027-03-01'), ['2025-02-28', '2026-02-28', '2027-02-28'])
  assert.deepEqual(anniversaries('2024-09-28', '2025-09-27'), [])
})

test('each anniversary: the lower of the cap and CPI of the lagged month, compounding; flagged for review above 3%', () => {
  const steps = indexationSchedule(base())
  assert.deepEqual(
    steps.map((s) => [s.date, s.cpiMonth, s.cpiBps, s.appliedBps, s.reviewFlag, s.pricePence]),
    [
      // CPI 3.8% → capped at 1.5%, and above the 3% review threshold.
      ['2025-09-28', '2025-07', 380, 150, true, 522_725],
      // CPI 1.2% is under the cap: 522,725 × 1.012 = 528,997.7 → 528,998.
      ['2026-09-28', '2026-07', 120, 120, false, 528_998],
    ],
  )
})

test('a variation on or before an anniversary is the base the uplift applies to; on the day itself the variation stands', () => {
  const prices: PricePoint[] = [
    { fromDate: '2024-09-28', pricePence: 515_000, placementFeePence: null, source: 'contract' },
    { fromDate: '2025-03-01', pricePence: 500_000, placementFeePence: null, source: 'variation' },
  ]
  const [first] = indexationSchedule(base({ prices }))
  assert.equal(first!.basePricePence, 500_000)
  assert.equal(first!.pricePence, 507_500)
  const onTheDay = [...prices, { fromDate: '2025-09-28', pricePence: 490_000, placementFeePence: null, source: 'variation' as const }]
  assert.equal(
    priceOn([...onTheDay, { fromDate: '2025-09-28', pricePence: 507_500, placementFeePence: null, source: 'indexation' }], '2025-09-28')!
      .pricePence,
    490_000,
  )
})

test('core-and-placement: the core fee and the placement fee rise together', () => {
  const [step] = indexationSchedule(
    base({ prices: [{ fromDate: '2024-09-28', pricePence: 300_000, placementFeePence: 200_000, source: 'contract' }] }),
  )
  assert.deepEqual([step!.pricePence, step!.placementFeePence], [304_500, 203_000])
})

test('no CPI for a needed month: refused, naming the month and the contract; the schedule shows it as waiting instead', () => {
  const input = base({ cpi: new Map([['2025-07', 380]]), upTo: '2026-10-01' })
  assert.throws(
    () => indexationDue(input),
    (e: unknown) =>
      e instanceof UserInputError && /July 2026/.test(e.message) && /PW-2024-0001-C1/.test(e.message) && e.where?.field === 'month',
  )
  const steps = indexationSchedule(input)
  assert.equal(steps.length, 2)
  assert.equal(steps[0]!.pricePence, 522_725)
  assert.deepEqual([steps[1]!.cpiBps, steps[1]!.pricePence], [null, null])
  // Before the second anniversary nothing is missing.
  assert.equal(indexationDue({ ...input, upTo: '2026-09-27' }).length, 1)
})

test('an extension re-issues the schedule: more anniversaries to the new end', () => {
  const extended = indexationSchedule(base({ endDate: extendEnd('2027-09-27', 24) }))
  assert.deepEqual(
    extended.map((s) => s.date),
    ['2025-09-28', '2026-09-28', '2027-09-28', '2028-09-28', '2029-09-28'].filter((d) => d <= '2029-09-27'),
  )
  assert.deepEqual(
    extended.slice(3).map((s) => s.cpiBps),
    [null],
  )
})

test('properties: never above the cap, never a cut, review iff CPI above the threshold, prices compound step by step', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 2_000 }),
      fc.integer({ min: 0, max: 5_000 }),
      fc.integer({ min: 0, max: 12 }),
      fc.integer({ min: 100_000, max: 1_500_000 }),
      fc.array(fc.integer({ min: -500, max: 1_500 }), { minLength: 5, maxLength: 5 }),
      (capBps, reviewBps, cpiLagMonths, start, rates) => {
        const rule = { capBps, reviewBps, cpiLagMonths }
        const startDate = '2023-04-01'
        const endDate = '2028-03-31'
        const cpi = new Map(anniversaries(startDate, endDate).map((a, i) => [monthOf(a, -cpiLagMonths), rates[i]!]))
        const steps = indexationDue({
          ...base(),
          rule,
          startDate,
          endDate,
          cpi,
          prices: [{ fromDate: startDate, pricePence: start, placementFeePence: null, source: 'contract' }],
        })
        assert.equal(steps.length, 4)
        let price = start
        for (const s of steps) {
          assert.ok(s.appliedBps! <= capBps && s.appliedBps! >= 0)
          assert.equal(s.appliedBps, appliedRate(rule, s.cpiBps!))
          assert.equal(s.reviewFlag, s.cpiBps! > reviewBps)
          assert.equal(s.basePricePence, price)
          price = uplift(price, s.appliedBps!)
          assert.equal(s.pricePence, price)
          assert.ok(s.pricePence! >= s.basePricePence!)
        }
      },
    ),
  )
})
