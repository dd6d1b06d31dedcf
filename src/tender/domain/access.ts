/**
 * Who may do what in a mini-competition. The platform's permissions cover the market; the tender's
 * are finer and live here, beside the rules they guard:
 * - officers (commissioning officers, heads of service, the system) run the competition;
 * - readers (officers, finance officers, auditors) may see its progress and results — never a
 *   sealed bid: only officers read bids, and only once two of them have opened the tender;
 * - evaluators are named officers (a user id), as are the two who open the bids;
 * - providers act only for their own provider, and only where invited.
 */
import type { Actor } from '../../platform/auth/actor.js'
import { ForbiddenError } from '../../platform/auth/scope.js'
import { NotFoundError } from '../../platform/errors.js'

const OFFICER_ROLES = ['commissioning_officer', 'head_of_service'] as const
const READER_ROLES = [...OFFICER_ROLES, 'finance_officer', 'auditor'] as const

/** A 403 with the tender's own wording. */
export class TenderForbiddenError extends ForbiddenError {
  constructor(what: string) {
    super('market:read')
    this.message = `Not permitted: ${what}`
  }
}

const isCouncil = (actor: Actor) => actor.organisationKind === 'council' || actor.role === 'system'

export function isOfficer(actor: Actor): boolean {
  return actor.role === 'system' || (isCouncil(actor) && (OFFICER_ROLES as readonly string[]).includes(actor.role))
}

export function canReadTenders(actor: Actor): boolean {
  return actor.role === 'system' || (isCouncil(actor) && (READER_ROLES as readonly string[]).includes(actor.role))
}

export function isProviderUser(actor: Actor): actor is Actor & { providerId: string } {
  return actor.organisationKind === 'provider' && actor.role === 'provider_user' && actor.providerId !== null
}

/** Officer-only actions. A provider user is told "not found": it may not know the council's side exists. */
export function requireOfficer(actor: Actor, what: string): void {
  if (actor.organisationKind === 'provider') throw new NotFoundError('No such tender')
  if (!isOfficer(actor)) throw new TenderForbiddenError(what)
}

export function requireReader(actor: Actor): void {
  if (actor.organisationKind === 'provider') throw new NotFoundError('No such tender')
  if (!canReadTenders(actor)) throw new TenderForbiddenError('read tenders')
}

/** A named officer: opening and evaluating need a person, never the system. */
export function requireNamedOfficer(actor: Actor, what: string): asserts actor is Actor & { userId: string } {
  requireOfficer(actor, what)
  if (!actor.userId || actor.role === 'system') throw new TenderForbiddenError(`${what} (it must be done by a named officer)`)
}

export function requireProvider(actor: Actor): asserts actor is Actor & { providerId: string } {
  if (!isProviderUser(actor)) {
    if (actor.organisationKind === 'provider') throw new NotFoundError('No such tender')
    throw new TenderForbiddenError('act for a provider')
  }
}
