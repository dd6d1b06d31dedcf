/** From rows as the database keeps them (ids, ISO dates) to the derivation's indices and epoch days. */
import { toEpochDay } from '../../../platform/calendar/isoDate.js'
import type { EmptyCause } from '../../ports.js'
import { causeCode, NO_CAUSE, type BedEventKind } from './codes.js'
import type { LedgerInput } from './derive.js'

export type LedgerRows = {
  from: string
  to: string
  beds: readonly { id: string; name: string }[]
  /** Inclusive; to null = open. */
  reserved: readonly { bedId: string; from: string; to: string | null }[]
  placements: readonly { id: string; bedId: string; startDate: string; endDate: string | null }[]
  /** In the order recorded, voided ones left out. */
  events: readonly { kind: BedEventKind; bedId: string; fromDate: string; toDate: string | null; cause: EmptyCause | null }[]
}

/** A stored ISO date as an epoch day, without toEpochDay's checks: the database only holds dates that passed them. */
const stored = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86_400_000

export function ledgerInput(rows: LedgerRows): LedgerInput {
  const index = new Map(rows.beds.map((b, i) => [b.id, i]))
  const to = toEpochDay(rows.to)
  const bedOf = (id: string) => index.get(id) ?? -1
  return {
    from: toEpochDay(rows.from),
    to,
    beds: rows.beds.map((b) => b.id),
    bedNames: rows.beds.map((b) => b.name),
    reserved: rows.reserved
      .map((r) => ({ bed: bedOf(r.bedId), from: stored(r.from), to: r.to === null ? to : stored(r.to) }))
      .filter((r) => r.bed >= 0),
    placements: rows.placements
      .map((p) => ({
        id: p.id,
        bed: bedOf(p.bedId),
        start: stored(p.startDate),
        end: p.endDate === null ? null : stored(p.endDate),
      }))
      .filter((p) => p.bed >= 0),
    events: rows.events
      .map((e) => ({
        kind: e.kind,
        bed: bedOf(e.bedId),
        from: stored(e.fromDate),
        to: e.toDate === null ? null : stored(e.toDate),
        cause: e.cause === null ? NO_CAUSE : causeCode(e.cause),
      }))
      .filter((e) => e.bed >= 0),
  }
}
