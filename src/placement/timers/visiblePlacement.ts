/** A placement as the council's staff see it: only if they may read the child; providers and others get NotFound. */
import type { Actor } from '../../platform/auth/actor.js'
import type { Db } from '../../platform/db/database.js'
import { NotFoundError } from '../../platform/errors.js'
import { childReadRule } from '../children/access.js'
import type { PlacementContext } from '../placementService.js'

/** The placement with its home, and the child's record (not yet an audited read: the caller reads it with its purpose). */
export async function councilVisiblePlacement(ctx: PlacementContext, tx: Db, actor: Actor, placementId: string) {
  const p = await tx
    .selectFrom('placements')
    .innerJoin('homes', 'homes.id', 'placements.home_id')
    .selectAll('placements')
    .select(['homes.name as home_name', 'homes.easting', 'homes.northing'])
    .where('placements.id', '=', placementId)
    .executeTakeFirst()
  if (!p || childReadRule(actor).kind === 'provider') throw new NotFoundError('No such placement')
  try {
    return { placement: p, child: await ctx.visibleChild(tx, actor, p.child_id) }
  } catch (e) {
    if (e instanceof NotFoundError) throw new NotFoundError('No such placement')
    throw e
  }
}
