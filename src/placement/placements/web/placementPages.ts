/** A placement's page, its ending form, the placements team's list and a provider's placements, as views. */
import { needLabel } from '../../../market/domain/needs.js'
import { one, type RawFields } from '../../../market/web/query.js'
import { formatDate, formatPence } from '../../../platform/web/format.js'
import { escapeHtml } from '../../../platform/web/pagination.js'
import { formErrors, type FormResult } from '../../../platform/web/formErrors.js'
import { formatDateTime } from '../../../tender/web/time.js'
import { cascadePaths } from '../../cascade/paths.js'
import { dateFrom, dateItems, datePartsFrom, routeTag, type DateParts } from '../../cascade/web/common.js'
import { riskFlagLabel } from '../../domain/riskFlags.js'
import type { TimerItem } from '../../timers/dueItems.js'
import { MOVES_TO_ANOTHER_PLACEMENT, REASONS_EPISODE_CEASED, REASONS_PLACE_CHANGE, REC_CODES, REASON_PLACE_CHANGE_CODES } from '../codes.js'
import type { Ending } from '../placementSchema.js'
import type { PlacementDetail, PlacementListItem, ProviderPlacementItem } from '../placementViews.js'

const link = (href: string, text: string, hidden = '') =>
  `<a class="govuk-link" href="${escapeHtml(href)}">${escapeHtml(text)}${hidden ? `<span class="govuk-visually-hidden"> ${escapeHtml(hidden)}</span>` : ''}</a>`
const row = (key: string, value: { text: string } | { html: string }) => ({ key: { text: key }, value })
const tagHtml = (text: string, classes: string) => `<strong class="govuk-tag ${classes}">${escapeHtml(text)}</strong>`

/** "Due by 8 April 2026", with an overdue tag in words, not colour alone. */
export function dueText(item: TimerItem): string {
  const when = `Due by ${formatDate(item.dueOn)}`
  return item.overdue
    ? `${tagHtml('Overdue', 'govuk-tag--red')} ${escapeHtml(when)} (${item.daysOverdue} ${item.daysOverdue === 1 ? 'day' : 'days'} late)`
    : escapeHtml(when)
}

const dueOf = (items: TimerItem[], kind: TimerItem['kind']) => items.find((i) => i.kind === kind)

export const recLabel = (code: string | null) =>
  code ? `${code}: ${REASONS_EPISODE_CEASED[code as keyof typeof REASONS_EPISODE_CEASED] ?? ''}` : ''
export const rpcLabel = (code: string | null) =>
  code ? `${code}: ${REASONS_PLACE_CHANGE[code as keyof typeof REASONS_PLACE_CHANGE] ?? ''}` : ''

export function childFacts(c: PlacementDetail['child']) {
  return [
    row('Age', { text: String(c.age) }),
    row('Sex', { text: c.sex }),
    row('Needs', { text: c.needs.length ? c.needs.map(needLabel).join(', ') : 'None recorded' }),
    row('Risks', { text: c.risks.length ? c.risks.map(riskFlagLabel).join(', ') : 'No known risk' }),
    row('Can be cared for alongside', { text: c.caredForAlongside }),
  ]
}

export function impactText(p: Pick<PlacementDetail, 'impactAssessment' | 'impactAssessedAt' | 'impactAssessedBy'>) {
  return p.impactAssessment === null
    ? { html: tagHtml('Not recorded yet', 'govuk-tag--yellow') }
    : { text: `Recorded by ${p.impactAssessedBy} on ${formatDateTime(p.impactAssessedAt)}` }
}

export function placementPageView(p: PlacementDetail) {
  const plan = dueOf(p.due, 'placement-plan')
  const visit = dueOf(p.due, 'visit')
  const ended = p.endDate !== null
  return {
    caption: `Child ${p.child.caseReference}`,
    title: `Placement at ${p.homeName}`,
    tag: ended ? { text: `Ended ${formatDate(p.endDate)}`, classes: 'govuk-tag--grey' } : { text: 'Open', classes: 'govuk-tag--green' },
    facts: [
      row('Child', { html: link(cascadePaths.child(p.childId), p.child.caseReference) }),
      row('Home', { html: `${link(cascadePaths.home(p.homeId), p.homeName)} (${escapeHtml(p.urn)}), ${escapeHtml(p.providerName)}` }),
      row('Bed', { text: p.bedLabel }),
      row('Route', { html: tagHtml(routeTag(p.route).text, routeTag(p.route).classes) }),
      row(
        'Contract',
        p.contractId
          ? { html: link(cascadePaths.contract(p.contractId), p.contractReference ?? 'Contract') }
          : { text: 'None (spot purchase)' },
      ),
      row('Weekly price', { text: formatPence(p.weeklyPricePence) }),
      row('Start', { text: formatDate(p.startDate) }),
      row('Planned end', { text: p.plannedEndDate ? formatDate(p.plannedEndDate) : 'Not set' }),
      row('Referral', { html: link(cascadePaths.referral(p.referralId), 'The referral and its timeline') }),
    ],
    timers: [
      row(
        'Placement plan',
        p.planPreparedOn
          ? { text: `Prepared on ${formatDate(p.planPreparedOn)}` }
          : plan
            ? { html: dueText(plan) }
            : { text: `Was due by ${formatDate(p.planDue)}` },
      ),
      row('Next social worker visit', visit ? { html: dueText(visit) } : { text: ended ? 'None: the placement has ended' : 'None due' }),
      row('Last visit', { text: p.lastVisit ? formatDate(p.lastVisit) : 'None yet' }),
    ],
    impact: { summary: [row('Impact risk assessment', impactText(p))], text: p.impactAssessment },
    ending: ended
      ? [
          row('Ended', { text: formatDate(p.endDate) }),
          row('Planned or unplanned', { text: p.endedPlanned === 'planned' ? 'Planned' : 'Unplanned' }),
          row('Reason episode ceased (REC)', { text: recLabel(p.endReason) }),
          row('Reason for the change of placement', { text: p.reasonPlaceChange ? rpcLabel(p.reasonPlaceChange) : 'Not applicable' }),
        ]
      : null,
    endHref: p.canEnd ? cascadePaths.endPlacement(p.id) : null,
  }
}

