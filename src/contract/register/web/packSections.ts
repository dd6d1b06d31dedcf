/**
 * The extension decision pack as titled tables of plain values: the page shows them as GOV.UK
 * tables and the download writes the same tables as worksheets, so the two never disagree.
 */
import ExcelJS from 'exceljs'
import { formatDate, formatNumber, formatPence } from '../../../platform/web/format.js'
import { monthName } from '../dates.js'
import type { Scorecard } from '../../api.js'
import type { ExtensionPack } from '../extensionPack.js'
import { EMPTY_CAUSE_LABELS } from '../../ports.js'
import { KIND_LABELS } from '../terms.js'

export type Cell = string | number | null
export type Section = { id: string; title: string; head: string[]; rows: Cell[][]; note?: string; numeric?: number[] }

const pct = (share: number | null) => (share === null ? null : `${formatNumber(share * 100, 1)}%`)
const money = (pence: number | null) => (pence === null ? null : formatPence(pence))
const NOT_YET = 'Not available yet: this part of the service is still being built.'
const NOT_BLOCK = 'Occupancy, cost and voids are worked out for block contracts.'

export function packSections(p: ExtensionPack): Section[] {
  const c = p.contract
  const v = p.value
  const o = p.outcomes
  return [
    {
      id: 'contract',
      title: 'The contract',
      head: ['Item', 'Value'],
      rows: [
        ['Contract', c.reference],
        ['Kind', KIND_LABELS[c.kind]],
        ['Provider', c.providerName],
        ['Reserved beds', c.beds],
        ['Started', formatDate(c.startDate)],
        ['Ends now', formatDate(c.endDate)],
        ['Latest date to give notice', formatDate(c.extensionNoticeDate)],
        ['Ends if the extension is taken', p.extendedEnd ? formatDate(p.extendedEnd) : 'No extension to take'],
      ],
    },
    {
      id: 'value',
      title: p.period ? `Occupancy and cost, ${formatDate(p.period.from)} to ${formatDate(p.period.to)}` : 'Occupancy and cost',
      head: ['Measure', 'Value'],
      numeric: [1],
      note: v ? undefined : c.kind === 'block' ? NOT_YET : NOT_BLOCK,
      rows: v
        ? [
            ['Bed-days reserved', v.reservedBedDays],
            ['Bed-days occupied', v.occupiedBedDays],
            ['Occupancy', pct(v.occupancy)],
            ['Paid', money(v.paidPence)],
            ['Cost per occupied bed-week', money(v.costPerOccupiedBedWeekPence)],
            ['Framework spot rate per bed-week', money(v.frameworkSpotRatePence)],
            [`Actual spot placements’ mean weekly fee (${v.actualSpotPlacements})`, money(v.actualSpotRatePence)],
            ['Saving against spot (negative: cost more)', money(v.savingPence)],
          ]
        : [],
    },
    {
      id: 'voids',
      title: 'Empty bed-days by cause',
      head: ['Cause', 'Bed-days', 'Cost'],
      numeric: [1, 2],
      note: v ? (v.emptyByCause.length === 0 ? 'No empty bed-days.' : undefined) : c.kind === 'block' ? NOT_YET : NOT_BLOCK,
      rows: v ? v.emptyByCause.map((e) => [EMPTY_CAUSE_LABELS[e.cause], e.bedDays, money(e.costPence)]) : [],
    },
    kpiSection(p.scorecard),
    {
      id: 'ofsted',
      title: 'Ofsted judgements of the homes',
      head: ['Home', 'URN', 'Judgement', 'Date'],
      rows: p.homes.map((h) => [h.name, h.urn, h.judgement ?? 'None recorded', formatDate(h.judgementDate)]),
    },
    {
      id: 'outcomes',
      title: 'Outcomes of the children placed',
      head: ['Measure', 'Value'],
      numeric: [1],
      rows: [
        ['Placements', o.placements],
        ['Children', o.children],
        ['Ended unplanned', o.endedUnplanned],
        ['Lasted two years or more', o.lastedTwoYears],
        ['Average length (days)', o.averageDays],
        ['Placed within 20 miles of home', pct(o.within20MilesShare)],
        ['Median miles from home', o.medianMilesFromHome],
      ],
    },
  ]
}

/** The scorecard's latest month: each measure, its target and where it stands (also on the contract's page). */
export function kpiSection(sc: Scorecard | null): Section {
  const last = sc ? sc.months.length - 1 : -1
  return {
    id: 'kpis',
    title: last >= 0 ? `KPIs, ${monthName(sc!.months[last]!)}` : 'KPIs',
    head: ['Measure', 'Target', 'Latest', 'Status'],
    numeric: [2],
    note: sc ? (sc.rows.length === 0 ? 'No KPI targets are set for this contract.' : undefined) : NOT_YET,
    rows: sc
      ? sc.rows.map((r) => [
          r.label,
          `${r.direction === 'at-most' ? 'at most' : 'at least'} ${r.target}`,
          last >= 0 ? (r.values[last] ?? null) : null,
          ragText(last >= 0 ? (r.rag[last] ?? 'none') : 'none'),
        ])
      : [],
  }
}

function ragText(rag: string): string {
  return rag === 'red' ? 'Red: off target' : rag === 'amber' ? 'Amber: near target' : rag === 'green' ? 'Green: on target' : 'No figure'
}

/** The sections as GOV.UK tables. */
export const sectionTable = (s: Section) => ({
  head: s.head.map((text, i) => ({ text, ...(s.numeric?.includes(i) ? { format: 'numeric' } : {}) })),
  rows: s.rows.map((r) =>
    r.map((cell, i) => ({ text: cell === null ? '' : String(cell), ...(s.numeric?.includes(i) ? { format: 'numeric' } : {}) })),
  ),
})

/** The pack as a workbook: one sheet per section. */
export async function packWorkbook(p: ExtensionPack): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.creator = 'Placewise'
  for (const s of packSections(p)) {
    const sheet = book.addWorksheet(s.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '))
    sheet.addRow([s.title]).font = { bold: true }
    if (s.note) sheet.addRow([s.note])
    sheet.addRow(s.head).font = { bold: true }
    for (const r of s.rows) sheet.addRow(r)
    sheet.columns.forEach((col) => (col.width = 28))
  }
  const out = await book.xlsx.writeBuffer()
  return Buffer.from(out as ArrayBuffer)
}
