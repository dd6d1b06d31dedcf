/**
 * The ledger part's pages: a contract's bed ledger and its events, payment runs and their
 * exports, and the whole block's value. Fixed paths (/contracts/value) come before the
 * register's /contracts/:id (see src/contract/routes.ts). The services decide access again.
 */
import { Router, type Request, type Response } from 'express'
import { can } from '../../platform/auth/scope.js'
import { UserInputError } from '../../platform/errors.js'
import type { Actor } from '../../platform/auth/actor.js'
import { formatDate } from '../../platform/web/format.js'
import { formErrors, noErrors, type FormErrors } from '../../platform/web/formErrors.js'
import { actorOf, requirePermission } from '../../platform/web/setUpAuthentication.js'
import { one, type RawFields } from '../../market/web/query.js'
import type { Services } from '../../platform/services.js'
import { bodyOf, param, refusal, success } from '../register/web/http.js'
import { sendDocument } from '../returns/web/download.js'
import type { Period } from '../api.js'
import { ledgerPaths as paths, ledgerRoutePatterns as route } from './paths.js'
import { EVENT_FIELDS, emptyEventForm, ledgerPageView, type EventFormValues } from './web/ledgerPage.js'
import { runView, runsTable } from './web/paymentsPage.js'
import { periodFrom } from './web/period.js'
import { contractsTable } from './web/valuePage.js'

/** Several sets of form errors as one, first problem per control kept. */
const merged = (...sets: FormErrors[]): FormErrors =>
  formErrors(sets.flatMap((e) => e.list.map((l) => ({ field: l.href.slice(1), message: l.text }))))

