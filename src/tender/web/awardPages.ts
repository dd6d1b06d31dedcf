/** Results, the proposed award and its alternatives, the decision, standstill and notices. */
import { formatDate, formatNumber, formatPence } from '../../platform/web/format.js'
import { formErrors, type FormResult } from '../../platform/web/formErrors.js'
import { escapeHtml } from '../../platform/web/pagination.js'
import { one, type RawFields } from '../../market/web/query.js'
import type { AwardOutcome, BidResult, DecisionInput, Notice, Standstill, TenderDetail } from '../tenderApi.js'
import { paragraphsHtml } from './status.js'
import { isoDateFromParts, type DateParts } from './time.js'

const points = (n: number) => formatNumber(n, 2)
const flag = (text: string, classes: string) => `<strong class="govuk-tag ${classes}">${escapeHtml(text)}</strong>`

/** Ranked bids first (by rank), then the excluded ones, highest total first. */
export function sortResults(results: BidResult[]): BidResult[] {
  return [...results].sort(
    (a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.totalScore - a.totalScore || a.providerName.localeCompare(b.providerName),
  )
}

export function resultsTable(results: BidResult[], t: Pick<TenderDetail, 'qualityPercent' | 'pricePercent'>) {
  return {
    head: [
      { text: 'Rank', format: 'numeric' },
      { text: 'Provider' },
      { text: 'Beds', format: 'numeric' },
      { text: 'Price per bed per week', format: 'numeric' },
      { text: 'Weekly cost', format: 'numeric' },
      { text: 'Whole-life cost', format: 'numeric' },
      { text: `Quality (out of ${t.qualityPercent})`, format: 'numeric' },
      { text: `Price (out of ${t.pricePercent})`, format: 'numeric' },
      { text: 'Total (out of 100)', format: 'numeric' },
      { text: 'Flags' },
    ],
    rows: sortResults(results).map((r) => {
      const flags: string[] = []
      if (r.excluded)
        flags.push(
          `${flag('Excluded', 'govuk-tag--red')}<ul class="govuk-list govuk-!-font-size-16">${r.exclusionReasons.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul>`,
        )
      if (r.abnormallyLow)
        flags.push(
          `${flag('Abnormally low', 'govuk-tag--yellow')}${r.abnormallyLowReason ? `<p class="govuk-body-s">${escapeHtml(r.abnormallyLowReason)}</p>` : ''}`,
        )
      return [
        { text: r.rank === null ? '–' : String(r.rank), format: 'numeric' },
        { text: r.providerName },
        { text: String(r.beds), format: 'numeric' },
        { text: formatPence(r.pricePencePerBedWeek), format: 'numeric' },
        { text: formatPence(r.weeklyCostPence), format: 'numeric' },
        { text: formatPence(r.wholeLifePence, { whole: true }), format: 'numeric' },
        { text: points(r.qualityPoints), format: 'numeric' },
        { text: points(r.pricePoints), format: 'numeric' },
        { text: points(r.totalScore), format: 'numeric' },
        { html: flags.length ? flags.join('') : 'None' },
      ]
    }),
  }
}

const names = (ids: string[], results: BidResult[]) => ids.map((id) => results.find((r) => r.bidId === id)?.providerName ?? id)
const ruleText = (rule: AwardOutcome['rule']) => (rule === 'optimal' ? 'Best combination' : 'By rank')

/** The proposed award: the chosen bids with their beds and cost, and why each next-best combination lost. */
export function awardView(award: AwardOutcome, results: BidResult[]) {
  const chosen = award.chosenBidIds.map((id) => results.find((r) => r.bidId === id)).filter((r): r is BidResult => Boolean(r))
  return {
    summary: [
      { key: { text: 'Rule' }, value: { text: ruleText(award.rule) } },
      {
        key: { text: 'Providers chosen' },
        value: {
          html: `<ul class="govuk-list">${names(award.chosenBidIds, results)
            .map((n) => `<li>${escapeHtml(n)}</li>`)
            .join('')}</ul>`,
        },
      },
      { key: { text: 'Total beds' }, value: { text: String(award.beds) } },
      { key: { text: 'Weekly cost' }, value: { text: formatPence(award.weeklyCostPence) } },
      { key: { text: 'Value score' }, value: { text: points(award.objective) } },
    ],
    chosen: {
      head: [
        { text: 'Provider' },
        { text: 'Beds', format: 'numeric' },
        { text: 'Price per bed per week', format: 'numeric' },
        { text: 'Weekly cost', format: 'numeric' },
        { text: 'Total score', format: 'numeric' },
      ],
      rows: chosen.map((r) => [
        { text: r.providerName },
        { text: String(r.beds), format: 'numeric' },
        { text: formatPence(r.pricePencePerBedWeek), format: 'numeric' },
        { text: formatPence(r.weeklyCostPence), format: 'numeric' },
        { text: points(r.totalScore), format: 'numeric' },
      ]),
    },
    alternatives: {
      head: [
        { text: 'Providers' },
        { text: 'Beds', format: 'numeric' },
        { text: 'Weekly cost', format: 'numeric' },
        { text: 'Value score', format: 'numeric' },
        { text: 'Why not chosen' },
      ],
      rows: award.alternatives.map((a) => [
        { text: names(a.bidIds, results).join(' and ') },
        { text: String(a.beds), format: 'numeric' },
        { text: formatPence(a.weeklyCostPence), format: 'numeric' },
        { text: points(a.objective), format: 'numeric' },
        { text: a.whyNotChosen },
      ]),
    },
  }
}

export type DecisionFormValues = { decisionMaker: string; consulted: string; decidedOn: DateParts; rationale: string }

export const emptyDecision = (): DecisionFormValues => ({
  decisionMaker: '',
  consulted: '',
  decidedOn: { day: '', month: '', year: '' },
  rationale: '',
})

export function decisionValuesFrom(body: RawFields): DecisionFormValues {
  return {
    decisionMaker: one(body, 'decisionMaker'),
    consulted: typeof body.consulted === 'string' ? body.consulted : one(body, 'consulted'),
    decidedOn: { day: one(body, 'decidedOn-day'), month: one(body, 'decidedOn-month'), year: one(body, 'decidedOn-year') },
    rationale: one(body, 'rationale'),
  }
}

/** The delegated decision: who decided, whom they consulted (one per line), when, and why. */
export function parseDecisionForm(body: RawFields): FormResult<DecisionInput> {
  const v = decisionValuesFrom(body)
  const problems: { field: string; message: string }[] = []
  if (!v.decisionMaker)
    problems.push({ field: 'decisionMaker', message: 'Enter who made the decision, like Director of Integration and Quality' })
  const consulted = v.consulted
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean)
  const decidedOn = isoDateFromParts(v.decidedOn)
  if (decidedOn === null) problems.push({ field: 'decidedOn-day', message: 'Enter the date the decision was made' })
  else if (decidedOn === 'invalid')
    problems.push({ field: 'decidedOn-day', message: 'The date of the decision must be a real date, like 19 11 2026' })
  if (!v.rationale) problems.push({ field: 'rationale', message: 'Enter the reasons for the decision' })
  if (problems.length) return { ok: false, errors: formErrors(problems) }
  return { ok: true, data: { decisionMaker: v.decisionMaker, consulted, decidedOn: decidedOn!, rationale: v.rationale } }
}

