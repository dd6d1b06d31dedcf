import { Router, type Request, type Response } from 'express'
import type { RawFields } from '../../market/web/query.js'
import { NotFoundError, UserInputError } from '../../platform/errors.js'
import type { FormErrors } from '../../platform/web/formErrors.js'
import { actorOf, requirePermission } from '../../platform/web/setUpAuthentication.js'
import type { Services } from '../../platform/services.js'
import { arrangesPlacements } from '../children/access.js'
import { noProviders } from '../children/web/guards.js'
import { childPaths, childRoutePatterns as route } from '../children/paths.js'
import { dateErrors, dateFrom, dueListView, visitsView, type DateParts } from './web/timerPages.js'

const param = (req: Request, name: string): string => String(req.params[name] ?? '')

/** The due and overdue list, and a placement's visits and plan. */
export function timerRoutes(services: Services): Router {
  const { placements } = services
  const router = Router()
  const guard = [noProviders, requirePermission('child:read')]

  router.get(route.due, ...guard, async (_req, res) => {
    const a = actorOf(res)
    const items = await placements.statutoryDueList(a)
    const team = arrangesPlacements(a)
    res.render('placement/due/due.njk', {
      pageTitle: 'Due and overdue',
      view: dueListView(items, { showSocialWorker: team }),
      scopeText: team ? 'These are every child’s.' : 'These are for the children allocated to you.',
    })
  })

  const renderVisits = async (
    res: Response,
    id: string,
    status: number,
    opts: { errors?: FormErrors; visitedOn?: DateParts; preparedOn?: DateParts } = {},
  ) => {
    const record = await placements.statutoryRecord(actorOf(res), id)
    const visits = visitsView(record, opts)
    res.status(status).render('placement/due/visits.njk', {
      pageTitle: `Visits and placement plan – ${record.caseReference}`,
      visits,
      errors: visits.errors,
      placementHref: childPaths.placement(id),
      backLink: { href: childPaths.due(), text: 'Back to due and overdue' },
    })
  }

  router.get(route.visits, ...guard, (req, res) => renderVisits(res, param(req, 'id'), 200))

  /** Records a visit or the plan from its date boxes; a bad date is shown against them, and nothing is written. */
  const recordDate =
    (field: 'visitedOn' | 'preparedOn', done: string, record: (res: Response, id: string, iso: string) => Promise<void>) =>
    async (req: Request, res: Response) => {
      const id = param(req, 'id')
      const date = dateFrom((req.body ?? {}) as RawFields, field)
      try {
        await record(res, id, date.iso)
      } catch (err) {
        if (!(err instanceof UserInputError)) throw err
        if (err.where?.field === 'placementId') throw new NotFoundError('No such placement')
        return renderVisits(res, id, 400, { errors: dateErrors(field, err.message), [field]: date.parts })
      }
      req.session.flash = { type: 'success', title: 'Success', text: done }
      res.redirect(childPaths.visits(id))
    }

  router.post(
    route.visits,
    ...guard,
    recordDate('visitedOn', 'Visit recorded', (res, id, iso) => placements.recordVisit(actorOf(res), id, iso)),
  )
  router.post(
    route.plan,
    ...guard,
    recordDate('preparedOn', 'Placement plan recorded', (res, id, iso) => placements.recordPlacementPlan(actorOf(res), id, iso)),
  )

  return router
}
