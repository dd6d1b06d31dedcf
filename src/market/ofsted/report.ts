/** What an import did, row by row where it matters. Returned to the caller and kept in import_runs. */
export type OfstedImportReport = {
  importRunId: string
  fileName: string
  sheet: string | null
  /** Non-blank data rows read below the header. */
  rowsRead: number
  /** Children's homes created, updated and left as they were. */
  created: number
  updated: number
  unchanged: number
  /** Rows for other kinds of provision (fostering, adoption…), which the market does not hold. */
  skipped: number
  skippedTypes: Record<string, number>
  rejected: RejectedRow[]
  /** Imported, but with something to look at (an unreadable postcode). */
  warnings: { row: number; urn: string; message: string }[]
  providers: { created: number; updated: number }
  bedsAdded: number
  ignoredColumns: string[]
}

export type RejectedRow = { row: number; urn: string | null; reasons: string[] }

/** The report as the CLI prints it. */
export function formatReport(report: OfstedImportReport): string {
  const lines = [
    `Imported ${report.fileName}${report.sheet ? ` (sheet "${report.sheet}")` : ''}: ${report.rowsRead} rows`,
    `  homes created:   ${report.created}`,
    `  homes updated:   ${report.updated}`,
    `  homes unchanged: ${report.unchanged}`,
    `  skipped (not a children's home): ${report.skipped}`,
    `  rejected:        ${report.rejected.length}`,
    `  providers created: ${report.providers.created}, updated: ${report.providers.updated}; beds added: ${report.bedsAdded}`,
  ]
  if (report.rejected.length) {
    lines.push('Rejected rows:')
    for (const r of report.rejected) {
      lines.push(`  row ${r.row}${r.urn ? ` (URN ${r.urn})` : ''}:`)
      for (const reason of r.reasons) lines.push(`    - ${reason}`)
    }
  }
  if (report.warnings.length) {
    lines.push('Warnings:')
    for (const w of report.warnings) lines.push(`  - ${w.message}`)
  }
  return lines.join('\n')
}
