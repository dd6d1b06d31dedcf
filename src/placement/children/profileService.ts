/**
 * What the children pages read: a page of the children the actor may see (searched by case
 * reference), one child's profile with referrals and placement history, and the council's social
 * workers to allocate. Each child shown is an audited read, with its purpose.
 */
import { sql, type SqlBool } from 'kysely'
import type { Actor } from '../../platform/auth/actor.js'
import { ForbiddenError } from '../../platform/auth/scope.js'
import type { PlacementContext } from '../placementService.js'
import type { Route } from '../domain/vacancy.js'
import { dueVisits, placementPlanDue } from '../timers/statutoryTimers.js'
import { childReadRule, scopeChildren, writesChildRecords } from './access.js'
import { childView, type ChildView } from './childService.js'

export type ChildListItem = {
  id: string
  caseReference: string
  dateOfBirth: string
  legalStatus: string
  socialWorker: string | null
  currentHome: string | null
  openReferrals: number
}
export type ChildPage = { items: ChildListItem[]; total: number; page: number; pageSize: number }

export type ChildReferral = { id: string; urgency: string; status: string; placementTypes: string[]; createdAt: string }
export type ChildPlacement = {
  id: string
  homeId: string
  homeName: string
  route: Route
  startDate: string
  endDate: string | null
  endReason: string | null
  reasonPlaceChange: string | null
  weeklyPricePence: number
  /** Open placements only: the placement plan's last day (null once prepared) and the next visit due. */
  planDue: string | null
  nextVisitDue: string | null
  visitOverdue: boolean
}
export type ChildProfile = {
  child: ChildView
  socialWorker: { id: string; name: string } | null
  referrals: ChildReferral[]
  placements: ChildPlacement[]
}
export type SocialWorker = { id: string; name: string; email: string }

const likePattern = (text: string) => `%${text.toLowerCase().replace(/[!%_]/g, '!$&')}%`

/** Council users only: providers have no children pages, and other council roles no child:read. */
function assertCouncilReader(actor: Actor) {
  const rule = childReadRule(actor)
  if (rule.kind === 'none' || rule.kind === 'provider') throw new ForbiddenError('child:read')
}

