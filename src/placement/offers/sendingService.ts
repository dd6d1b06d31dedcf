/**
 * Sending a referral to homes the officer chose: one request per home, each with the response
 * deadline, a 'sent' event on the referral's timeline and an email to each provider's users —
 * all in one transaction. A child is never referred twice to the same home while a request is
 * open: the service says so naming the home, and the partial unique index
 * referral_requests_open_child_home refuses it when two people send at once.
 */
import { randomUUID } from 'node:crypto'
import type { Actor } from '../../platform/auth/actor.js'
import { ForbiddenError } from '../../platform/auth/scope.js'
import type { Db } from '../../platform/db/database.js'
import { UserInputError } from '../../platform/errors.js'
import { formatDate } from '../../platform/web/format.js'
import { parseOrThrow } from '../../market/domain/schemas.js'
import { writesChildRecords } from '../children/access.js'
import type { PlacementContext } from '../placementService.js'
import { addReferralEvent } from '../referrals/referralService.js'
import type { Urgency } from '../referrals/referralSchema.js'
import { spotCandidates, type CandidateHome } from './candidates.js'
import { defaultDeadline } from './domain/deadlines.js'
import { SendRequestsSchema, type SendRequests } from './domain/offerSchema.js'
import type { OfferContext } from './offerContext.js'
import type { RequestRow } from './requestRepository.js'

/** The furthest ahead a deadline may be set: a referral waits on its answers. */
export const MAX_DEADLINE_DAYS = 30

/** Whether a database error is the one-open-request-per-child-and-home index refusing a second request. */
export function isOpenRequestClash(e: unknown): boolean {
  const err = e as { code?: string; constraint?: string; message?: string }
  if (err?.code === '23505')
    return err.constraint === 'referral_requests_open_child_home' || /referral_requests_open_child_home/.test(err.message ?? '')
  return err?.code === 'SQLITE_CONSTRAINT_UNIQUE' && /referral_requests\.child_id/.test(err.message ?? '')
}

export const alreadyOpen = (homeName: string, sentAt: string) =>
  `${homeName} already has an open referral request for this child (sent ${formatDate(sentAt)}): wait for its answer or withdraw it first`

export type SendFormView = {
  referral: { id: string; urgency: Urgency; status: 'open' | 'matched' | 'closed' }
  defaultDeadline: string
  /** Framework homes with a vacancy, ranked for the child; with the request already open there, if any. */
  homes: (CandidateHome & { openRequest: { status: string; sentAt: string } | null })[]
}

