import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { addDays, fromEpochDay, toEpochDay } from '../../../platform/calendar/isoDate.js'
import { HISTORY_START, randomContract, type RandomContract } from '../testing/histories.js'
import { naiveBlockLine, naiveDay } from '../testing/naiveLedger.js'
import { causeName, stateName } from './codes.js'
import { deriveLedger } from './derive.js'
import { ledgerInput } from './input.js'
import { amountsOfBlock, tallyBlock } from './lines.js'
import { paymentPeriods } from './periods.js'
import { priceBands } from './prices.js'

const derive = (h: RandomContract) =>
  deriveLedger(
    ledgerInput({
      from: h.startDate,
      to: h.endDate,
      beds: h.beds.map((id) => ({ id, name: id })),
      reserved: h.reserved.map((r) => ({ bedId: h.beds[r.bed]!, from: r.from, to: r.to })),
      placements: h.placements.map((p) => ({ id: p.id, bedId: h.beds[p.bed]!, startDate: p.start, endDate: p.end })),
      events: h.events.map((e) => ({ kind: e.kind, bedId: h.beds[e.bed]!, fromDate: e.from, toDate: e.to, cause: e.cause })),
    }),
  )
const bandsOf = (h: RandomContract) =>
  priceBands(
    {
      startDate: h.startDate,
      pricePencePerBedWeek: h.terms.pricePencePerBedWeek,
      placementFeePencePerWeek: h.terms.placementFeePencePerWeek,
      coreAndPlacement: h.terms.coreAndPlacement,
    },
    h.prices,
  )

test('the derived ledger agrees with a day-by-day reading of the rules, on random histories', () => {
  fc.assert(
    fc.property(randomContract(), (h) => {
      const l = derive(h)
      for (let i = 0; i < l.days; i++) {
        const day = fromEpochDay(l.from + i)
        h.beds.forEach((_, bed) => {
          const want = naiveDay(h, bed, day)
          const got = { state: stateName(l.state[bed * l.days + i]!), cause: causeName(l.cause[bed * l.days + i]!) }
          assert.deepEqual(got, want, `bed ${bed} on ${day}`)
        })
      }
    }),
    { numRuns: 300 },
  )
})

test('every payment line equals a day-by-day recomputation to the penny, and its explanation adds up', () => {
  fc.assert(
    fc.property(randomContract(), (h) => {
      const l = derive(h)
      const bands = bandsOf(h)
      const periods = paymentPeriods(h.frequency, toEpochDay(h.startDate), toEpochDay(h.endDate))
      assert.equal(periods[0]!.from, toEpochDay(h.startDate))
      assert.equal(periods.at(-1)!.to, toEpochDay(h.endDate))
      for (const p of periods) {
        const tally = tallyBlock(l, bands, p.from, p.to)
        const amounts = amountsOfBlock(tally)
        const want = naiveBlockLine(h, fromEpochDay(p.from), fromEpochDay(p.to))
        assert.deepEqual(amounts, {
          grossPence: want.grossPence,
          creditPence: want.creditPence,
          deductionPence: want.deductionPence,
          netPence: want.netPence,
        })
        assert.deepEqual(tally.days, want.days)
        assert.equal(
          tally.bands.reduce((s, b) => s + b.reservedBedDays, 0),
          Object.values(tally.days).reduce((s, n) => s + n, 0),
          'every reserved day is in one price band',
        )
        assert.ok(amounts.netPence >= 0)
      }
    }),
    { numRuns: 200 },
  )
})

test('periods tile the contract: 28 days from the start, or calendar months with partial ends', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 400 }),
      fc.integer({ min: 0, max: 900 }),
      fc.constantFrom('4-weekly' as const, 'monthly' as const),
      (s, len, f) => {
        const start = toEpochDay(addDays(HISTORY_START, s))
        const periods = paymentPeriods(f, start, start + len)
        periods.forEach((p, i) => {
          assert.ok(p.from <= p.to)
          if (i > 0) assert.equal(p.from, periods[i - 1]!.to + 1)
          if (f === '4-weekly' && i < periods.length - 1) assert.equal(p.to - p.from, 27)
          if (f === 'monthly' && i > 0) assert.equal(fromEpochDay(p.from).slice(8), '01')
          if (f === 'monthly' && i < periods.length - 1) assert.equal(fromEpochDay(p.to + 1).slice(8), '01')
        })
        assert.equal(periods.at(-1)!.to, start + len)
      },
    ),
  )
})
