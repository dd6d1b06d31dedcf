/**
 * The provider's side: the requests sent to its homes, what each referral contains (only while
 * the request is open, and every view an audited read of the child's record), and its answer —
 * an offer or a decline with a reason — until the deadline by the server's clock.
 */
import { randomUUID } from 'node:crypto'
import { systemActor, type Actor } from '../../platform/auth/actor.js'
import type { Db } from '../../platform/db/database.js'
import { NotFoundError, UserInputError } from '../../platform/errors.js'
import { formatDate, formatPence } from '../../platform/web/format.js'
import { parseOrThrow } from '../../market/domain/schemas.js'
import { childReadRule } from '../children/access.js'
import type { PlacementContext } from '../placementService.js'
import { addReferralEvent } from '../referrals/referralService.js'
import type { Urgency } from '../referrals/referralSchema.js'
import { ResponseSchema, type ResponseInput } from './domain/offerSchema.js'
import { providerReferralView, type ProviderReferralView } from './domain/providerView.js'
import { declineReasonLabel, effectiveStatus, isOpen, type DeclineReason, type RequestStatus } from './domain/requestStatus.js'
import type { OfferContext } from './offerContext.js'
import type { RequestDetail, ResponseRow } from './requestRepository.js'

export type ProviderRequestSummary = {
  id: string
  reference: string
  homeId: string
  homeName: string
  urgency: Urgency
  deadline: string
  status: RequestStatus
  sentAt: string
}

export type ProviderRequestDetail = ProviderRequestSummary & {
  /** What the referral says about the child: only while the request is open. */
  child: ProviderReferralView | null
  canRespond: boolean
  response:
    | { kind: 'offer'; weeklyPricePence: number; startDate: string; note: string | null; at: string; by: string }
    | { kind: 'decline'; reason: DeclineReason; reasonLabel: string; detail: string | null; at: string; by: string }
    | null
}

function summaryOf(r: RequestDetail, nowIso: string, reference: (id: string) => string): ProviderRequestSummary {
  return {
    id: r.id,
    reference: reference(r.id),
    homeId: r.home_id,
    homeName: r.home_name,
    urgency: r.urgency,
    deadline: r.deadline,
    status: effectiveStatus(r, r.referral_status, nowIso),
    sentAt: r.sent_at,
  }
}

function responseOf(r: RequestDetail): ProviderRequestDetail['response'] {
  if (!r.response_kind || !r.responded_at) return null
  const who = { at: r.responded_at, by: r.responded_by_label ?? '' }
  if (r.response_kind === 'offer')
    return { kind: 'offer', weeklyPricePence: Number(r.weekly_price_pence), startDate: r.start_date!, note: r.note, ...who }
  return {
    kind: 'decline',
    reason: r.decline_reason!,
    reasonLabel: declineReasonLabel(r.decline_reason!),
    detail: r.decline_detail,
    ...who,
  }
}

