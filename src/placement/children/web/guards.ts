/** Who may open the children pages and the placements team's pages, decided before a page is built. */
import type { NextFunction, Request, Response } from 'express'
import { NotFoundError } from '../../../platform/errors.js'
import { ForbiddenPageError, actorOf } from '../../../platform/web/setUpAuthentication.js'
import { arrangesPlacements, childReadRule } from '../access.js'

/** A provider's staff have no children pages at all: not even whether one exists. */
export function noProviders(_req: Request, res: Response, next: NextFunction) {
  if (res.locals.actor && childReadRule(res.locals.actor).kind === 'provider') return next(new NotFoundError('No such page'))
  next()
}

/** The placements team's and heads of service's pages only. */
export function placementsTeamOnly(_req: Request, res: Response, next: NextFunction) {
  if (!arrangesPlacements(actorOf(res))) return next(new ForbiddenPageError('placements team'))
  next()
}
