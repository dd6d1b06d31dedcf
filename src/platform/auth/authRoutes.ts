import { Router } from 'express'
import { z } from 'zod'
import { UserInputError } from '../errors.js'
import { formErrors, validateForm } from '../web/formErrors.js'
import { createAddressLimiter } from './loginThrottle.js'
import type { UserService } from './userService.js'

const SignIn = z.object({
  email: z.string().trim().min(1, { message: 'Enter your email address' }),
  password: z.string().min(1, { message: 'Enter your password' }),
})

/** Only same-site paths are followed after sign-in, never another host. */
export function safeReturnTo(raw: unknown): string {
  return typeof raw === 'string' && raw.startsWith('/') && !raw.startsWith('//') && !raw.startsWith('/\\') ? raw : '/'
}

export function authRoutes(users: UserService): Router {
  const router = Router()
  const limiter = createAddressLimiter()

  router.get('/sign-in', (_req, res) => {
    if (res.locals.actor) return res.redirect('/')
    res.render('auth/sign-in.njk', { pageTitle: 'Sign in' })
  })

  router.post('/sign-in', async (req, res) => {
    const form = validateForm(SignIn, req.body)
    const values = { email: String(req.body?.email ?? '') }
    if (!form.ok) return res.status(400).render('auth/sign-in.njk', { pageTitle: 'Sign in', errors: form.errors, values })
    if (!limiter.allow(req.ip ?? 'unknown')) {
      return res.status(429).render('auth/sign-in.njk', {
        pageTitle: 'Sign in',
        values,
        errors: formErrors([{ field: 'email', message: 'Too many attempts from this address. Wait 15 minutes and try again.' }]),
      })
    }
    const result = await users.login(form.data.email, form.data.password)
    if (!result.ok) {
      const message =
        result.reason === 'locked'
          ? 'This account is locked for 15 minutes after too many failed attempts'
          : 'Enter a correct email address and password'
      return res.status(401).render('auth/sign-in.njk', { pageTitle: 'Sign in', values, errors: formErrors([{ field: 'email', message }]) })
    }
    const returnTo = safeReturnTo(req.session.returnTo)
    // A new session id on sign-in, so a fixed session cannot be hijacked.
    req.session.regenerate((err) => {
      if (err) return res.status(500).render('pages/error.njk', { pageTitle: 'Sorry, there is a problem' })
      req.session.userId = result.user.id
      res.redirect(returnTo)
    })
  })

  router.get('/sign-out', (_req, res) => res.render('auth/sign-out.njk', { pageTitle: 'Sign out' }))
  router.post('/sign-out', (req, res) => {
    req.session.destroy(() => res.redirect('/sign-in'))
  })

  router.get('/account/accept/:token', async (req, res) => {
    const invitation = await users.findInvitation(req.params.token)
    if (!invitation) return res.status(404).render('auth/invitation-expired.njk', { pageTitle: 'Invitation expired' })
    res.render('auth/accept.njk', { pageTitle: 'Set your password', invitation })
  })

  router.post('/account/accept/:token', async (req, res) => {
    const invitation = await users.findInvitation(req.params.token)
    if (!invitation) return res.status(404).render('auth/invitation-expired.njk', { pageTitle: 'Invitation expired' })
    const password = String(req.body?.password ?? '')
    if (password !== String(req.body?.confirm ?? '')) {
      return res.status(400).render('auth/accept.njk', {
        pageTitle: 'Set your password',
        invitation,
        errors: formErrors([{ field: 'confirm', message: 'Passwords do not match' }]),
      })
    }
    try {
      await users.acceptInvitation(req.params.token, password)
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err
      return res.status(400).render('auth/accept.njk', {
        pageTitle: 'Set your password',
        invitation,
        errors: formErrors([{ field: err.where?.field ?? 'password', message: err.message }]),
      })
    }
    req.session.flash = { type: 'success', title: 'Success', text: 'Your password is set. Sign in to continue.' }
    res.redirect('/sign-in')
  })

  return router
}
