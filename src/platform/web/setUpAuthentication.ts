import type { Express, NextFunction, Request, Response } from 'express'
import type { Actor } from '../auth/actor.js'
import { can } from '../auth/scope.js'
import type { Permission } from '../auth/roles.js'
import { toActor, type UserService } from '../auth/userService.js'
import { navigationFor } from './navigation.js'

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      actor?: Actor
    }
  }
}

const PUBLIC_PATHS = [/^\/sign-in$/, /^\/account\/accept\/[\w-]+$/, /^\/about$/, /^\/accessibility$/, /^\/health$/]

/** Loads the signed-in user on every request; a disabled user is signed out at once. */
export function setUpAuthentication(app: Express, users: UserService): void {
  app.use(async (req, res, next) => {
    try {
      const id = req.session?.userId
      if (id) {
        const user = await users.findActiveById(id)
        if (user) res.locals.actor = toActor(user)
        else delete req.session.userId
      }
      res.locals.navigation = navigationFor(res.locals.actor, req.path)
      res.locals.currentUser = res.locals.actor
      if (req.session?.flash) {
        res.locals.flash = req.session.flash
        delete req.session.flash
      }
      if (!res.locals.actor && !PUBLIC_PATHS.some((p) => p.test(req.path))) {
        // Only a page a person asked for is worth returning to, not a favicon or a script.
        if (req.method === 'GET' && req.accepts(['html', 'json']) === 'html') req.session.returnTo = req.originalUrl
        return res.redirect('/sign-in')
      }
      next()
    } catch (err) {
      next(err)
    }
  })
}

export class ForbiddenPageError extends Error {}

/** Route guard by permission; services check again, this only gives a friendly page sooner. */
export function requirePermission(permission: Permission) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const actor = res.locals.actor
    if (!actor || !can(actor, permission)) return next(new ForbiddenPageError(permission))
    next()
  }
}

export function actorOf(res: Response): Actor {
  const actor = res.locals.actor
  if (!actor) throw new ForbiddenPageError('not signed in')
  return actor
}