export function decisionDateItems(p: DateParts, errored: boolean) {
  const err = errored ? ' govuk-input--error' : ''
  return [
    { name: 'day', label: 'Day', classes: `govuk-input--width-2${err}`, value: p.day },
    { name: 'month', label: 'Month', classes: `govuk-input--width-2${err}`, value: p.month },
    { name: 'year', label: 'Year', classes: `govuk-input--width-4${err}`, value: p.year },
  ]
}

function standstillKindText(s: Standstill): string {
  // Matched by prefix: the PCR 2015 kind's name has carried its length, which an officer may set.
  const kind = String(s.kind)
  if (kind === 'none') return 'None'
  if (kind.startsWith('PA2023')) return `${s.days} working days (Procurement Act 2023)`
  return `${s.days} calendar days, voluntary (a call-off under the Public Contracts Regulations 2015)`
}

/** Standstill's dates, and whether contracts can be made yet (`today` is the UK date now). */
export function standstillView(s: Standstill, today: string) {
  const over = today >= s.earliestContractDate
  return {
    over,
    challenged: s.challenged,
    summary: [
      { key: { text: 'Standstill' }, value: { text: standstillKindText(s) } },
      ...(s.kind === 'none'
        ? []
        : [
            { key: { text: 'Starts' }, value: { text: formatDate(s.startsOn) } },
            { key: { text: 'Last day' }, value: { text: formatDate(s.endsOn) } },
          ]),
      { key: { text: 'Contracts can be made from' }, value: { text: formatDate(s.earliestContractDate) } },
      {
        key: { text: 'Challenge' },
        value: { html: s.challenged ? flag('Challenged', 'govuk-tag--red') : flag('None recorded', 'govuk-tag--grey') },
      },
    ],
    status: s.challenged
      ? 'A challenge has been recorded: no contract can be made until it is resolved.'
      : over
        ? 'Standstill has ended without a challenge: the contracts can be made.'
        : `Standstill is running. The contracts can be made from ${formatDate(s.earliestContractDate)} if there is no challenge.`,
  }
}

const NOTICE_KIND: Record<Notice['kind'], string> = { 'assessment-summary': 'Assessment summary', 'award-notice': 'Award notice' }

/** Each notice readable on the page: the award notice first, then the assessment summaries by provider. */
export function noticesView(list: Notice[]) {
  const sorted = [...list].sort((a, b) =>
    a.kind === b.kind ? (a.providerName ?? '').localeCompare(b.providerName ?? '') : a.kind === 'award-notice' ? -1 : 1,
  )
  return sorted.map((n, i) => ({
    id: `notice-${i + 1}`,
    title: n.title,
    kind: NOTICE_KIND[n.kind] ?? n.kind,
    providerName: n.providerName,
    createdAt: formatDate(n.createdAt),
    bodyHtml: paragraphsHtml(n.body),
  }))
}
