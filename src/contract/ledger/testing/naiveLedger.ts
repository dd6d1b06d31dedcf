/**
 * A plain twin of the ledger and its payment lines, written day by day from the rules as the
 * ADR states them (no typed arrays, no bands, no sweeps), for the property tests to hold the
 * real derivation and the stored lines to.
 */
import { addDays } from '../../../platform/calendar/isoDate.js'
import type { EmptyCause } from '../../ports.js'
import type { BedEventKind, BedState } from '../domain/codes.js'
import type { PriceRow } from '../domain/prices.js'

export type History = {
  beds: string[]
  /** Inclusive ISO dates. */
  reserved: { bed: number; from: string; to: string }[]
  /** Nights start ≤ d < end. */
  placements: { id: string; bed: number; start: string; end: string | null }[]
  /** In the order recorded; voided ones already left out. */
  events: { kind: BedEventKind; bed: number; from: string; to: string | null; cause: EmptyCause | null }[]
  terms: { pricePencePerBedWeek: number; placementFeePencePerWeek: number | null; coreAndPlacement: boolean }
  prices: PriceRow[]
}

const covers = (e: { from: string; to: string | null }, day: string) => e.from <= day && (e.to === null || day <= e.to)
const inBed = (p: History['placements'][number], day: string) => p.start <= day && (p.end === null || day < p.end)

export function naiveDay(h: History, bed: number, day: string): { state: BedState | null; cause: EmptyCause | null } {
  if (!h.reserved.some((r) => r.bed === bed && r.from <= day && day <= r.to)) return { state: null, cause: null }
  if (h.placements.some((p) => p.bed === bed && inBed(p, day))) return { state: 'occupied', cause: null }
  const on = (kind: BedEventKind) => h.events.some((e) => e.bed === bed && e.kind === kind && covers(e, day))
  if (on('unavailable')) return { state: 'unavailable', cause: 'provider-unavailable' }
  if (on('released')) return { state: 'released', cause: null }
  if (on('held')) return { state: 'held', cause: null }
  // The latest-dated (then latest-recorded) cause still in force: not past its end, the bed not filled since it.
  const filledBetween = (a: string, b: string) => {
    for (let x = a; x <= b; x = addDays(x, 1)) {
      if (h.placements.some((p) => p.bed === bed && inBed(p, x))) return true
      if (h.events.some((e) => e.bed === bed && e.kind === 'held' && covers(e, x))) return true
    }
    return false
  }
  let best: { from: string; order: number; cause: EmptyCause } | null = null
  h.events.forEach((e, order) => {
    if (e.bed !== bed || e.kind !== 'empty-cause' || !covers(e, day) || filledBetween(e.from, day)) return
    if (!best || e.from > best.from || (e.from === best.from && order > best.order)) best = { from: e.from, order, cause: e.cause! }
  })
  return { state: 'empty', cause: (best as { cause: EmptyCause } | null)?.cause ?? 'no-referral' }
}

const RANK = { contract: 0, indexation: 1, variation: 2 }

/** The core price and placement fee in force on the day, by reading every price row. */
export function naivePrice(h: History, day: string): { price: number; fee: number } {
  const rows = h.prices
    .filter((r) => r.fromDate <= day)
    .sort((a, b) => a.fromDate.localeCompare(b.fromDate) || RANK[a.source] - RANK[b.source])
  const price = rows.at(-1)?.pricePencePerBedWeek ?? h.terms.pricePencePerBedWeek
  if (!h.terms.coreAndPlacement) return { price, fee: 0 }
  const fees = rows.map((r) => r.placementFeePencePerWeek).filter((f): f is number => f !== null)
  return { price, fee: fees.at(-1) ?? h.terms.placementFeePencePerWeek ?? 0 }
}

const nearest = (sevenths: number) => Math.round(sevenths / 7)

/** A block line for [from, to], day by day: credit and deduction rounded, net the rounded remainder, gross their sum. */
export function naiveBlockLine(h: History, from: string, to: string) {
  let gross = 0
  let credit = 0
  let deduction = 0
  const days: Record<BedState, number> = { empty: 0, held: 0, released: 0, unavailable: 0, occupied: 0 }
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const { price, fee } = naivePrice(h, day)
    h.beds.forEach((_, bed) => {
      const { state, cause } = naiveDay(h, bed, day)
      if (state === null) return
      days[state]++
      gross += price + (state === 'occupied' ? fee : 0)
      if (state === 'released') credit += price
      if (cause === 'provider-unavailable') deduction += price
    })
  }
  const net = nearest(gross - credit - deduction)
  return {
    days,
    creditPence: nearest(credit),
    deductionPence: nearest(deduction),
    netPence: net,
    grossPence: net + nearest(credit) + nearest(deduction),
  }
}
