import { Router } from 'express'
import type { Services } from '../../platform/services.js'

/** The cascade part's pages (filled in by the part that owns them). */
export function cascadeRoutes(_services: Services): Router {
  return Router()
}
