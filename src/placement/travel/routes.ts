import { Router } from 'express'
import { actorOf } from '../../platform/web/setUpAuthentication.js'
import type { Services } from '../../platform/services.js'
import { placementsTeamOnly } from '../children/web/guards.js'
import { childRoutePatterns as route } from '../children/paths.js'
import { travelTotalsPageView } from './web/travelPages.js'

/** Social workers' statutory-visit travel, in total. (One placement's is a partial: placement/travel/_travel.njk.) */
export function travelRoutes(services: Services): Router {
  const router = Router()
  router.get(route.travel, placementsTeamOnly, async (_req, res) => {
    const totals = await services.placements.travelTotals(actorOf(res))
    res.render('placement/travel/totals.njk', { pageTitle: 'Social workers’ travel', view: travelTotalsPageView(totals) })
  })
  return router
}
