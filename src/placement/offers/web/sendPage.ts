/** The "send to chosen homes" page: feasible framework homes to tick (never "select all"), the rest with their reasons. */
import { many, one, type RawFields } from '../../../market/web/query.js'
import { formatPence } from '../../../platform/web/format.js'
import { formErrors, type FormResult } from '../../../platform/web/formErrors.js'
import { escapeHtml } from '../../../platform/web/pagination.js'
import {
  datePartsOf,
  formatDateTime,
  instantFromUk,
  isoDateFromParts,
  parseTime,
  ukWallClock,
  type DateParts,
} from '../../../tender/web/time.js'
import { REQUEST_STATUS_LABELS, type RequestStatus } from '../domain/requestStatus.js'
import type { SendFormView } from '../sendingService.js'
import { milesText, tagHtml, URGENCY_LABELS } from './labels.js'

export type SendFormValues = { homeIds: string[]; deadlineDate: DateParts; deadlineTime: string }

/** A home can be ticked only when the ranking finds it feasible and the child has no open request there. */
export const checkable = (h: SendFormView['homes'][number]) => h.feasible && h.openRequest === null

export function sendValuesOf(form: SendFormView): SendFormValues {
  return { homeIds: [], deadlineDate: datePartsOf(form.defaultDeadline), deadlineTime: ukWallClock(form.defaultDeadline).time }
}

export function sendValuesFrom(body: RawFields): SendFormValues {
  return {
    homeIds: many(body, 'homeIds'),
    deadlineDate: { day: one(body, 'deadlineDate-day'), month: one(body, 'deadlineDate-month'), year: one(body, 'deadlineDate-year') },
    deadlineTime: one(body, 'deadlineTime'),
  }
}

const homeHint = (h: SendFormView['homes'][number]) =>
  [
    h.providerName,
    `${milesText(h.milesFromHome)} from the child’s home`,
    h.weeklyPricePence === null ? 'no spot rate' : `spot rate ${formatPence(h.weeklyPricePence)} a week`,
    `Ofsted: ${h.judgement}`,
    `${h.vacantBeds} vacant ${h.vacantBeds === 1 ? 'bed' : 'beds'}`,
    ...h.warnings.map((w) => `Take care: ${w}`),
  ].join(' · ')

const listHtml = (items: string[]) =>
  items.length === 0 ? '' : `<ul class="govuk-list govuk-!-font-size-16">${items.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>`

export function sendPageView(form: SendFormView, values: SendFormValues) {
  const chosen = new Set(values.homeIds)
  const tickable = form.homes.filter(checkable)
  const others = form.homes.filter((h) => !checkable(h))
  return {
    urgency: URGENCY_LABELS[form.referral.urgency],
    defaultDeadline: formatDateTime(form.defaultDeadline),
    open: form.referral.status === 'open',
    items: tickable.map((h) => ({ value: h.homeId, text: h.name ?? h.homeId, hint: { text: homeHint(h) }, checked: chosen.has(h.homeId) })),
    others: {
      head: [{ text: 'Home' }, { text: 'Provider' }, { text: 'Distance', format: 'numeric' }, { text: 'Why it cannot be chosen' }],
      rows: others.map((h) => [
        { text: h.name ?? h.homeId },
        { text: h.providerName },
        { text: milesText(h.milesFromHome), format: 'numeric' },
        {
          html: h.openRequest
            ? `${tagHtml({ text: 'Already sent', classes: 'govuk-tag--blue' })}${listHtml([
                `${REQUEST_STATUS_LABELS[h.openRequest.status as RequestStatus] ?? h.openRequest.status}: an open request for this child`,
              ])}`
            : `${tagHtml({ text: 'Cannot take the child', classes: 'govuk-tag--red' })}${listHtml(h.reasons)}`,
        },
      ]),
    },
  }
}

export type ParsedSendForm = { homeIds: string[]; deadline: string | null }

/** The homes ticked (each one offered on the page) and the deadline as an instant: null when left blank. */
export function parseSendForm(body: RawFields, form: SendFormView): FormResult<ParsedSendForm> {
  const v = sendValuesFrom(body)
  const problems: { field: string; message: string }[] = []
  const offered = new Set(form.homes.filter(checkable).map((h) => h.homeId))
  if (v.homeIds.length === 0) problems.push({ field: 'homeIds', message: 'Select at least one home to send the referral to' })
  else if (v.homeIds.some((id) => !offered.has(id)))
    problems.push({ field: 'homeIds', message: 'Select homes from the list: only homes that can meet the child’s needs can be chosen' })
  const date = isoDateFromParts(v.deadlineDate)
  const time = v.deadlineTime === '' ? null : parseTime(v.deadlineTime)
  if (date === 'invalid') problems.push({ field: 'deadlineDate-day', message: 'The deadline must be a real date, like 7 4 2026' })
  if (v.deadlineTime !== '' && time === null) problems.push({ field: 'deadlineTime', message: 'Enter the time as 17:00 or 9:30' })
  if (date === null && time !== null) problems.push({ field: 'deadlineDate-day', message: 'Enter the date of the deadline' })
  if (problems.length) return { ok: false, errors: formErrors(problems) }
  const deadline = date === null || date === 'invalid' ? null : instantFromUk(date, time ?? '17:00')
  return { ok: true, data: { homeIds: [...new Set(v.homeIds)], deadline } }
}
