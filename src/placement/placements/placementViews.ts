/**
 * Placements as their pages show them: one placement in full (home, bed, route, contract, price,
 * the statutory timers, the impact risk assessment, how it ended), the placements team's open
 * list, and a provider's open placements in its own homes. Each child shown is an audited read.
 */
import type { Actor } from '../../platform/auth/actor.js'
import { ForbiddenError } from '../../platform/auth/scope.js'
import type { Db } from '../../platform/db/database.js'
import { arrangesPlacements, childReadRule } from '../children/access.js'
import { ageOn } from '../domain/needsProfile.js'
import type { RiskFlag } from '../domain/riskFlags.js'
import type { Route } from '../domain/vacancy.js'
import type { PlacementContext } from '../placementService.js'
import { timerItems, type TimerItem } from '../timers/dueItems.js'
import { placementPlanDue } from '../timers/statutoryTimers.js'
import { findVisiblePlacement } from './bookingService.js'

/** What a home's staff need to know of the child to weigh the placement's impact: no names, no addresses. */
export type ChildForHome = {
  caseReference: string
  age: number
  sex: string
  needs: string[]
  risks: RiskFlag[]
  caredForAlongside: string
}

export type PlacementDetail = {
  id: string
  childId: string
  referralId: string
  child: ChildForHome
  homeId: string
  homeName: string
  urn: string
  providerName: string
  bedId: string
  bedLabel: string
  route: Route
  contractId: string | null
  contractReference: string | null
  weeklyPricePence: number
  startDate: string
  plannedEndDate: string | null
  endDate: string | null
  endReason: string | null
  reasonPlaceChange: string | null
  endedPlanned: 'planned' | 'unplanned' | null
  impactAssessment: string | null
  impactAssessedAt: string | null
  impactAssessedBy: string | null
  planDue: string
  planPreparedOn: string | null
  lastVisit: string | null
  /** The statutory items owed today (none once ended). */
  due: TimerItem[]
  canEnd: boolean
}

export type PlacementListItem = {
  id: string
  childId: string
  caseReference: string
  homeName: string
  route: Route
  startDate: string
  impactAssessed: boolean
  due: TimerItem[]
}

export type ProviderPlacementItem = {
  id: string
  caseReference: string
  homeName: string
  bedLabel: string
  startDate: string
  impactAssessed: boolean
}

function childForHome(
  c: {
    case_reference: string
    date_of_birth: string
    sex: string
    needs_json: string
    risks_to_child_json: string
    risks_to_others_json: string
    cared_for_alongside: string
  },
  today: string,
): ChildForHome {
  return {
    caseReference: c.case_reference,
    age: ageOn(c.date_of_birth, today),
    sex: c.sex,
    needs: JSON.parse(c.needs_json) as string[],
    risks: [...(JSON.parse(c.risks_to_child_json) as RiskFlag[]), ...(JSON.parse(c.risks_to_others_json) as RiskFlag[])],
    caredForAlongside: c.cared_for_alongside,
  }
}

async function visitsOf(tx: Db, placementIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>()
  if (placementIds.length === 0) return out
  const rows = await tx
    .selectFrom('placement_visits')
    .select(['placement_id', 'visited_on'])
    .where('placement_id', 'in', placementIds)
    .execute()
  for (const v of rows) out.set(v.placement_id, [...(out.get(v.placement_id) ?? []), v.visited_on])
  return out
}

