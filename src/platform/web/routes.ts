import { Router } from 'express'
import { marketRoutes } from '../../market/routes.js'
import { importRoutes } from '../../market/ofsted/routes.js'
import { tenderRoutes } from '../../tender/routes.js'
import { contractRoutes } from '../../contract/routes.js'
import { placementRoutes } from '../../placement/routes.js'
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
    const summary = await services.market.summary(actor)
    res.render('pages/home.njk', { pageTitle: 'Home', actor, summary: homeCards(summary) })
  })
  router.get('/about', (_req, res) => res.render('pages/static-about.njk', { pageTitle: 'About and data sources' }))
  router.get('/accessibility', (_req, res) => res.render('pages/static-accessibility.njk', { pageTitle: 'Accessibility' }))
  router.use(marketRoutes(services))
  router.use(importRoutes({ ofstedImport: services.ofstedImport, postcodeStatus: () => services.postcodes.status() }))
  router.use(tenderRoutes(services))
  router.use(contractRoutes(services))
  router.use(placementRoutes(services))
  router.use(adminRoutes(services.users))
  router.use(auditRoutes(services.audit))
  return router
}

type Summary = Awaited<ReturnType<Services['market']['summary']>>

function homeCards(s: Summary) {
  return [
    { label: 'Providers', value: s.providers, href: '/market/providers' },
    { label: 'Homes', value: s.homes, href: '/market/homes' },
    { label: 'Vacant beds', value: s.vacantBeds, href: '/market/homes?vacancy=yes' },
    { label: 'Homes within 20 miles', value: s.homesWithinRadius, href: '/market/homes?within=20' },
  ]
}
