import { Router } from 'express'
import type { Services } from '../platform/services.js'
import { cascadeRoutes } from './cascade/routes.js'
import { childrenRoutes } from './children/routes.js'
import { offersRoutes } from './offers/routes.js'

/** The placement room's pages: children, referrals, search, placements; spot offers also under /portal. */
export function placementRoutes(services: Services): Router {
  const router = Router()
  router.use(childrenRoutes(services))
  router.use(cascadeRoutes(services))
  router.use(offersRoutes(services))
  return router
}