export function createPlacementViewPart(ctx: PlacementContext) {
  const { audit } = ctx.deps
  return {
    /** One placement in full: an audited read of the child's record. A provider user sees its own open ones. */
    async placementDetail(actor: Actor, placementId: string, purpose = 'view placement'): Promise<PlacementDetail> {
      return ctx.run(async (tx) => {
        const p = await findVisiblePlacement(ctx, tx, actor, placementId)
        const child = await ctx.visibleChild(tx, actor, p.child_id)
        await audit.recordChildRead(tx, actor, p.child_id, purpose)
        const place = await tx
          .selectFrom('beds')
          .innerJoin('homes', 'homes.id', 'beds.home_id')
          .innerJoin('providers', 'providers.id', 'homes.provider_id')
          .select(['beds.label', 'homes.name', 'homes.urn', 'providers.name as provider_name'])
          .where('beds.id', '=', p.bed_id)
          .executeTakeFirstOrThrow()
        const contract = p.contract_id
          ? await tx.selectFrom('contracts').select('reference').where('id', '=', p.contract_id).executeTakeFirst()
          : undefined
        const plan = await tx.selectFrom('placement_plans').select('prepared_on').where('placement_id', '=', p.id).executeTakeFirst()
        const assessor = p.impact_assessed_by
          ? await tx.selectFrom('users').select('display_name').where('id', '=', p.impact_assessed_by).executeTakeFirst()
          : undefined
        const visits = (await visitsOf(tx, [p.id])).get(p.id) ?? []
        const today = ctx.today()
        return {
          id: p.id,
          childId: p.child_id,
          referralId: p.referral_id,
          child: childForHome(child, today),
          homeId: p.home_id,
          homeName: place.name,
          urn: place.urn,
          providerName: place.provider_name,
          bedId: p.bed_id,
          bedLabel: place.label,
          route: p.route,
          contractId: p.contract_id,
          contractReference: contract?.reference ?? null,
          weeklyPricePence: Number(p.weekly_price_pence),
          startDate: p.start_date,
          plannedEndDate: p.planned_end_date,
          endDate: p.end_date,
          endReason: p.end_reason,
          reasonPlaceChange: p.reason_place_change,
          endedPlanned: p.ended_planned,
          impactAssessment: p.impact_assessment,
          impactAssessedAt: p.impact_assessed_at,
          impactAssessedBy: assessor?.display_name ?? (p.impact_assessed_by ? 'A provider user' : null),
          planDue: placementPlanDue(p.start_date),
          planPreparedOn: plan?.prepared_on ?? null,
          lastVisit: [...visits].sort().at(-1) ?? null,
          due: timerItems({ startDate: p.start_date, endDate: p.end_date }, visits, plan?.prepared_on ?? null, today),
          canEnd: p.end_date === null && arrangesPlacements(actor),
        }
      })
    },

    /** The placements team's open placements, overdue first, then by start. */
    async openPlacements(actor: Actor): Promise<PlacementListItem[]> {
      if (!arrangesPlacements(actor)) throw new ForbiddenError('child:read')
      return ctx.run(async (tx) => {
        const rows = await tx
          .selectFrom('placements')
          .innerJoin('children', 'children.id', 'placements.child_id')
          .innerJoin('homes', 'homes.id', 'placements.home_id')
          .leftJoin('placement_plans', 'placement_plans.placement_id', 'placements.id')
          .select([
            'placements.id',
            'placements.child_id',
            'children.case_reference',
            'homes.name as home_name',
            'placements.route',
            'placements.start_date',
            'placements.end_date',
            'placements.impact_assessment',
            'placement_plans.prepared_on',
          ])
          .where('placements.end_date', 'is', null)
          .execute()
        const visits = await visitsOf(
          tx,
          rows.map((r) => r.id),
        )
        const today = ctx.today()
        for (const childId of new Set(rows.map((r) => r.child_id))) await audit.recordChildRead(tx, actor, childId, 'list placements')
        const items = rows.map((r) => ({
          id: r.id,
          childId: r.child_id,
          caseReference: r.case_reference,
          homeName: r.home_name,
          route: r.route,
          startDate: r.start_date,
          impactAssessed: r.impact_assessment !== null,
          due: timerItems({ startDate: r.start_date, endDate: r.end_date }, visits.get(r.id) ?? [], r.prepared_on ?? null, today),
        }))
        const overdue = (i: PlacementListItem) => (i.due.some((d) => d.overdue) ? 0 : 1)
        return items.sort(
          (a, b) => overdue(a) - overdue(b) || b.startDate.localeCompare(a.startDate) || a.caseReference.localeCompare(b.caseReference),
        )
      })
    },

    /** A provider user's open placements in its own homes. */
    async providerPlacements(actor: Actor): Promise<ProviderPlacementItem[]> {
      const rule = childReadRule(actor)
      if (rule.kind !== 'provider') throw new ForbiddenError('child:read')
      return ctx.run(async (tx) => {
        const rows = await tx
          .selectFrom('placements')
          .innerJoin('children', 'children.id', 'placements.child_id')
          .innerJoin('beds', 'beds.id', 'placements.bed_id')
          .innerJoin('homes', 'homes.id', 'placements.home_id')
          .select([
            'placements.id',
            'placements.child_id',
            'children.case_reference',
            'homes.name as home_name',
            'beds.label',
            'placements.start_date',
            'placements.impact_assessment',
          ])
          .where('homes.provider_id', '=', rule.providerId)
          .where('placements.end_date', 'is', null)
          .orderBy('placements.start_date', 'desc')
          .orderBy('children.case_reference')
          .execute()
        for (const r of rows) await audit.recordChildRead(tx, actor, r.child_id, 'provider placements list')
        return rows.map((r) => ({
          id: r.id,
          caseReference: r.case_reference,
          homeName: r.home_name,
          bedLabel: r.label,
          startDate: r.start_date,
          impactAssessed: r.impact_assessment !== null,
        }))
      })
    },
  }
}