// ——— Ending ———

export type EndingValues = { endDate: DateParts; planned: string; reasonEpisodeCeased: string; reasonPlaceChange: string }
export const newEndingValues = (today: string): EndingValues => {
  const [y, m, d] = today.split('-')
  return {
    endDate: { day: String(Number(d)), month: String(Number(m)), year: y! },
    planned: '',
    reasonEpisodeCeased: '',
    reasonPlaceChange: '',
  }
}
export const endingValuesFrom = (body: RawFields): EndingValues => ({
  endDate: datePartsFrom(body, 'endDate'),
  planned: one(body, 'planned'),
  reasonEpisodeCeased: one(body, 'reasonEpisodeCeased'),
  reasonPlaceChange: one(body, 'reasonPlaceChange'),
})

export function parseEndingForm(body: RawFields): FormResult<Ending> {
  const endDate = dateFrom(body, 'endDate')
  if (endDate === null) return { ok: false, errors: formErrors([{ field: 'endDate-day', message: 'Enter the end date' }]) }
  return {
    ok: true,
    data: {
      endDate,
      planned: one(body, 'planned') as Ending['planned'],
      reasonEpisodeCeased: one(body, 'reasonEpisodeCeased') as Ending['reasonEpisodeCeased'],
      reasonPlaceChange: (one(body, 'reasonPlaceChange') || null) as Ending['reasonPlaceChange'],
    },
  }
}

export function endingChoices(v: EndingValues, errored: boolean) {
  return {
    endDate: dateItems(v.endDate, errored),
    planned: [
      { value: 'planned', text: 'Planned', hint: { text: 'As the care plan intended' }, checked: v.planned === 'planned' },
      {
        value: 'unplanned',
        text: 'Unplanned',
        hint: { text: 'Earlier or otherwise than the care plan intended' },
        checked: v.planned === 'unplanned',
      },
    ],
    rec: [
      { value: '', text: 'Select a reason' },
      ...REC_CODES.map((c) => ({ value: c, text: recLabel(c), selected: v.reasonEpisodeCeased === c })),
    ],
    rpc: [
      { value: '', text: 'Not applicable' },
      ...REASON_PLACE_CHANGE_CODES.map((c) => ({ value: c, text: rpcLabel(c), selected: v.reasonPlaceChange === c })),
    ],
    movesCode: MOVES_TO_ANOTHER_PLACEMENT,
  }
}

// ——— Lists ———

export function placementsListView(items: PlacementListItem[]) {
  return {
    head: [
      { text: 'Child' },
      { text: 'Home' },
      { text: 'Route' },
      { text: 'Start' },
      { text: 'Placement plan' },
      { text: 'Next visit' },
      { text: 'Impact risk assessment' },
    ],
    rows: items.map((i) => {
      const plan = dueOf(i.due, 'placement-plan')
      const visit = dueOf(i.due, 'visit')
      return [
        { html: link(cascadePaths.placement(i.id), i.caseReference) },
        { text: i.homeName },
        { html: tagHtml(routeTag(i.route).text, routeTag(i.route).classes) },
        { text: formatDate(i.startDate) },
        { html: plan ? dueText(plan) : 'Prepared' },
        { html: visit ? dueText(visit) : 'None due' },
        { html: i.impactAssessed ? 'Recorded' : tagHtml('Not recorded yet', 'govuk-tag--yellow') },
      ]
    }),
  }
}

export function providerPlacementsView(items: ProviderPlacementItem[]) {
  return {
    head: [{ text: 'Child' }, { text: 'Home' }, { text: 'Bed' }, { text: 'Start' }, { text: 'Impact risk assessment' }],
    rows: items.map((i) => [
      { text: i.caseReference },
      { text: i.homeName },
      { text: i.bedLabel },
      { text: formatDate(i.startDate) },
      {
        html: i.impactAssessed
          ? `Recorded. ${link(cascadePaths.portalImpact(i.id), 'View or change it', `for ${i.caseReference}`)}`
          : `${tagHtml('Not recorded yet', 'govuk-tag--yellow')} ${link(cascadePaths.portalImpact(i.id), 'Record it', `for ${i.caseReference}`)}`,
      },
    ]),
  }
}
