/** View models for the returns pages: pure, so they are tested without rendering. */
import type { Rag, Scorecard } from '../../api.js'
import { formatDate } from '../../../platform/web/format.js'
import { formatDateTime } from '../../../tender/web/time.js'
import { FIGURE_LABELS, type ReturnFigures } from '../domain/figures.js'
import { DIRECTION_LABELS, formatMeasure } from '../domain/measures.js'
import { monthName, type ReturnStatus } from '../domain/months.js'
import { judgementText } from '../domain/ofsted.js'
import { RAG_LABELS, summarise } from '../domain/rag.js'
import type { OfstedAlert, ReturnDocument, ReturnMonth, ReturnsContract, ReturnVersion } from '../returnsApi.js'
import type { FormErrors } from '../../../platform/web/formErrors.js'

type Cell = { text?: string; html?: string; format?: 'numeric'; classes?: string; attributes?: Record<string, string> }
type Tag = { text: string; classes: string }

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
const tagHtml = (t: Tag) => `<strong class="govuk-tag ${t.classes}">${escape(t.text)}</strong>`
const link = (href: string, text: string, hidden = '') =>
  `<a class="govuk-link" href="${escape(href)}">${escape(text)}${hidden ? `<span class="govuk-visually-hidden"> ${escape(hidden)}</span>` : ''}</a>`

export function statusTag(status: ReturnStatus, dueDate: string): Tag {
  if (status === 'submitted') return { text: 'Submitted', classes: 'govuk-tag--green' }
  if (status === 'late') return { text: 'Submitted late', classes: 'govuk-tag--yellow' }
  if (status === 'missing') return { text: 'Missing', classes: 'govuk-tag--red' }
  return { text: `Due by ${formatDate(dueDate)}`, classes: 'govuk-tag--grey' }
}

const RAG_CLASSES: Record<Rag, string> = {
  green: 'govuk-tag--green',
  amber: 'govuk-tag--yellow',
  red: 'govuk-tag--red',
  none: 'govuk-tag--grey',
}
export const ragTag = (rag: Rag): Tag => ({ text: RAG_LABELS[rag], classes: RAG_CLASSES[rag] })

export const targetText = (row: { direction: 'at-most' | 'at-least'; target: number; measure: string }) =>
  `${DIRECTION_LABELS[row.direction]} ${formatMeasure(row.measure, row.target)}`

/** The months owed, newest first, each linked to its page. */
export function monthsTable(months: readonly ReturnMonth[], hrefOf: (month: string) => string, opts: { forProvider: boolean }) {
  return {
    head: [
      { text: 'Month' },
      { text: 'Status' },
      { text: 'Sent' },
      { text: 'Versions', format: 'numeric' },
      { text: 'Documents', format: 'numeric' },
      { html: '<span class="govuk-visually-hidden">Action</span>' },
    ],
    rows: [...months].reverse().map((m): Cell[] => {
      const action = opts.forProvider ? (m.current ? 'View or correct' : 'Send return') : 'View'
      return [
        { text: monthName(m.month) },
        { html: tagHtml(statusTag(m.status, m.dueDate)) },
        { text: m.firstSubmittedAt ? formatDateTime(m.firstSubmittedAt) : 'Not sent' },
        { text: String(m.versions), format: 'numeric' },
        { text: String(m.documents), format: 'numeric' },
        { html: link(hrefOf(m.month), action, `for ${monthName(m.month)}`) },
      ]
    }),
  }
}

/** The provider's contracts with how many months' returns are sent, missing and still due. */
export function contractsTable(
  list: readonly { contract: ReturnsContract; months: readonly ReturnMonth[] }[],
  hrefOf: (id: string) => string,
) {
  return {
    head: [
      { text: 'Contract' },
      { text: 'Term' },
      { text: 'Returns sent', format: 'numeric' },
      { text: 'Missing', format: 'numeric' },
      { text: 'Due', format: 'numeric' },
    ],
    rows: list.map(({ contract, months }): Cell[] => {
      const counts = countByStatus(months)
      return [
        { html: link(hrefOf(contract.id), contract.reference) },
        { text: `${formatDate(contract.startDate)} to ${formatDate(contract.endDate)}` },
        { text: String(counts.submitted + counts.late), format: 'numeric' },
        { text: String(counts.missing), format: 'numeric' },
        { text: String(counts.due), format: 'numeric' },
      ]
    }),
  }
}

