import { Router } from 'express'
import type { Services } from '../../platform/services.js'

/** The register part's pages (filled in by the part that owns them). */
export function registerRoutes(_services: Services): Router {
  return Router()
}
