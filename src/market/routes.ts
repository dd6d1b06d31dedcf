import { Router, type Request, type Response } from 'express'
import { can } from '../platform/auth/scope.js'
import { UserInputError } from '../platform/errors.js'
import { errorsFromLocation, noErrors, type FormErrors } from '../platform/web/formErrors.js'
import { actorOf, requirePermission } from '../platform/web/setUpAuthentication.js'
import { BED_STATUSES, type BedStatus } from './domain/statuses.js'
import type { MarketService } from './marketService.js'
import { marketPaths, marketRoutePatterns as route } from './paths.js'
import { frameworkDetailView, frameworkListView } from './web/frameworkPages.js'
import { homeFormChoices, homeFormValues, homeFormValuesFrom, linkDateErrors, parseHomeForm, type HomeFormValues } from './web/homeForm.js'
import { homeListView, parseHomeQuery } from './web/homeList.js'
import { homeDetailView } from './web/homePage.js'
import {
  parseProviderForm,
  parseProviderQuery,
  providerDetailView,
  providerFormLots,
  providerFormValues,
  providerFormValuesFrom,
  providerListView,
  type ProviderFormValues,
} from './web/providerPages.js'
import { one } from './web/query.js'

const param = (req: Request, name: string): string => String(req.params[name] ?? '')

