/** Referrals: created for a child the actor may read and write, updated while open, closed; with a timeline. */
import { randomUUID } from 'node:crypto'
import type { Actor } from '../../platform/auth/actor.js'
import { ForbiddenError } from '../../platform/auth/scope.js'
import type { Db } from '../../platform/db/database.js'
import type { Database } from '../../platform/db/schema.js'
import { NotFoundError, UserInputError } from '../../platform/errors.js'
import { parseOrThrow } from '../../market/domain/schemas.js'
import { writesChildRecords } from '../children/access.js'
import type { PlacementContext } from '../placementService.js'
import {
  NewReferralSchema,
  ReferralEventSchema,
  ReferralSchema,
  type NewReferral,
  type ReferralChanges,
  type ReferralEventKind,
  type Urgency,
} from './referralSchema.js'

type ReferralRow = Database['referrals']

export type ReferralEvent = { at: string; kind: ReferralEventKind; detail: string | null; by: string }
export type ReferralView = {
  id: string
  childId: string
  urgency: Urgency
  placementTypes: string[]
  preferredPostcode: string | null
  siblings: string | null
  deprivationOfLiberty: 'yes' | 'no'
  status: ReferralRow['status']
  createdAt: string
  timeline: ReferralEvent[]
}

function fieldsOf(r: ReferralRow) {
  return {
    child_id: r.child_id,
    urgency: r.urgency,
    placement_types: JSON.parse(r.placement_types_json) as string[],
    preferred_postcode: r.preferred_postcode,
    siblings: r.siblings,
    deprivation_of_liberty: r.deprivation_of_liberty,
    status: r.status,
  }
}

