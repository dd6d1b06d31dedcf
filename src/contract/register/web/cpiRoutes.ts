/** The council's CPI series (enter and correct monthly figures) and the command that applies indexation due. */
import { Router, type Response } from 'express'
import { can } from '../../../platform/auth/scope.js'
import { formatDate } from '../../../platform/web/format.js'
import { noErrors, type FormErrors } from '../../../platform/web/formErrors.js'
import { actorOf, requirePermission } from '../../../platform/web/setUpAuthentication.js'
import type { Services } from '../../../platform/services.js'
import { monthName } from '../dates.js'
import { formReader, percent, refusalErrors } from './fields.js'
import { bodyOf, refusal, success } from './http.js'
import { registerPaths as paths, registerRoutePatterns as route } from './paths.js'

export function cpiRoutes(services: Services): Router {
  const { contracts } = services
  const router = Router()

  const render = async (res: Response, status: number, values: { month: string; rate: string }, errors: FormErrors) => {
    const a = actorOf(res)
    const series = await contracts.cpiSeries(a)
    res.status(status).render('contract/register/cpi.njk', {
      pageTitle: 'CPI and indexation',
      values,
      errors,
      canEdit: can(a, 'contract:edit'),
      table: {
        head: [{ text: 'Month' }, { text: '12-month CPI rate', format: 'numeric' }, { text: 'Entered by' }],
        rows: series.map((c) => [
          { text: monthName(c.month) },
          { text: `${percent(c.rate_bps)}%`, format: 'numeric' },
          { text: `${c.entered_by}, ${formatDate(c.entered_at)}` },
        ]),
      },
      backLink: { href: paths.list(), text: 'Back to contracts' },
    })
  }

  router.get(route.cpi, requirePermission('contract:read'), (_req, res) => render(res, 200, { month: '', rate: '' }, noErrors()))

  router.post(route.cpi, requirePermission('contract:edit'), async (req, res) => {
    const body = bodyOf(req)
    const f = formReader(body)
    const values = { month: f.text('month'), rate: f.text('rateBps') }
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(values.month))
      f.problems.push({ field: 'month', message: 'Enter the month as year and month, like 2027-07' })
    const rateBps = f.percentBps('rateBps', 'the 12-month CPI rate')
    if (f.problems.length > 0) return render(res, 400, values, f.errors())
    const refused = await refusal(() => contracts.recordCpi(actorOf(res), { month: values.month, rateBps: rateBps! }))
    if (refused) return render(res, 400, values, refusalErrors(refused, 'rateBps'))
    success(req, `CPI for ${monthName(values.month)} recorded: ${values.rate}%`)
    res.redirect(paths.cpi())
  })

  router.post(route.indexation, requirePermission('contract:edit'), async (req, res) => {
    let applied: Awaited<ReturnType<typeof contracts.applyIndexationDue>> = []
    const contractId = typeof req.body?.contractId === 'string' && req.body.contractId ? req.body.contractId : undefined
    const refused = await refusal(async () => (applied = await contracts.applyIndexationDue(actorOf(res), { contractId })))
    if (refused) return render(res, 400, { month: '', rate: '' }, refusalErrors(refused, 'month'))
    req.session.flash = {
      type: 'success',
      title: 'Success',
      text:
        applied.length === 0
          ? 'No indexation was due: every anniversary so far is already applied.'
          : `Indexation applied: ${applied.map((x) => `${x.reference} from ${formatDate(x.date)}${x.reviewFlag ? ' (CPI above the review threshold: review)' : ''}`).join('; ')}`,
    }
    res.redirect(contractId ? paths.contract(contractId) : paths.cpi())
  })

  return router
}
