import type { NextFunction, Request, Response } from 'express'
import { can } from '../../platform/auth/scope.js'
import { NotFoundError } from '../../platform/errors.js'
import { ForbiddenPageError } from '../../platform/web/setUpAuthentication.js'

/**
 * Officers' pages are the council's. A provider user reads the market (its own part of it) but is
 * not told the council's side of a competition exists: not found, as the service says too.
 */
export function councilOnly(_req: Request, res: Response, next: NextFunction): void {
  const actor = res.locals.actor
  if (actor?.organisationKind === 'provider') return next(new NotFoundError('No such page'))
  if (!actor || !can(actor, 'market:read')) return next(new ForbiddenPageError('council pages'))
  next()
}

/** The portal is for provider users only; the service narrows each to its own provider's invitations. */
export function providerOnly(_req: Request, res: Response, next: NextFunction): void {
  const actor = res.locals.actor
  if (!actor || actor.organisationKind !== 'provider') return next(new ForbiddenPageError('provider portal'))
  next()
}