export function createPortalPart(ctx: PlacementContext, o: OfferContext) {
  const { audit } = ctx.deps

  /**
   * A provider's refusal leaves block beds empty: the contract room records why, so the void is
   * the provider's to bear. Runs only once the contract room can answer (see ContractPort).
   */
  async function recordDeclinedBlockBeds(tx: Db, r: RequestDetail, reason: string): Promise<void> {
    const contracts = ctx.deps.contracts
    if (!contracts) return
    const today = o.londonToday()
    const routes = await contracts.bedRoutes(tx, today)
    const vacant = await tx.selectFrom('beds').select('id').where('home_id', '=', r.home_id).where('status', '=', 'vacant').execute()
    const onBehalf = systemActor(`placement service: ${r.provider_name} declined ${o.reference(r.id)}`)
    for (const b of vacant) {
      if (routes.get(b.id)?.route !== 'block') continue
      await contracts.recordEmptyBedCause(tx, onBehalf, {
        bedId: b.id,
        fromDate: today,
        cause: 'provider-declined',
        referralId: r.referral_id,
        note: reason,
      })
    }
  }

  return {
    /** The requests sent to the provider's homes, soonest deadline first; each child listed is an audited read. */
    async providerReferralRequests(actor: Actor): Promise<ProviderRequestSummary[]> {
      const rule = childReadRule(actor)
      if (rule.kind !== 'provider') throw new NotFoundError('No such page')
      return ctx.run(async (tx) => {
        const rows = await o.repo.ofProvider(tx, rule.providerId)
        const now = o.nowIso()
        const list = rows.map((r) => summaryOf(r, now, o.reference))
        for (const r of rows) await audit.recordChildRead(tx, actor, r.child_id, 'list referral requests')
        return list
      })
    },

    /** One request as its provider sees it; the referral's contents only while it is open, and that view is audited. */
    async providerReferralRequest(actor: Actor, requestId: string): Promise<ProviderRequestDetail> {
      return ctx.run(async (tx) => {
        const r = await o.providerRequest(tx, actor, requestId)
        const now = o.nowIso()
        const summary = summaryOf(r, now, o.reference)
        let child: ProviderReferralView | null = null
        if (isOpen(summary.status)) {
          const [c, referral] = await Promise.all([
            tx.selectFrom('children').selectAll().where('id', '=', r.child_id).executeTakeFirstOrThrow(),
            tx.selectFrom('referrals').selectAll().where('id', '=', r.referral_id).executeTakeFirstOrThrow(),
          ])
          await audit.recordChildRead(tx, actor, r.child_id, `respond to referral request ${summary.reference}`)
          child = providerReferralView(c, referral, o.londonToday())
        }
        return { ...summary, child, canRespond: summary.status === 'sent', response: responseOf(r) }
      })
    },

    /** The provider's answer: an offer for the home (weekly price, start date, note) or a decline with a reason. */
    async respondToReferralRequest(actor: Actor, requestId: string, input: ResponseInput): Promise<string> {
      const f = parseOrThrow(ResponseSchema, input)
      return ctx.run(async (tx) => {
        const r = await o.providerRequest(tx, actor, requestId)
        const at = o.nowIso()
        const status = effectiveStatus(r, r.referral_status, at)
        if (r.status === 'sent' && status === 'expired')
          throw new UserInputError(`The deadline for answers was ${o.when(r.deadline)}; this request can no longer be answered`)
        if (status !== 'sent')
          throw new UserInputError(
            r.response_kind ? 'You have already answered this request' : 'This request is closed and can no longer be answered',
          )
        if (f.kind === 'offer' && f.startDate < o.londonToday())
          throw new UserInputError('The start date must be today or later', { field: 'startDate' })
        const row: ResponseRow = {
          id: randomUUID(),
          request_id: r.id,
          kind: f.kind,
          home_id: r.home_id,
          weekly_price_pence: f.kind === 'offer' ? f.weeklyPricePence : null,
          start_date: f.kind === 'offer' ? f.startDate : null,
          note: f.kind === 'offer' ? f.note : null,
          decline_reason: f.kind === 'decline' ? f.reason : null,
          decline_detail: f.kind === 'decline' ? f.detail : null,
          responded_by: actor.userId,
          responded_by_label: actor.label,
          responded_at: at,
        }
        const to: RequestStatus = f.kind === 'offer' ? 'offered' : 'declined'
        // Compare-and-set first: of two answers at once, only one finds the request still 'sent'.
        const changed = await tx
          .updateTable('referral_requests')
          .set(to === 'declined' ? { status: to, closed_at: at, closed_by_label: actor.label } : { status: to })
          .where('id', '=', r.id)
          .where('status', '=', 'sent')
          .executeTakeFirst()
        if (Number(changed.numUpdatedRows) !== 1) throw new UserInputError('You have already answered this request')
        await o.repo.insertResponse(tx, row)
        const what =
          f.kind === 'offer'
            ? `offer of ${formatPence(f.weeklyPricePence)} a week from ${formatDate(f.startDate)}`
            : `declined: ${declineReasonLabel(f.reason)}${f.detail ? ` (${f.detail})` : ''}`
        await addReferralEvent(tx, r.referral_id, at, 'response', `${r.home_name} (${r.provider_name}): ${what}`, actor.label)
        await audit.record(tx, actor, {
          action: 'respond',
          entityType: 'referral-request',
          entityId: r.id,
          before: { status: r.status },
          after: { status: to, response: row },
        })
        const sent = await tx
          .selectFrom('referral_requests')
          .innerJoin('children', 'children.id', 'referral_requests.child_id')
          .select(['referral_requests.sent_by', 'children.allocated_social_worker_user_id'])
          .where('referral_requests.id', '=', r.id)
          .executeTakeFirstOrThrow()
        await o.tellCouncil(tx, [sent.allocated_social_worker_user_id, sent.sent_by], {
          subject: `Referral request ${o.reference(r.id)}: ${f.kind === 'offer' ? 'offer from' : 'declined by'} ${r.home_name}`,
          body: `${r.provider_name} has answered referral request ${o.reference(r.id)} for ${r.home_name}: ${what}.\n\nCompare the answers on the referral's offers page in Placewise.`,
          purpose: 'referral-response',
          relatedId: r.referral_id,
        })
        if (f.kind === 'decline') await recordDeclinedBlockBeds(tx, r, declineReasonLabel(f.reason))
        return row.id
      })
    },
  }
}
