/**
 * The council's side of a spot referral's requests: the offers side by side, withdrawing a
 * request, the offer a booking takes its price from, and closing the rest when a placement is made.
 */
import { dfeMiles } from '../../geo/distance.js'
import type { Actor } from '../../platform/auth/actor.js'
import { ForbiddenError } from '../../platform/auth/scope.js'
import type { Db } from '../../platform/db/database.js'
import { NotFoundError, UserInputError } from '../../platform/errors.js'
import { writesChildRecords } from '../children/access.js'
import type { PlacementContext } from '../placementService.js'
import {
  declineReasonLabel,
  effectiveStatus,
  isOpen,
  REQUEST_STATUS_LABELS,
  type DeclineReason,
  type RequestStatus,
} from './domain/requestStatus.js'
import { requestReference } from './domain/providerView.js'
import type { OfferContext } from './offerContext.js'
import type { RequestDetail } from './requestRepository.js'

export type RequestView = {
  id: string
  reference: string
  referralId: string
  homeId: string
  homeName: string
  providerId: string
  providerName: string
  judgement: string | null
  /** DfE straight-line miles from the child's home; null when either end is not located. */
  milesFromChildHome: number | null
  status: RequestStatus
  deadline: string
  sentAt: string
  sentBy: string
  offer: { id: string; weeklyPricePence: number; startDate: string; note: string | null } | null
  decline: { reason: DeclineReason; reasonLabel: string; detail: string | null } | null
  respondedAt: string | null
  respondedBy: string | null
  closedAt: string | null
}

export type ReferralRequestsView = {
  referral: { id: string; status: 'open' | 'matched' | 'closed'; urgency: string }
  requests: RequestView[]
}

/** The offer a booking takes its home and weekly price from. */
export type OfferForBooking = {
  id: string
  requestId: string
  referralId: string
  homeId: string
  homeName: string
  providerId: string
  providerName: string
  weeklyPricePence: number
  startDate: string
  note: string | null
  /** 'offered' while it can still be booked. */
  status: RequestStatus
}

// Offers first (cheapest first), then those awaiting an answer, then the closed ones.
const ORDER: RequestStatus[] = ['accepted', 'offered', 'sent', 'declined', 'expired', 'withdrawn']

export function requestView(r: RequestDetail, nowIso: string, childHome: { easting: number; northing: number } | null): RequestView {
  const offer =
    r.response_kind === 'offer' && r.response_id
      ? { id: r.response_id, weeklyPricePence: Number(r.weekly_price_pence), startDate: r.start_date!, note: r.note }
      : null
  const decline =
    r.response_kind === 'decline' && r.decline_reason
      ? { reason: r.decline_reason, reasonLabel: declineReasonLabel(r.decline_reason), detail: r.decline_detail }
      : null
  return {
    id: r.id,
    reference: requestReference(r.id),
    referralId: r.referral_id,
    homeId: r.home_id,
    homeName: r.home_name,
    providerId: r.provider_id,
    providerName: r.provider_name,
    judgement: r.home_judgement,
    milesFromChildHome:
      childHome && r.home_easting !== null && r.home_northing !== null
        ? dfeMiles(childHome, { easting: r.home_easting, northing: r.home_northing })
        : null,
    status: effectiveStatus(r, r.referral_status, nowIso),
    deadline: r.deadline,
    sentAt: r.sent_at,
    sentBy: r.sent_by_label,
    offer,
    decline,
    respondedAt: r.responded_at,
    respondedBy: r.responded_by_label,
    closedAt: r.closed_at,
  }
}

export function sideBySide(views: RequestView[]): RequestView[] {
  return [...views].sort(
    (a, b) =>
      ORDER.indexOf(a.status) - ORDER.indexOf(b.status) ||
      (a.offer && b.offer ? a.offer.weeklyPricePence - b.offer.weeklyPricePence : 0) ||
      a.deadline.localeCompare(b.deadline) ||
      a.homeName.localeCompare(b.homeName),
  )
}

/**
 * Closes the referral's open requests once a placement is booked: the booked home's as accepted,
 * unanswered overdue ones as expired, the rest as withdrawn (their providers are told). Runs in
 * the booking's transaction; returns how many it closed.
 */