export async function addReferralEvent(tx: Db, referralId: string, at: string, kind: ReferralEventKind, detail: string | null, by: string) {
  const last = await tx
    .selectFrom('referral_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('referral_id', '=', referralId)
    .executeTakeFirst()
  const seq = Number(last?.seq ?? 0) + 1
  await tx
    .insertInto('referral_events')
    .values({ id: randomUUID(), referral_id: referralId, seq, at, kind, detail, by_label: by })
    .execute()
}

export function createReferralPart(ctx: PlacementContext) {
  const { audit } = ctx.deps

  /** The referral, if the actor may read its child; otherwise NotFound. */
  async function visibleReferral(tx: Db, actor: Actor, referralId: string): Promise<ReferralRow> {
    const r = await tx.selectFrom('referrals').selectAll().where('id', '=', referralId).executeTakeFirst()
    if (!r) throw new NotFoundError('No such referral')
    try {
      await ctx.visibleChild(tx, actor, r.child_id)
    } catch (e) {
      if (e instanceof NotFoundError) throw new NotFoundError('No such referral')
      throw e
    }
    return r
  }

  async function writable(tx: Db, actor: Actor, referralId: string): Promise<ReferralRow> {
    if (!writesChildRecords(actor)) throw new NotFoundError('No such referral')
    const r = await visibleReferral(tx, actor, referralId)
    if (r.status !== 'open') throw new UserInputError(`This referral is ${r.status} and can no longer be changed`)
    return r
  }

  return {
    async createReferral(actor: Actor, input: NewReferral): Promise<string> {
      if (!writesChildRecords(actor)) throw new ForbiddenError('child:read')
      const f = parseOrThrow(NewReferralSchema, input)
      const id = randomUUID()
      const at = ctx.now().toISOString()
      return ctx.run(async (tx) => {
        try {
          await ctx.visibleChild(tx, actor, f.childId)
        } catch (e) {
          if (e instanceof NotFoundError) throw new UserInputError('Select a child whose record you can see', { field: 'childId' })
          throw e
        }
        const row: ReferralRow = {
          id,
          child_id: f.childId,
          urgency: f.urgency,
          placement_types_json: JSON.stringify(f.placementTypes),
          preferred_postcode: f.preferredPostcode,
          siblings: f.siblings,
          deprivation_of_liberty: f.deprivationOfLiberty,
          status: 'open',
          created_by: actor.userId,
          created_at: at,
          updated_at: at,
        }
        await tx.insertInto('referrals').values(row).execute()
        await addReferralEvent(tx, id, at, 'sent', null, actor.label)
        await audit.record(tx, actor, { action: 'create', entityType: 'referral', entityId: id, before: null, after: fieldsOf(row) })
        return id
      })
    },

    async updateReferral(actor: Actor, referralId: string, input: ReferralChanges): Promise<void> {
      const f = parseOrThrow(ReferralSchema, input)
      await ctx.run(async (tx) => {
        const before = await writable(tx, actor, referralId)
        const after: ReferralRow = {
          ...before,
          urgency: f.urgency,
          placement_types_json: JSON.stringify(f.placementTypes),
          preferred_postcode: f.preferredPostcode,
          siblings: f.siblings,
          deprivation_of_liberty: f.deprivationOfLiberty,
          updated_at: ctx.now().toISOString(),
        }
        if (JSON.stringify(fieldsOf(before)) === JSON.stringify(fieldsOf(after))) return
        const { id: _id, child_id: _c, status: _s, created_by: _b, created_at: _ca, ...changes } = after
        await tx.updateTable('referrals').set(changes).where('id', '=', referralId).execute()
        await audit.record(tx, actor, {
          action: 'update',
          entityType: 'referral',
          entityId: referralId,
          before: fieldsOf(before),
          after: fieldsOf(after),
        })
      })
    },

    /** A provider's response or a matching meeting, on the referral's timeline. */
    async recordReferralEvent(actor: Actor, referralId: string, input: { kind: 'response' | 'matching-meeting'; detail?: string | null }) {
      const f = parseOrThrow(ReferralEventSchema, input)
      await ctx.run(async (tx) => {
        await writable(tx, actor, referralId)
        const at = ctx.now().toISOString()
        await addReferralEvent(tx, referralId, at, f.kind, f.detail, actor.label)
        await audit.record(tx, actor, {
          action: f.kind,
          entityType: 'referral',
          entityId: referralId,
          after: { kind: f.kind, detail: f.detail },
        })
      })
    },

    async closeReferral(actor: Actor, referralId: string, reason: string): Promise<void> {
      const detail = typeof reason === 'string' ? reason.trim() : ''
      if (!detail) throw new UserInputError('Enter why the referral is closed', { field: 'reason' })
      await ctx.run(async (tx) => {
        const before = await writable(tx, actor, referralId)
        await tx
          .updateTable('referrals')
          .set({ status: 'closed', updated_at: ctx.now().toISOString() })
          .where('id', '=', referralId)
          .execute()
        await addReferralEvent(tx, referralId, ctx.now().toISOString(), 'closed', detail, actor.label)
        await audit.record(tx, actor, {
          action: 'close',
          entityType: 'referral',
          entityId: referralId,
          before: { status: before.status },
          after: { status: 'closed', reason: detail },
        })
      })
    },

    /** A referral with its timeline: part of the child's record, so the read is audited. */
    async getReferral(actor: Actor, referralId: string, purpose = 'view referral'): Promise<ReferralView> {
      return ctx.run(async (tx) => {
        const r = await visibleReferral(tx, actor, referralId)
        await audit.recordChildRead(tx, actor, r.child_id, purpose)
        const events = await tx.selectFrom('referral_events').selectAll().where('referral_id', '=', referralId).orderBy('seq').execute()
        return {
          id: r.id,
          childId: r.child_id,
          urgency: r.urgency,
          placementTypes: JSON.parse(r.placement_types_json) as string[],
          preferredPostcode: r.preferred_postcode,
          siblings: r.siblings,
          deprivationOfLiberty: r.deprivation_of_liberty,
          status: r.status,
          createdAt: r.created_at,
          timeline: events.map((e) => ({ at: e.at, kind: e.kind, detail: e.detail, by: e.by_label })),
        }
      })
    },
  }
}
