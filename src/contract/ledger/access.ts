/**
 * Who may do what with the ledger — the one place it is decided (ADR 0013):
 * - reading a contract's ledger and value: contract:read, a provider user only its own contracts;
 * - recording, ending and voiding bed events: council officers with contract:edit, any kind;
 *   a provider user, on its own contracts' beds, only what the provider itself decides —
 *   unavailability and release to other councils — and it may void only what it recorded;
 * - payments: the council only; running them needs payment:run.
 */
import type { Actor } from '../../platform/auth/actor.js'
import { authorise, can, ForbiddenError } from '../../platform/auth/scope.js'
import type { BedEventKind } from './domain/codes.js'

export const PROVIDER_EVENT_KINDS: readonly BedEventKind[] = ['unavailable', 'released']

export const isProvider = (actor: Actor) => actor.organisationKind === 'provider'

export function canRecordEvent(actor: Actor, kind: BedEventKind, contractProviderId: string): boolean {
  if (isProvider(actor))
    return actor.providerId === contractProviderId && PROVIDER_EVENT_KINDS.includes(kind) && can(actor, 'contract:read')
  return can(actor, 'contract:edit')
}

export function authoriseEvent(actor: Actor, kind: BedEventKind, contractProviderId: string): void {
  if (!canRecordEvent(actor, kind, contractProviderId)) throw new ForbiddenError('contract:edit')
}

/** The payments pages and exports are the council's: finance and contract readers. */
export function authorisePaymentsRead(actor: Actor): void {
  if (isProvider(actor) || !(can(actor, 'payment:run') || can(actor, 'contract:read'))) throw new ForbiddenError('payment:run')
}

export const authorisePaymentRun = (actor: Actor) => authorise(actor, 'payment:run')

/** The spot benchmark is built from other providers' prices: the council's to see, not a provider's. */
export const seesBenchmark = (actor: Actor) => !isProvider(actor)
