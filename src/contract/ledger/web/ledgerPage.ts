/** The contract's ledger page: what each reserved bed did, day by day, and the events behind it. */
import type { Actor } from '../../../platform/auth/actor.js'
import { formatDate, formatNumber } from '../../../platform/web/format.js'
import { EMPTY_CAUSES, EMPTY_CAUSE_LABELS, type EmptyCause } from '../../ports.js'
import { canRecordEvent, isProvider } from '../access.js'
import {
  EVENT_KINDS,
  EVENT_KIND_LABELS,
  STATE_LABELS,
  UNAVAILABILITY_LABELS,
  UNAVAILABILITY_REASONS,
  type BedEventKind,
  type UnavailabilityReason,
} from '../domain/codes.js'
import type { ContractLedgerView } from '../ledgerRead.js'
import type { BedEventRow } from '../ledgerRepository.js'
import { ledgerPaths } from '../paths.js'

export type EventFormValues = { bedId: string; kind: string; fromDate: string; toDate: string; reason: string; cause: string; note: string }
export const emptyEventForm = (): EventFormValues => ({ bedId: '', kind: '', fromDate: '', toDate: '', reason: '', cause: '', note: '' })
export const EVENT_FIELDS = Object.keys(emptyEventForm()) as (keyof EventFormValues)[]

/** The states in the order a reader looks for them: filled first. */
const COLUMNS = ['occupied', 'held', 'released', 'unavailable', 'empty'] as const

/** The days a page lists in full; longer periods show the summary only. */
export const DAY_LIST_LIMIT = 93

const numeric = (n: number) => ({ text: formatNumber(n), format: 'numeric' })
const short = (id: string) => id.slice(0, 8)

function eventDetail(e: BedEventRow): string {
  const what = e.reason ? UNAVAILABILITY_LABELS[e.reason as UnavailabilityReason] : e.cause ? EMPTY_CAUSE_LABELS[e.cause as EmptyCause] : ''
  return [what, e.note].filter(Boolean).join(': ')
}

export function ledgerPageView(v: ContractLedgerView, actor: Actor, values: EventFormValues) {
  const id = v.contract.id
  const names = new Map(v.beds.map((b) => [b.bed.id, b.bed.name]))
  const days = v.beds.reduce((s, b) => s + b.dayList.length, 0) / Math.max(1, v.beds.length)
  const kinds = EVENT_KINDS.filter((k) => canRecordEvent(actor, k, v.contract.provider_id))
  return {
    summary: {
      head: [
        { text: 'Bed' },
        ...COLUMNS.map((s) => ({ text: STATE_LABELS[s], format: 'numeric' })),
        ...EMPTY_CAUSES.map((c) => ({ text: `Empty: ${EMPTY_CAUSE_LABELS[c].toLowerCase()}`, format: 'numeric' })),
      ],
      rows: [
        ...v.beds.map((b) => [
          { text: b.bed.name },
          ...COLUMNS.map((s) => numeric(b.days[s])),
          ...EMPTY_CAUSES.map((c) => numeric(b.emptyByCause[c])),
        ]),
        [
          { text: 'All beds', classes: 'govuk-!-font-weight-bold' },
          ...COLUMNS.map((s) => ({ ...numeric(v.totals[s]), classes: 'govuk-!-font-weight-bold' })),
          ...EMPTY_CAUSES.map((c) => ({
            ...numeric(v.beds.reduce((n, b) => n + b.emptyByCause[c], 0)),
            classes: 'govuk-!-font-weight-bold',
          })),
        ],
      ],
    },
    dayLists:
      days > DAY_LIST_LIMIT
        ? null
        : v.beds.map((b, i) => ({
            id: `bed-days-${i + 1}`,
            name: b.bed.name,
            count: b.dayList.length,
            head: [{ text: 'Date' }, { text: 'State' }, { text: 'Why empty' }, { text: 'Placement' }],
            rows: b.dayList.map((d) => [
              { text: formatDate(d.date) },
              { text: STATE_LABELS[d.state] },
              { text: d.cause ? EMPTY_CAUSE_LABELS[d.cause] : '' },
              { text: d.placementId ? short(d.placementId) : '' },
            ]),
          })),
    events: [...v.events].reverse().map((e) => ({
      id: e.id,
      bed: names.get(e.bed_id) ?? e.bed_id,
      kind: EVENT_KIND_LABELS[e.kind],
      from: formatDate(e.from_date),
      to: e.to_date ? formatDate(e.to_date) : 'Open',
      detail: eventDetail(e),
      recorded: `${e.recorded_by_label}, ${formatDate(e.recorded_at)}`,
      voided: e.voided_at ? `Voided by ${e.voided_by_label}, ${formatDate(e.voided_at)}: ${e.void_reason}` : null,
      canEnd: !e.voided_at && e.to_date === null && canRecordEvent(actor, e.kind, v.contract.provider_id),
      canVoid:
        !e.voided_at &&
        canRecordEvent(actor, e.kind, v.contract.provider_id) &&
        (!isProvider(actor) || e.recorded_by_provider_id === actor.providerId),
      endHref: ledgerPaths.endEvent(id, e.id),
      voidHref: ledgerPaths.voidEvent(id, e.id),
    })),
    form:
      kinds.length === 0
        ? null
        : {
            action: ledgerPaths.events(id),
            bedItems: [
              { value: '', text: 'Choose a bed' },
              ...v.beds.map((b) => ({ value: b.bed.id, text: b.bed.name, selected: values.bedId === b.bed.id })),
            ],
            kindItems: kinds.map((k: BedEventKind) => ({ value: k, text: EVENT_KIND_LABELS[k], checked: values.kind === k })),
            reasonItems: [
              { value: '', text: 'Only for unavailability' },
              ...UNAVAILABILITY_REASONS.map((r) => ({ value: r, text: UNAVAILABILITY_LABELS[r], selected: values.reason === r })),
            ],
            causeItems: [
              { value: '', text: 'Only when saying why it is empty' },
              ...EMPTY_CAUSES.map((c) => ({ value: c, text: EMPTY_CAUSE_LABELS[c], selected: values.cause === c })),
            ],
          },
  }
}
