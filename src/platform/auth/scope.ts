import { sql } from 'kysely'
import type { Actor } from './actor.js'
import { roleCan, type Permission } from './roles.js'

export class ForbiddenError extends Error {
  constructor(public readonly permission: Permission) {
    super(`Not permitted: ${permission}`)
  }
}

/** What rows an actor may see: everything, or one provider's own. Repositories apply it. */
export type DataScope = { kind: 'all' } | { kind: 'provider'; providerId: string } | { kind: 'none' }

export function can(actor: Actor, permission: Permission): boolean {
  return actor.role === 'system' || roleCan(actor.role, permission)
}

export function authorise(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new ForbiddenError(permission)
}

/** The single rule for organisation scoping: provider staff see only their own organisation's data. */
export function dataScope(actor: Actor): DataScope {
  if (actor.organisationKind === 'provider') {
    return actor.providerId ? { kind: 'provider', providerId: actor.providerId } : { kind: 'none' }
  }
  return { kind: 'all' }
}

/** Narrows a query to the scope, given the column that holds the provider id. */
export function applyScope<QB extends { where: (...args: never[]) => QB }>(qb: QB, scope: DataScope, providerColumn: string): QB {
  const where = qb.where as unknown as (...args: unknown[]) => QB
  if (scope.kind === 'provider') return where.call(qb, providerColumn, '=', scope.providerId)
  // A provider organisation not yet linked to a provider sees nothing at all.
  if (scope.kind === 'none') return where.call(qb, sql<boolean>`1 = 0`)
  return qb
}
