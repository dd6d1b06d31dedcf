import { Router } from 'express'
import { systemClock, type Clock } from '../platform/clock.js'
import type { MarketService } from '../market/marketService.js'
import type { TenderService } from './tenderApi.js'
import { officerRoutes } from './web/officerRoutes.js'
import { portalRoutes } from './web/portalRoutes.js'

/**
 * The mini-competition's pages: the council officers' under /tenders and the provider portal
 * under /portal. The clock only says which day it is on the standstill page; the service keeps
 * its own for every rule.
 */
export function tenderRoutes(services: { tender: TenderService; market: MarketService; clock?: Clock }): Router {
  const router = Router()
  router.use(officerRoutes({ tender: services.tender, market: services.market, clock: services.clock ?? systemClock }))
  router.use(portalRoutes({ tender: services.tender }))
  return router
}
