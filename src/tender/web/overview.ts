/** A mini-competition's overview: its stages as a GOV.UK task list, its key facts and its timeline. */
import { formatDate } from '../../platform/web/format.js'
import { escapeHtml } from '../../platform/web/pagination.js'
import { legalRegimeLabel, lotTitle } from '../../market/domain/lots.js'
import { needLabel } from '../../market/domain/needs.js'
import { tenderPaths } from '../paths.js'
import type { TenderDetail, TenderStatus } from '../tenderApi.js'
import { budgetText } from './requirementForm.js'
import { STATUS_ORDER, paragraphsHtml, tagHtml, tenderStatusTag } from './status.js'
import { formatDateTime } from './time.js'

type Row = { key: { text: string }; value: { text?: string; html?: string } }
const row = (key: string, value: { text?: string; html?: string }): Row => ({ key: { text: key }, value })
const listHtml = (items: string[], none: string) =>
  items.length === 0
    ? `<span class="govuk-hint govuk-!-margin-0">${escapeHtml(none)}</span>`
    : `<ul class="govuk-list">${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`

export const rangeText = (min: number, max: number, unit: string) => (min === max ? `${min} ${unit}` : `${min} to ${max} ${unit}`)
const years = (n: number) => `${n} ${n === 1 ? 'year' : 'years'}`

export function termText(t: Pick<TenderDetail, 'termYears' | 'extensionYears'>): string {
  return t.extensionYears > 0 ? `${years(t.termYears)}, with an optional ${t.extensionYears}-year extension` : years(t.termYears)
}

export function awardRuleText(t: Pick<TenderDetail, 'awardRule' | 'maxProviders' | 'fillToMax'>): string {
  const providers = `up to ${t.maxProviders} ${t.maxProviders === 1 ? 'provider' : 'providers'}`
  if (t.awardRule === 'optimal') return `The best combination of bids from ${providers}`
  return `By rank, ${providers}, ${t.fillToMax ? 'adding bids until the most beds' : 'until the fewest beds are met'}`
}

export const priceMethodText = (m: TenderDetail['priceMethod']) => (m === 'whole-life' ? 'whole-life cost' : 'price per bed per week')

/** The requirement as a summary list. Providers see what they bid against; officers also see the internal rules. */
export function requirementFacts(t: TenderDetail, audience: 'council' | 'provider'): Row[] {
  const rows: Row[] = [
    row('Reference', { text: t.reference }),
    row('Status', { html: tagHtml(tenderStatusTag(t.status)) }),
    row('Framework', { text: t.frameworkName }),
    row('Legal regime', { text: legalRegimeLabel(t.legalRegime) }),
    row('Lots', { html: listHtml(t.lots.map(lotTitle), 'None') }),
    row('Beds', { text: rangeText(t.bedsMin, t.bedsMax, 'beds') }),
    row('Area', { text: `Homes within ${t.areaMiles} miles of ${t.areaPostcode}` }),
    row('Needs to be met', { html: listHtml(t.needs.map(needLabel), 'None specified') }),
    row('Ages', { text: rangeText(t.ageMin, t.ageMax, 'years old') }),
    row('Contract starts', { text: formatDate(t.startDate) }),
    row('Term', { text: termText(t) }),
    row('Price weighting', { text: `${t.pricePercent}%, by ${priceMethodText(t.priceMethod)}` }),
    row('Quality weighting', { text: `${t.qualityPercent}%` }),
    row('How bids are chosen', { text: awardRuleText(t) }),
    row('Clarification deadline', { text: formatDateTime(t.clarificationDeadline) }),
    row('Bid deadline', { text: formatDateTime(t.submissionDeadline) }),
  ]
  if (audience === 'council') {
    rows.push(
      row('Budget', { text: budgetText(t.budgetPencePerWeek) }),
      row('Ofsted judgements that fail the gateway', { html: listHtml(t.excludedJudgements, 'None') }),
      row('Abnormally low', {
        text: `Below ${t.abnormallyLowPercent}% of ${t.abnormallyLowBasis === 'framework-spot-rate' ? 'the provider’s framework spot rate' : 'the median price of the bids'}`,
      }),
      row('Evaluation ends', { text: formatDate(t.evaluationEndDate) }),
      row('Open Contracting ID (OCID)', { text: t.ocid }),
    )
  }
  return rows
}

/** The questions and their weightings, as a table. */
export function questionTable(t: Pick<TenderDetail, 'questions'>) {
  return {
    head: [{ text: 'Question' }, { text: 'Kind' }, { text: 'Weighting', format: 'numeric' }, { text: 'Minimum score', format: 'numeric' }],
    rows: t.questions.map((q) => [
      { text: `${q.number}. ${q.title}` },
      { text: q.kind === 'social-value' ? 'Social value' : 'Quality' },
      { text: `${q.weight}%`, format: 'numeric' },
      { text: q.minimumScore === 0 ? 'None' : `${q.minimumScore} of 5`, format: 'numeric' },
    ]),
  }
}

