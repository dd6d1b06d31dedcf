/** The panel page's query and view models; pure. */
import { many, one, type RawFields } from '../../../market/web/query.js'
import { formatDate, formatNumber, formatPence } from '../../../platform/web/format.js'
import { escapeHtml } from '../../../platform/web/pagination.js'
import { childPaths } from '../../children/paths.js'
import { ROUTE_LABELS } from '../../domain/vacancy.js'
import type { RankedHome } from '../../matching/rank/index.js'
import type { PanelProposal, PanelReferral } from '../panelService.js'

const URGENCY: Record<string, string> = { today: 'Today', 'under-5-days': 'Within 5 days', 'over-5-days': 'More than 5 days' }

export type PanelQuery = {
  referralIds: string[]
  /** The number when it is one, else the text (for the service to refuse by name); undefined when blank. */
  unplacedCost: number | string | undefined
  unplacedCostText: string
  fixed: Map<string, string>
  submitted: boolean
}

export function parsePanelQuery(query: RawFields): PanelQuery {
  const referralIds = [...new Set(many(query, 'referralIds'))]
  const text = one(query, 'unplacedCost')
  const n = Number(text)
  const fixed = new Map<string, string>()
  for (const id of referralIds) {
    const v = one(query, `home-${id}`)
    if (v && v !== 'auto') fixed.set(id, v)
  }
  return {
    referralIds,
    unplacedCost: text === '' ? undefined : /^\d+(\.\d+)?$/.test(text) && Number.isFinite(n) ? n : text,
    unplacedCostText: text,
    fixed,
    submitted: 'unplacedCost' in query || 'referralIds' in query,
  }
}

export function selectionView(referrals: readonly PanelReferral[], chosen: readonly string[]) {
  return referrals.map((r) => ({
    value: r.referralId,
    html: `${escapeHtml(r.caseReference)}, aged ${r.age}`,
    hint: { text: `Needed by: ${URGENCY[r.urgency] ?? r.urgency}. Referred ${formatDate(r.createdAt)}.` },
    checked: chosen.includes(r.referralId),
  }))
}

const partsText = (h: RankedHome) => {
  const p = h.score.parts
  const bits = [
    `distance ${formatNumber(p.distance, 2)}`,
    `school ${formatNumber(p.school, 2)}`,
    `price ${formatNumber(p.price, 2)}`,
    `Ofsted ${formatNumber(p.judgement, 2)}`,
    `route ${formatNumber(p.route, 2)}`,
  ]
  if (p.compatibility !== 0) bits.push(`compatibility ${formatNumber(p.compatibility, 2)}`)
  return bits.join(', ')
}

const homeLabel = (h: RankedHome) =>
  `${h.name ?? h.homeId} (${ROUTE_LABELS[h.route]}), score ${formatNumber(h.score.total, 2)}${h.milesFromHome === null ? '' : `, ${formatNumber(h.milesFromHome, 1)} miles`}`

export function proposalView(p: PanelProposal) {
  return {
    summary: `${p.placed} of ${p.rows.length} ${p.rows.length === 1 ? 'child' : 'children'} placed; total score ${formatNumber(p.totalScore, 2)}; total cost ${formatNumber(p.totalCostPoints, 2)} points (each child’s cost is ${formatNumber(p.maxScore)} less the home’s score, or ${formatNumber(p.unplacedCost, 2)} if unplaced).`,
    conflicts: p.conflicts,
    head: [
      { text: 'Child' },
      { text: 'Proposed home' },
      { text: 'Score', format: 'numeric' },
      { text: 'Cost', format: 'numeric' },
      { text: 'Change' },
      { text: 'Accept' },
    ],
    rows: p.rows.map((r) => {
      const id = r.referral.referralId
      const c = r.chosen
      const options = [
        { value: 'auto', text: 'Let the panel choose', selected: !r.fixed },
        ...r.options.map((o) => ({ value: o.key, text: homeLabel(o), selected: r.fixed && r.chosenKey === o.key })),
        { value: 'unplaced', text: 'Leave unplaced', selected: r.fixed && c === null },
      ]
      return {
        id,
        selectId: `home-${id}`,
        options,
        label: `Change the home for ${r.referral.caseReference}`,
        cells: [
          {
            html: `<a class="govuk-link" href="${escapeHtml(childPaths.referral(id))}">${escapeHtml(r.referral.caseReference)}</a><br><span class="govuk-body-s">Needed by: ${escapeHtml(URGENCY[r.referral.urgency] ?? r.referral.urgency)}; ${r.feasibleHomes} feasible home${r.feasibleHomes === 1 ? '' : 's'}</span>`,
          },
          {
            html: c
              ? `${escapeHtml(c.name ?? c.homeId)}${r.fixed ? ' <strong class="govuk-tag govuk-tag--grey">Fixed</strong>' : ''}<br><span class="govuk-body-s">${escapeHtml(ROUTE_LABELS[c.route])}${c.milesFromHome === null ? '' : `, ${escapeHtml(formatNumber(c.milesFromHome, 1))} miles`}${c.weeklyPricePence === null ? '' : `, ${escapeHtml(formatPence(c.weeklyPricePence))} a week`}. ${escapeHtml(partsText(c))}</span>`
              : `Unplaced${r.fixed ? ' <strong class="govuk-tag govuk-tag--grey">Fixed</strong>' : ''}`,
          },
          { text: c ? formatNumber(c.score.total, 2) : '–', format: 'numeric' },
          { text: formatNumber(r.costPoints, 2), format: 'numeric' },
        ],
        bookHref: c ? childPaths.book(id, c.homeId) : null,
        caseReference: r.referral.caseReference,
      }
    }),
  }
}
