/**
 * View models of the due and overdue list and of a placement's visits and plan (the partial
 * placement/visits/_visits.njk reads a variable `visits` holding what visitsView returns). Pure.
 */
import { isoFromParts } from '../../../market/web/homeForm.js'
import { one, type RawFields } from '../../../market/web/query.js'
import { formatDate } from '../../../platform/web/format.js'
import { formErrors, noErrors, type FormErrors } from '../../../platform/web/formErrors.js'
import { escapeHtml } from '../../../platform/web/pagination.js'
import { childPaths } from '../../children/paths.js'
import { DUE_KIND_LABELS, DUE_SOON_DAYS, type TimerItem } from '../dueItems.js'
import type { DueListItem, StatutoryRecord } from '../timerService.js'

export type DateParts = { day: string; month: string; year: string }
const noDate = (): DateParts => ({ day: '', month: '', year: '' })

const overdueText = (i: TimerItem) => `Overdue by ${i.daysOverdue} day${i.daysOverdue === 1 ? '' : 's'}`

function itemTable(items: readonly DueListItem[], showSocialWorker: boolean) {
  const head = [
    { text: 'Child' },
    { text: 'What' },
    { text: 'Home' },
    { text: 'Due by' },
    { text: 'Status' },
    ...(showSocialWorker ? [{ text: 'Social worker' }] : []),
    { text: 'Action' },
  ]
  const rows = items.map((i) => [
    { html: `<a class="govuk-link" href="${escapeHtml(childPaths.child(i.childId))}">${escapeHtml(i.caseReference)}</a>` },
    { text: DUE_KIND_LABELS[i.kind] },
    { text: i.homeName },
    { text: formatDate(i.dueOn) },
    {
      html: i.overdue
        ? `<strong class="govuk-tag govuk-tag--red">${escapeHtml(overdueText(i))}</strong>`
        : `<strong class="govuk-tag govuk-tag--yellow">Due soon</strong>`,
    },
    ...(showSocialWorker ? [{ text: i.socialWorker ?? 'Not allocated' }] : []),
    {
      html: `<a class="govuk-link" href="${escapeHtml(childPaths.visits(i.placementId))}">${
        i.kind === 'visit' ? 'Record a visit' : 'Record the plan'
      }<span class="govuk-visually-hidden"> for ${escapeHtml(i.caseReference)}</span></a>`,
    },
  ])
  return { head, rows }
}

export function dueListView(items: readonly DueListItem[], opts: { showSocialWorker: boolean }) {
  const overdue = items.filter((i) => i.overdue)
  const soon = items.filter((i) => !i.overdue)
  return {
    overdue: { caption: `Overdue (${overdue.length})`, ...itemTable(overdue, opts.showSocialWorker) },
    soon: { caption: `Due in the next ${DUE_SOON_DAYS} days (${soon.length})`, ...itemTable(soon, opts.showSocialWorker) },
    total: items.length,
  }
}

/** The date boxes of a submitted form: an ISO date (or the text 'incomplete', which the service refuses by name). */
export function dateFrom(body: RawFields, name: string): { parts: DateParts; iso: string } {
  const parts = { day: one(body, `${name}-day`), month: one(body, `${name}-month`), year: one(body, `${name}-year`) }
  return { parts, iso: isoFromParts(parts) ?? '' }
}

/** A service error on the date, linked to its first box. */
export function dateErrors(field: 'visitedOn' | 'preparedOn', message: string): FormErrors {
  const e = formErrors([{ field, message }])
  return { byField: e.byField, list: e.list.map((x) => ({ ...x, href: `#${field}-day` })) }
}

export function visitsView(r: StatutoryRecord, opts: { errors?: FormErrors; visitedOn?: DateParts; preparedOn?: DateParts } = {}) {
  const errors = opts.errors ?? noErrors()
  const dateItems = (field: 'visitedOn' | 'preparedOn', p: DateParts) => {
    const err = errors.byField[field] ? ' govuk-input--error' : ''
    return [
      { name: 'day', label: 'Day', classes: `govuk-input--width-2${err}`, value: p.day },
      { name: 'month', label: 'Month', classes: `govuk-input--width-2${err}`, value: p.month },
      { name: 'year', label: 'Year', classes: `govuk-input--width-4${err}`, value: p.year },
    ]
  }
  const visit = r.items.find((i) => i.kind === 'visit')
  const plan = r.items.find((i) => i.kind === 'placement-plan')
  const summary = [
    {
      key: { text: 'Placement plan' },
      value: {
        text: r.planPreparedOn
          ? `Prepared on ${formatDate(r.planPreparedOn)}`
          : `Not recorded: due by ${formatDate(r.planDue)}${plan?.overdue ? ` (${overdueText(plan).toLowerCase()})` : ''}`,
      },
    },
    {
      key: { text: 'Next social worker visit' },
      value: {
        text: visit
          ? `Due by ${formatDate(visit.dueOn)}${visit.overdue ? ` (${overdueText(visit).toLowerCase()})` : ''}`
          : 'None due: the placement has ended',
      },
    },
  ]
  return {
    placementId: r.placementId,
    caseReference: r.caseReference,
    homeName: r.homeName,
    summary,
    visits: {
      head: [{ text: 'Visited on' }, { text: 'Recorded by' }],
      rows: r.visits.map((v) => [{ text: formatDate(v.visitedOn) }, { text: v.by ?? 'Unknown' }]),
    },
    canRecord: r.canRecord && r.endDate === null,
    visitAction: childPaths.visits(r.placementId),
    planAction: childPaths.plan(r.placementId),
    visitDateItems: dateItems('visitedOn', opts.visitedOn ?? noDate()),
    planDateItems: dateItems('preparedOn', opts.preparedOn ?? noDate()),
    planRecorded: r.planPreparedOn !== null,
    errors,
  }
}
export type VisitsView = ReturnType<typeof visitsView>
