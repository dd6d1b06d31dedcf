/**
 * Payment lines from the ledger. A block line counts the contract's ledger days in the period
 * by price band; its amounts are a function of those counts alone (amountsOfBlock), so the
 * stored explanation proves the line to the penny:
 *   gross     = every reserved bed-day at the core price, plus the placement fee on occupied days
 *   credit    = released days at the core price (the void rule)
 *   deduction = days the provider made the bed unavailable (cause 'provider-unavailable') at the core price
 */
import { fromEpochDay } from '../../../platform/calendar/isoDate.js'
import { EMPTY_CAUSES, type EmptyCause } from '../../ports.js'
import { BED_STATES, CAUSE, STATE, type BedState } from './codes.js'
import type { Ledger } from './derive.js'
import { amountsFromSevenths, type Amounts } from './money.js'
import { bandOn, type PriceBand } from './prices.js'

export type DayCounts = Record<BedState, number>
export type BandDays = {
  from: string
  to: string
  pricePencePerBedWeek: number
  placementFeePencePerWeek: number
  reservedBedDays: number
  occupiedBedDays: number
  creditedBedDays: number
  deductedBedDays: number
}
export type BlockExplanation = {
  kind: 'block'
  days: DayCounts
  emptyByCause: Record<EmptyCause, number>
  /** Empty days by cause, at the core price, in sevenths of a penny (for the value figures). */
  emptyCostSevenths: Record<EmptyCause, number>
  bands: BandDays[]
}
export type SpotExplanation = { kind: 'spot'; from: string; to: string; nights: number; weeklyPricePence: number }

const zeroCounts = (): DayCounts => Object.fromEntries(BED_STATES.map((s) => [s, 0])) as DayCounts
const zeroCauses = (): Record<EmptyCause, number> => Object.fromEntries(EMPTY_CAUSES.map((c) => [c, 0])) as Record<EmptyCause, number>

/** No days at all: a contract outside the period. */
export const noDays = (): BlockExplanation => ({
  kind: 'block',
  days: zeroCounts(),
  emptyByCause: zeroCauses(),
  emptyCostSevenths: zeroCauses(),
  bands: [],
})

/** The ledger's days in [from, to] (epoch days, inside the ledger's range), by state, cause and price band. */
export function tallyBlock(ledger: Ledger, bands: readonly PriceBand[], from: number, to: number): BlockExplanation {
  if (from < ledger.from || to >= ledger.from + ledger.days) throw new RangeError('the period is outside the derived ledger')
  const days = zeroCounts()
  const emptyByCause = zeroCauses()
  const emptyCostSevenths = zeroCauses()
  const out: BandDays[] = []
  for (let b = bandOn(bands, from); b < bands.length && bands[b]!.from <= to; b++) {
    const band = bands[b]!
    const lo = Math.max(from, band.from)
    const hi = Math.min(to, (bands[b + 1]?.from ?? Number.POSITIVE_INFINITY) - 1)
    const t = { reserved: 0, occupied: 0, credited: 0, deducted: 0 }
    for (let bed = 0; bed < ledger.beds.length; bed++) {
      const base = bed * ledger.days - ledger.from
      for (let d = lo; d <= hi; d++) {
        const s = ledger.state[base + d]!
        if (s === STATE.notReserved) continue
        t.reserved++
        days[BED_STATES[s - 1]!]++
        if (s === STATE.occupied) t.occupied++
        else if (s === STATE.released) t.credited++
        const c = ledger.cause[base + d]!
        if (s === STATE.empty || s === STATE.unavailable) {
          emptyByCause[EMPTY_CAUSES[c]!]++
          emptyCostSevenths[EMPTY_CAUSES[c]!] += band.price
        }
        if (c === CAUSE.providerUnavailable) t.deducted++
      }
    }
    if (t.reserved === 0) continue
    out.push({
      from: fromEpochDay(lo),
      to: fromEpochDay(hi),
      pricePencePerBedWeek: band.price,
      placementFeePencePerWeek: band.fee,
      reservedBedDays: t.reserved,
      occupiedBedDays: t.occupied,
      creditedBedDays: t.credited,
      deductedBedDays: t.deducted,
    })
  }
  return { kind: 'block', days, emptyByCause, emptyCostSevenths, bands: out }
}

/** A block line's amounts from its explanation alone (the penny rule, money.ts). */
export function amountsOfBlock(e: Pick<BlockExplanation, 'bands'>): Amounts {
  let gross = 0
  let credit = 0
  let deduction = 0
  for (const b of e.bands) {
    gross += b.pricePencePerBedWeek * b.reservedBedDays + b.placementFeePencePerWeek * b.occupiedBedDays
    credit += b.pricePencePerBedWeek * b.creditedBedDays
    deduction += b.pricePencePerBedWeek * b.deductedBedDays
  }
  return amountsFromSevenths(gross, credit, deduction)
}

/** A spot placement's nights in [from, to] (epoch days) at its weekly fee. */
export function spotLine(
  p: { start: number; end: number | null; weeklyPricePence: number },
  from: number,
  to: number,
): { explanation: SpotExplanation; amounts: Amounts } | null {
  const lo = Math.max(from, p.start)
  const hi = Math.min(to, (p.end ?? Number.POSITIVE_INFINITY) - 1)
  if (hi < lo) return null
  const nights = hi - lo + 1
  return {
    explanation: { kind: 'spot', from: fromEpochDay(lo), to: fromEpochDay(hi), nights, weeklyPricePence: p.weeklyPricePence },
    amounts: amountsOfSpot({ nights, weeklyPricePence: p.weeklyPricePence }),
  }
}

export const amountsOfSpot = (e: Pick<SpotExplanation, 'nights' | 'weeklyPricePence'>): Amounts =>
  amountsFromSevenths(e.nights * e.weeklyPricePence, 0, 0)
