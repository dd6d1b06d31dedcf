/** The extension decision: the pack (page and XLSX), the proposal and its approval. */
import { Router, type Response } from 'express'
import { can } from '../../../platform/auth/scope.js'
import { formatDate } from '../../../platform/web/format.js'
import { noErrors, type FormErrors } from '../../../platform/web/formErrors.js'
import { actorOf, requirePermission } from '../../../platform/web/setUpAuthentication.js'
import type { Services } from '../../../platform/services.js'
import { one } from '../../../market/web/query.js'
import type { DecisionInput } from '../extensionService.js'
import { refusalErrors } from './fields.js'
import { bodyOf, param, refusal, success } from './http.js'
import { packSections, packWorkbook, sectionTable } from './packSections.js'
import { registerPaths as paths, registerRoutePatterns as route } from './paths.js'
import { decisionsTable, extensionTag } from './registerViews.js'

type Proposal = { decision: string; rationale: string }

export function extensionRoutes(services: Services): Router {
  const { contracts } = services
  const router = Router()
  const read = requirePermission('contract:read')

  const render = async (res: Response, status: number, id: string, values: Proposal, errors: FormErrors) => {
    const a = actorOf(res)
    const pack = await contracts.extensionPack(a, id)
    const pending = pack.decisions.find((d) => d.status === 'proposed') ?? null
    res.status(status).render('contract/register/extension.njk', {
      pageTitle: `Extension decision: ${pack.contract.reference}`,
      pack,
      tag: extensionTag(pack.extension),
      sections: packSections(pack).map((s) => ({ ...s, table: sectionTable(s) })),
      decisions: decisionsTable(pack.decisions),
      pending,
      pendingText: pending
        ? `${pending.proposed_by_label} proposes ${pending.decision === 'extend' ? `to take the extension, moving the end to ${formatDate(pack.extendedEnd)}` : 'not to extend'}.`
        : null,
      canPropose: can(a, 'contract:edit') && pack.contract.extensionStatus === 'available' && !pending,
      canApprove: can(a, 'contract:approve') && Boolean(pending),
      values,
      decisionItems: [
        {
          value: 'extend',
          text: `Take the extension: the contract ends on ${formatDate(pack.extendedEnd)}`,
          checked: values.decision === 'extend',
        },
        {
          value: 'do-not-extend',
          text: `Do not extend: the contract ends on ${formatDate(pack.contract.endDate)}`,
          checked: values.decision === 'do-not-extend',
        },
      ],
      errors,
      backLink: { href: paths.contract(id), text: `Back to contract ${pack.contract.reference}` },
    })
  }

  router.get(route.extension, read, (req, res) => render(res, 200, param(req, 'id'), { decision: '', rationale: '' }, noErrors()))

  router.get(route.extensionDownload, read, async (req, res) => {
    const pack = await contracts.extensionPack(actorOf(res), param(req, 'id'))
    const file = `extension-decision-pack-${pack.contract.reference}.xlsx`.replace(/[^\w.-]/g, '-')
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    res.attachment(file)
    res.send(await packWorkbook(pack))
  })

  router.post(route.extension, requirePermission('contract:edit'), async (req, res) => {
    const id = param(req, 'id')
    const body = bodyOf(req)
    const values = { decision: one(body, 'decision'), rationale: one(body, 'rationale') }
    const refused = await refusal(() =>
      contracts.proposeExtensionDecision(actorOf(res), id, { ...values, decision: values.decision as DecisionInput['decision'] }),
    )
    if (refused) return render(res, 400, id, values, refusalErrors(refused, 'decision'))
    success(req, 'Decision proposed: a head of service must now approve it')
    res.redirect(paths.extension(id))
  })

  router.post(route.extensionDecision, requirePermission('contract:approve'), async (req, res) => {
    const id = param(req, 'id')
    const body = bodyOf(req)
    const approve = one(body, 'approve') === 'yes'
    const refused = await refusal(() => contracts.settleExtensionDecision(actorOf(res), id, { approve, note: one(body, 'note') }))
    if (refused) return render(res, 400, id, { decision: '', rationale: '' }, refusalErrors(refused, 'approve'))
    success(req, approve ? 'Decision approved' : 'Decision sent back')
    res.redirect(paths.contract(id))
  })

  return router
}