export async function closeRequestsForReferral(
  o: OfferContext,
  tx: Db,
  referralId: string,
  by: Actor,
  bookedHomeId: string | null = null,
): Promise<number> {
  const now = o.nowIso()
  let closed = 0
  for (const r of await o.repo.ofReferral(tx, referralId)) {
    if (!isOpen(r.status)) continue
    const to: RequestStatus = r.home_id === bookedHomeId ? 'accepted' : r.status === 'sent' && now >= r.deadline ? 'expired' : 'withdrawn'
    if (!(await o.closeRequest(tx, by, r, to, 'a placement was booked for the referral'))) continue
    closed++
    if (to === 'withdrawn')
      await o.tellProvider(tx, r.provider_id, {
        subject: `Referral request ${o.reference(r.id)} for ${r.home_name} is closed`,
        body: `The council has placed the child elsewhere, so referral request ${o.reference(r.id)} for ${r.home_name} is closed. No answer is needed. Thank you.`,
        purpose: 'referral-request-closed',
        relatedId: r.id,
      })
  }
  return closed
}

export function createOfficerPart(ctx: PlacementContext, o: OfferContext) {
  const { audit, postcodes } = ctx.deps

  return {
    /** Every request of the referral and its answer, side by side; the read of the child's referral is audited. */
    async referralRequests(actor: Actor, referralId: string): Promise<ReferralRequestsView> {
      return ctx.run(async (tx) => {
        const { referral, child } = await o.councilReferral(tx, actor, referralId)
        await audit.recordChildRead(tx, actor, child.id, 'compare offers for a referral')
        const home = child.home_postcode && postcodes ? await postcodes.locateIn(tx, child.home_postcode) : null
        const now = o.nowIso()
        const rows = await o.repo.ofReferral(tx, referralId)
        return {
          referral: { id: referral.id, status: referral.status, urgency: referral.urgency },
          requests: sideBySide(rows.map((r) => requestView(r, now, home))),
        }
      })
    },

    /** Withdraws an open request (the provider is told); refused once it is answered no, expired or closed. */
    async withdrawReferralRequest(actor: Actor, requestId: string): Promise<void> {
      if (!writesChildRecords(actor)) throw new ForbiddenError('child:read')
      await ctx.run(async (tx) => {
        const r = await o.repo.find(tx, requestId)
        if (!r) throw new NotFoundError('No such referral request')
        await o.councilReferral(tx, actor, r.referral_id)
        const status = effectiveStatus(r, r.referral_status, o.nowIso())
        if (!isOpen(status)) throw new UserInputError(`This request is already ${REQUEST_STATUS_LABELS[status].toLowerCase()}`)
        if (!(await o.closeRequest(tx, actor, r, 'withdrawn', 'withdrawn by the council')))
          throw new UserInputError('This request changed a moment ago; look at it again')
        await o.tellProvider(tx, r.provider_id, {
          subject: `Referral request ${o.reference(r.id)} for ${r.home_name} is withdrawn`,
          body: `The council has withdrawn referral request ${o.reference(r.id)} for ${r.home_name}. No answer is needed${r.status === 'offered' ? ', and your offer is not taken up' : ''}.`,
          purpose: 'referral-request-withdrawn',
          relatedId: r.id,
        })
      })
    },

    /** An offer, for the booking page to take its home and price from; only to council staff who may read the child. */
    async offerFor(actor: Actor, offerId: string): Promise<OfferForBooking> {
      return ctx.run(async (tx) => {
        const r = await o.repo.findByResponse(tx, offerId)
        if (!r || r.response_kind !== 'offer') throw new NotFoundError('No such offer')
        try {
          await o.councilReferral(tx, actor, r.referral_id)
        } catch (e) {
          if (e instanceof NotFoundError) throw new NotFoundError('No such offer')
          throw e
        }
        return {
          id: offerId,
          requestId: r.id,
          referralId: r.referral_id,
          homeId: r.home_id,
          homeName: r.home_name,
          providerId: r.provider_id,
          providerName: r.provider_name,
          weeklyPricePence: Number(r.weekly_price_pence),
          startDate: r.start_date!,
          note: r.note,
          status: effectiveStatus(r, r.referral_status, o.nowIso()),
        }
      })
    },

    /** For the booking, in its transaction: see closeRequestsForReferral. */
    closeRequestsForReferral: (tx: Db, referralId: string, by: Actor, bookedHomeId: string | null = null) =>
      closeRequestsForReferral(o, tx, referralId, by, bookedHomeId),
  }
}
