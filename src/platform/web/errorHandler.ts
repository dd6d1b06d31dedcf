import { randomUUID } from 'node:crypto'
import type { ErrorRequestHandler, RequestHandler } from 'express'
import { ForbiddenError } from '../auth/scope.js'
import { NotFoundError } from '../errors.js'
import { CsrfError } from './setUpCsrf.js'
import { ForbiddenPageError } from './setUpAuthentication.js'

export const notFoundHandler: RequestHandler = (_req, res) => {
  res.status(404).render('pages/not-found.njk', { pageTitle: 'Page not found' })
}

/** 404, 403 and 500 pages that say what a person can do and leak nothing about the internals. */
export function errorHandler(log: (msg: string, err: unknown) => void = (m, e) => console.error(m, e)): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    if (res.headersSent) return
    if (err instanceof NotFoundError) return res.status(404).render('pages/not-found.njk', { pageTitle: 'Page not found' })
    if (err instanceof ForbiddenError || err instanceof ForbiddenPageError) {
      return res.status(403).render('pages/forbidden.njk', { pageTitle: 'You do not have access' })
    }
    if (err instanceof CsrfError) {
      return res.status(403).render('pages/forbidden.njk', { pageTitle: 'Your form has expired' })
    }
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500
    if (status === 413) return res.status(413).render('pages/error.njk', { pageTitle: 'File too large' })
    if (status < 500) return res.status(status).render('pages/not-found.njk', { pageTitle: 'Page not found' })
    const reference = randomUUID().slice(0, 8)
    log(`Unhandled error, reference ${reference}`, err)
    res.status(500).render('pages/error.njk', { pageTitle: 'Sorry, there is a problem', reference })
  }
}
