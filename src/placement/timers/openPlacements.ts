/** Open placements with what their statutory timers need: start, plan, visits done, and the child's social worker. */
import type { Actor } from '../../platform/auth/actor.js'
import type { Db } from '../../platform/db/database.js'
import { scopeChildren } from '../children/access.js'

/** Every open placement, or (given an actor) those of the children the actor may read. */
export async function openPlacementTimers(tx: Db, readableBy?: Actor) {
  let q = tx
    .selectFrom('placements')
    .innerJoin('children', 'children.id', 'placements.child_id')
    .innerJoin('homes', 'homes.id', 'placements.home_id')
    .leftJoin('placement_plans', 'placement_plans.placement_id', 'placements.id')
    .leftJoin('users', 'users.id', 'children.allocated_social_worker_user_id')
    .select([
      'placements.id as placement_id',
      'placements.start_date',
      'placements.end_date',
      'children.id as child_id',
      'children.case_reference',
      'homes.name as home_name',
      'placement_plans.prepared_on',
      'users.id as user_id',
      'users.email',
      'users.display_name as social_worker',
      'users.status as user_status',
    ])
    .where('placements.end_date', 'is', null)
  if (readableBy) q = q.where('children.id', 'in', scopeChildren(tx.selectFrom('children').select('children.id'), readableBy))
  const rows = await q.orderBy('placements.start_date').orderBy('placements.id').execute()
  const ids = rows.map((r) => r.placement_id)
  const visits = ids.length
    ? await tx.selectFrom('placement_visits').select(['placement_id', 'visited_on']).where('placement_id', 'in', ids).execute()
    : []
  const byPlacement = new Map<string, string[]>()
  for (const v of visits) byPlacement.set(v.placement_id, [...(byPlacement.get(v.placement_id) ?? []), v.visited_on])
  return rows.map((r) => ({ ...r, visits: byPlacement.get(r.placement_id) ?? [] }))
}