export function createChildProfilePart(ctx: PlacementContext) {
  const { audit } = ctx.deps
  return {
    /** A page of the children the actor may read, by case reference; each child on the page is an audited read. */
    async searchChildren(
      actor: Actor,
      opts: { search?: string; page: number; pageSize: number },
      purpose = 'list children',
    ): Promise<ChildPage> {
      assertCouncilReader(actor)
      return ctx.run(async (tx) => {
        let q = scopeChildren(tx.selectFrom('children'), actor)
        const search = opts.search?.trim()
        if (search) q = q.where(sql<SqlBool>`lower(children.case_reference) like ${likePattern(search)} escape '!'`)
        const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
        const total = Number(n)
        const pageCount = Math.max(1, Math.ceil(total / opts.pageSize))
        const page = Math.min(Math.max(1, opts.page), pageCount)
        const rows = await q
          .leftJoin('users', 'users.id', 'children.allocated_social_worker_user_id')
          .select([
            'children.id',
            'children.case_reference',
            'children.date_of_birth',
            'children.legal_status',
            'users.display_name as social_worker',
          ])
          .select((eb) => [
            eb
              .selectFrom('placements')
              .innerJoin('homes', 'homes.id', 'placements.home_id')
              .select('homes.name')
              .whereRef('placements.child_id', '=', 'children.id')
              .where('placements.end_date', 'is', null)
              .limit(1)
              .as('current_home'),
            eb
              .selectFrom('referrals')
              .select((e) => e.fn.countAll<number>().as('n'))
              .whereRef('referrals.child_id', '=', 'children.id')
              .where('referrals.status', '=', 'open')
              .as('open_referrals'),
          ])
          .orderBy('children.case_reference')
          .limit(opts.pageSize)
          .offset((page - 1) * opts.pageSize)
          .execute()
        for (const r of rows) await audit.recordChildRead(tx, actor, r.id, purpose)
        return {
          items: rows.map((r) => ({
            id: r.id,
            caseReference: r.case_reference,
            dateOfBirth: r.date_of_birth,
            legalStatus: r.legal_status,
            socialWorker: r.social_worker ?? null,
            currentHome: r.current_home ?? null,
            openReferrals: Number(r.open_referrals ?? 0),
          })),
          total,
          page,
          pageSize: opts.pageSize,
        }
      })
    },

    /** One child's record with referrals and placement history: one audited read. */
    async childProfile(actor: Actor, childId: string, purpose = 'view child profile'): Promise<ChildProfile> {
      assertCouncilReader(actor)
      return ctx.run(async (tx) => {
        const row = await ctx.visibleChild(tx, actor, childId)
        await audit.recordChildRead(tx, actor, childId, purpose)
        const sw = row.allocated_social_worker_user_id
          ? await tx
              .selectFrom('users')
              .select(['id', 'display_name'])
              .where('id', '=', row.allocated_social_worker_user_id)
              .executeTakeFirst()
          : undefined
        const referrals = await tx
          .selectFrom('referrals')
          .select(['id', 'urgency', 'status', 'placement_types_json', 'created_at'])
          .where('child_id', '=', childId)
          .orderBy('created_at', 'desc')
          .execute()
        const placements = await tx
          .selectFrom('placements')
          .innerJoin('homes', 'homes.id', 'placements.home_id')
          .leftJoin('placement_plans', 'placement_plans.placement_id', 'placements.id')
          .selectAll('placements')
          .select(['homes.name as home_name', 'placement_plans.prepared_on'])
          .where('placements.child_id', '=', childId)
          .orderBy('placements.start_date', 'desc')
          .execute()
        const open = placements.filter((p) => p.end_date === null).map((p) => p.id)
        const visits = open.length
          ? await tx.selectFrom('placement_visits').select(['placement_id', 'visited_on']).where('placement_id', 'in', open).execute()
          : []
        const today = ctx.today()
        return {
          child: childView(row),
          socialWorker: sw
            ? { id: sw.id, name: sw.display_name }
            : row.allocated_social_worker_user_id
              ? { id: row.allocated_social_worker_user_id, name: 'Unknown user' }
              : null,
          referrals: referrals.map((r) => ({
            id: r.id,
            urgency: r.urgency,
            status: r.status,
            placementTypes: JSON.parse(r.placement_types_json) as string[],
            createdAt: r.created_at,
          })),
          placements: placements.map((p) => {
            const isOpen = p.end_date === null
            const due = isOpen
              ? dueVisits(
                  { startDate: p.start_date, endDate: null },
                  visits.filter((v) => v.placement_id === p.id).map((v) => v.visited_on),
                  today,
                )
              : null
            return {
              id: p.id,
              homeId: p.home_id,
              homeName: p.home_name,
              route: p.route,
              startDate: p.start_date,
              endDate: p.end_date,
              endReason: p.end_reason,
              reasonPlaceChange: p.reason_place_change,
              weeklyPricePence: Number(p.weekly_price_pence),
              planDue: isOpen && !p.prepared_on ? placementPlanDue(p.start_date) : null,
              nextVisitDue: due?.nextDue ?? null,
              visitOverdue: due?.overdue ?? false,
            }
          }),
        }
      })
    },

    /** The council's active social workers, to allocate a child to; for those who write children's records. */
    async councilSocialWorkers(actor: Actor): Promise<SocialWorker[]> {
      if (!writesChildRecords(actor)) throw new ForbiddenError('child:read')
      return ctx.run(async (tx) => {
        let q = tx
          .selectFrom('users')
          .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
          .select(['users.id', 'users.display_name', 'users.email'])
          .where('users.role', '=', 'social_worker')
          .where('users.status', '=', 'active')
          .where('organisations.kind', '=', 'council')
        if (actor.organisationId) q = q.where('users.organisation_id', '=', actor.organisationId)
        const rows = await q.orderBy('users.display_name').orderBy('users.email').execute()
        return rows.map((r) => ({ id: r.id, name: r.display_name, email: r.email }))
      })
    },
  }
}
