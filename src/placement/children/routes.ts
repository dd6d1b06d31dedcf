import { Router } from 'express'
import type { Services } from '../../platform/services.js'

/** The children part's pages (filled in by the part that owns them). */
export function childrenRoutes(_services: Services): Router {
  return Router()
}