/** The market register's pages: homes, providers and frameworks. */
export function marketRoutes(services: { market: MarketService }): Router {
  const { market } = services
  const router = Router()
  const actor = (res: Response) => actorOf(res)
  router.use('/market', requirePermission('market:read'))

  // ——— Homes ———

  router.get(route.homes, async (req, res) => {
    const a = actor(res)
    const lots = await market.listLots(a)
    const query = parseHomeQuery(req.query, lots)
    const result = await market.searchHomes(a, query.filters, query.sort, { page: query.page, pageSize: query.pageSize })
    const view = homeListView({ query, pageSize: query.pageSize, result, lots, radiusMiles: market.radiusMiles })
    res.status(query.errors.list.length ? 400 : 200).render('market/homes.njk', {
      pageTitle: 'Homes',
      view,
      page: view.page,
      errors: query.errors,
      centre: market.centre,
      radiusMiles: market.radiusMiles,
    })
  })

  router.get(route.home, async (req, res) => {
    const a = actor(res)
    const detail = await market.getHome(a, param(req, 'id'))
    const view = homeDetailView(detail, can(a, 'market:edit'))
    res.render('market/home.njk', { pageTitle: detail.home.name, view, backLink: { href: marketPaths.homes(), text: 'Back to homes' } })
  })

  const renderHomeForm = async (res: Response, id: string, status: number, values: HomeFormValues | null, errors: FormErrors) => {
    const detail = await market.getHome(actor(res), id)
    const v = values ?? homeFormValues(detail)
    res.status(status).render('market/home-edit.njk', {
      pageTitle: `Change ${detail.home.name}`,
      home: detail.home,
      values: v,
      choices: homeFormChoices(v),
      dateErrors: {
        ofstedJudgementDate: Boolean(errors.byField.ofstedJudgementDate),
        registrationDate: Boolean(errors.byField.registrationDate),
      },
      errors,
      backLink: { href: marketPaths.home(id), text: 'Back to the home' },
    })
  }
  router.get(route.editHome, requirePermission('market:edit'), (req, res) => renderHomeForm(res, param(req, 'id'), 200, null, noErrors()))

  router.post(route.editHome, requirePermission('market:edit'), async (req, res) => {
    const id = param(req, 'id')
    const form = parseHomeForm(req.body)
    if (!form.ok) return renderHomeForm(res, id, 400, homeFormValuesFrom(req.body ?? {}), form.errors)
    try {
      await market.updateHome(actor(res), id, form.data)
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err
      return renderHomeForm(
        res,
        id,
        400,
        homeFormValuesFrom(req.body ?? {}),
        linkDateErrors(errorsFromLocation(err.message, err.where, 'name')),
      )
    }
    req.session.flash = { type: 'success', title: 'Success', text: 'Home updated' }
    res.redirect(marketPaths.home(id))
  })

  router.post(route.bedStatus, requirePermission('market:edit'), async (req, res) => {
    const homeId = param(req, 'id')
    const status = one(req.body ?? {}, 'status')
    // The home must be one the actor can see, and the bed must be one of its beds.
    const detail = await market.getHome(actor(res), homeId)
    const bed = detail.beds.find((b) => b.id === param(req, 'bedId'))
    if (!bed || !(BED_STATUSES as readonly string[]).includes(status)) {
      req.session.flash = { title: 'Important', text: 'Select vacant, occupied or unavailable for the bed' }
      return res.redirect(marketPaths.home(homeId))
    }
    await market.setBedStatus(actor(res), bed.id, status as BedStatus)
    req.session.flash = { type: 'success', title: 'Success', text: `${bed.label} is now ${status}` }
    res.redirect(`${marketPaths.home(homeId)}#beds`)
  })

  // ——— Providers ———

  router.get(route.providers, async (req, res) => {
    const a = actor(res)
    const lots = await market.listLots(a)
    const query = parseProviderQuery(req.query, lots)
    const result = await market.listProviders(a, {
      q: query.values.q,
      lotId: query.lotId,
      sort: query.sort,
      page: { page: query.page, pageSize: query.pageSize },
    })
    const view = providerListView({ query, result, lots })
    res.render('market/providers.njk', { pageTitle: 'Providers', view, page: view.page })
  })

  router.get(route.provider, async (req, res) => {
    const a = actor(res)
    const detail = await market.getProvider(a, param(req, 'id'))
    res.render('market/provider.njk', {
      pageTitle: detail.provider.name,
      view: providerDetailView(detail, can(a, 'market:edit')),
      backLink: { href: marketPaths.providers(), text: 'Back to providers' },
    })
  })

  const renderProviderForm = async (res: Response, id: string, status: number, values: ProviderFormValues | null, errors: FormErrors) => {
    const a = actor(res)
    const [detail, lots] = await Promise.all([market.getProvider(a, id), market.listLots(a)])
    const v = values ?? providerFormValues(detail)
    res.status(status).render('market/provider-edit.njk', {
      pageTitle: `Change ${detail.provider.name}`,
      provider: detail.provider,
      values: v,
      frameworks: providerFormLots(lots, v, new Set(detail.memberships.map((m) => m.lot_id))),
      errors,
      backLink: { href: marketPaths.provider(id), text: 'Back to the provider' },
    })
  }

  router.get(route.editProvider, requirePermission('market:edit'), (req, res) =>
    renderProviderForm(res, param(req, 'id'), 200, null, noErrors()),
  )

  router.post(route.editProvider, requirePermission('market:edit'), async (req, res) => {
    const id = param(req, 'id')
    const a = actor(res)
    const lots = await market.listLots(a)
    const body = req.body ?? {}
    const form = parseProviderForm(body, lots)
    if (!form.ok) return renderProviderForm(res, id, 400, providerFormValuesFrom(body, lots), form.errors)
    try {
      await market.updateProvider(a, id, form.data)
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err
      return renderProviderForm(res, id, 400, providerFormValuesFrom(body, lots), errorsFromLocation(err.message, err.where, 'name'))
    }
    req.session.flash = { type: 'success', title: 'Success', text: 'Provider updated' }
    res.redirect(marketPaths.provider(id))
  })

  // ——— Frameworks ———

  router.get(route.frameworks, async (_req, res) => {
    const list = await market.listFrameworks(actor(res))
    res.render('market/frameworks.njk', { pageTitle: 'Frameworks', view: frameworkListView(list) })
  })

  router.get(route.framework, async (req, res) => {
    const detail = await market.getFramework(actor(res), param(req, 'id'))
    res.render('market/framework.njk', {
      pageTitle: detail.framework.name,
      view: frameworkDetailView(detail),
      backLink: { href: marketPaths.frameworks(), text: 'Back to frameworks' },
    })
  })

  return router
}
