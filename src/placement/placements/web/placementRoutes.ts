/** Booking from the cascade, the placements team's list, a placement's page and its ending; the provider's impact risk assessment. */
import { Router, type Request, type Response } from 'express'
import { one } from '../../../market/web/query.js'
import { formErrors, noErrors, type FormErrors } from '../../../platform/web/formErrors.js'
import { actorOf } from '../../../platform/web/setUpAuthentication.js'
import type { Services } from '../../../platform/services.js'
import { arrangesPlacements } from '../../children/access.js'
import { DEFAULT_WARN_PENALTY } from '../../domain/compatibilityRules.js'
import { riskFlagLabel } from '../../domain/riskFlags.js'
import { canSetRules, type BookingChoices } from '../../cascade/cascadeService.js'
import { cascadePaths, cascadeRoutePatterns as route } from '../../cascade/paths.js'
import { searchFiltersFrom } from '../../cascade/web/searchPage.js'
import {
  bodyOf,
  councilChildReaders,
  errorsFrom,
  param,
  placementArrangers,
  providerUsers,
  queryOf,
  refusal,
  success,
} from '../../cascade/web/common.js'
import { visitsView } from '../../timers/web/timerPages.js'
import { BED_JUST_TAKEN } from '../bookingService.js'
import {
  bookingControl,
  bookingPageView,
  bookingValuesFrom,
  newBookingValues,
  parseBookingForm,
  type BookingValues,
  type OfferDefaults,
} from './bookingPage.js'
import {
  childFacts,
  endingChoices,
  endingValuesFrom,
  impactText,
  newEndingValues,
  parseEndingForm,
  placementPageView,
  placementsListView,
  providerPlacementsView,
  type EndingValues,
} from './placementPages.js'

