import { Router } from 'express'
import type { Services } from '../../platform/services.js'

/** The returns part's pages (filled in by the part that owns them). */
export function returnsRoutes(_services: Services): Router {
  return Router()
}
