/**
 * The statutory timers as the placements team and social workers use them: the due and overdue
 * list, a placement's visits and plan, and recording that the placement plan was prepared.
 */
import type { Actor } from '../../platform/auth/actor.js'
import { ForbiddenError } from '../../platform/auth/scope.js'
import type { Db } from '../../platform/db/database.js'
import { UserInputError } from '../../platform/errors.js'
import { childReadRule, writesChildRecords } from '../children/access.js'
import { isoDay } from '../children/childSchema.js'
import type { PlacementContext } from '../placementService.js'
import { isListed, timerItems, type TimerItem } from './dueItems.js'
import { openPlacementTimers } from './openPlacements.js'
import { councilVisiblePlacement } from './visiblePlacement.js'
import { placementPlanDue } from './statutoryTimers.js'

export type DueListItem = TimerItem & {
  placementId: string
  childId: string
  caseReference: string
  homeName: string
  startDate: string
  socialWorker: string | null
  lastVisit: string | null
}

export type StatutoryRecord = {
  placementId: string
  childId: string
  caseReference: string
  homeName: string
  startDate: string
  endDate: string | null
  planDue: string
  planPreparedOn: string | null
  visits: { visitedOn: string; by: string | null }[]
  items: TimerItem[]
  /** Whether the actor may record a visit or the plan here. */
  canRecord: boolean
}

/** Overdue first (most overdue first), then soonest due, then case reference and kind. */
export function dueOrder(a: DueListItem, b: DueListItem): number {
  return (
    Number(b.overdue) - Number(a.overdue) ||
    b.daysOverdue - a.daysOverdue ||
    a.dueOn.localeCompare(b.dueOn) ||
    a.caseReference.localeCompare(b.caseReference) ||
    a.kind.localeCompare(b.kind)
  )
}

export function createTimerPart(ctx: PlacementContext) {
  const { audit } = ctx.deps

  async function visiblePlacement(tx: Db, actor: Actor, placementId: string) {
    const { placement, child } = await councilVisiblePlacement(ctx, tx, actor, placementId)
    return { ...placement, case_reference: child.case_reference }
  }

  return {
    /**
     * Placement plans and visits overdue or due within two weeks, for the children the actor may
     * read (the placements team: all; a social worker: their own). Each child listed is an audited read.
     */
    async statutoryDueList(actor: Actor): Promise<DueListItem[]> {
      const rule = childReadRule(actor)
      if (rule.kind === 'provider' || rule.kind === 'none') throw new ForbiddenError('child:read')
      return ctx.run(async (tx) => {
        const today = ctx.today()
        const items: DueListItem[] = []
        const read = new Set<string>()
        for (const p of await openPlacementTimers(tx, actor)) {
          const listed = timerItems({ startDate: p.start_date, endDate: p.end_date }, p.visits, p.prepared_on, today).filter((i) =>
            isListed(i, today),
          )
          if (listed.length === 0) continue
          if (!read.has(p.child_id)) {
            read.add(p.child_id)
            await audit.recordChildRead(tx, actor, p.child_id, 'statutory due list')
          }
          const counted = p.visits.filter((v) => v >= p.start_date && v <= today).sort()
          for (const i of listed) {
            items.push({
              ...i,
              placementId: p.placement_id,
              childId: p.child_id,
              caseReference: p.case_reference,
              homeName: p.home_name,
              startDate: p.start_date,
              socialWorker: p.social_worker ?? null,
              lastVisit: counted.at(-1) ?? null,
            })
          }
        }
        return items.sort(dueOrder)
      })
    },

    /** A placement's visits and plan, with what is due: an audited read of the child's record. */
    async statutoryRecord(actor: Actor, placementId: string, purpose = 'view statutory visits'): Promise<StatutoryRecord> {
      return ctx.run(async (tx) => {
        const p = await visiblePlacement(tx, actor, placementId)
        await audit.recordChildRead(tx, actor, p.child_id, purpose)
        const plan = await tx.selectFrom('placement_plans').select('prepared_on').where('placement_id', '=', placementId).executeTakeFirst()
        const visits = await tx
          .selectFrom('placement_visits')
          .leftJoin('users', 'users.id', 'placement_visits.by_user_id')
          .select(['placement_visits.visited_on', 'users.display_name'])
          .where('placement_visits.placement_id', '=', placementId)
          .orderBy('placement_visits.visited_on', 'desc')
          .execute()
        const planPreparedOn = plan?.prepared_on ?? null
        return {
          placementId,
          childId: p.child_id,
          caseReference: p.case_reference,
          homeName: p.home_name,
          startDate: p.start_date,
          endDate: p.end_date,
          planDue: placementPlanDue(p.start_date),
          planPreparedOn,
          visits: visits.map((v) => ({ visitedOn: v.visited_on, by: v.display_name ?? null })),
          items: timerItems(
            { startDate: p.start_date, endDate: p.end_date },
            visits.map((v) => v.visited_on),
            planPreparedOn,
            ctx.today(),
          ),
          canRecord: writesChildRecords(actor),
        }
      })
    },

    /** Records the day the placement plan was prepared (before the start, or after it; never in the future). */
    async recordPlacementPlan(actor: Actor, placementId: string, preparedOn: string): Promise<void> {
      if (!writesChildRecords(actor)) throw new ForbiddenError('child:read')
      const day = isoDay('the date the plan was prepared').safeParse(preparedOn)
      if (!day.success) throw new UserInputError(day.error.issues[0]!.message, { field: 'preparedOn' })
      await ctx.run(async (tx) => {
        const p = await visiblePlacement(tx, actor, placementId)
        if (preparedOn > ctx.today())
          throw new UserInputError('The date the plan was prepared cannot be in the future', { field: 'preparedOn' })
        if (p.end_date !== null && preparedOn > p.end_date)
          throw new UserInputError(`The plan must be prepared by the end of the placement, ${p.end_date}`, { field: 'preparedOn' })
        const before = await tx.selectFrom('placement_plans').selectAll().where('placement_id', '=', placementId).executeTakeFirst()
        const after = { placement_id: placementId, prepared_on: preparedOn, recorded_by: actor.userId, created_at: ctx.now().toISOString() }
        if (before?.prepared_on === preparedOn) return
        if (before) await tx.updateTable('placement_plans').set(after).where('placement_id', '=', placementId).execute()
        else await tx.insertInto('placement_plans').values(after).execute()
        await audit.record(tx, actor, {
          action: before ? 'update' : 'create',
          entityType: 'placement_plan',
          entityId: placementId,
          before: before ?? null,
          after,
        })
      })
    },
  }
}