export function createSendingPart(ctx: PlacementContext, o: OfferContext) {
  const { audit, postcodes } = ctx.deps
  const locate = postcodes ? async (tx: Db, pc: string) => postcodes.locateIn(tx, pc) : null

  /** The child's open requests after tidying: those of a referral no longer open are withdrawn, unanswered overdue ones expire. */
  async function openRequestsOfChild(tx: Db, actor: Actor, childId: string) {
    const open = await o.repo.openOfChild(tx, childId)
    const now = o.nowIso()
    const still = []
    for (const r of open) {
      if (r.referral_status !== 'open') await o.closeRequest(tx, actor, r, 'withdrawn', `the referral is ${r.referral_status}`)
      else if (r.status === 'sent' && now >= r.deadline) await o.closeRequest(tx, actor, r, 'expired', 'no answer by the deadline')
      else still.push(r)
    }
    return still
  }

  return {
    /** What the "send to chosen homes" page shows; reading the child's needs for it is an audited read. */
    async referralSendForm(actor: Actor, referralId: string): Promise<SendFormView> {
      return ctx.run(async (tx) => {
        const { referral, child } = await o.councilReferral(tx, actor, referralId)
        await audit.recordChildRead(tx, actor, child.id, 'choose homes for a referral')
        const homes = await spotCandidates(tx, child, referral, o.londonToday(), locate)
        const open = await o.repo.openOfChild(tx, child.id)
        const now = o.nowIso()
        const live = new Map(
          open.filter((r) => r.referral_status === 'open' && !(r.status === 'sent' && now >= r.deadline)).map((r) => [r.home_id, r]),
        )
        return {
          referral: { id: referral.id, urgency: referral.urgency, status: referral.status },
          defaultDeadline: defaultDeadline(referral.urgency, ctx.now()),
          homes: homes.map((h) => {
            const r = live.get(h.homeId)
            return { ...h, openRequest: r ? { status: r.status, sentAt: r.sent_at } : null }
          }),
        }
      })
    },

    /** Sends the referral to each chosen home; returns the requests' ids in the order the homes were given. */
    async sendReferralRequests(actor: Actor, referralId: string, input: SendRequests): Promise<string[]> {
      if (!writesChildRecords(actor)) throw new ForbiddenError('child:read')
      const f = parseOrThrow(SendRequestsSchema, input)
      return ctx.run(async (tx) => {
        const { referral } = await o.councilReferral(tx, actor, referralId)
        if (referral.status !== 'open') throw new UserInputError(`This referral is ${referral.status}; it can no longer be sent to homes`)
        const now = ctx.now()
        const at = now.toISOString()
        const deadline = f.deadline ?? defaultDeadline(referral.urgency, now)
        if (deadline <= at) throw new UserInputError('The deadline for answers must be in the future', { field: 'deadline' })
        if (Date.parse(deadline) - now.getTime() > MAX_DEADLINE_DAYS * 86_400_000)
          throw new UserInputError(`The deadline for answers must be within ${MAX_DEADLINE_DAYS} days`, { field: 'deadline' })
        const homes = new Map((await o.repo.homesToSend(tx, f.homeIds, o.londonToday())).map((h) => [h.id, h]))
        for (const id of f.homeIds) {
          const h = homes.get(id)
          if (!h) throw new UserInputError('Select homes from the list', { field: 'homeIds' })
          if (h.status !== 'active') throw new UserInputError(`${h.name} is ${h.status} and is not taking referrals`, { field: 'homeIds' })
          if (!h.in_framework)
            throw new UserInputError(`${h.name}’s provider, ${h.provider_name}, is not an active member of the framework`, {
              field: 'homeIds',
            })
        }
        const open = new Map((await openRequestsOfChild(tx, actor, referral.child_id)).map((r) => [r.home_id, r]))
        for (const id of f.homeIds) {
          const clash = open.get(id)
          if (clash) throw new UserInputError(alreadyOpen(clash.home_name, clash.sent_at), { field: 'homeIds' })
        }
        const ids: string[] = []
        for (const homeId of f.homeIds) {
          const h = homes.get(homeId)!
          const row: RequestRow = {
            id: randomUUID(),
            referral_id: referral.id,
            child_id: referral.child_id,
            home_id: homeId,
            provider_id: h.provider_id,
            deadline,
            status: 'sent',
            sent_by: actor.userId,
            sent_by_label: actor.label,
            sent_at: at,
            closed_at: null,
            closed_by_label: null,
          }
          try {
            await o.repo.insert(tx, row)
          } catch (e) {
            // Someone sent the same child to this home a moment ago, between our check and this insert.
            if (isOpenRequestClash(e)) throw new UserInputError(alreadyOpen(h.name, at), { field: 'homeIds' })
            throw e
          }
          await audit.record(tx, actor, { action: 'create', entityType: 'referral-request', entityId: row.id, before: null, after: row })
          await o.tellProvider(tx, h.provider_id, {
            subject: `Referral request ${o.reference(row.id)} for ${h.name}: answer by ${o.when(deadline)}`,
            body:
              `The council has sent a referral for a child to ${h.name}. Please answer in the Placewise provider portal, under Referrals, ` +
              `by ${o.when(deadline)}: offer a place with a weekly price and start date, or decline it with a reason.\n\n` +
              `The child's details are in the portal only, never in email.`,
            purpose: 'referral-request',
            relatedId: row.id,
          })
          ids.push(row.id)
        }
        const names = f.homeIds.map((id) => `${homes.get(id)!.name} (${homes.get(id)!.provider_name})`).join(', ')
        await addReferralEvent(tx, referral.id, at, 'sent', `Sent to ${names}; answers due by ${o.when(deadline)}`, actor.label)
        return ids
      })
    },
  }
}
