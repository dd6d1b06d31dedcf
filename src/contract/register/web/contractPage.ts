/** A contract's page: its terms, beds, prices and schedule, variations, value and scorecard summaries. */
import type { Response } from 'express'
import { can } from '../../../platform/auth/scope.js'
import type { FormErrors } from '../../../platform/web/formErrors.js'
import { actorOf } from '../../../platform/web/setUpAuthentication.js'
import type { Services } from '../../../platform/services.js'
import { unlessNotBuilt } from '../extensionPack.js'
import { kpiSection, sectionTable } from './packSections.js'
import { registerPaths as paths } from './paths.js'
import { bedsTable, decisionsTable, pricesTable, scheduleTable, termsRows, variationKindLinks, variationsTable } from './registerViews.js'

/** Renders the page; `errors` are those of a variation decided on it (control ids `note-<variationId>`). */
export async function renderContract(services: Services, res: Response, status: number, id: string, errors: FormErrors) {
  const { contracts } = services
  const a = actorOf(res)
  const d = await contracts.contractDetail(a, id)
  const isCouncil = a.organisationKind !== 'provider'
  // The ledger works out value figures for block contracts only.
  const [value, scorecard] = isCouncil
    ? await Promise.all([
        d.contract.kind === 'block' ? unlessNotBuilt(() => contracts.contractValue(a, id)) : null,
        unlessNotBuilt(() => contracts.scorecard(a, id)),
      ])
    : [null, null]
  const kpis = kpiSection(scorecard)
  res.status(status).render('contract/register/contract.njk', {
    pageTitle: `Contract ${d.contract.reference}`,
    d,
    terms: termsRows(d),
    beds: bedsTable(d),
    prices: pricesTable(d),
    schedule: scheduleTable(d),
    variations: variationsTable(d),
    decisions: decisionsTable(d.decisions),
    value,
    kpis: scorecard ? { ...kpis, table: sectionTable(kpis) } : null,
    isCouncil,
    due: d.extension.kind === 'due' ? d.extension : null,
    canEdit: can(a, 'contract:edit') && d.contract.status === 'active',
    canApprove: can(a, 'contract:approve'),
    variationLinks: variationKindLinks(id),
    errors,
    backLink: { href: paths.list(), text: 'Back to contracts' },
  })
}
