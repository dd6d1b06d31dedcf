/**
 * The placement room's service: children, referrals, booking and ending placements, visits and
 * statutory timers. Built from parts sharing one context; access to a child's record is decided
 * in children/access.ts and every read of one leaves an audit row in the read's transaction.
 *
 * Deps: { db, dialect, audit, market (setBedStatus), now? }; the cascade and booking also use
 * postcodes (the child's home and school) and contracts (ContractPort: routes and void causes).
 */
import type { ContractService } from '../contract/contractService.js'
import type { ContractPort } from '../contract/ports.js'
import type { PostcodeService } from '../geo/postcodeService.js'
import type { MarketService } from '../market/marketService.js'
import type { Config } from '../platform/config.js'
import type { AuditService } from '../platform/audit/auditService.js'
import type { OutboxService } from '../platform/outbox/outboxService.js'
import type { Actor } from '../platform/auth/actor.js'
import type { Db, Dialect } from '../platform/db/database.js'
import { inTransaction } from '../platform/db/transaction.js'
import { NotFoundError } from '../platform/errors.js'
import { scopeChildren } from './children/access.js'
import { createCascadePart } from './cascade/cascadeService.js'
import { createChildPart } from './children/childService.js'
import { createOfferPart } from './offers/offerPart.js'
import { createBookingPart } from './placements/bookingService.js'
import { createPlacementViewPart } from './placements/placementViews.js'
import { createVisitPart } from './placements/visitService.js'
import { createReferralPart } from './referrals/referralService.js'
import { createChildProfilePart } from './children/profileService.js'
import { createTimerPart } from './timers/timerService.js'
import { createTravelPart } from './travel/travelService.js'
import { createPanelPart } from './allocation/panelService.js'

export type PlacementServiceDeps = {
  db: Db
  dialect: Dialect
  audit: AuditService
  market: Pick<MarketService, 'setBedStatus'> & Partial<MarketService>
  /** Optional so the core's tests can run without them; the app always passes them (src/platform/services.ts). */
  postcodes?: PostcodeService
  contracts?: ContractPort & Partial<ContractService>
  config?: Config
  /** Emails (spot referral requests and answers); without it people are told in the service only. */
  outbox?: Pick<OutboxService, 'enqueue'>
  now?: () => Date
}

export function createPlacementContext(deps: PlacementServiceDeps) {
  const now = deps.now ?? (() => new Date())
  /** One transaction per command; inside a caller's transaction the work joins it. */
  const run = <T>(work: (tx: Db) => Promise<T>): Promise<T> => (deps.db.isTransaction ? work(deps.db) : inTransaction(deps.db, work))
  /** The child's row if the actor may read it; otherwise NotFound, so another's child is not even confirmed to exist. */
  async function visibleChild(tx: Db, actor: Actor, childId: string) {
    const row = await scopeChildren(tx.selectFrom('children').selectAll('children'), actor)
      .where('children.id', '=', childId)
      .executeTakeFirst()
    if (!row) throw new NotFoundError('No such child')
    return row
  }
  const today = () => now().toISOString().slice(0, 10)
  return { deps, now, today, run, visibleChild }
}
export type PlacementContext = ReturnType<typeof createPlacementContext>

export function createPlacementService(deps: PlacementServiceDeps) {
  const ctx = createPlacementContext(deps)
  const children = createChildPart(ctx)
  const referrals = createReferralPart(ctx)
  const cascade = createCascadePart(ctx)
  const offers = createOfferPart(ctx)
  const booking = createBookingPart(ctx, cascade, { closeRequestsForReferral: offers.closeRequestsForReferral })
  const visits = createVisitPart(ctx)
  const placementViews = createPlacementViewPart(ctx)
  // The children pages, statutory timers, travel and panel allocation (ADR 0017).
  const pages = { ...createChildProfilePart(ctx), ...createTimerPart(ctx), ...createTravelPart(ctx), ...createPanelPart(ctx) }
  // The cascade's booking-time check runs inside book(); the rest is the search and the council's rules.
  const { emptyBlockBedsForBooking: _inBooking, ...search } = cascade
  return { ...children, ...referrals, ...search, ...booking, ...placementViews, ...visits, ...offers, ...pages }
}
export type PlacementService = ReturnType<typeof createPlacementService>
