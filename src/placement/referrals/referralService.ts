/** Referrals: created for a child the actor may read and write, updated while open, closed; with a timeline. */
import { randomUUID } from 'node:crypto'
import type { Actor } from '../../platform/auth/actor.js'
import { ForbiddenError } from '../../platform/auth/scope.js'
import type { Db } from '../../platform/db/database.js'
import type { Database } from '../../platform/db/schema.js'
import { NotFoundError, UserInputError } from '../../platform/errors.js'
import { parseOrThrow } from '../../market/domain/schemas.js'
import type { EmptyCause } from '../../contract/ports.js'
import type { RegistrationCategoryCode } from '../../market/domain/categories.js'
import { scopeChildren, writesChildRecords } from '../children/access.js'
import { childView, type ChildView } from '../children/childService.js'
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
type MatchingRow = Database['referral_matching']

export type ReferralEvent = { at: string; kind: ReferralEventKind; detail: string | null; by: string }
/** An empty block bed passed over for this referral, with the reason the officer gave. */
export type PassedOverBed = {
  bedId: string
  bedLabel: string
  homeName: string
  contractReference: string
  cause: EmptyCause
  note: string | null
  fromDate: string
}
export type ReferralView = {
  id: string
  childId: string
  urgency: Urgency
  placementTypes: string[]
  preferredPostcode: string | null
  siblings: string | null
  deprivationOfLiberty: 'yes' | 'no'
  categories: RegistrationCategoryCode[]
  plannedStartDate: string | null
  status: ReferralRow['status']
  createdAt: string
  timeline: ReferralEvent[]
  /** The child, as the referral shows it: read in the same audited read. */
  child: ChildView
  /** The placement made from it, once booked. */
  placementId: string | null
  passedOver: PassedOverBed[]
}
/** A referral in a list: no personal fields beyond the case reference. */
export type ReferralSummary = {
  id: string
  childId: string
  caseReference: string
  urgency: Urgency
  status: ReferralRow['status']
  createdAt: string
}

/** What matching needs beyond the core row; a referral made before it existed matches with the defaults. */
export function matchingOf(m: MatchingRow | undefined) {
  return {
    categories: (m ? JSON.parse(m.categories_json) : []) as RegistrationCategoryCode[],
    plannedStartDate: m?.planned_start_date ?? null,
  }
}

function fieldsOf(r: ReferralRow, m: MatchingRow | undefined) {
  const matching = matchingOf(m)
  return {
    child_id: r.child_id,
    urgency: r.urgency,
    placement_types: JSON.parse(r.placement_types_json) as string[],
    preferred_postcode: r.preferred_postcode,
    siblings: r.siblings,
    deprivation_of_liberty: r.deprivation_of_liberty,
    status: r.status,
    categories: matching.categories,
    planned_start_date: matching.plannedStartDate,
  }
}

const matchingRow = (referralId: string, f: { categories: string[]; plannedStartDate: string | null }) => ({
  referral_id: referralId,
  categories_json: JSON.stringify([...new Set(f.categories)]),
  planned_start_date: f.plannedStartDate,
})

/**
 * The referral, if the actor may read its child; otherwise NotFound, so another's referral is not
 * even confirmed to exist. Returns the child's row too (read, not yet audited: the caller audits).
 */
