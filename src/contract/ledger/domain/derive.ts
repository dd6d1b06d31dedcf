/**
 * The bed ledger, derived: for every reserved bed and every day, its state, why it stood empty
 * and which placement filled it. Plain functions over typed arrays, no I/O, so a correction to a
 * placement or an event simply derives again (ADR 0013).
 *
 * Days are epoch days (src/platform/calendar/isoDate.ts). A placement occupies its bed on
 * start ≤ d < end (end is the day it ceased, SSDA903 style); reservations and events are inclusive.
 */
import { fromEpochDay } from '../../../platform/calendar/isoDate.js'
import { UserInputError } from '../../../platform/errors.js'
import { CAUSE, NO_CAUSE, STATE, type BedEventKind } from './codes.js'

export type ReservedSpan = { bed: number; from: number; to: number }
export type PlacementSpan = { id: string; bed: number; start: number; end: number | null }
/** A bed event in the order it was recorded; cause is a cause code (empty-cause events only). */
export type EventSpan = { kind: BedEventKind; bed: number; from: number; to: number | null; cause: number }

export type LedgerInput = {
  from: number
  to: number
  beds: readonly string[]
  /** How to name a bed in a refusal; the id when absent. */
  bedNames?: readonly string[]
  reserved: readonly ReservedSpan[]
  /** Every placement in the beds that overlaps the range — and, for the causes, any later one since the earliest cause. */
  placements: readonly PlacementSpan[]
  events: readonly EventSpan[]
}

/** Row-major per bed: day i of bed b is at b * days + i. */
export type Ledger = {
  from: number
  days: number
  beds: readonly string[]
  state: Uint8Array
  cause: Uint8Array
  /** Index into the input's placements, or -1. */
  placement: Int32Array
}

/** Two placements in one bed on the same day: the ledger cannot be derived until one is corrected. */
export class OccupancyClashError extends UserInputError {
  constructor(
    readonly bedId: string,
    bedName: string,
    readonly placementIds: [string, string],
    readonly day: string,
  ) {
    super(`${bedName} is occupied twice from ${day}: placements ${placementIds[0]} and ${placementIds[1]} overlap; correct one of them`, {
      field: 'bedId',
    })
    this.name = 'OccupancyClashError'
  }
}

const NEVER = Number.POSITIVE_INFINITY
const nightsEnd = (p: PlacementSpan) => (p.end === null ? NEVER : p.end)

/** Each bed's placements with at least one night, by start. */
function placementsByBed(input: LedgerInput): number[][] {
  const byBed: number[][] = input.beds.map(() => [])
  input.placements.forEach((p, i) => {
    if (nightsEnd(p) > p.start) byBed[p.bed]!.push(i)
  })
  for (const list of byBed) list.sort((a, b) => input.placements[a]!.start - input.placements[b]!.start)
  return byBed
}

/** Refuses overlapping occupancy, naming the bed, both placements and the first clashing day. */
function checkOverlaps(input: LedgerInput, byBed: number[][]): void {
  byBed.forEach((list, bed) => {
    let longest = -1
    for (const i of list) {
      const p = input.placements[i]!
      if (longest >= 0 && p.start < nightsEnd(input.placements[longest]!)) {
        const name = input.bedNames?.[bed] ?? input.beds[bed]!
        throw new OccupancyClashError(input.beds[bed]!, name, [input.placements[longest]!.id, p.id], fromEpochDay(p.start))
      }
      if (longest < 0 || nightsEnd(p) > nightsEnd(input.placements[longest]!)) longest = i
    }
  })
}

export function deriveLedger(input: LedgerInput): Ledger {
  const { from, to, beds } = input
  const days = Math.max(0, to - from + 1)
  const state = new Uint8Array(beds.length * days)
  const cause = new Uint8Array(beds.length * days).fill(NO_CAUSE)
  const placement = new Int32Array(beds.length * days).fill(-1)
  const byBed = placementsByBed(input)
  checkOverlaps(input, byBed)

  /** Raises reserved days in [a, b] to the state, if it wins; returns the clipped range. */
  const raise = (bed: number, a: number, b: number, code: number) => {
    const lo = Math.max(a, from) - from
    const hi = Math.min(b, to) - from
    const base = bed * days
    for (let d = lo; d <= hi; d++) if (state[base + d]! !== STATE.notReserved && state[base + d]! < code) state[base + d] = code
  }

  for (const r of input.reserved) {
    const base = r.bed * days
    for (let d = Math.max(r.from, from) - from; d <= Math.min(r.to, to) - from; d++)
      if (state[base + d] === STATE.notReserved) state[base + d] = STATE.empty
  }
  const eventState: Record<BedEventKind, number> = {
    held: STATE.held,
    released: STATE.released,
    unavailable: STATE.unavailable,
    'empty-cause': 0,
  }
  for (const e of input.events) if (e.kind !== 'empty-cause') raise(e.bed, e.from, e.to ?? to, eventState[e.kind])
  byBed.forEach((list, bed) => {
    const base = bed * days
    for (const i of list) {
      const p = input.placements[i]!
      const lo = Math.max(p.start, from) - from
      const hi = Math.min(nightsEnd(p) - 1, to) - from
      for (let d = lo; d <= hi; d++) {
        if (state[base + d] === STATE.notReserved) continue
        state[base + d] = STATE.occupied
        placement[base + d] = i
      }
    }
  })

  for (let i = 0; i < state.length; i++) {
    if (state[i] === STATE.empty) cause[i] = CAUSE.noReferral
    else if (state[i] === STATE.unavailable) cause[i] = CAUSE.providerUnavailable
  }
  applyCauses(input, byBed, { from, to, days, state, cause })
  return { from, days, beds, state, cause, placement }
}

/**
 * An empty-cause event gives its cause to the bed's empty days from its date until the bed is
 * next occupied or held (or its own end); the latest-dated event wins, then the latest recorded.
 */
function applyCauses(
  input: LedgerInput,
  byBed: number[][],
  l: { from: number; to: number; days: number; state: Uint8Array; cause: Uint8Array },
): void {
  const causes = input.events.map((e, order) => ({ e, order })).filter((x) => x.e.kind === 'empty-cause')
  causes.sort((a, b) => a.e.from - b.e.from || a.order - b.order)
  for (const { e } of causes) {
    const lapse = nextFilled(input, byBed[e.bed]!, e.bed, e.from)
    const lo = Math.max(e.from, l.from) - l.from
    const hi = Math.min(e.to ?? NEVER, lapse - 1, l.to) - l.from
    const base = e.bed * l.days
    for (let d = lo; d <= hi; d++) if (l.state[base + d] === STATE.empty) l.cause[base + d] = e.cause
  }
}

/** The first day on or after `day` that the bed is occupied or held (Infinity if never). */
function nextFilled(input: LedgerInput, placements: number[], bed: number, day: number): number {
  let first = NEVER
  for (const i of placements) {
    const p = input.placements[i]!
    if (nightsEnd(p) > day) {
      first = Math.min(first, Math.max(p.start, day))
      break // by start: the first that has not ended is the earliest
    }
  }
  for (const e of input.events) {
    if (e.bed !== bed || e.kind !== 'held' || (e.to ?? NEVER) < day) continue
    first = Math.min(first, Math.max(e.from, day))
  }
  return first
}