export function placementRoutes(services: Pick<Services, 'placements' | 'clock'>): Router {
  const { placements } = services
  const router = Router()
  const today = () => services.clock.now().toISOString().slice(0, 10)

  // ——— Booking ———

  /** The offer the booking starts from, when the offers page sent the officer here with one for this referral and home. */
  async function offerDefaults(req: Request, res: Response, referralId: string, homeId: string): Promise<OfferDefaults | null> {
    const offerId = one(queryOf(req), 'offerId')
    if (!offerId) return null
    const o = await placements.offerFor(actorOf(res), offerId)
    return o.referralId === referralId && o.homeId === homeId ? o : null
  }

  const renderBooking = async (req: Request, res: Response, status: number, values: BookingValues | null, errors: FormErrors) => {
    const a = actorOf(res)
    const referralId = param(req, 'id')
    const q = queryOf(req)
    const homeId = one(q, 'homeId')
    const { route: chosenRoute } = searchFiltersFrom(q)
    const choices: BookingChoices = await placements.bookingChoices(a, referralId, homeId)
    const offer = await offerDefaults(req, res, referralId, homeId)
    const v = values ?? newBookingValues(choices, chosenRoute, offer)
    res.status(status).render('placement/placements/book.njk', {
      pageTitle: `Book a bed at ${choices.homeName}`,
      view: bookingPageView(choices, chosenRoute, v, errors, offer),
      values: v,
      errors,
      backLink: { href: cascadePaths.search(referralId), text: 'Back to the search' },
    })
  }

  router.get(route.book, placementArrangers, (req, res) => renderBooking(req, res, 200, null, noErrors()))

  router.post(route.book, placementArrangers, async (req, res) => {
    const a = actorOf(res)
    const referralId = param(req, 'id')
    const homeId = one(queryOf(req), 'homeId')
    const body = bodyOf(req)
    const form = parseBookingForm(body, referralId, homeId)
    if (!form.ok) return renderBooking(req, res, 400, bookingValuesFrom(body), form.errors)
    let id = ''
    const refused = await refusal(async () => (id = await placements.book(a, form.data)))
    if (refused) {
      // The bed went to another officer's booking in the same moment: say so, and offer the beds left.
      const taken = refused.message === BED_JUST_TAKEN
      const values = { ...bookingValuesFrom(body), ...(taken ? { bedId: '' } : {}) }
      return renderBooking(
        req,
        res,
        taken ? 409 : 400,
        values,
        formErrors([{ field: bookingControl(refused.where?.field), message: refused.message }]),
      )
    }
    success(req, 'Placement booked: the bed is taken and the referral is placed')
    res.redirect(303, cascadePaths.placement(id))
  })

  // ——— The placements team's list and the council's matching rules (before /placements/:id) ———

  router.get(route.placements, placementArrangers, async (_req, res) => {
    const a = actorOf(res)
    const [items, referrals] = await Promise.all([placements.openPlacements(a), placements.listReferrals(a, { status: 'open' })])
    res.render('placement/placements/list.njk', {
      pageTitle: 'Placements',
      view: placementsListView(items),
      referrals: referrals.map((r) => ({
        href: cascadePaths.referral(r.id),
        caseReference: r.caseReference,
        urgency: r.urgency,
        createdAt: r.createdAt,
      })),
      dueHref: cascadePaths.dueList(),
    })
  })

  const renderRules = async (res: Response, status: number, json: string | null, errors: FormErrors) => {
    const a = actorOf(res)
    const c = await placements.councilRules(a)
    res.status(status).render('placement/placements/rules.njk', {
      pageTitle: 'Matching rules',
      rules: c,
      ruleRows: c.rules.compatibility.map((r) => [
        { text: r.description },
        { text: riskFlagLabel(r.ifChild) },
        { text: riskFlagLabel(r.ifResident) },
        { text: r.effect === 'forbid' ? 'Rules the home out' : `Warns: ${r.penalty ?? DEFAULT_WARN_PENALTY} points off the score` },
      ]),
      json: json ?? c.json,
      canEdit: canSetRules(a),
      errors,
      backLink: { href: cascadePaths.placements(), text: 'Back to placements' },
    })
  }

  router.get(route.matchingRules, placementArrangers, (_req, res) => renderRules(res, 200, null, noErrors()))

  router.post(route.matchingRules, placementArrangers, async (req, res) => {
    const json = one(bodyOf(req), 'rules')
    const refused = await refusal(() => placements.setCouncilRules(actorOf(res), json))
    if (refused) return renderRules(res, 400, json, formErrors([{ field: 'rules', message: refused.message }]))
    success(req, 'Matching rules saved: every search from now uses them')
    res.redirect(303, cascadePaths.matchingRules())
  })

  // ——— One placement ———

  router.get(route.placement, councilChildReaders, async (req, res) => {
    const a = actorOf(res)
    const p = await placements.placementDetail(a, param(req, 'id'))
    // The children part's partials: statutory visits and plan, and travel (their reads are audited there).
    const visits = visitsView(await placements.statutoryRecord(a, p.id))
    const travel = await placements.placementTravel(a, p.id)
    res.render('placement/placements/placement.njk', {
      pageTitle: `Placement of ${p.child.caseReference} at ${p.homeName}`,
      view: placementPageView(p),
      placement: p,
      visits,
      travel,
      backLink: arrangesPlacements(a)
        ? { href: cascadePaths.placements(), text: 'Back to placements' }
        : { href: cascadePaths.child(p.childId), text: 'Back to the child' },
    })
  })

  const renderEnd = async (res: Response, id: string, status: number, values: EndingValues, errors: FormErrors) => {
    const p = await placements.placementDetail(actorOf(res), id, 'end placement')
    if (!p.canEnd) return res.redirect(303, cascadePaths.placement(p.id))
    res.status(status).render('placement/placements/end.njk', {
      pageTitle: `End the placement of ${p.child.caseReference}`,
      placement: p,
      choices: endingChoices(values, Boolean(errors.byField['endDate-day'])),
      errors,
      backLink: { href: cascadePaths.placement(p.id), text: 'Back to the placement' },
    })
  }

  router.get(route.endPlacement, placementArrangers, (req, res) =>
    renderEnd(res, param(req, 'id'), 200, newEndingValues(today()), noErrors()),
  )

  router.post(route.endPlacement, placementArrangers, async (req, res) => {
    const id = param(req, 'id')
    const body = bodyOf(req)
    const form = parseEndingForm(body)
    if (!form.ok) return renderEnd(res, id, 400, endingValuesFrom(body), form.errors)
    const refused = await refusal(() => placements.end(actorOf(res), id, form.data))
    if (refused) return renderEnd(res, id, 400, endingValuesFrom(body), errorsFrom(refused, 'endDate'))
    success(req, 'Placement ended: the bed is free again')
    res.redirect(303, cascadePaths.placement(id))
  })

  // ——— The provider portal ———

  router.get(route.portalPlacements, providerUsers, async (_req, res) => {
    const items = await placements.providerPlacements(actorOf(res))
    res.render('placement/placements/portal-list.njk', { pageTitle: 'Placements in your homes', view: providerPlacementsView(items) })
  })

  const renderImpact = async (res: Response, id: string, status: number, assessment: string | null, errors: FormErrors) => {
    const p = await placements.placementDetail(actorOf(res), id, 'impact risk assessment')
    res.status(status).render('placement/placements/portal-impact.njk', {
      pageTitle: `Impact risk assessment: ${p.child.caseReference}`,
      placement: p,
      child: childFacts(p.child),
      status: impactText(p),
      assessment: assessment ?? p.impactAssessment ?? '',
      // Recorded before or on the start day (the service says so if it is late).
      canRecord: today() <= p.startDate,
      errors,
      backLink: { href: cascadePaths.portalPlacements(), text: 'Back to placements in your homes' },
    })
  }

  router.get(route.portalImpact, providerUsers, (req, res) => renderImpact(res, param(req, 'id'), 200, null, noErrors()))

  router.post(route.portalImpact, providerUsers, async (req, res) => {
    const id = param(req, 'id')
    const assessment = one(bodyOf(req), 'assessment')
    const refused = await refusal(() => placements.recordImpactAssessment(actorOf(res), id, { assessment }))
    if (refused) return renderImpact(res, id, 400, assessment, errorsFrom(refused, 'assessment'))
    success(req, 'Impact risk assessment recorded: the council can see it')
    res.redirect(303, cascadePaths.portalPlacements())
  })

  return router
}
