/**
 * Reads what the ledger is derived from — reserved beds, prices, bed events and (through the
 * placement port) placements — for many contracts in a handful of queries, and derives each
 * contract's ledger over a range. Nothing derived is ever stored.
 */
import { addDays } from '../../platform/calendar/isoDate.js'
import type { Db } from '../../platform/db/database.js'
import type { BedOccupancy, PlacementPort } from '../ports.js'
import { deriveLedger, type Ledger } from './domain/derive.js'
import { ledgerInput } from './domain/input.js'
import { priceBands, type PriceBand } from './domain/prices.js'
import type { ContractRow, LedgerEventRow, LedgerRepository, ReservedBedRow } from './ledgerRepository.js'

export type LedgerBed = { id: string; name: string; homeId: string; homeName: string; label: string }
export type ContractLedger = {
  contract: ContractRow
  beds: LedgerBed[]
  ledger: Ledger
  bands: PriceBand[]
  /** The placements the ledger's placement indices point into. */
  placements: BedOccupancy[]
  events: LedgerEventRow[]
}

const minDate = (a: string, b: string) => (a < b ? a : b)

/** Rows by a key, as a lookup that answers [] for a key with none. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): (k: string) => T[] {
  const m = new Map<string, T[]>()
  for (const r of rows) {
    const list = m.get(key(r))
    if (list) list.push(r)
    else m.set(key(r), [r])
  }
  return (k) => m.get(k) ?? []
}

/** How far back to read placements and events, so that causes recorded before the range can be seen to have lapsed. */
const LOOK_BACK_DAYS = 92

/**
 * The events and placements the range needs. A cause recorded before the range is still in
 * force in it unless the bed was occupied or held in between: reading a look-back window shows
 * that for nearly every bed; only for a bed with an older cause and no fill in the window is
 * its history read back to that cause.
 */
async function causesAndFills(
  tx: Db,
  repo: LedgerRepository,
  port: PlacementPort,
  ids: string[],
  bedIds: string[],
  from: string,
  to: string,
) {
  const back = addDays(from, -LOOK_BACK_DAYS)
  const before = addDays(from, -1)
  let [events, placements] = await Promise.all([repo.ledgerEvents(tx, ids, back, to, back), port.occupancyOfBeds(tx, bedIds, back, to)])
  const filled = new Set([
    ...placements
      .filter((p) => p.startDate <= before && (p.endDate === null || p.endDate > back) && p.endDate !== p.startDate)
      .map((p) => p.bedId),
    ...events.filter((e) => e.kind === 'held' && e.from_date <= before && (e.to_date === null || e.to_date >= back)).map((e) => e.bed_id),
  ])
  const unsure = events.filter((e) => e.kind === 'empty-cause' && e.from_date < back && !filled.has(e.bed_id))
  if (unsure.length > 0) {
    const deep = unsure.reduce((m, e) => minDate(m, e.from_date), back)
    const beds = new Set(unsure.map((e) => e.bed_id))
    const [olderEvents, olderPlacements] = await Promise.all([
      repo.ledgerEvents(tx, ids, deep, addDays(back, -1)),
      port.occupancyOfBeds(tx, [...beds], deep, addDays(back, -1)),
    ])
    const seen = new Set(events.map((e) => e.id))
    events = [...events, ...olderEvents.filter((e) => beds.has(e.bed_id) && !seen.has(e.id))].sort(
      (a, b) => a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    const known = new Set(placements.map((p) => p.placementId))
    placements = [...placements, ...olderPlacements.filter((p) => !known.has(p.placementId))]
  }
  return { events, placements }
}
const maxDate = (a: string, b: string) => (a > b ? a : b)

/** Each contract's ledger over [from, to], clipped to the contract's own dates (an empty range outside them). */
export async function loadLedgers(
  tx: Db,
  repo: LedgerRepository,
  port: PlacementPort,
  contracts: readonly ContractRow[],
  from: string,
  to: string,
): Promise<Map<string, ContractLedger>> {
  const ids = contracts.map((c) => c.id)
  const [reserved, prices] = await Promise.all([repo.reservedBeds(tx, ids), repo.prices(tx, ids)])
  const bedIds = [...new Set(reserved.map((r) => r.bed_id))]
  const { events, placements } = await causesAndFills(tx, repo, port, ids, bedIds, from, to)

  const [reservedOf, pricesOf, eventsOf, placementsIn] = [
    groupBy(reserved, (r) => r.contract_id),
    groupBy(prices, (p) => p.contract_id),
    groupBy(events, (e) => e.contract_id),
    groupBy(placements, (p) => p.bedId),
  ]
  const out = new Map<string, ContractLedger>()
  for (const contract of contracts) {
    const lo = maxDate(from, contract.start_date)
    const hi = minDate(to, contract.end_date)
    const ours = reservedOf(contract.id)
    const inBeds = [...new Set(ours.map((r) => r.bed_id))].flatMap(placementsIn)
    out.set(contract.id, derivedFor(contract, lo, hi, ours, pricesOf(contract.id), eventsOf(contract.id), inBeds))
  }
  return out
}

function derivedFor(
  contract: ContractRow,
  from: string,
  to: string,
  reserved: ReservedBedRow[],
  prices: Awaited<ReturnType<LedgerRepository['prices']>>,
  events: LedgerEventRow[],
  placements: BedOccupancy[],
): ContractLedger {
  const beds: LedgerBed[] = []
  for (const r of reserved) {
    if (beds.some((b) => b.id === r.bed_id)) continue
    beds.push({ id: r.bed_id, name: `${r.home_name}, ${r.label}`, homeId: r.home_id, homeName: r.home_name, label: r.label })
  }
  // An empty range (from > to) derives to no days.
  const range = from <= to ? { from, to } : { from, to: from }
  const ledger = deriveLedger(
    ledgerInput({
      from: range.from,
      to: range.to,
      beds,
      reserved:
        from <= to
          ? reserved.map((r) => ({
              bedId: r.bed_id,
              from: maxDate(r.from_date, contract.start_date),
              to: minDate(r.to_date ?? contract.end_date, contract.end_date),
            }))
          : [],
      placements: placements.map((p) => ({ id: p.placementId, bedId: p.bedId, startDate: p.startDate, endDate: p.endDate })),
      events: events.map((e) => ({ kind: e.kind, bedId: e.bed_id, fromDate: e.from_date, toDate: e.to_date, cause: e.cause })),
    }),
  )
  const bands = priceBands(
    {
      startDate: contract.start_date,
      pricePencePerBedWeek: contract.price_pence_per_bed_week,
      placementFeePencePerWeek: contract.placement_fee_pence_per_week,
      coreAndPlacement: contract.pricing_model === 'core-and-placement',
    },
    prices.map((p) => ({
      fromDate: p.from_date,
      pricePencePerBedWeek: p.price_pence_per_bed_week,
      placementFeePencePerWeek: p.placement_fee_pence_per_week,
      source: p.source,
    })),
  )
  return { contract, beds, ledger, bands, placements, events }
}
