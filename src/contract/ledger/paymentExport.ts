/**
 * A payment run for the finance system, as CSV or XLSX: one row per line, amounts in pounds to
 * two places, and a description that says what the line pays for.
 */
import ExcelJS from 'exceljs'
import type { Actor } from '../../platform/auth/actor.js'
import type { BlockExplanation, SpotExplanation } from './domain/lines.js'
import type { PaymentRunRow } from './ledgerRepository.js'
import type { PaymentLine } from './paymentService.js'

export const EXPORT_COLUMNS = [
  'run',
  'run_date',
  'period_from',
  'period_to',
  'line_type',
  'supplier',
  'supplier_id',
  'contract_ref',
  'placement_ref',
  'description',
  'gross',
  'credit',
  'deduction',
  'net',
] as const

const pounds = (pence: number) => (pence / 100).toFixed(2)

export function describeLine(l: PaymentLine): string {
  if (l.kind === 'spot') {
    const e = l.explanation as SpotExplanation
    return `Spot placement: ${e.nights} nights at ${pounds(e.weeklyPricePence)} a week`
  }
  const e = l.explanation as BlockExplanation
  const reserved = Object.values(e.days).reduce((s, n) => s + n, 0)
  return `Block contract ${l.contract_reference}: ${reserved} reserved bed-days (${e.days.occupied} occupied, ${e.days.released} released, ${e.days.unavailable} unavailable)`
}

/** Each line as the export's cells, in EXPORT_COLUMNS order; amounts as numbers of pounds. */
export function exportRows(run: PaymentRunRow, lines: PaymentLine[]): (string | number)[][] {
  return lines.map((l) => [
    run.number,
    run.run_at.slice(0, 10),
    l.period_from,
    l.period_to,
    l.kind,
    l.provider_name,
    l.provider_id,
    l.contract_reference ?? '',
    l.placement_id ?? '',
    describeLine(l),
    l.gross_pence / 100,
    l.credit_pence / 100,
    l.deduction_pence / 100,
    l.net_pence / 100,
  ])
}

/** A CSV cell: quoted when it must be, and a leading = + - @ neutralised so no spreadsheet runs it as a formula. */
function csvCell(v: string | number): string {
  if (typeof v === 'number') return v.toFixed(2)
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function paymentRunCsv(run: PaymentRunRow, lines: PaymentLine[]): string {
  const rows = exportRows(run, lines).map((r) => r.map((v, i) => (i < 2 ? String(v) : csvCell(v))))
  return [EXPORT_COLUMNS.join(','), ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n'
}

export async function paymentRunXlsx(run: PaymentRunRow, lines: PaymentLine[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet(`Payment run ${run.number}`)
  sheet.addRow([...EXPORT_COLUMNS]).font = { bold: true }
  for (const r of exportRows(run, lines)) sheet.addRow(r)
  for (let c = EXPORT_COLUMNS.indexOf('gross') + 1; c <= EXPORT_COLUMNS.length; c++) sheet.getColumn(c).numFmt = '#,##0.00'
  return Buffer.from(await book.xlsx.writeBuffer())
}

export function createPaymentExportPart(getRun: (actor: Actor, runId: string) => Promise<{ run: PaymentRunRow; lines: PaymentLine[] }>) {
  return {
    async exportPaymentRun(
      actor: Actor,
      runId: string,
      format: 'csv' | 'xlsx',
    ): Promise<{ filename: string; contentType: string; body: string | Buffer }> {
      const { run, lines } = await getRun(actor, runId)
      const filename = `payment-run-${run.number}-${run.period_from}-to-${run.period_to}.${format}`
      if (format === 'csv') return { filename, contentType: 'text/csv; charset=utf-8', body: paymentRunCsv(run, lines) }
      return {
        filename,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: await paymentRunXlsx(run, lines),
      }
    },
  }
}