export async function visibleReferral(ctx: PlacementContext, tx: Db, actor: Actor, referralId: string) {
  const r = await tx.selectFrom('referrals').selectAll().where('id', '=', referralId).executeTakeFirst()
  if (!r) throw new NotFoundError('No such referral')
  try {
    const child = await ctx.visibleChild(tx, actor, r.child_id)
    const m = await tx.selectFrom('referral_matching').selectAll().where('referral_id', '=', referralId).executeTakeFirst()
    return { referral: r, matching: m, child }
  } catch (e) {
    if (e instanceof NotFoundError) throw new NotFoundError('No such referral')
    throw e
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

  async function writable(tx: Db, actor: Actor, referralId: string) {
    if (!writesChildRecords(actor)) throw new NotFoundError('No such referral')
    const found = await visibleReferral(ctx, tx, actor, referralId)
    if (found.referral.status !== 'open') throw new UserInputError(`This referral is ${found.referral.status} and can no longer be changed`)
    return found
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
        const m = matchingRow(id, f)
        await tx.insertInto('referrals').values(row).execute()
        await tx.insertInto('referral_matching').values(m).execute()
        await addReferralEvent(tx, id, at, 'sent', null, actor.label)
        await audit.record(tx, actor, { action: 'create', entityType: 'referral', entityId: id, before: null, after: fieldsOf(row, m) })
        return id
      })
    },

    async updateReferral(actor: Actor, referralId: string, input: ReferralChanges): Promise<void> {
      const f = parseOrThrow(ReferralSchema, input)
      await ctx.run(async (tx) => {
        const { referral: before, matching } = await writable(tx, actor, referralId)
        const m = matchingRow(referralId, f)
        const after: ReferralRow = {
          ...before,
          urgency: f.urgency,
          placement_types_json: JSON.stringify(f.placementTypes),
          preferred_postcode: f.preferredPostcode,
          siblings: f.siblings,
          deprivation_of_liberty: f.deprivationOfLiberty,
          updated_at: ctx.now().toISOString(),
        }
        if (JSON.stringify(fieldsOf(before, matching)) === JSON.stringify(fieldsOf(after, m))) return
        const { id: _id, child_id: _c, status: _s, created_by: _b, created_at: _ca, ...changes } = after
        await tx.updateTable('referrals').set(changes).where('id', '=', referralId).execute()
        if (matching) {
          const { referral_id: _r, ...mChanges } = m
          await tx.updateTable('referral_matching').set(mChanges).where('referral_id', '=', referralId).execute()
        } else await tx.insertInto('referral_matching').values(m).execute()
        await audit.record(tx, actor, {
          action: 'update',
          entityType: 'referral',
          entityId: referralId,
          before: fieldsOf(before, matching),
          after: fieldsOf(after, m),
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
        const { referral: before } = await writable(tx, actor, referralId)
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
        const { referral: r, matching, child } = await visibleReferral(ctx, tx, actor, referralId)
        await audit.recordChildRead(tx, actor, r.child_id, purpose)
        const events = await tx.selectFrom('referral_events').selectAll().where('referral_id', '=', referralId).orderBy('seq').execute()
        const placement = await tx
          .selectFrom('placements')
          .select('id')
          .where('referral_id', '=', referralId)
          .orderBy('created_at', 'desc')
          .executeTakeFirst()
        const passed = await tx
          .selectFrom('block_bed_passovers as p')
          .innerJoin('beds', 'beds.id', 'p.bed_id')
          .innerJoin('homes', 'homes.id', 'p.home_id')
          .innerJoin('contracts', 'contracts.id', 'p.contract_id')
          .select(['p.bed_id', 'beds.label', 'homes.name', 'contracts.reference', 'p.cause', 'p.note', 'p.from_date'])
          .where('p.referral_id', '=', referralId)
          .orderBy('homes.name')
          .orderBy('beds.label')
          .execute()
        return {
          id: r.id,
          childId: r.child_id,
          urgency: r.urgency,
          placementTypes: JSON.parse(r.placement_types_json) as string[],
          preferredPostcode: r.preferred_postcode,
          siblings: r.siblings,
          deprivationOfLiberty: r.deprivation_of_liberty,
          ...matchingOf(matching),
          status: r.status,
          createdAt: r.created_at,
          timeline: events.map((e) => ({ at: e.at, kind: e.kind, detail: e.detail, by: e.by_label })),
          child: childView(child),
          placementId: placement?.id ?? null,
          passedOver: passed.map((p) => ({
            bedId: p.bed_id,
            bedLabel: p.label,
            homeName: p.name,
            contractReference: p.reference,
            cause: p.cause,
            note: p.note,
            fromDate: p.from_date,
          })),
        }
      })
    },

    /** Referrals the actor may see, open first, newest first; optionally one child's. Each child listed is an audited read. */
    async listReferrals(actor: Actor, opts: { childId?: string; status?: ReferralRow['status'] } = {}): Promise<ReferralSummary[]> {
      return ctx.run(async (tx) => {
        let q = tx
          .selectFrom('referrals')
          .innerJoin('children', 'children.id', 'referrals.child_id')
          .select([
            'referrals.id',
            'referrals.child_id',
            'children.case_reference',
            'referrals.urgency',
            'referrals.status',
            'referrals.created_at',
          ])
          .where('children.id', 'in', scopeChildren(tx.selectFrom('children').select('children.id'), actor))
        if (opts.childId) q = q.where('referrals.child_id', '=', opts.childId)
        if (opts.status) q = q.where('referrals.status', '=', opts.status)
        const rows = await q.orderBy('referrals.created_at', 'desc').execute()
        for (const childId of new Set(rows.map((r) => r.child_id))) await audit.recordChildRead(tx, actor, childId, 'list referrals')
        const rank = { open: 0, matched: 1, closed: 2 } as const
        return rows
          .map((r) => ({
            id: r.id,
            childId: r.child_id,
            caseReference: r.case_reference,
            urgency: r.urgency,
            status: r.status,
            createdAt: r.created_at,
          }))
          .sort((a, b) => rank[a.status] - rank[b.status])
      })
    },
  }
}