/** The errors with one more, unless the control already has one. */
export function withError(errors: FormErrors, field: string, message: string): FormErrors {
  if (errors.byField[field]) return errors
  return { list: [...errors.list, { text: message, href: `#${field}` }], byField: { ...errors.byField, [field]: { text: message } } }
}

export function countByStatus(months: readonly ReturnMonth[]): Record<ReturnStatus, number> {
  const counts: Record<ReturnStatus, number> = { submitted: 0, late: 0, missing: 0, due: 0 }
  for (const m of months) counts[m.status]++
  return counts
}

/** A version's figures as a summary list. */
export function figuresRows(f: ReturnFigures) {
  const n = (v: number | null, unit = '') => (v === null ? 'Not given' : `${v.toLocaleString('en-GB')}${unit}`)
  return [
    { key: { text: FIGURE_LABELS.childrenAccommodated }, value: { text: n(f.childrenAccommodated) } },
    { key: { text: FIGURE_LABELS.incidents }, value: { text: n(f.incidents) } },
    { key: { text: FIGURE_LABELS.missingEpisodes }, value: { text: n(f.missingEpisodes) } },
    { key: { text: FIGURE_LABELS.educationHoursPerChildPerWeek }, value: { text: n(f.educationHoursPerChildPerWeek, ' hours') } },
    { key: { text: FIGURE_LABELS.physicalInterventions }, value: { text: n(f.physicalInterventions) } },
    { key: { text: FIGURE_LABELS.staffHours }, value: { text: n(f.staffHours, ' hours') } },
    { key: { text: FIGURE_LABELS.agencyStaffHours }, value: { text: n(f.agencyStaffHours, ' hours') } },
    { key: { text: FIGURE_LABELS.regulation40Notifications }, value: { text: n(f.regulation40Notifications) } },
    { key: { text: 'Notes' }, value: { text: f.notes ?? 'None' } },
  ]
}

export function versionsTable(versions: readonly ReturnVersion[]) {
  return {
    head: [
      { text: 'Version', format: 'numeric' },
      { text: 'Sent' },
      { text: 'By' },
      { text: 'Incidents', format: 'numeric' },
      { text: 'Missing episodes', format: 'numeric' },
      { text: 'Status' },
    ],
    rows: versions.map((v): Cell[] => [
      { text: String(v.version), format: 'numeric' },
      { text: formatDateTime(v.submittedAt) },
      { text: v.submittedBy },
      { text: String(v.figures.incidents), format: 'numeric' },
      { text: String(v.figures.missingEpisodes), format: 'numeric' },
      { text: v.supersededAt ? `Replaced ${formatDateTime(v.supersededAt)}` : 'Current' },
    ]),
  }
}

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-GB')} KB`

export function documentsList(documents: readonly ReturnDocument[], hrefOf: (id: string) => string) {
  return documents.map((d) => ({
    href: hrefOf(d.id),
    name: d.fileName,
    detail: `${kb(d.bytes)}, sent ${formatDateTime(d.uploadedAt)} by ${d.uploadedBy}`,
  }))
}

/**
 * The scorecard as two tables: each target with its latest rating and how many months were
 * green, amber and red; then month by month (newest first, the last `limit` months), a value and
 * a rating in words in each cell.
 */
