import { Router, type NextFunction, type Request, type Response } from 'express'
import { NotFoundError, UserInputError } from '../../platform/errors.js'
import { errorsFromLocation, noErrors, type FormErrors } from '../../platform/web/formErrors.js'
import { parsePage } from '../../platform/web/pagination.js'
import { actorOf, requirePermission } from '../../platform/web/setUpAuthentication.js'
import type { Services } from '../../platform/services.js'
import { one } from '../../market/web/query.js'
import { panelRoutes } from '../allocation/routes.js'
import { timerRoutes } from '../timers/routes.js'
import { travelRoutes } from '../travel/routes.js'
import { arrangesPlacements, writesChildRecords } from './access.js'
import { childPaths, childRoutePatterns as route } from './paths.js'
import {
  childFormChoices,
  childFormValues,
  childFormValuesFrom,
  newChildFormValues,
  parseChildForm,
  type ChildFormValues,
} from './web/childForm.js'
import { CHILDREN_PAGE_SIZE, childListView, childProfileView } from './web/childPages.js'
import { noProviders } from './web/guards.js'

const param = (req: Request, name: string): string => String(req.params[name] ?? '')

/**
 * The children pages, and (mounted here, first in the placement room, so their fixed paths win
 * over /placements/:id) the statutory due list and visits, travel and the panel.
 */
export function childrenRoutes(services: Services): Router {
  const { placements } = services
  const router = Router()
  const today = () => services.clock.now().toISOString().slice(0, 10)
  router.use('/children', noProviders, requirePermission('child:read'))

  router.get(route.list, async (req, res) => {
    const a = actorOf(res)
    const search = one(req.query as Record<string, unknown>, 'q')
    const { page } = parsePage(one(req.query as Record<string, unknown>, 'page'))
    const result = await placements.searchChildren(a, { search, page, pageSize: CHILDREN_PAGE_SIZE })
    const view = childListView({ result, search, today: today(), canCreate: writesChildRecords(a), placementsTeam: arrangesPlacements(a) })
    res.render('placement/children/list.njk', { pageTitle: 'Children', view, page: view.page })
  })

  const renderForm = async (
    res: Response,
    opts: { childId: string | null; status: number; values: ChildFormValues; errors: FormErrors; caseReference?: string },
  ) => {
    const socialWorkers = await placements.councilSocialWorkers(actorOf(res))
    const editing = opts.childId !== null
    res.status(opts.status).render('placement/children/form.njk', {
      pageTitle: editing ? `Change the record of ${opts.caseReference}` : 'Add a child',
      heading: editing ? `Change the record of ${opts.caseReference}` : 'Add a child',
      submitText: editing ? 'Save changes' : 'Add the child',
      values: opts.values,
      choices: childFormChoices(opts.values, socialWorkers, Boolean(opts.errors.byField.dateOfBirth)),
      errors: opts.errors,
      backLink: editing
        ? { href: childPaths.child(opts.childId!), text: 'Back to the child' }
        : { href: childPaths.list(), text: 'Back to children' },
    })
  }

  const mustWrite = (_req: Request, res: Response, next: NextFunction) => {
    if (!writesChildRecords(actorOf(res))) return next(new NotFoundError('No such page'))
    next()
  }

  router.get(route.create, mustWrite, async (_req, res) => {
    const a = actorOf(res)
    await renderForm(res, {
      childId: null,
      status: 200,
      values: newChildFormValues(a.role === 'social_worker' ? (a.userId ?? '') : ''),
      errors: noErrors(),
    })
  })

  router.post(route.create, mustWrite, async (req, res) => {
    const a = actorOf(res)
    const values = childFormValuesFrom(req.body ?? {})
    const form = parseChildForm(req.body, await placements.councilSocialWorkers(a), today())
    if (!form.ok) return renderForm(res, { childId: null, status: 400, values, errors: form.errors })
    let id: string
    try {
      id = await placements.createChild(a, form.data)
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err
      return renderForm(res, { childId: null, status: 400, values, errors: errorsFromLocation(err.message, err.where, 'caseReference') })
    }
    req.session.flash = { type: 'success', title: 'Success', text: `${values.caseReference} added` }
    res.redirect(childPaths.child(id))
  })

  router.get(route.child, async (req, res) => {
    const a = actorOf(res)
    const profile = await placements.childProfile(a, param(req, 'id'))
    const view = childProfileView(profile, { today: today(), canEdit: writesChildRecords(a), canRefer: writesChildRecords(a) })
    res.render('placement/children/profile.njk', {
      pageTitle: view.title,
      view,
      backLink: { href: childPaths.list(), text: 'Back to children' },
    })
  })

  router.get(route.edit, mustWrite, async (req, res) => {
    const child = await placements.getChild(actorOf(res), param(req, 'id'), 'change child record')
    await renderForm(res, {
      childId: child.id,
      status: 200,
      values: childFormValues(child),
      errors: noErrors(),
      caseReference: child.caseReference,
    })
  })

  router.post(route.edit, mustWrite, async (req, res) => {
    const a = actorOf(res)
    const id = param(req, 'id')
    // Read first: someone who may not see the child gets NotFound before anything is checked.
    const child = await placements.getChild(a, id, 'change child record')
    const values = childFormValuesFrom(req.body ?? {})
    const form = parseChildForm(req.body, await placements.councilSocialWorkers(a), today())
    const again = (errors: FormErrors) => renderForm(res, { childId: id, status: 400, values, errors, caseReference: child.caseReference })
    if (!form.ok) return again(form.errors)
    try {
      await placements.updateChild(a, id, form.data)
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err
      return again(errorsFromLocation(err.message, err.where, 'caseReference'))
    }
    req.session.flash = { type: 'success', title: 'Success', text: 'Record updated' }
    res.redirect(childPaths.child(id))
  })

  router.use(timerRoutes(services))
  router.use(travelRoutes(services))
  router.use(panelRoutes(services))
  return router
}
