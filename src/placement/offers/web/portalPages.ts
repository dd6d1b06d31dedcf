/** The provider portal's referral pages: its requests, one request's contents and the answer forms. */
import { one, type RawFields } from '../../../market/web/query.js'
import { formatDate, formatPence, parsePounds } from '../../../platform/web/format.js'
import { formErrors, type FormResult } from '../../../platform/web/formErrors.js'
import { escapeHtml } from '../../../platform/web/pagination.js'
import { formatDateTime, isoDateFromParts, noDate, type DateParts } from '../../../tender/web/time.js'
import type { ResponseInput } from '../domain/offerSchema.js'
import { DECLINE_REASONS } from '../domain/requestStatus.js'
import { offerPaths } from '../paths.js'
import type { ProviderRequestDetail, ProviderRequestSummary } from '../portalService.js'
import { count, linkHtml, PLACEMENT_TYPE_LABELS, statusTag, tagHtml, URGENCY_LABELS } from './labels.js'

export function portalListView(list: ProviderRequestSummary[]) {
  const waiting = list.filter((r) => r.status === 'sent')
  const rest = list.filter((r) => r.status !== 'sent')
  return {
    waiting: {
      caption: count(waiting.length, 'request awaiting your answer', 'requests awaiting your answer'),
      head: [{ text: 'Reference' }, { text: 'Home' }, { text: 'Placement needed' }, { text: 'Answer by' }],
      rows: waiting.map((r) => [
        { html: linkHtml(offerPaths.portalRequest(r.id), r.reference) },
        { text: r.homeName },
        { text: URGENCY_LABELS[r.urgency] },
        { text: formatDateTime(r.deadline) },
      ]),
    },
    answered: {
      caption: count(rest.length, 'answered or closed request', 'answered or closed requests'),
      head: [{ text: 'Reference' }, { text: 'Home' }, { text: 'Sent' }, { text: 'Status' }],
      rows: rest.map((r) => [
        { html: linkHtml(offerPaths.portalRequest(r.id), r.reference) },
        { text: r.homeName },
        { text: formatDate(r.sentAt) },
        { html: tagHtml(statusTag(r.status)) },
      ]),
    },
  }
}

const listHtml = (items: string[]) =>
  items.length === 0
    ? '<p class="govuk-body">None recorded</p>'
    : `<ul class="govuk-list govuk-list--bullet">${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`
const row = (key: string, value: { text?: string; html?: string }) => ({ key: { text: key }, value })

/** The referral's contents as a summary list: only what the service gave (see providerView.ts). */
export function portalRequestView(d: ProviderRequestDetail) {
  const c = d.child
  const sexes = { male: 'Male', female: 'Female', other: 'Other' }
  return {
    tag: statusTag(d.status),
    deadline: formatDateTime(d.deadline),
    child: c && [
      row('Age', { text: `${c.age}` }),
      row('Sex', { text: sexes[c.sex] }),
      row('Legal status', { text: `${c.legalStatus.code}: ${c.legalStatus.label}` }),
      row('Placement needed', { text: URGENCY_LABELS[c.urgency] }),
      row('Placement types', { text: c.placementTypes.map((t) => PLACEMENT_TYPE_LABELS[t] ?? t).join(', ') }),
      row('Needs the home must meet', { html: listHtml(c.needs) }),
      row('Risks to the child', { html: listHtml(c.risksToChild) }),
      row('Risks to others or property', { html: listHtml(c.risksToOthers) }),
      row('Requirements', { text: c.requirements ?? 'None recorded' }),
      row('Deprivation of Liberty Order', { text: c.deprivationOfLiberty === 'yes' ? 'Yes' : 'No' }),
      row('Preferred area', { text: c.preferredArea ? `${c.preferredArea} postcode district` : 'None given' }),
    ],
    response:
      d.response &&
      (d.response.kind === 'offer'
        ? [
            row('Your answer', { text: 'Offer of a place' }),
            row('Weekly price', { text: formatPence(d.response.weeklyPricePence) }),
            row('Start date', { text: formatDate(d.response.startDate) }),
            row('Note', { text: d.response.note ?? 'None' }),
            row('Answered', { text: `${formatDateTime(d.response.at)} by ${d.response.by}` }),
          ]
        : [
            row('Your answer', { text: 'Declined' }),
            row('Reason', { text: d.response.reasonLabel }),
            row('Detail', { text: d.response.detail ?? 'None' }),
            row('Answered', { text: `${formatDateTime(d.response.at)} by ${d.response.by}` }),
          ]),
    reasons: DECLINE_REASONS.map((r) => ({ value: r.code, text: r.label })),
  }
}

export type ResponseValues = { weeklyPrice: string; startDate: DateParts; note: string; reason: string; detail: string }
export const noResponseValues = (): ResponseValues => ({ weeklyPrice: '', startDate: noDate(), note: '', reason: '', detail: '' })

export function responseValuesFrom(body: RawFields): ResponseValues {
  return {
    weeklyPrice: one(body, 'weeklyPrice'),
    startDate: { day: one(body, 'startDate-day'), month: one(body, 'startDate-month'), year: one(body, 'startDate-year') },
    note: one(body, 'note'),
    reason: one(body, 'reason'),
    detail: one(body, 'detail'),
  }
}

/** The service's field names to the page's controls. */
export const CONTROLS: Record<string, string> = {
  weeklyPricePence: 'weeklyPrice',
  startDate: 'startDate-day',
  reason: 'reason',
  detail: 'detail',
  note: 'note',
}

/** One of the two forms: an offer (pounds to pence, three date boxes) or a decline; the service checks the rest. */
export function parseResponseForm(body: RawFields): FormResult<ResponseInput> {
  const v = responseValuesFrom(body)
  if (one(body, 'kind') === 'decline') {
    if (!v.reason) return { ok: false, errors: formErrors([{ field: 'reason', message: 'Select the reason you cannot offer a place' }]) }
    return { ok: true, data: { kind: 'decline', reason: v.reason as 'other', detail: v.detail } }
  }
  const problems: { field: string; message: string }[] = []
  const pence = parsePounds(v.weeklyPrice)
  if (pence === null) problems.push({ field: 'weeklyPrice', message: 'Enter the weekly price in pounds, like 4500 or 4,500.00' })
  const date = isoDateFromParts(v.startDate)
  if (date === null) problems.push({ field: 'startDate-day', message: 'Enter the date the child could move in' })
  else if (date === 'invalid') problems.push({ field: 'startDate-day', message: 'The start date must be a real date, like 8 4 2026' })
  if (problems.length || pence === null || date === null || date === 'invalid') return { ok: false, errors: formErrors(problems) }
  return { ok: true, data: { kind: 'offer', weeklyPricePence: pence, startDate: date, note: v.note } }
}
