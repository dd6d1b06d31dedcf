import type { NextFunction, Request, Response } from 'express'
import { can } from '../../../platform/auth/scope.js'
import type { Permission } from '../../../platform/auth/roles.js'
import { NotFoundError } from '../../../platform/errors.js'
import { ForbiddenPageError } from '../../../platform/web/setUpAuthentication.js'

/**
 * The council's returns pages. A provider user reads its own returns in the portal, so to it these
 * addresses do not exist: not found, as the service says for another provider's contract.
 */
export function council(permission: Permission) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    const actor = res.locals.actor
    if (actor?.organisationKind === 'provider') return next(new NotFoundError('No such page'))
    if (!actor || !can(actor, permission)) return next(new ForbiddenPageError(permission))
    next()
  }
}

/** The portal's returns pages are for provider users only; the service narrows each to its own contracts. */
export function providerUser(_req: Request, res: Response, next: NextFunction): void {
  if (res.locals.actor?.organisationKind !== 'provider') return next(new ForbiddenPageError('provider portal'))
  next()
}
