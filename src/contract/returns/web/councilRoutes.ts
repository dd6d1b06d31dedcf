/** The council's pages: a contract's returns and scorecard, a month's return, KPI targets, and Ofsted alerts. */
import { Router, type Request, type Response } from 'express'
import { can } from '../../../platform/auth/scope.js'
import { NotFoundError, UserInputError } from '../../../platform/errors.js'
import { formErrors, noErrors, type FormErrors } from '../../../platform/web/formErrors.js'
import { actorOf } from '../../../platform/web/setUpAuthentication.js'
import type { ContractService } from '../../contractService.js'
import { isMonth, monthName } from '../domain/months.js'
import { returnsPaths as paths, returnsRoutePatterns as route } from '../paths.js'
import { council } from './access.js'
import { sendDocument } from './download.js'
import { kpiFormView, kpiValuesFrom, kpiValuesOf, parseKpiForm, type KpiFormValues } from './forms.js'
import { judgementText } from '../domain/ofsted.js'
import { alertsTable, alertView, countByStatus, documentsList, figuresRows, monthsTable, scorecardView, versionsTable } from './views.js'

const param = (req: Request, name: string): string => String(req.params[name] ?? '')
const RECENT_MONTHS = 12

export function councilReturnsRoutes(contracts: ContractService): Router {
  const router = Router()
  const read = council('contract:read')
  const edit = council('contract:edit')
  const success = (req: Request, text: string) => (req.session.flash = { type: 'success', title: 'Success', text })

  // ——— Ofsted alerts (fixed paths before any /contracts/:id) ———

  router.get(route.alerts, read, async (_req, res) => {
    const a = actorOf(res)
    const [open, closed] = await Promise.all([contracts.ofstedAlerts(a), contracts.ofstedAlerts(a, { status: 'closed', limit: 20 })])
    res.render('contract/returns/alerts.njk', {
      pageTitle: 'Ofsted alerts',
      open: alertsTable(open, paths.alert, { closed: false }),
      closed: alertsTable(closed, paths.alert, { closed: true }),
    })
  })

  const renderAlert = async (res: Response, id: string, status: number, note: string, errors: FormErrors) => {
    const a = actorOf(res)
    const alert = await contracts.ofstedAlert(a, id)
    res.status(status).render('contract/returns/alert.njk', {
      pageTitle: `Ofsted alert: ${alert.homeName}`,
      alert,
      ...alertView(alert),
      canAcknowledge: alert.status === 'open' && can(a, 'contract:edit'),
      contractHref: paths.returns(alert.contractId),
      note,
      errors,
      backLink: { href: paths.alerts(), text: 'Back to Ofsted alerts' },
    })
  }

  router.get(route.alert, read, (req, res) => renderAlert(res, param(req, 'alertId'), 200, '', noErrors()))

  router.post(route.alert, edit, async (req, res) => {
    const id = param(req, 'alertId')
    const note = String((req.body as Record<string, unknown>)?.note ?? '')
    try {
      await contracts.acknowledgeOfstedAlert(actorOf(res), id, note)
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err
      return renderAlert(res, id, 400, note, formErrors([{ field: 'note', message: err.message }]))
    }
    success(req, 'The alert is acknowledged. Its judgement is now the one the council has accepted for the home.')
    res.redirect(paths.alerts())
  })

  // ——— A contract's returns and scorecard ———

  router.get(route.returns, read, async (req, res) => {
    const a = actorOf(res)
    const id = param(req, 'id')
    const [{ contract, months }, card] = await Promise.all([contracts.returnMonths(a, id), contracts.scorecard(a, id)])
    const all = req.query.months === 'all'
    res.render('contract/returns/contract-returns.njk', {
      pageTitle: `Returns and performance: ${contract.reference}`,
      contract,
      counts: countByStatus(months),
      months: monthsTable(months, (m) => paths.month(id, m), { forProvider: false }),
      scorecard: scorecardView(card, { limit: all ? null : RECENT_MONTHS }),
      alerts: card.ofstedAlerts.map((x) => ({ href: paths.alert(x.id), text: `${x.homeName}: now ${judgementText(x.to)}` })),
      allMonthsHref: all ? null : `${paths.returns(id)}?months=all#month-by-month`,
      kpisHref: can(a, 'contract:edit') ? paths.kpis(id) : null,
      alertsHref: paths.alerts(),
      backLink: { href: paths.contract(id), text: `Back to ${contract.reference}` },
    })
  })

  router.get(route.month, read, async (req, res) => {
    const id = param(req, 'id')
    const month = param(req, 'month')
    if (!isMonth(month)) throw new NotFoundError('No such month')
    const detail = await contracts.returnMonth(actorOf(res), id, month)
    res.render('contract/returns/month.njk', {
      pageTitle: `Return for ${monthName(month)}: ${detail.contract.reference}`,
      detail,
      monthName: monthName(month),
      figures: detail.month.current ? figuresRows(detail.month.current.figures) : null,
      versions: versionsTable(detail.versions),
      documents: documentsList(detail.documents, (d) => paths.document(id, d)),
      backLink: { href: paths.returns(id), text: 'Back to the returns' },
    })
  })

  router.get(route.document, read, async (req, res) => {
    sendDocument(res, await contracts.returnDocument(actorOf(res), param(req, 'id'), param(req, 'documentId')))
  })

  // ——— KPI targets ———

  const renderKpis = async (res: Response, id: string, status: number, values: KpiFormValues | null, errors: FormErrors, measure = '') => {
    const { contract, targets } = await contracts.kpiTargets(actorOf(res), id)
    const v = values ?? kpiValuesOf(measure, targets)
    res.status(status).render('contract/returns/kpis.njk', {
      pageTitle: `KPI targets: ${contract.reference}`,
      contract,
      targets,
      values: v,
      form: kpiFormView(v),
      changing: targets.some((t) => t.measure === v.measure),
      errors,
      backLink: { href: paths.returns(id), text: 'Back to returns and performance' },
    })
  }

  router.get(route.kpis, edit, (req, res) =>
    renderKpis(res, param(req, 'id'), 200, null, noErrors(), typeof req.query.measure === 'string' ? req.query.measure : ''),
  )

  router.post(route.kpis, edit, async (req, res) => {
    const id = param(req, 'id')
    const values = kpiValuesFrom((req.body ?? {}) as Record<string, unknown>)
    const form = parseKpiForm(values)
    if (!form.ok) return renderKpis(res, id, 400, values, form.errors)
    try {
      await contracts.setKpiTarget(actorOf(res), id, form.data)
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err
      return renderKpis(res, id, 400, values, formErrors([{ field: err.where?.field ?? 'target', message: err.message }]))
    }
    success(req, 'The target is saved')
    res.redirect(paths.kpis(id))
  })

  router.post(route.removeKpi, edit, async (req, res) => {
    const id = param(req, 'id')
    await contracts.removeKpiTarget(actorOf(res), id, param(req, 'measure'))
    success(req, 'The target is removed')
    res.redirect(paths.kpis(id))
  })

  return router
}