type TaskStatus = { text?: string; classes?: string; tag?: { text: string; classes: string } }
const completed: TaskStatus = { text: 'Completed' }
const cannotStart: TaskStatus = { text: 'Cannot start yet', classes: 'govuk-task-list__status--cannot-start-yet' }
const inProgress: TaskStatus = { tag: { text: 'In progress', classes: 'govuk-tag--light-blue' } }
const notStarted: TaskStatus = { tag: { text: 'Not yet started', classes: 'govuk-tag--blue' } }

/**
 * The stages in order. Each is done once the status has moved past it, current while the status
 * is its own, and cannot start before; a cancelled competition has nothing left to start.
 */
export function stageTasks(t: Pick<TenderDetail, 'id' | 'status' | 'invitedCount' | 'bidCount' | 'events'>) {
  const at = STATUS_ORDER.indexOf(t.status)
  const cancelled = t.status === 'cancelled'
  const openedOnce = t.events.some((e) => /opened/i.test(e.what))
  type Stage = {
    title: string
    hint?: string
    href: string
    from: TenderStatus
    doneAt: TenderStatus
    started?: boolean
    linkUntil?: TenderStatus
  }
  const stages: Stage[] = [
    // The requirement can be amended while bids are open, not after.
    { title: 'Write the requirement', href: tenderPaths.edit(t.id), from: 'draft', doneAt: 'open', started: true, linkUntil: 'closed' },
    {
      title: 'Check eligibility and invite providers',
      hint: t.invitedCount ? `${t.invitedCount} invited` : undefined,
      href: tenderPaths.invite(t.id),
      from: 'draft',
      doneAt: 'open',
    },
    { title: 'Answer clarification questions', href: tenderPaths.clarifications(t.id), from: 'open', doneAt: 'closed', started: true },
    {
      title: 'Receive sealed bids',
      hint: `${t.bidCount} submitted`,
      href: tenderPaths.bids(t.id),
      from: 'open',
      doneAt: 'closed',
      started: true,
    },
    { title: 'Open the bids (two officers)', href: tenderPaths.open(t.id), from: 'closed', doneAt: 'opened', started: openedOnce },
    { title: 'Score the bids', href: tenderPaths.evaluate(t.id), from: 'opened', doneAt: 'moderated', started: true },
    { title: 'Moderate the scores', href: tenderPaths.moderate(t.id), from: 'opened', doneAt: 'moderated' },
    { title: 'Review the results and propose the award', href: tenderPaths.award(t.id), from: 'moderated', doneAt: 'award-proposed' },
    { title: 'Record the decision', href: tenderPaths.decision(t.id), from: 'award-proposed', doneAt: 'standstill' },
    { title: 'Standstill and contracts', href: tenderPaths.standstill(t.id), from: 'standstill', doneAt: 'concluded', started: true },
  ]
  return stages.map((s) => {
    const from = STATUS_ORDER.indexOf(s.from)
    const done = !cancelled && at >= STATUS_ORDER.indexOf(s.doneAt)
    const available = !cancelled && at >= from
    const status = done ? completed : !available ? cannotStart : s.started ? inProgress : notStarted
    const linked = (available || done) && (!s.linkUntil || at < STATUS_ORDER.indexOf(s.linkUntil))
    return {
      title: { text: s.title },
      ...(linked ? { href: s.href } : {}),
      ...(s.hint && (available || done) ? { hint: { text: s.hint } } : {}),
      status,
    }
  })
}

/** Who did what, when: the audit of the competition as a table. */
export function timelineTable(t: Pick<TenderDetail, 'events'>) {
  return {
    head: [{ text: 'When' }, { text: 'What happened' }, { text: 'By' }],
    rows: t.events.map((e) => [{ text: formatDateTime(e.at) }, { text: e.what }, { text: e.by }]),
  }
}

export function tenderOverviewView(t: TenderDetail, canEdit: boolean) {
  const after = (s: TenderStatus) => STATUS_ORDER.indexOf(t.status) >= STATUS_ORDER.indexOf(s)
  return {
    title: t.title,
    caption: t.reference,
    tag: tenderStatusTag(t.status),
    cancelled: t.status === 'cancelled',
    tasks: stageTasks(t),
    facts: requirementFacts(t, 'council'),
    descriptionHtml: paragraphsHtml(t.description),
    questions: questionTable(t),
    timeline: timelineTable(t),
    links: [
      ...(after('moderated') ? [{ href: tenderPaths.results(t.id), text: 'Results' }] : []),
      ...(after('standstill') ? [{ href: tenderPaths.notices(t.id), text: 'Notices' }] : []),
    ],
    cancelHref: canEdit && !['concluded', 'cancelled'].includes(t.status) ? tenderPaths.cancel(t.id) : null,
  }
}
