import { Router } from 'express'
import type { Services } from '../platform/services.js'
import { ledgerRoutes } from './ledger/routes.js'
import { registerRoutes } from './register/routes.js'
import { returnsRoutes } from './returns/routes.js'

/** The contract room's pages: the register under /contracts, provider returns also under /portal. */
export function contractRoutes(services: Services): Router {
  const router = Router()
  // Fixed paths (/contracts/value, /contracts/alerts) must come before the register's /contracts/:id.
  router.use(ledgerRoutes(services))
  router.use(returnsRoutes(services))
  router.use(registerRoutes(services))
  return router
}
