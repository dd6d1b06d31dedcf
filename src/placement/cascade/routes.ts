import { Router } from 'express'
import type { Services } from '../../platform/services.js'
import { actorOf } from '../../platform/web/setUpAuthentication.js'
import { placementRoutes } from '../placements/web/placementRoutes.js'
import { referralRoutes } from '../referrals/web/referralRoutes.js'
import { cascadePaths, cascadeRoutePatterns as route } from './paths.js'
import { param, placementArrangers, queryOf } from './web/common.js'
import { searchFiltersFrom, searchPageView } from './web/searchPage.js'

/** The cascade part's pages: referrals, the cascade search, booking, placements and their endings, the provider's impact assessment. */
export function cascadeRoutes(services: Services): Router {
  const { placements } = services
  const router = Router()
  router.use(referralRoutes(services))

  router.get(route.search, placementArrangers, async (req, res) => {
    const a = actorOf(res)
    const filters = searchFiltersFrom(queryOf(req))
    const s = await placements.searchReferral(a, param(req, 'id'), { route: filters.route, feasibleOnly: filters.feasibleOnly })
    res.render('placement/search/search.njk', {
      pageTitle: `Find a placement for ${s.caseReference}`,
      view: searchPageView(s, filters, s.referralStatus === 'open'),
      backLink: { href: cascadePaths.referral(s.referralId), text: 'Back to the referral' },
    })
  })

  router.use(placementRoutes(services))
  return router
}
