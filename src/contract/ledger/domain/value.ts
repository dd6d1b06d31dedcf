/**
 * The value figures (issue #4 §4) from ledger tallies: occupancy, empty days and their cost by
 * cause, what was paid, the effective cost per occupied bed-week and the spot benchmark.
 */
import { EMPTY_CAUSES } from '../../ports.js'
import type { ContractValue, Period } from '../../api.js'
import { amountsOfBlock, type BlockExplanation } from './lines.js'
import { penceFromSevenths } from './money.js'

export type SpotBenchmark = {
  /** Mean framework spot rate of the lots' active members, per bed-week; null when none. */
  frameworkSpotRatePence: number | null
  /** Comparable spot placements' weekly fees, each with its nights in the period. */
  actual: { weeklyPricePence: number; nights: number }[]
}

/** The mean of the rates, to the nearest penny; null for none. */
export function meanRate(rates: readonly number[]): number | null {
  return rates.length === 0 ? null : Math.round(rates.reduce((s, r) => s + r, 0) / rates.length)
}

/** The weekly fee per bed-week actually paid: weighted by each placement's nights in the period. */
export function nightWeightedRate(actual: SpotBenchmark['actual']): number | null {
  const nights = actual.reduce((s, a) => s + a.nights, 0)
  return nights === 0 ? null : Math.round(actual.reduce((s, a) => s + a.weeklyPricePence * a.nights, 0) / nights)
}

/**
 * One contract's figures, or the whole block's (each contract's tally rounded on its own, as it
 * is paid). The saving prices the occupied bed-weeks at the actual spot rate of comparable
 * placements when there were any, else at the framework rate; positive is a saving.
 */
export function valueOf(period: Period, tallies: readonly BlockExplanation[], benchmark: SpotBenchmark | null): ContractValue {
  const sum = (f: (t: BlockExplanation) => number) => tallies.reduce((s, t) => s + f(t), 0)
  const occupied = sum((t) => t.days.occupied)
  const reserved = sum((t) => t.days.occupied + t.days.held + t.days.released + t.days.unavailable + t.days.empty)
  const paid = sum((t) => amountsOfBlock(t).netPence)
  const actualRate = benchmark ? nightWeightedRate(benchmark.actual) : null
  const rate = actualRate ?? benchmark?.frameworkSpotRatePence ?? null
  return {
    period,
    reservedBedDays: reserved,
    occupiedBedDays: occupied,
    heldBedDays: sum((t) => t.days.held),
    releasedBedDays: sum((t) => t.days.released),
    unavailableBedDays: sum((t) => t.days.unavailable),
    // Every reserved day neither filled, held nor released: plain empty days and the provider's unavailable days.
    emptyBedDays: sum((t) => t.days.empty + t.days.unavailable),
    occupancy: reserved === 0 ? null : occupied / reserved,
    emptyByCause: EMPTY_CAUSES.map((cause) => ({
      cause,
      bedDays: sum((t) => t.emptyByCause[cause]),
      costPence: sum((t) => penceFromSevenths(t.emptyCostSevenths[cause])),
    })),
    paidPence: paid,
    costPerOccupiedBedWeekPence: occupied === 0 ? null : Math.round((paid * 7) / occupied),
    frameworkSpotRatePence: benchmark?.frameworkSpotRatePence ?? null,
    actualSpotRatePence: actualRate,
    actualSpotPlacements: benchmark?.actual.length ?? 0,
    savingPence: rate === null ? null : penceFromSevenths(rate * occupied) - paid,
  }
}
