/**
 * Who may read which child's record: the one place it is decided.
 * Social workers: children allocated to them. Placement officers and heads of service: all.
 * Provider users: only children with an open placement in one of their own homes. Anyone else: none.
 */
import { sql, type SelectQueryBuilder } from 'kysely'
import type { Actor } from '../../platform/auth/actor.js'
import type { Database } from '../../platform/db/schema.js'

export type ChildReadRule =
  { kind: 'all' } | { kind: 'allocated'; userId: string } | { kind: 'provider'; providerId: string } | { kind: 'none' }

export function childReadRule(actor: Actor): ChildReadRule {
  if (actor.role === 'system') return { kind: 'all' }
  if (actor.organisationKind === 'provider') {
    return actor.role === 'provider_user' && actor.providerId ? { kind: 'provider', providerId: actor.providerId } : { kind: 'none' }
  }
  if (actor.organisationKind !== 'council') return { kind: 'none' }
  if (actor.role === 'placement_officer' || actor.role === 'head_of_service') return { kind: 'all' }
  if (actor.role === 'social_worker' && actor.userId) return { kind: 'allocated', userId: actor.userId }
  return { kind: 'none' }
}

/** Council staff who arrange placements: book, end, and see the placements team's lists. */
export function arrangesPlacements(actor: Actor): boolean {
  return (
    actor.role === 'system' ||
    (actor.organisationKind === 'council' && (actor.role === 'placement_officer' || actor.role === 'head_of_service'))
  )
}

/** Council staff who may write a child's record or referral (given they may read the child). */
export function writesChildRecords(actor: Actor): boolean {
  return arrangesPlacements(actor) || (actor.organisationKind === 'council' && actor.role === 'social_worker')
}

/** Narrows a query over `children` to the rows the actor may read. */
export function scopeChildren<O>(
  qb: SelectQueryBuilder<Database, 'children', O>,
  actor: Actor,
): SelectQueryBuilder<Database, 'children', O> {
  const rule = childReadRule(actor)
  switch (rule.kind) {
    case 'all':
      return qb
    case 'allocated':
      return qb.where('children.allocated_social_worker_user_id', '=', rule.userId)
    case 'provider':
      return qb.where((eb) =>
        eb.exists(
          eb
            .selectFrom('placements')
            .innerJoin('homes', 'homes.id', 'placements.home_id')
            .select('placements.id')
            .whereRef('placements.child_id', '=', 'children.id')
            .where('placements.end_date', 'is', null)
            .where('homes.provider_id', '=', rule.providerId),
        ),
      )
    case 'none':
      return qb.where(sql<boolean>`1 = 0`)
  }
}
