import { Router } from 'express'
import type { Services } from '../../platform/services.js'

/** The offers part's pages (filled in by the part that owns them). */
export function offersRoutes(_services: Services): Router {
  return Router()
}
