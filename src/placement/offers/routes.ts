/**
 * Spot referral pages. Officers: send a referral to chosen homes, compare the answers, withdraw a
 * request. Providers (under /portal): their requests, one request's contents, and their answer.
 */
import { Router, type NextFunction, type Request, type Response } from 'express'
import type { RawFields } from '../../market/web/query.js'
import { NotFoundError, UserInputError } from '../../platform/errors.js'
import type { Services } from '../../platform/services.js'
import { formErrors, noErrors, type FormErrors } from '../../platform/web/formErrors.js'
import { actorOf, ForbiddenPageError } from '../../platform/web/setUpAuthentication.js'
import { formatDateTime } from '../../tender/web/time.js'
import { writesChildRecords } from '../children/access.js'
import { offerPaths, offerRoutePatterns as route } from './paths.js'
import { comparisonView } from './web/comparePage.js'
import { count, dateInputItems } from './web/labels.js'
import {
  CONTROLS,
  noResponseValues,
  parseResponseForm,
  portalListView,
  portalRequestView,
  responseValuesFrom,
  type ResponseValues,
} from './web/portalPages.js'
import { parseSendForm, sendPageView, sendValuesFrom, sendValuesOf, type SendFormValues } from './web/sendPage.js'

const param = (req: Request, name: string): string => String(req.params[name] ?? '')
const bodyOf = (req: Request): RawFields => (req.body ?? {}) as RawFields

/** Officers' pages are the council's: a provider is not told they exist. */
function councilOnly(_req: Request, res: Response, next: NextFunction): void {
  const actor = res.locals.actor
  if (actor?.organisationKind === 'provider') return next(new NotFoundError('No such page'))
  if (!actor) return next(new ForbiddenPageError('council pages'))
  next()
}

/** The portal's referral pages are for provider users; the service narrows each to its own provider's requests. */
function providerOnly(_req: Request, res: Response, next: NextFunction): void {
  const actor = res.locals.actor
  if (!actor || actor.organisationKind !== 'provider') return next(new ForbiddenPageError('provider portal'))
  next()
}

/** A service's refusal shown against the control it names, or the fallback. */
const refusalErrors = (err: UserInputError, controls: Record<string, string>, fallback: string): FormErrors =>
  formErrors([{ field: (err.where?.field && controls[err.where.field]) || fallback, message: err.message }])

export function offersRoutes(services: Services): Router {
  const { placements } = services
  const router = Router()
  const success = (req: Request, text: string) => (req.session.flash = { type: 'success', title: 'Success', text })

  // ——— Officers ———

  const renderSend = async (res: Response, id: string, status: number, values: SendFormValues | null, errors: FormErrors) => {
    const form = await placements.referralSendForm(actorOf(res), id)
    const v = values ?? sendValuesOf(form)
    res.status(status).render('placement/offers/send.njk', {
      pageTitle: 'Send the referral to chosen homes',
      view: sendPageView(form, v),
      values: v,
      dateItems: dateInputItems(v.deadlineDate, Boolean(errors.byField['deadlineDate-day'])),
      errors,
      links: { search: offerPaths.search(id), offers: offerPaths.offers(id) },
      backLink: { href: offerPaths.referral(id), text: 'Back to the referral' },
    })
  }

  router.get(route.newRequests, councilOnly, (req, res) => renderSend(res, param(req, 'id'), 200, null, noErrors()))

  router.post(route.newRequests, councilOnly, async (req, res) => {
    const a = actorOf(res)
    const id = param(req, 'id')
    const body = bodyOf(req)
    const choices = await placements.referralSendForm(a, id)
    const form = parseSendForm(body, choices)
    if (!form.ok) return renderSend(res, id, 400, sendValuesFrom(body), form.errors)
    try {
      await placements.sendReferralRequests(a, id, form.data)
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err
      return renderSend(
        res,
        id,
        400,
        sendValuesFrom(body),
        refusalErrors(err, { homeIds: 'homeIds', deadline: 'deadlineDate-day' }, 'homeIds'),
      )
    }
    success(
      req,
      `Referral sent to ${count(form.data.homeIds.length, 'home', 'homes')}. Answers are due by ${formatDateTime(form.data.deadline ?? choices.defaultDeadline)}.`,
    )
    res.redirect(offerPaths.offers(id))
  })

  router.get(route.offers, councilOnly, async (req, res) => {
    const a = actorOf(res)
    const id = param(req, 'id')
    const v = await placements.referralRequests(a, id)
    res.render('placement/offers/compare.njk', {
      pageTitle: 'Offers for the referral',
      view: comparisonView(v, String(res.locals.csrfToken ?? ''), writesChildRecords(a)),
      links: { send: offerPaths.newRequests(id), search: offerPaths.search(id) },
      canSend: writesChildRecords(a) && v.referral.status === 'open',
      backLink: { href: offerPaths.referral(id), text: 'Back to the referral' },
    })
  })

  router.post(route.withdraw, councilOnly, async (req, res) => {
    const id = param(req, 'id')
    try {
      await placements.withdrawReferralRequest(actorOf(res), param(req, 'requestId'))
      success(req, 'The request is withdrawn and the provider told')
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err
      req.session.flash = { title: 'Important', text: err.message }
    }
    res.redirect(offerPaths.offers(id))
  })

  // ——— The provider portal ———

  router.use(route.portalList, providerOnly)

  router.get(route.portalList, async (_req, res) => {
    res.render('placement/offers/portal-list.njk', {
      pageTitle: 'Referrals',
      view: portalListView(await placements.providerReferralRequests(actorOf(res))),
    })
  })

  const renderRequest = async (res: Response, requestId: string, status: number, values: ResponseValues, errors: FormErrors) => {
    const d = await placements.providerReferralRequest(actorOf(res), requestId)
    res.status(status).render('placement/offers/portal-request.njk', {
      pageTitle: `Referral request ${d.reference}`,
      request: d,
      view: portalRequestView(d),
      values,
      startDateItems: dateInputItems(values.startDate, Boolean(errors.byField['startDate-day'])),
      errors,
      respondHref: offerPaths.portalRespond(d.id),
      backLink: { href: offerPaths.portalList(), text: 'Back to referrals' },
    })
  }

  router.get(route.portalRequest, (req, res) => renderRequest(res, param(req, 'requestId'), 200, noResponseValues(), noErrors()))

  router.post(route.portalRespond, async (req, res) => {
    const requestId = param(req, 'requestId')
    const body = bodyOf(req)
    const fallback = body.kind === 'decline' ? 'reason' : 'weeklyPrice'
    const form = parseResponseForm(body)
    if (!form.ok) return renderRequest(res, requestId, 400, responseValuesFrom(body), form.errors)
    try {
      await placements.respondToReferralRequest(actorOf(res), requestId, form.data)
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err
      return renderRequest(res, requestId, 400, responseValuesFrom(body), refusalErrors(err, CONTROLS, fallback))
    }
    success(req, form.data.kind === 'offer' ? 'Your offer is sent to the council' : 'Your answer is sent to the council')
    res.redirect(offerPaths.portalRequest(requestId))
  })

  return router
}
