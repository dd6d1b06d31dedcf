/**
 * Spot referrals to chosen homes and providers' offers: the placement room's offers part,
 * spread into services.placements (src/placement/placementService.ts).
 */
import type { Actor } from '../../platform/auth/actor.js'
import type { Db } from '../../platform/db/database.js'
import type { PlacementContext } from '../placementService.js'
import { createOfferContext } from './offerContext.js'
import { closeRequestsForReferral, createOfficerPart } from './officerService.js'
import { createPortalPart } from './portalService.js'
import { createSendingPart } from './sendingService.js'

export function createOfferPart(ctx: PlacementContext) {
  const o = createOfferContext(ctx)
  return { ...createSendingPart(ctx, o), ...createOfficerPart(ctx, o), ...createPortalPart(ctx, o) }
}
export type OfferPart = ReturnType<typeof createOfferPart>

/**
 * For booking (and closing a referral), inside its transaction: the booked home's open request
 * is accepted, the others close as withdrawn (or expired) and their providers are told.
 */
export const closeRequestsOnBooking = (ctx: PlacementContext, tx: Db, referralId: string, by: Actor, bookedHomeId: string | null) =>
  closeRequestsForReferral(createOfferContext(ctx), tx, referralId, by, bookedHomeId)