export function ledgerRoutes(services: Pick<Services, 'contracts'>): Router {
  const { contracts } = services
  const router = Router()
  const read = requirePermission('contract:read')

  // ——— The whole block's value ———

  router.get(route.value, read, async (req, res) => {
    const chosen = periodFrom(req.query as RawFields)
    const report = await contracts.valueReport(actorOf(res), chosen.period)
    res.status(chosen.errors.list.length ? 400 : 200).render('contract/ledger/value.njk', {
      pageTitle: 'Value of the block contracts',
      value: report.block,
      contracts: contractsTable(report),
      values: chosen.period ? chosen.values : report.block.period,
      errors: chosen.errors,
      backLink: { href: '/contracts', text: 'Back to contracts' },
    })
  })

  // ——— A contract's ledger ———

  const ledgerHref = (id: string, p?: Period) => (p ? `${paths.ledger(id)}?from=${p.from}&to=${p.to}` : paths.ledger(id))

  const renderLedger = async (req: Request, res: Response, status: number, values: EventFormValues, errors: FormErrors) => {
    const a = actorOf(res)
    const id = param(req, 'id')
    const chosen = periodFrom({
      ...(req.query as RawFields),
      ...(status === 200 ? {} : { from: one(bodyOf(req), 'periodFrom'), to: one(bodyOf(req), 'periodTo') }),
    })
    let errs = merged(chosen.errors, errors)
    let v
    try {
      v = await contracts.contractLedger(a, id, chosen.period)
    } catch (err) {
      // A period the ledger will not show (over a year) is refused on its control, and this month shown instead.
      if (!(err instanceof UserInputError) || chosen.period === undefined) throw err
      errs = merged(errs, formErrors([{ field: err.where?.field ?? 'to', message: err.message }]))
      v = await contracts.contractLedger(a, id)
    }
    res.status(errs.list.length ? Math.max(status, 400) : status).render('contract/ledger/ledger.njk', {
      pageTitle: `Bed ledger: ${v.contract.reference}`,
      contract: v.contract,
      periodText: `${formatDate(v.period.from)} to ${formatDate(v.period.to)}`,
      period: v.period,
      view: ledgerPageView(v, a, values),
      values,
      errors: errs,
      backLink: { href: paths.contract(id), text: `Back to ${v.contract.reference}` },
    })
  }

  router.get(route.ledger, read, (req, res) => renderLedger(req, res, 200, emptyEventForm(), noErrors()))

  /** After a change, back to the same period of the ledger. */
  const backToLedger = (req: Request, res: Response, text: string) => {
    const b = bodyOf(req)
    const p = periodFrom({ from: one(b, 'periodFrom'), to: one(b, 'periodTo') }).period
    success(req, text)
    res.redirect(ledgerHref(param(req, 'id'), p))
  }

  router.post(route.events, read, async (req, res) => {
    const b = bodyOf(req)
    const values = Object.fromEntries(EVENT_FIELDS.map((f) => [f, one(b, f)])) as EventFormValues
    const refused = await refusal(() => contracts.recordBedEvent(actorOf(res), param(req, 'id'), values))
    if (refused)
      return renderLedger(req, res, 400, values, formErrors([{ field: refused.where?.field ?? 'bedId', message: refused.message }]))
    backToLedger(req, res, 'The bed event is recorded and the ledger derived again')
  })

  /** Ending and voiding an event: one control each, named per event so a refusal shows against the right row. */
  const eventCommand = (
    pattern: string,
    field: 'toDate' | 'voidReason',
    command: (actor: Actor, contractId: string, eventId: string, value: string) => Promise<void>,
    done: string,
  ) =>
    router.post(pattern, read, async (req, res) => {
      const eventId = param(req, 'eventId')
      const refused = await refusal(() => command(actorOf(res), param(req, 'id'), eventId, one(bodyOf(req), field)))
      if (refused)
        return renderLedger(req, res, 400, emptyEventForm(), formErrors([{ field: `${field}-${eventId}`, message: refused.message }]))
      backToLedger(req, res, done)
    })
  eventCommand(route.endEvent, 'toDate', (a, id, e, toDate) => contracts.endBedEvent(a, id, e, { toDate }), 'The event is ended')
  eventCommand(
    route.voidEvent,
    'voidReason',
    (a, id, e, voidReason) => contracts.voidBedEvent(a, id, e, { voidReason }),
    'The event is voided and the ledger derived again',
  )

  // ——— Payments ———

  const renderPayments = async (res: Response, status: number, values: { from: string; to: string } | null, errors: FormErrors) => {
    const a = actorOf(res)
    const [runs, next] = await Promise.all([contracts.listPaymentRuns(a), contracts.nextUnpaidPeriod(a)])
    res.status(status).render('contract/ledger/payments.njk', {
      pageTitle: 'Payments',
      runs: runsTable(runs),
      canRun: can(a, 'payment:run'),
      next,
      values: values ?? next ?? { from: '', to: '' },
      errors,
    })
  }

  router.get(route.payments, (_req, res) => renderPayments(res, 200, null, noErrors()))

  router.post(route.payments, requirePermission('payment:run'), async (req, res) => {
    const values = { from: one(bodyOf(req), 'from'), to: one(bodyOf(req), 'to') }
    let id = ''
    const refused = await refusal(async () => (id = await contracts.runPayments(actorOf(res), values)))
    if (refused) return renderPayments(res, 400, values, formErrors([{ field: refused.where?.field ?? 'from', message: refused.message }]))
    success(req, 'The payment run is made')
    res.redirect(paths.run(id))
  })

  router.get(route.run, async (req, res) => {
    const { run, lines } = await contracts.getPaymentRun(actorOf(res), param(req, 'runId'))
    const view = runView(run, lines)
    res.render('contract/ledger/payment-run.njk', {
      pageTitle: view.title,
      view,
      backLink: { href: paths.payments(), text: 'Back to payments' },
    })
  })

  for (const format of ['csv', 'xlsx'] as const)
    router.get(route[format], async (req, res) => {
      const file = await contracts.exportPaymentRun(actorOf(res), param(req, 'runId'), format)
      sendDocument(res, { fileName: file.filename, contentType: file.contentType, bytes: Buffer.from(file.body) })
    })

  return router
}
