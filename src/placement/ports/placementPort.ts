/**
 * What the placement room tells the contract room about placements (see src/contract/ports.ts):
 * dates, beds, prices and needs, never a child's personal details.
 */
import type { BedOccupancy, PlacementPort, SpotPlacementCost } from '../../contract/ports.js'
import type { Db } from '../../platform/db/database.js'
import { outcomesForContract } from './outcomes.js'

const occupancyColumns = [
  'placements.id as placementId',
  'placements.bed_id as bedId',
  'placements.home_id as homeId',
  'placements.child_id as childId',
  'placements.route as route',
  'placements.contract_id as contractId',
  'placements.weekly_price_pence as weeklyPricePence',
  'placements.start_date as startDate',
  'placements.end_date as endDate',
] as const

/** Placements overlapping [from, to]: started by `to` and not ended before `from` (the end day is not a night in the bed). */
const overlapping = (db: Db, from: string, to: string) =>
  db
    .selectFrom('placements')
    .where('placements.start_date', '<=', to)
    .where((eb) => eb.or([eb('placements.end_date', 'is', null), eb('placements.end_date', '>', from)]))

export function createPlacementPort(): PlacementPort {
  return {
    async occupancyOfBeds(tx, bedIds, from, to): Promise<BedOccupancy[]> {
      if (bedIds.length === 0) return []
      return overlapping(tx, from, to)
        .select(occupancyColumns)
        .where('placements.bed_id', 'in', [...bedIds])
        .orderBy('placements.bed_id')
        .orderBy('placements.start_date')
        .execute()
    },
    async spotPlacements(tx, from, to): Promise<SpotPlacementCost[]> {
      const rows = await overlapping(tx, from, to)
        .innerJoin('homes', 'homes.id', 'placements.home_id')
        .innerJoin('children', 'children.id', 'placements.child_id')
        .select(occupancyColumns)
        .select(['homes.provider_id as providerId', 'children.needs_json as needsJson'])
        .where('placements.route', '=', 'spot')
        .orderBy('placements.start_date')
        .execute()
      const categories = await tx
        .selectFrom('home_categories')
        .select(['home_id', 'category'])
        .where('home_id', 'in', rows.length ? [...new Set(rows.map((r) => r.homeId))] : [''])
        .execute()
      const byHome = new Map<string, string[]>()
      for (const c of categories) byHome.set(c.home_id, [...(byHome.get(c.home_id) ?? []), c.category])
      return rows.map(({ needsJson, ...r }) => ({ ...r, needs: JSON.parse(needsJson) as string[], categories: byHome.get(r.homeId) ?? [] }))
    },
    outcomesForContract,
  }
}
