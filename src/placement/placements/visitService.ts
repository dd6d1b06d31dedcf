/** Social-worker visits and the placements team's list of what is due and overdue. */
import { randomUUID } from 'node:crypto'
import type { Actor } from '../../platform/auth/actor.js'
import { ForbiddenError } from '../../platform/auth/scope.js'
import { UserInputError } from '../../platform/errors.js'
import { isoDay } from '../children/childSchema.js'
import { childReadRule, scopeChildren, writesChildRecords } from '../children/access.js'
import type { PlacementContext } from '../placementService.js'
import { dueVisits, placementPlanDue } from '../timers/statutoryTimers.js'

export type DueItem = {
  placementId: string
  childId: string
  caseReference: string
  homeId: string
  startDate: string
  placementPlanDue: string
  nextVisitDue: string | null
  visitOverdue: boolean
  lastVisit: string | null
}

export function createVisitPart(ctx: PlacementContext) {
  const { audit } = ctx.deps
  return {
    /** A social worker's visit to the child in the placement. */
    async recordVisit(actor: Actor, placementId: string, visitedOn: string): Promise<void> {
      if (!writesChildRecords(actor)) throw new ForbiddenError('child:read')
      const day = isoDay('the visit date').safeParse(visitedOn)
      if (!day.success) throw new UserInputError(day.error.issues[0]!.message, { field: 'visitedOn' })
      await ctx.run(async (tx) => {
        const p = await tx.selectFrom('placements').selectAll().where('id', '=', placementId).executeTakeFirst()
        if (!p) throw new UserInputError('Select a placement', { field: 'placementId' })
        await ctx.visibleChild(tx, actor, p.child_id)
        if (visitedOn < p.start_date || (p.end_date !== null && visitedOn > p.end_date) || visitedOn > ctx.today())
          throw new UserInputError('The visit date must be within the placement and not in the future', { field: 'visitedOn' })
        const row = {
          id: randomUUID(),
          placement_id: placementId,
          visited_on: visitedOn,
          by_user_id: actor.userId,
          created_at: ctx.now().toISOString(),
        }
        await tx.insertInto('placement_visits').values(row).execute()
        await audit.record(tx, actor, { action: 'create', entityType: 'placement_visit', entityId: row.id, before: null, after: row })
      })
    },

    /**
     * Open placements the actor may see, with the placement plan's due date and the next visit due,
     * overdue first. Each child listed (by case reference) is an audited read.
     */
    async dueAndOverdue(actor: Actor): Promise<DueItem[]> {
      if (childReadRule(actor).kind === 'provider') throw new ForbiddenError('child:read')
      return ctx.run(async (tx) => {
        const today = ctx.today()
        const rows = await tx
          .selectFrom('children')
          .innerJoin('placements', 'placements.child_id', 'children.id')
          .select([
            'placements.id as placement_id',
            'children.id as child_id',
            'children.case_reference',
            'placements.home_id',
            'placements.start_date',
            'placements.end_date',
          ])
          .where('children.id', 'in', scopeChildren(tx.selectFrom('children').select('children.id'), actor))
          .where('placements.end_date', 'is', null)
          .execute()
        const visits = rows.length
          ? await tx
              .selectFrom('placement_visits')
              .select(['placement_id', 'visited_on'])
              .where(
                'placement_id',
                'in',
                rows.map((r) => r.placement_id),
              )
              .execute()
          : []
        const items: DueItem[] = []
        for (const r of rows) {
          await audit.recordChildRead(tx, actor, r.child_id, 'statutory timers list')
          const due = dueVisits(
            { startDate: r.start_date, endDate: r.end_date },
            visits.filter((v) => v.placement_id === r.placement_id).map((v) => v.visited_on),
            today,
          )
          items.push({
            placementId: r.placement_id,
            childId: r.child_id,
            caseReference: r.case_reference,
            homeId: r.home_id,
            startDate: r.start_date,
            placementPlanDue: placementPlanDue(r.start_date),
            nextVisitDue: due.nextDue,
            visitOverdue: due.overdue,
            lastVisit: due.lastVisit,
          })
        }
        return items.sort(
          (a, b) =>
            Number(b.visitOverdue) - Number(a.visitOverdue) ||
            (a.nextVisitDue ?? '').localeCompare(b.nextVisitDue ?? '') ||
            a.caseReference.localeCompare(b.caseReference),
        )
      })
    },
  }
}
