/**
 * The register's pages: the list, hand entry, a contract, variations, the CPI series and
 * indexation, and the extension decision pack (page and XLSX). Thin: each calls the contract
 * service and renders a view model; a refusal is shown against the control it names.
 */
import { Router, type Response } from 'express'
import { can } from '../../platform/auth/scope.js'
import { UserInputError } from '../../platform/errors.js'
import { noErrors, type FormErrors } from '../../platform/web/formErrors.js'
import { actorOf, requirePermission } from '../../platform/web/setUpAuthentication.js'
import { one, type RawFields } from '../../market/web/query.js'
import { bodyOf, param, refusal, success } from './web/http.js'
import type { Services } from '../../platform/services.js'
import {
  contractFormChoices,
  contractValuesFrom,
  newContractValues,
  parseContractForm,
  type ContractFormValues,
} from './web/contractForm.js'
import { cpiRoutes } from './web/cpiRoutes.js'
import { extensionRoutes } from './web/extensionRoutes.js'
import { renderContract } from './web/contractPage.js'
import { registerPaths as paths, registerRoutePatterns as route } from './web/paths.js'
import { refusalErrors } from './web/fields.js'
import { registerListView } from './web/registerViews.js'
import { variationRoutes } from './web/variationRoutes.js'
import { CONTRACT_KINDS, KIND_LABELS } from './terms.js'

export function registerRoutes(services: Services): Router {
  const { contracts, market } = services
  const router = Router()
  const edit = requirePermission('contract:edit')
  const read = requirePermission('contract:read')
  router.use('/contracts', (_req, res, next) => {
    res.locals.registerPaths = paths
    next()
  })

  router.get(route.list, read, async (_req, res) => {
    const a = actorOf(res)
    const view = registerListView(await contracts.register(a))
    res.render('contract/register/list.njk', {
      pageTitle: 'Contracts',
      view,
      isCouncil: a.organisationKind !== 'provider',
      canEdit: can(a, 'contract:edit'),
    })
  })

  // ——— Hand entry: first the kind and provider, then the terms and beds ———

  const renderNew = async (res: Response, status: number, values: ContractFormValues, errors: FormErrors) => {
    const a = actorOf(res)
    const beds = await contracts.bedsOfProvider(a, values.providerId)
    const { provider } = await market.getProvider(a, values.providerId)
    res.status(status).render('contract/register/new.njk', {
      pageTitle: `Enter a contract with ${provider.name}`,
      provider,
      kindLabel: KIND_LABELS[values.kind as keyof typeof KIND_LABELS] ?? values.kind,
      values,
      choices: contractFormChoices(values, beds, errors.byField),
      errors,
      backLink: { href: paths.create(), text: 'Back' },
    })
  }

  router.get(route.create, edit, async (req, res) => {
    const a = actorOf(res)
    const kind = one(req.query as RawFields, 'kind')
    const providerId = one(req.query as RawFields, 'providerId')
    if ((CONTRACT_KINDS as readonly string[]).includes(kind) && providerId) {
      return renderNew(res, 200, newContractValues(kind, providerId), noErrors())
    }
    const { items } = await market.listProviders(a, { page: { page: 1, pageSize: 200 }, sort: { key: 'name', direction: 'asc' } })
    const errors =
      req.query.providerId === ''
        ? refusalErrors(new UserInputError('Select the provider', { field: 'providerId' }), 'providerId')
        : noErrors()
    res.status(errors.list.length ? 400 : 200).render('contract/register/new-start.njk', {
      pageTitle: 'Enter a contract',
      kinds: CONTRACT_KINDS.map((k) => ({ value: k, text: KIND_LABELS[k], checked: (kind || 'block') === k })),
      providers: [{ value: '', text: 'Select a provider' }, ...items.map((p) => ({ value: p.id, text: p.name }))],
      errors,
      backLink: { href: paths.list(), text: 'Back to contracts' },
    })
  })

  router.post(route.create, edit, async (req, res) => {
    const a = actorOf(res)
    const body = bodyOf(req)
    const values = contractValuesFrom(body)
    const form = parseContractForm(body)
    if (!form.ok) return renderNew(res, 400, values, form.errors)
    let id = ''
    const refused = await refusal(async () => (id = await contracts.createContract(a, form.data)))
    if (refused) return renderNew(res, 400, values, refusalErrors(refused, 'reference'))
    success(req, `Contract ${form.data.reference} entered`)
    res.redirect(paths.contract(id))
  })

  router.use(cpiRoutes(services))
  router.use(variationRoutes(services))
  router.use(extensionRoutes(services))

  // ——— One contract ———

  router.get(route.contract, read, (req, res) => renderContract(services, res, 200, param(req, 'id'), noErrors()))

  return router
}
