/**
 * Outcomes of the placements made under a contract, for the extension decision pack: counts,
 * stability (lasted two years or more, unplanned endings) and distance from each child's home
 * postcode by the DfE formula. Only aggregates leave the placement room: no child is named.
 */
import { PostgresAdapter } from 'kysely'
import type { PlacementOutcomes } from '../../contract/ports.js'
import { dfeMiles } from '../../geo/distance.js'
import { createPostcodeService } from '../../geo/postcodeService.js'
import { createAuditRepository } from '../../platform/audit/auditRepository.js'
import { createAuditService } from '../../platform/audit/auditService.js'
import { addDays, toEpochDay } from '../../platform/calendar/isoDate.js'
import type { Db } from '../../platform/db/database.js'

const WITHIN_MILES = 20

/** The same day two years on (29 February → 1 March). */
function twoYearsAfter(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y + 2, m - 1, d)).toISOString().slice(0, 10)
}

function median(values: number[]): number | null {
  if (values.length === 0) return null
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? s[mid]! : Math.round(((s[mid - 1]! + s[mid]!) / 2) * 10) / 10
}

/** A postcode lookup on the caller's transaction (on SQLite a lookup through another connection would wait on it). */
function postcodesOn(tx: Db) {
  const dialect = tx.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
  return createPostcodeService({ db: tx, dialect, audit: createAuditService(createAuditRepository(dialect), tx) })
}

export async function outcomesForContract(tx: Db, contractId: string, upTo: string): Promise<PlacementOutcomes> {
  const rows = await tx
    .selectFrom('placements')
    .innerJoin('children', 'children.id', 'placements.child_id')
    .innerJoin('homes', 'homes.id', 'placements.home_id')
    .select([
      'placements.child_id as childId',
      'placements.start_date as startDate',
      'placements.end_date as endDate',
      'placements.ended_planned as endedPlanned',
      'children.home_postcode as homePostcode',
      'homes.easting as easting',
      'homes.northing as northing',
    ])
    .where('placements.contract_id', '=', contractId)
    .where('placements.start_date', '<=', upTo)
    .execute()
  // A placement still open on `upTo` is counted to that day; an end after it is not yet known there.
  const lastDay = (r: (typeof rows)[number]) => (r.endDate !== null && r.endDate <= upTo ? r.endDate : addDays(upTo, 1))
  const days = rows.map((r) => toEpochDay(lastDay(r)) - toEpochDay(r.startDate))
  const located = await postcodesOn(tx).locateManyIn(
    tx,
    rows.map((r) => r.homePostcode ?? ''),
  )
  const miles: number[] = []
  rows.forEach((r, i) => {
    const from = located[i]
    if (from && r.easting !== null && r.northing !== null) miles.push(dfeMiles(from, { easting: r.easting, northing: r.northing }))
  })
  return {
    placements: rows.length,
    children: new Set(rows.map((r) => r.childId)).size,
    endedUnplanned: rows.filter((r) => r.endedPlanned === 'unplanned' && r.endDate !== null && r.endDate <= upTo).length,
    within20MilesShare: miles.length === 0 ? null : miles.filter((m) => m <= WITHIN_MILES).length / miles.length,
    medianMilesFromHome: median(miles),
    lastedTwoYears: rows.filter((r) => twoYearsAfter(r.startDate) <= lastDay(r)).length,
    averageDays: days.length === 0 ? null : Math.round(days.reduce((s, d) => s + d, 0) / days.length),
  }
}
