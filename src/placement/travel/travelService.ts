/**
 * Social workers' statutory-visit travel: for one placement (the placement page's travel panel)
 * and in total over the open placements (the next 12 months) and the last 12 months, against the
 * same visits at the council's previous placement distance (ADR 0017).
 */
import type { GridRef } from '../../geo/types.js'
import type { Actor } from '../../platform/auth/actor.js'
import { ForbiddenError } from '../../platform/auth/scope.js'
import { addDays } from '../../platform/calendar/isoDate.js'
import type { Db } from '../../platform/db/database.js'
import { arrangesPlacements } from '../children/access.js'
import type { Route } from '../domain/vacancy.js'
import type { PlacementContext } from '../placementService.js'
import { addMonths, statutoryVisitDates } from '../timers/statutoryTimers.js'
import { councilVisiblePlacement } from '../timers/visiblePlacement.js'
import {
  addTotals,
  avoided,
  NO_TRAVEL,
  socialWorkerMiles,
  totalsOf,
  visitCost,
  type TravelRates,
  type TravelTotals,
} from './travelModel.js'
import { travelFor, type TravelView } from './travelView.js'

export type TravelByHome = {
  homeId: string
  homeName: string
  route: Route
  /** One way from the council centre; null when the home is not located (then it is left out of the totals). */
  oneWayMiles: number | null
  placements: number
  actual: TravelTotals | null
  avoided: TravelTotals | null
}
export type TravelSummary = {
  from: string
  to: string
  homes: TravelByHome[]
  actual: TravelTotals
  avoided: TravelTotals
  unlocated: number
}
export type TravelTotalsView = {
  rates: TravelRates
  centreLabel: string
  openNextYear: TravelSummary
  lastYear: TravelSummary
}

type PlacementRow = {
  start_date: string
  end_date: string | null
  home_id: string
  home_name: string
  route: Route
  easting: number | null
  northing: number | null
}

const located = (r: { easting: number | null; northing: number | null }): GridRef | null =>
  r.easting === null || r.northing === null ? null : { easting: Number(r.easting), northing: Number(r.northing) }

/** Per-home and overall travel for placements' statutory visits within [from, to]. */
export function summarise(rows: readonly PlacementRow[], from: string, to: string, centre: GridRef, rates: TravelRates): TravelSummary {
  const homes = new Map<string, TravelByHome>()
  let actualAll = NO_TRAVEL
  let avoidedAll = NO_TRAVEL
  let unlocated = 0
  for (const r of rows) {
    const oneWay = socialWorkerMiles(centre, located(r))
    const n = statutoryVisitDates({ startDate: r.start_date, endDate: r.end_date }, from, to).length
    const key = `${r.home_id}|${r.route}`
    const h = homes.get(key) ?? {
      homeId: r.home_id,
      homeName: r.home_name,
      route: r.route,
      oneWayMiles: oneWay,
      placements: 0,
      actual: oneWay === null ? null : NO_TRAVEL,
      avoided: oneWay === null ? null : NO_TRAVEL,
    }
    h.placements++
    if (oneWay === null) unlocated++
    else {
      const actual = totalsOf(n, visitCost(oneWay, rates))
      const saved = avoided(n, oneWay, rates)
      h.actual = addTotals(h.actual!, actual)
      h.avoided = addTotals(h.avoided!, saved)
      actualAll = addTotals(actualAll, actual)
      avoidedAll = addTotals(avoidedAll, saved)
    }
    homes.set(key, h)
  }
  const list = [...homes.values()].sort(
    (a, b) => (b.avoided?.costPence ?? -Infinity) - (a.avoided?.costPence ?? -Infinity) || a.homeName.localeCompare(b.homeName),
  )
  return { from, to, homes: list, actual: actualAll, avoided: avoidedAll, unlocated }
}

export function createTravelPart(ctx: PlacementContext) {
  const { audit } = ctx.deps
  const settings = () => {
    const config = ctx.deps.config
    if (!config) throw new Error('The placement service needs config (council centre and travel rates) for travel')
    return { rates: config.travel, centre: config.council.centre }
  }

  async function placementRows(tx: Db, where: (q: ReturnType<typeof base>) => ReturnType<typeof base>) {
    return where(base(tx)).execute()
  }
  function base(tx: Db) {
    return tx
      .selectFrom('placements')
      .innerJoin('homes', 'homes.id', 'placements.home_id')
      .select([
        'placements.start_date',
        'placements.end_date',
        'placements.home_id',
        'placements.route',
        'homes.name as home_name',
        'homes.easting',
        'homes.northing',
      ])
  }

  return {
    /**
     * One placement's travel, for the council's staff who may read the child (the child's home
     * postcode is read for the home ↔ placement distance, so it is an audited read). Providers: NotFound.
     */
    async placementTravel(actor: Actor, placementId: string): Promise<TravelView> {
      const { rates, centre } = settings()
      return ctx.run(async (tx) => {
        const { placement: p, child } = await councilVisiblePlacement(ctx, tx, actor, placementId)
        await audit.recordChildRead(tx, actor, p.child_id, 'placement travel')
        const childHome = child.home_postcode && ctx.deps.postcodes ? await ctx.deps.postcodes.locateIn(tx, child.home_postcode) : null
        return travelFor({
          placement: { startDate: p.start_date, endDate: p.end_date },
          home: located(p),
          childHome,
          centre,
          rates,
          today: ctx.today(),
        })
      })
    },

    /**
     * Travel over all open placements (their visits in the next 12 months) and over the last 12
     * months (visits due in it, open or since ended), by home: the placements team and heads of
     * service. No child's personal details are read: homes, dates and routes only.
     */
    async travelTotals(actor: Actor): Promise<TravelTotalsView> {
      if (!arrangesPlacements(actor)) throw new ForbiddenError('child:read')
      const { rates, centre } = settings()
      return ctx.run(async (tx) => {
        const today = ctx.today()
        const nextTo = addDays(addMonths(today, 12), -1)
        const lastFrom = addDays(addMonths(today, -12), 1)
        const open = await placementRows(tx, (q) => q.where('placements.end_date', 'is', null))
        const lastYear = await placementRows(tx, (q) =>
          q
            .where('placements.start_date', '<=', today)
            .where((eb) => eb.or([eb('placements.end_date', 'is', null), eb('placements.end_date', '>', lastFrom)])),
        )
        return {
          rates,
          centreLabel: centre.label,
          openNextYear: summarise(open, today, nextTo, centre, rates),
          lastYear: summarise(lastYear, lastFrom, today, centre, rates),
        }
      })
    },
  }
}
