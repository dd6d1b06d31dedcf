import { Router } from 'express'
import { adminRoutes } from '../auth/adminRoutes.js'
import { authRoutes } from '../auth/authRoutes.js'
import { auditRoutes } from '../audit/auditRoutes.js'
import type { Services } from '../services.js'
import { actorOf } from './setUpAuthentication.js'

/** Every room's routes, mounted in one place. */
export function routes(services: Services): Router {
  const router = Router()
  router.use(authRoutes(services.users))
  router.get('/', async (_req, res) => {
    const actor = actorOf(res)
    res.render('pages/home.njk', { pageTitle: 'Home', actor })
  })
  router.get('/about', (_req, res) => res.render('pages/static-about.njk', { pageTitle: 'About and data sources' }))
  router.get('/accessibility', (_req, res) => res.render('pages/static-accessibility.njk', { pageTitle: 'Accessibility' }))
  router.use(adminRoutes(services.users))
  router.use(auditRoutes(services.audit))
  return router
}
