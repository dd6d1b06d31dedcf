/**
 * The placement room's service: children, referrals, booking and ending placements, visits and
 * statutory timers. Built from parts sharing one context; access to a child's record is decided
 * in children/access.ts and every read of one leaves an audit row in the read's transaction.
 *
 * Deps: { db, dialect, audit, market (setBedStatus), now? }
 */
import type { ContractService } from '../contract/contractService.js'
import type { ContractPort } from '../contract/ports.js'
import type { PostcodeService } from '../geo/postcodeService.js'
import type { MarketService } from '../market/marketService.js'
import type { Config } from '../platform/config.js'
import type { AuditService } from '../platform/audit/auditService.js'
import type { Actor } from '../platform/auth/actor.js'
import type { Db, Dialect } from '../platform/db/database.js'
import { inTransaction } from '../platform/db/transaction.js'
import { NotFoundError } from '../platform/errors.js'
import { scopeChildren } from './children/access.js'
import { createChildPart } from './children/childService.js'
import { createBookingPart } from './placements/bookingService.js'
import { createVisitPart } from './placements/visitService.js'
import { createReferralPart } from './referrals/referralService.js'

export type PlacementServiceDeps = {
  db: Db
  dialect: Dialect
  audit: AuditService
  market: Pick<MarketService, 'setBedStatus'> & Partial<MarketService>
  /** Optional so the core's tests can run without them; the app always passes them (src/platform/services.ts). */
  postcodes?: PostcodeService
  contracts?: ContractPort & Partial<ContractService>
  config?: Config
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
  const booking = createBookingPart(ctx)
  const visits = createVisitPart(ctx)
  return { ...children, ...referrals, ...booking, ...visits }
}
export type PlacementService = ReturnType<typeof createPlacementService>
