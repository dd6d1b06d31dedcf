/** Words and GOV.UK tags for spot referral pages: the text carries the meaning, the colour only helps. */
import { escapeHtml } from '../../../platform/web/pagination.js'
import type { Urgency } from '../../referrals/referralSchema.js'
import { REQUEST_STATUS_LABELS, type RequestStatus } from '../domain/requestStatus.js'

export type Tag = { text: string; classes: string }

export const URGENCY_LABELS: Record<Urgency, string> = {
  today: 'Today',
  'under-5-days': 'In under 5 days',
  'over-5-days': 'In over 5 days',
}

export const PLACEMENT_TYPE_LABELS: Record<string, string> = {
  residential: 'Residential',
  foster: 'Foster',
  'supported-accommodation': 'Supported accommodation',
}

const STATUS_CLASSES: Record<RequestStatus, string> = {
  sent: 'govuk-tag--blue',
  offered: 'govuk-tag--green',
  declined: 'govuk-tag--red',
  withdrawn: 'govuk-tag--grey',
  expired: 'govuk-tag--orange',
  accepted: 'govuk-tag--turquoise',
}

export const statusTag = (s: RequestStatus): Tag => ({ text: REQUEST_STATUS_LABELS[s], classes: STATUS_CLASSES[s] })
export const tagHtml = (t: Tag) => `<strong class="govuk-tag ${t.classes}">${escapeHtml(t.text)}</strong>`
export const linkHtml = (href: string, text: string, hidden = '') =>
  `<a class="govuk-link" href="${escapeHtml(href)}">${escapeHtml(text)}${hidden ? `<span class="govuk-visually-hidden"> ${escapeHtml(hidden)}</span>` : ''}</a>`
export const milesText = (miles: number | null) => (miles === null ? 'Unknown' : `${miles.toFixed(1)} miles`)
export const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** The three boxes of a GOV.UK date input, marked when the date is wrong. */
export function dateInputItems(p: { day: string; month: string; year: string }, errored: boolean) {
  const box = (name: 'day' | 'month' | 'year', width: number) => ({
    name,
    label: name[0]!.toUpperCase() + name.slice(1),
    classes: `govuk-input--width-${width}${errored ? ' govuk-input--error' : ''}`,
    value: p[name],
  })
  return [box('day', 2), box('month', 2), box('year', 4)]
}
