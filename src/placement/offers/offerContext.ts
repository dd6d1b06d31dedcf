/**
 * What the offers part's commands share: its repository, the UK clock, who may see a referral's
 * requests (council staff who may read the child) or one request (the provider it was sent to),
 * closing a request, and email through the outbox in the command's transaction.
 */
import type { Actor } from '../../platform/auth/actor.js'
import type { Db } from '../../platform/db/database.js'
import type { Database } from '../../platform/db/schema.js'
import { NotFoundError } from '../../platform/errors.js'
import { formatDateTime, ukWallClock } from '../../tender/web/time.js'
import { childReadRule } from '../children/access.js'
import type { PlacementContext } from '../placementService.js'
import { requestReference } from './domain/providerView.js'
import { createRequestRepository, type RequestDetail } from './requestRepository.js'
import type { RequestStatus } from './tables.js'

export type Email = { subject: string; body: string; purpose: string; relatedId: string }

export function createOfferContext(ctx: PlacementContext) {
  const repo = createRequestRepository()
  const { audit, outbox } = ctx.deps
  const nowIso = () => ctx.now().toISOString()
  /** The date in England now: deadlines and start dates are English dates, whatever the server's zone. */
  const londonToday = () => ukWallClock(nowIso()).date

  /** A referral and its child, for council staff who may read the child; anyone else is told it does not exist. */
  async function councilReferral(tx: Db, actor: Actor, referralId: string) {
    const rule = childReadRule(actor)
    if (rule.kind !== 'all' && rule.kind !== 'allocated') throw new NotFoundError('No such referral')
    const referral = await tx.selectFrom('referrals').selectAll().where('id', '=', referralId).executeTakeFirst()
    if (!referral) throw new NotFoundError('No such referral')
    try {
      const child = await ctx.visibleChild(tx, actor, referral.child_id)
      return { referral, child }
    } catch (e) {
      if (e instanceof NotFoundError) throw new NotFoundError('No such referral')
      throw e
    }
  }

  /** A request, for a user of the provider it was sent to; to anyone else it does not exist. */
  async function providerRequest(tx: Db, actor: Actor, requestId: string): Promise<RequestDetail> {
    const rule = childReadRule(actor)
    if (rule.kind !== 'provider') throw new NotFoundError('No such referral request')
    const r = await repo.find(tx, requestId)
    if (!r || r.provider_id !== rule.providerId) throw new NotFoundError('No such referral request')
    return r
  }

  /** One email to each recipient, in the command's transaction: it is sent if and only if the command commits. */
  async function tell(tx: Db, recipients: { email: string; display_name: string }[], email: Email): Promise<void> {
    for (const u of recipients) {
      const { subject, purpose, relatedId } = email
      await outbox!.enqueue(tx, { to: u.email, subject, body: `Dear ${u.display_name},\n\n${email.body}`, purpose, relatedId })
    }
  }

  async function tellProvider(tx: Db, providerId: string, email: Email): Promise<void> {
    if (outbox) await tell(tx, await repo.providerRecipients(tx, providerId), email)
  }

  /** The child's social worker and whoever sent the request: the people waiting for the answer. */
  async function tellCouncil(tx: Db, userIds: (string | null)[], email: Email): Promise<void> {
    const ids = [...new Set(userIds.filter((id): id is string => id !== null))]
    if (outbox) await tell(tx, await repo.councilRecipients(tx, ids), email)
  }

  /** Moves an open request to a closed status, audited; false when someone else already moved it. */
  async function closeRequest(
    tx: Db,
    actor: Actor,
    r: Pick<Database['referral_requests'], 'id' | 'status'>,
    to: RequestStatus,
    why: string,
  ) {
    const changed = await repo.transition(tx, r.id, ['sent', 'offered'], to, nowIso(), actor.label)
    if (changed)
      await audit.record(tx, actor, {
        action: to === 'accepted' ? 'accept' : to === 'expired' ? 'expire' : 'withdraw',
        entityType: 'referral-request',
        entityId: r.id,
        before: { status: r.status },
        after: { status: to, why },
      })
    return changed
  }

  return {
    repo,
    nowIso,
    londonToday,
    councilReferral,
    providerRequest,
    tellProvider,
    tellCouncil,
    closeRequest,
    reference: requestReference,
    when: formatDateTime,
  }
}
export type OfferContext = ReturnType<typeof createOfferContext>
