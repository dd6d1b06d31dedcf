import { Router } from 'express'
import type { Services } from '../../platform/services.js'

/** The ledger part's pages (filled in by the part that owns them). */
export function ledgerRoutes(_services: Services): Router {
  return Router()
}
