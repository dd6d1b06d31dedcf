/** Children's records: create, update, read one, list. Every read of personal fields is audited. */
import { randomUUID } from 'node:crypto'
import type { Actor } from '../../platform/auth/actor.js'
import { ForbiddenError } from '../../platform/auth/scope.js'
import type { Db } from '../../platform/db/database.js'
import type { Database } from '../../platform/db/schema.js'
import { UserInputError } from '../../platform/errors.js'
import { parseOrThrow } from '../../market/domain/schemas.js'
import type { PlacementContext } from '../placementService.js'
import { scopeChildren, writesChildRecords } from './access.js'
import { ChildSchema, type ChildFields, type ChildInput } from './childSchema.js'

type ChildRow = Database['children']

export type ChildView = ChildFields & { id: string; createdAt: string; updatedAt: string }

export function childView(r: ChildRow): ChildView {
  return {
    id: r.id,
    caseReference: r.case_reference,
    dateOfBirth: r.date_of_birth,
    sex: r.sex,
    legalStatus: r.legal_status as ChildFields['legalStatus'],
    homePostcode: r.home_postcode,
    schoolPostcode: r.school_postcode,
    allocatedSocialWorkerUserId: r.allocated_social_worker_user_id,
    needs: JSON.parse(r.needs_json) as ChildFields['needs'],
    risksToChild: JSON.parse(r.risks_to_child_json) as ChildFields['risksToChild'],
    risksToOthers: JSON.parse(r.risks_to_others_json) as ChildFields['risksToOthers'],
    requirements: r.requirements,
    risksToChildOther: r.risks_to_child_other,
    risksToOthersOther: r.risks_to_others_other,
    caredForAlongside: r.cared_for_alongside as ChildFields['caredForAlongside'],
    fosterSuitability: r.foster_suitability as ChildFields['fosterSuitability'],
    residentialSuitability: r.residential_suitability as ChildFields['residentialSuitability'],
    supportedAccommodationSuitability: r.supported_accommodation_suitability as ChildFields['supportedAccommodationSuitability'],
    communicationNeeds: r.communication_needs as ChildFields['communicationNeeds'],
    languageRequirements: JSON.parse(r.language_requirements_json) as ChildFields['languageRequirements'],
    adaptationNeeded: r.adaptation_needed as ChildFields['adaptationNeeded'],
    culturalNeeds: r.cultural_needs as ChildFields['culturalNeeds'],
    pets: r.pets as ChildFields['pets'],
    additionalSupport: JSON.parse(r.additional_support_json) as ChildFields['additionalSupport'],
    additionalSupportOther: r.additional_support_other,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

/** The record as the audit trail keeps it: the record itself, no more, no timestamps. */
const auditOf = ({ createdAt: _c, updatedAt: _u, ...v }: ChildView) => v

function columnsOf(f: ChildFields) {
  return {
    case_reference: f.caseReference,
    date_of_birth: f.dateOfBirth,
    sex: f.sex,
    legal_status: f.legalStatus,
    home_postcode: f.homePostcode,
    school_postcode: f.schoolPostcode,
    allocated_social_worker_user_id: f.allocatedSocialWorkerUserId,
    needs_json: JSON.stringify(f.needs),
    risks_to_child_json: JSON.stringify(f.risksToChild),
    risks_to_others_json: JSON.stringify(f.risksToOthers),
    requirements: f.requirements,
    risks_to_child_other: f.risksToChildOther,
    risks_to_others_other: f.risksToOthersOther,
    cared_for_alongside: f.caredForAlongside,
    foster_suitability: f.fosterSuitability,
    residential_suitability: f.residentialSuitability,
    supported_accommodation_suitability: f.supportedAccommodationSuitability,
    communication_needs: f.communicationNeeds,
    language_requirements_json: JSON.stringify(f.languageRequirements),
    adaptation_needed: f.adaptationNeeded,
    cultural_needs: f.culturalNeeds,
    pets: f.pets,
    additional_support_json: JSON.stringify(f.additionalSupport),
    additional_support_other: f.additionalSupportOther,
  }
}

export function createChildPart(ctx: PlacementContext) {
  const { audit } = ctx.deps

  async function assertCaseReferenceFree(tx: Db, caseReference: string, exceptId: string | null) {
    const clash = await tx.selectFrom('children').select('id').where('case_reference', '=', caseReference).executeTakeFirst()
    if (clash && clash.id !== exceptId)
      throw new UserInputError('A child with this case reference already exists', { field: 'caseReference' })
  }

  return {
    /** A social worker creating a record is allocated to it unless another social worker is named. */
    async createChild(actor: Actor, input: ChildInput): Promise<string> {
      if (!writesChildRecords(actor)) throw new ForbiddenError('child:read')
      const f = parseOrThrow(ChildSchema, input)
      if (actor.role === 'social_worker' && f.allocatedSocialWorkerUserId === null) f.allocatedSocialWorkerUserId = actor.userId
      const id = randomUUID()
      const at = ctx.now().toISOString()
      return ctx.run(async (tx) => {
        await assertCaseReferenceFree(tx, f.caseReference, null)
        const row = { id, ...columnsOf(f), created_at: at, updated_at: at }
        await tx.insertInto('children').values(row).execute()
        await audit.record(tx, actor, { action: 'create', entityType: 'child', entityId: id, before: null, after: auditOf(childView(row)) })
        return id
      })
    },

    async updateChild(actor: Actor, childId: string, input: ChildInput): Promise<void> {
      if (!writesChildRecords(actor)) throw new ForbiddenError('child:read')
      const f = parseOrThrow(ChildSchema, input)
      await ctx.run(async (tx) => {
        const before = await ctx.visibleChild(tx, actor, childId)
        await assertCaseReferenceFree(tx, f.caseReference, childId)
        const after = { ...before, ...columnsOf(f), updated_at: ctx.now().toISOString() }
        const b = auditOf(childView(before))
        const a = auditOf(childView(after))
        if (JSON.stringify(a) === JSON.stringify(b)) return
        await tx
          .updateTable('children')
          .set({ ...columnsOf(f), updated_at: after.updated_at })
          .where('id', '=', childId)
          .execute()
        await audit.record(tx, actor, { action: 'update', entityType: 'child', entityId: childId, before: b, after: a })
      })
    },

    /** One child's record; the read is audited with its purpose. */
    async getChild(actor: Actor, childId: string, purpose = 'view child record'): Promise<ChildView> {
      return ctx.run(async (tx) => {
        const row = await ctx.visibleChild(tx, actor, childId)
        await audit.recordChildRead(tx, actor, childId, purpose)
        return childView(row)
      })
    },

    /** The children the actor may read, by case reference; each child shown is an audited read. */
    async listChildren(actor: Actor, purpose = 'list children'): Promise<ChildView[]> {
      return ctx.run(async (tx) => {
        const rows = await scopeChildren(tx.selectFrom('children').selectAll('children'), actor)
          .orderBy('children.case_reference')
          .execute()
        for (const r of rows) await audit.recordChildRead(tx, actor, r.id, purpose)
        return rows.map(childView)
      })
    },
  }
}
