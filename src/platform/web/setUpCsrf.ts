import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { Express, NextFunction, Request, Response } from 'express'

export class CsrfError extends Error {}

/** Synchroniser-token CSRF protection: a per-session token in every form, checked on every unsafe request. */
export function setUpCsrf(app: Express): void {
  app.use((req, res, next) => {
    if (req.session && !req.session.csrfToken) req.session.csrfToken = randomBytes(32).toString('hex')
    res.locals.csrfToken = req.session?.csrfToken
    next()
  })
  app.use((req, _res, next) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next()
    // Multipart bodies are parsed by the upload route, which then calls verifyCsrf itself.
    if (req.is('multipart/form-data')) return next()
    verifyCsrf(req, _res, next)
  })
}

export function verifyCsrf(req: Request, _res: Response, next: NextFunction): void {
  const sent = (req.body as Record<string, unknown> | undefined)?._csrf
  const expected = req.session?.csrfToken
  if (typeof sent !== 'string' || !expected || sent.length !== expected.length) return next(new CsrfError('CSRF token missing or wrong'))
  if (!timingSafeEqual(Buffer.from(sent), Buffer.from(expected))) return next(new CsrfError('CSRF token missing or wrong'))
  next()
}
