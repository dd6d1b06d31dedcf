import { Router } from 'express'
import type { Services } from '../../platform/services.js'
import { councilReturnsRoutes } from './web/councilRoutes.js'
import { portalReturnsRoutes } from './web/portalRoutes.js'

/** The returns part's pages: the council's under /contracts (fixed /contracts/alerts first), the provider's under /portal/returns. */
export function returnsRoutes(services: Pick<Services, 'contracts'>): Router {
  const router = Router()
  router.use(councilReturnsRoutes(services.contracts))
  router.use(portalReturnsRoutes(services.contracts))
  return router
}