export function scorecardView(card: Scorecard, opts: { limit: number | null }) {
  const summary = card.rows.map((r): Cell[] => {
    const s = summarise(card.months, r.values, r.rag)
    return [
      { text: r.label },
      { text: targetText(r) },
      { text: formatMeasure(r.measure, r.amberMargin) },
      {
        html: s.latest
          ? `${escape(formatMeasure(r.measure, s.latest.value))} in ${monthName(s.latest.month)} ${tagHtml(ragTag(s.latest.rag))}`
          : 'No data',
      },
      { text: String(s.counts.green), format: 'numeric' },
      { text: String(s.counts.amber), format: 'numeric' },
      { text: String(s.counts.red), format: 'numeric' },
    ]
  })
  const shown = card.months.map((m, i) => ({ m, i })).reverse()
  const months = opts.limit === null ? shown : shown.slice(0, opts.limit)
  return {
    empty: card.rows.length === 0,
    summaryHead: [
      { text: 'Measure' },
      { text: 'Target' },
      { text: 'Amber margin' },
      { text: 'Latest' },
      { text: 'Green months', format: 'numeric' },
      { text: 'Amber months', format: 'numeric' },
      { text: 'Red months', format: 'numeric' },
    ],
    summaryRows: summary,
    monthHead: [{ text: 'Month' }, ...card.rows.map((r) => ({ text: `${r.label} (${targetText(r).toLowerCase()})` }))],
    monthRows: months.map(({ m, i }): Cell[] => [
      { text: monthName(m) },
      ...card.rows.map((r) => ({
        html: `${escape(formatMeasure(r.measure, r.values[i] ?? null))} ${tagHtml(ragTag(r.rag[i] ?? 'none'))}`,
      })),
    ]),
    monthsShown: months.length,
    monthsTotal: card.months.length,
    missing: card.returnsMissing.map(monthName),
  }
}

export const changeText = (a: Pick<OfstedAlert, 'fromAccepted' | 'from' | 'to'>) =>
  a.fromAccepted ? `${judgementText(a.from)} to ${judgementText(a.to)}` : `${judgementText(a.to)}, first judged during the contract`

/** One alert's page: its state as a tag and its facts as a summary list. */
export function alertView(a: OfstedAlert) {
  const rows = [
    { key: { text: 'Change' }, value: { text: changeText(a) } },
    { key: { text: 'Judged on' }, value: { text: a.toDate ? formatDate(a.toDate) : 'Not recorded' } },
    { key: { text: 'Raised' }, value: { text: formatDateTime(a.raisedAt) } },
  ]
  if (a.status !== 'open') {
    rows.push({
      key: { text: a.status === 'acknowledged' ? 'Acknowledged' : 'Superseded' },
      value: { text: `${formatDateTime(a.closedAt)}${a.closedBy ? ` by ${a.closedBy}` : ''}` },
    })
    if (a.note) rows.push({ key: { text: 'Note' }, value: { text: a.note } })
  }
  const tag =
    a.status === 'open'
      ? { text: 'Open', classes: 'govuk-tag--red' }
      : { text: a.status === 'acknowledged' ? 'Acknowledged' : 'Superseded', classes: 'govuk-tag--grey' }
  return { rows, tag }
}

export function alertsTable(alerts: readonly OfstedAlert[], hrefOf: (id: string) => string, opts: { closed: boolean }) {
  return {
    head: [
      { text: 'Home' },
      { text: 'Contract' },
      { text: 'Change' },
      { text: 'Judged on' },
      { text: opts.closed ? 'Closed' : 'Raised' },
      { html: '<span class="govuk-visually-hidden">Action</span>' },
    ],
    rows: alerts.map((a): Cell[] => [
      { text: a.homeName },
      { text: `${a.contractReference}, ${a.providerName}` },
      { text: changeText(a) },
      { text: a.toDate ? formatDate(a.toDate) : 'Not recorded' },
      {
        text: opts.closed
          ? `${a.status === 'acknowledged' ? 'Acknowledged' : 'Superseded'} ${formatDateTime(a.closedAt)}`
          : formatDateTime(a.raisedAt),
      },
      { html: link(hrefOf(a.id), opts.closed ? 'View' : 'Review', `the alert for ${a.homeName}`) },
    ]),
  }
}
