import { Router, type Response } from 'express'
import { z } from 'zod'
import { NotFoundError, UserInputError } from '../errors.js'
import { actorOf, requirePermission } from '../web/setUpAuthentication.js'
import { errorsFromLocation, validateForm } from '../web/formErrors.js'
import { escapeHtml as escape } from '../web/pagination.js'
import { ROLE_LABELS, ROLES, rolesFor, type Role } from './roles.js'
import type { UserService } from './userService.js'

const Invite = z.object({
  displayName: z.string().trim().min(1, { message: 'Enter the person’s full name' }).max(200),
  email: z.string().trim().email({ message: 'Enter an email address in the correct format, like name@example.com' }),
  organisationId: z.string().min(1, { message: 'Select an organisation' }),
  role: z.enum(ROLES, { message: 'Select a role' }),
})

const roleItems = (kind: 'council' | 'provider' | undefined, selected?: string) =>
  (kind ? rolesFor(kind) : ROLES).map((r: Role) => ({ value: r, text: ROLE_LABELS[r], checked: r === selected }))

export const userPaths = {
  list: () => '/admin/users',
  invite: () => '/admin/users/invite',
  show: (id: string) => `/admin/users/${encodeURIComponent(id)}`,
  role: (id: string) => `/admin/users/${encodeURIComponent(id)}/role`,
  status: (id: string) => `/admin/users/${encodeURIComponent(id)}/status`,
}

export function adminRoutes(users: UserService): Router {
  const router = Router()
  router.use('/admin', requirePermission('users:manage'))

  router.get(userPaths.list(), async (_req, res) => {
    const list = await users.list(actorOf(res))
    res.render('admin/users.njk', { pageTitle: 'Users', users: list, roleLabels: ROLE_LABELS, paths: userPaths })
  })

  const renderInvite = async (res: Response, status: number, extra: Record<string, unknown>) => {
    const organisations = await users.organisations(actorOf(res))
    res.status(status).render('admin/invite.njk', {
      pageTitle: 'Invite a user',
      organisations,
      roleItems: roleItems(undefined, (extra.values as { role?: string })?.role),
      ...extra,
    })
  }

  router.get(userPaths.invite(), (_req, res) => renderInvite(res, 200, { values: {} }))

  router.post(userPaths.invite(), async (req, res) => {
    const form = validateForm(Invite, req.body)
    if (!form.ok) return renderInvite(res, 400, { errors: form.errors, values: req.body })
    try {
      const { token } = await users.invite(actorOf(res), form.data)
      const link = `${req.protocol}://${req.get('host')}/account/accept/${token}`
      req.session.flash = {
        type: 'success',
        title: 'Invitation created',
        html: `Send this one-time link to ${escape(form.data.email)}. It works for 7 days: <code>${escape(link)}</code>`,
      }
      res.redirect(userPaths.list())
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err
      return renderInvite(res, 400, { errors: errorsFromLocation(err.message, err.where, 'email'), values: req.body })
    }
  })

  router.get('/admin/users/:id', async (req, res) => {
    const user = await users.get(actorOf(res), req.params.id)
    if (!user) throw new NotFoundError()
    res.render('admin/user.njk', {
      pageTitle: user.display_name,
      user,
      roleItems: roleItems(user.organisation_kind, user.role),
      roleLabels: ROLE_LABELS,
      paths: userPaths,
      backLink: { href: userPaths.list(), text: 'Back to users' },
    })
  })

  router.post('/admin/users/:id/role', async (req, res) => {
    try {
      await users.changeRole(actorOf(res), req.params.id, String(req.body?.role ?? ''))
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err
      const user = await users.get(actorOf(res), req.params.id)
      if (!user) throw new NotFoundError()
      return res.status(400).render('admin/user.njk', {
        pageTitle: user.display_name,
        user,
        roleItems: roleItems(user.organisation_kind, user.role),
        roleLabels: ROLE_LABELS,
        paths: userPaths,
        errors: errorsFromLocation(err.message, err.where, 'role'),
      })
    }
    req.session.flash = { type: 'success', title: 'Success', text: 'Role changed' }
    res.redirect(userPaths.show(req.params.id))
  })

  router.post('/admin/users/:id/status', async (req, res) => {
    try {
      await users.setDisabled(actorOf(res), req.params.id, req.body?.action === 'disable')
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err
      req.session.flash = { title: 'Important', text: err.message }
      return res.redirect(userPaths.show(req.params.id))
    }
    req.session.flash = { type: 'success', title: 'Success', text: req.body?.action === 'disable' ? 'User disabled' : 'User enabled' }
    res.redirect(userPaths.show(req.params.id))
  })

  return router
}
