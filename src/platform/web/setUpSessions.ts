import type { Express } from 'express'
import session from 'express-session'
import type { Config } from '../config.js'
import type { Db } from '../db/database.js'
import { DatabaseSessionStore } from './sessionStore.js'

declare module 'express-session' {
  interface SessionData {
    userId?: string
    csrfToken?: string
    flash?: { type?: 'success'; title?: string; text?: string; html?: string }
    returnTo?: string
  }
}

export function setUpSessions(app: Express, config: Config, db: Db): DatabaseSessionStore {
  const store = new DatabaseSessionStore(db)
  if (config.trustProxy) app.set('trust proxy', config.trustProxy)
  app.use(
    session({
      store,
      name: 'placewise.sid',
      secret: config.sessionSecret,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.env === 'production',
        maxAge: 8 * 60 * 60 * 1000, // a working day
      },
    }),
  )
  const prune = setInterval(() => void store.prune().catch(() => undefined), 60 * 60 * 1000)
  prune.unref()
  return store
}
