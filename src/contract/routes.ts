import { Router } from 'express'
import type { Services } from '../platform/services.js'
import { ledgerRoutes } from './ledger/routes.js'
import { registerRoutes } from './register/routes.js'
import { returnsRoutes } from './returns/routes.js'

/** The contract room's pages: the register under /contracts, provider returns also under /portal. */
export function contractRoutes(services: Services): Router {
  const router = Router()
  router.use(registerRoutes(services))
  router.use(ledgerRoutes(services))
  router.use(returnsRoutes(services))
  return router
}
