/**
 * Random contract histories for the property tests: a block contract over a few months with
 * 1–3 reserved beds, placements that never overlap in a bed, bed events of every kind, price
 * changes from every source, either pricing model and either payment frequency.
 */
import fc from 'fast-check'
import { addDays } from '../../../platform/calendar/isoDate.js'
import { EMPTY_CAUSES } from '../../ports.js'
import { EVENT_KINDS } from '../domain/codes.js'
import type { PaymentFrequency } from '../domain/periods.js'
import type { History } from './naiveLedger.js'

export const HISTORY_START = '2026-01-01'

export type RandomContract = History & { startDate: string; endDate: string; frequency: PaymentFrequency }

const day = (max: number) => fc.integer({ min: 0, max }).map((n) => addDays(HISTORY_START, n))

/** Back-to-back stays (with gaps) in one bed, each [start, end) with end null for the last one possibly. */
const stays = (bed: number, span: number) =>
  fc
    .array(fc.record({ gap: fc.integer({ min: 0, max: 20 }), nights: fc.integer({ min: 0, max: 40 }) }), { maxLength: 4 })
    .chain((list) => fc.boolean().map((openLast) => ({ list, openLast })))
    .map(({ list, openLast }) => {
      const out: History['placements'] = []
      let at = -5
      list.forEach((s, i) => {
        const start = at + s.gap
        const end = start + s.nights
        if (start > span) return
        const open = openLast && i === list.length - 1
        out.push({ id: `p${bed}-${i}`, bed, start: addDays(HISTORY_START, start), end: open ? null : addDays(HISTORY_START, end) })
        at = end
      })
      return out
    })

export function randomContract(opts: { maxDays?: number } = {}): fc.Arbitrary<RandomContract> {
  const span = opts.maxDays ?? 100
  return fc.integer({ min: 1, max: 3 }).chain((beds) =>
    fc
      .record({
        startOffset: fc.integer({ min: 0, max: 10 }),
        length: fc.integer({ min: 20, max: span }),
        frequency: fc.constantFrom<PaymentFrequency>('4-weekly', 'monthly'),
        coreAndPlacement: fc.boolean(),
        price: fc.integer({ min: 300_000, max: 900_000 }),
        fee: fc.option(fc.integer({ min: 10_000, max: 200_000 }), { nil: null }),
        // Mostly the whole contract; sometimes a bed added or taken away part way.
        reserved: fc.array(
          fc.oneof(
            { arbitrary: fc.constant(null), weight: 2 },
            { arbitrary: fc.record({ from: fc.integer({ min: 0, max: span }), len: fc.integer({ min: 0, max: span }) }), weight: 1 },
          ),
          { minLength: beds, maxLength: beds },
        ),
        placements: fc.tuple(...Array.from({ length: beds }, (_, b) => stays(b, span))),
        events: fc.array(
          fc.record({
            kind: fc.constantFrom(...EVENT_KINDS),
            bed: fc.integer({ min: 0, max: beds - 1 }),
            from: day(span),
            len: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
            cause: fc.constantFrom(...EMPTY_CAUSES),
          }),
          { maxLength: 10 },
        ),
        prices: fc.array(
          fc.record({
            fromDate: day(span),
            pricePencePerBedWeek: fc.integer({ min: 300_000, max: 900_000 }),
            placementFeePencePerWeek: fc.option(fc.integer({ min: 10_000, max: 200_000 }), { nil: null }),
            source: fc.constantFrom('contract' as const, 'indexation' as const, 'variation' as const),
          }),
          { maxLength: 3 },
        ),
      })
      .map((r) => {
        const startDate = addDays(HISTORY_START, r.startOffset)
        const endDate = addDays(startDate, r.length)
        // Changes after the start (the start's own price is the terms'), one per (day, source) as the register's key allows.
        const prices = r.prices.filter(
          (p, i) => p.fromDate > startDate && r.prices.findIndex((q) => q.fromDate === p.fromDate && q.source === p.source) === i,
        )
        return {
          beds: Array.from({ length: beds }, (_, b) => `bed-${b}`),
          startDate,
          endDate,
          frequency: r.frequency,
          reserved: r.reserved.map((x, bed) => {
            if (x === null) return { bed, from: startDate, to: endDate }
            const from = addDays(HISTORY_START, Math.max(r.startOffset, x.from))
            const to = addDays(HISTORY_START, Math.min(x.from + x.len, r.startOffset + r.length))
            return { bed, from: from <= to ? from : startDate, to: from <= to ? to : endDate }
          }),
          placements: r.placements.flat(),
          events: r.events.map((e) => ({
            kind: e.kind,
            bed: e.bed,
            from: e.from,
            to: e.len === null ? null : addDays(e.from, e.len),
            cause: e.kind === 'empty-cause' ? e.cause : null,
          })),
          terms: {
            pricePencePerBedWeek: r.price,
            placementFeePencePerWeek: r.coreAndPlacement ? (r.fee ?? 50_000) : null,
            coreAndPlacement: r.coreAndPlacement,
          },
          prices,
        }
      }),
  )
}
