/** The payments pages: the runs, and a run's lines each with the ledger days behind it. */
import { formatDate, formatNumber, formatPence } from '../../../platform/web/format.js'
import { EMPTY_CAUSES, EMPTY_CAUSE_LABELS } from '../../ports.js'
import { BED_STATES, STATE_LABELS } from '../domain/codes.js'
import type { BlockExplanation, SpotExplanation } from '../domain/lines.js'
import type { PaymentRunRow } from '../ledgerRepository.js'
import { ledgerPaths } from '../paths.js'
import type { PaymentLine } from '../paymentService.js'

const money = (pence: number) => ({ text: formatPence(pence), format: 'numeric' })
const period = (from: string, to: string) => `${formatDate(from)} to ${formatDate(to)}`

export function runsTable(runs: PaymentRunRow[]) {
  return {
    head: [
      { text: 'Run' },
      { text: 'Period' },
      { text: 'Lines', format: 'numeric' },
      { text: 'Net', format: 'numeric' },
      { text: 'Run by' },
    ],
    rows: runs.map((r) => [
      { html: `<a class="govuk-link" href="${ledgerPaths.run(r.id)}">Run ${r.number}</a>` },
      { text: period(r.period_from, r.period_to) },
      { text: formatNumber(r.line_count), format: 'numeric' },
      money(r.net_pence),
      { text: `${r.run_by_label}, ${formatDate(r.run_at)}` },
    ]),
  }
}

function explanation(l: PaymentLine) {
  if (l.kind === 'spot') {
    const e = l.explanation as SpotExplanation
    return {
      spot: `${formatNumber(e.nights)} nights (${period(e.from, e.to)}) at ${formatPence(e.weeklyPricePence)} a week, a seventh of it a night`,
    }
  }
  const e = l.explanation as BlockExplanation
  return {
    days: {
      head: [...BED_STATES.map((s) => ({ text: STATE_LABELS[s], format: 'numeric' }))],
      rows: [BED_STATES.map((s) => ({ text: formatNumber(e.days[s]), format: 'numeric' }))],
    },
    causes: EMPTY_CAUSES.filter((c) => e.emptyByCause[c] > 0).map(
      (c) => `${EMPTY_CAUSE_LABELS[c]}: ${formatNumber(e.emptyByCause[c])} bed-days`,
    ),
    bands: {
      head: [
        { text: 'Days' },
        { text: 'Price a bed-week', format: 'numeric' },
        { text: 'Fee an occupied bed-week', format: 'numeric' },
        { text: 'Reserved bed-days', format: 'numeric' },
        { text: 'Occupied', format: 'numeric' },
        { text: 'Credited (released)', format: 'numeric' },
        { text: 'Deducted (provider unavailable)', format: 'numeric' },
      ],
      rows: e.bands.map((b) => [
        { text: period(b.from, b.to) },
        money(b.pricePencePerBedWeek),
        money(b.placementFeePencePerWeek),
        { text: formatNumber(b.reservedBedDays), format: 'numeric' },
        { text: formatNumber(b.occupiedBedDays), format: 'numeric' },
        { text: formatNumber(b.creditedBedDays), format: 'numeric' },
        { text: formatNumber(b.deductedBedDays), format: 'numeric' },
      ]),
    },
  }
}

export function runView(run: PaymentRunRow, lines: PaymentLine[]) {
  return {
    title: `Payment run ${run.number}`,
    period: period(run.period_from, run.period_to),
    csvHref: ledgerPaths.csv(run.id),
    xlsxHref: ledgerPaths.xlsx(run.id),
    totals: [
      { key: { text: 'Gross' }, value: { text: formatPence(run.gross_pence) } },
      { key: { text: 'Credits (released beds)' }, value: { text: formatPence(run.credit_pence) } },
      { key: { text: 'Deductions (provider unavailable)' }, value: { text: formatPence(run.deduction_pence) } },
      { key: { text: 'Net' }, value: { text: formatPence(run.net_pence) } },
      { key: { text: 'Run by' }, value: { text: `${run.run_by_label}, ${formatDate(run.run_at)}` } },
    ],
    lines: lines.map((l, i) => ({
      id: `line-${i + 1}`,
      title: l.kind === 'block' ? `Block contract ${l.contract_reference}` : `Spot placement ${l.placement_id?.slice(0, 8)}`,
      supplier: l.provider_name,
      period: period(l.period_from, l.period_to),
      amounts: [money(l.gross_pence), money(l.credit_pence), money(l.deduction_pence), money(l.net_pence)],
      ...explanation(l),
    })),
  }
}
