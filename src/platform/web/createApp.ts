import { join } from 'node:path'
import express, { type Express } from 'express'
import type { Services } from '../services.js'
import { errorHandler, notFoundHandler } from './errorHandler.js'
import { routes } from './routes.js'
import { setUpAuthentication } from './setUpAuthentication.js'
import { setUpCsrf } from './setUpCsrf.js'
import { setUpNunjucks } from './setUpNunjucks.js'
import { setUpSecurity } from './setUpSecurity.js'
import { setUpSessions } from './setUpSessions.js'

/** The web app, from its services: no globals, so tests build one per database. */
export function createApp(services: Services, opts: { log?: (msg: string, err: unknown) => void } = {}): Express {
  const app = express()
  setUpSecurity(app)
  setUpNunjucks(app, services.config)
  app.use(express.static(join(process.cwd(), 'public'), { index: false, maxAge: services.config.env === 'production' ? '1d' : 0 }))
  // No icon of our own (the GOV.UK crest is not ours to use): answer browsers' request without a redirect.
  app.get('/favicon.ico', (_req, res) => {
    res.status(204).end()
  })
  app.get('/health', (_req, res) => {
    res.json({ status: 'UP' })
  })
  app.use(express.urlencoded({ extended: false, limit: '200kb' }))
  setUpSessions(app, services.config, services.db)
  setUpCsrf(app)
  setUpAuthentication(app, services.users)
  app.use(routes(services))
  app.use(notFoundHandler)
  app.use(errorHandler(opts.log))
  return app
}
