/**
 * The contract price in force on each day. The latest row from on or before the day wins; rows
 * from the same day rank variation over indexation over the contract's own price.
 */
import { toEpochDay } from '../../../platform/calendar/isoDate.js'

export type PriceRow = {
  fromDate: string
  pricePencePerBedWeek: number
  placementFeePencePerWeek: number | null
  source: 'contract' | 'indexation' | 'variation'
}

/** A run of days at one price: from its day until the next band's. fee is 0 for a pure block. */
export type PriceBand = { from: number; price: number; fee: number }

const RANK: Record<PriceRow['source'], number> = { contract: 0, indexation: 1, variation: 2 }

/**
 * The bands in force, by day. Before the first row the contract's own terms apply. For
 * core-and-placement, a row without a placement fee keeps the fee in force before it.
 */
export function priceBands(
  terms: { startDate: string; pricePencePerBedWeek: number; placementFeePencePerWeek: number | null; coreAndPlacement: boolean },
  rows: readonly PriceRow[],
): PriceBand[] {
  const sorted = [...rows].sort((a, b) => (a.fromDate < b.fromDate ? -1 : a.fromDate > b.fromDate ? 1 : RANK[a.source] - RANK[b.source]))
  const fee0 = terms.coreAndPlacement ? (terms.placementFeePencePerWeek ?? 0) : 0
  const bands: PriceBand[] = [{ from: Number.NEGATIVE_INFINITY, price: terms.pricePencePerBedWeek, fee: fee0 }]
  for (const r of sorted) {
    const from = toEpochDay(r.fromDate)
    const last = bands.at(-1)!
    const fee = terms.coreAndPlacement ? (r.placementFeePencePerWeek ?? last.fee) : 0
    // Same day: the higher-ranked source (later in the sort) replaces the band.
    if (last.from === from) bands.pop()
    bands.push({ from, price: r.pricePencePerBedWeek, fee })
  }
  return bands
}

/** The index of the band in force on the day (bands are by from, the first open to the past). */
export function bandOn(bands: readonly PriceBand[], day: number): number {
  let lo = 0
  let hi = bands.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (bands[mid]!.from <= day) lo = mid
    else hi = mid - 1
  }
  return lo
}
