/** One spreadsheet cell as read from CSV (always text) or XLSX (typed). */
export type Cell = string | number | boolean | Date | null

/** A data row with the row number a person sees when they open the file. */
export type SheetRow = { row: number; cells: Cell[] }

/** What a reader hands on: the header and the data rows beneath it. */
export type ProviderTable = {
  fileName: string
  sheet: string | null
  headerRow: number
  headers: string[]
  rows: SheetRow[]
}

// Placeholders Ofsted and councils put in cells that mean "nothing here".
const BLANK_TOKENS = new Set(['', '-', '–', '—', 'n/a', 'na', 'null', 'none', 'nil'])

/** A cell as trimmed text, or null when it is empty or a placeholder. */
export function cellText(cell: Cell | undefined): string | null {
  if (cell === null || cell === undefined) return null
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10)
  const text = String(cell).replace(/\s+/g, ' ').trim()
  return BLANK_TOKENS.has(text.toLowerCase()) ? null : text
}

export function isBlank(cell: Cell | undefined): boolean {
  return cellText(cell) === null
}

/** The cell as a person would recognise it in a message. */
export function showCell(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '""'
  if (cell instanceof Date) return `"${Number.isNaN(cell.getTime()) ? 'invalid date' : cell.toISOString().slice(0, 10)}"`
  return JSON.stringify(String(cell).trim())
}

/** Header text compared the way people mean it: case, spacing and apostrophe style do not matter. */
export function normaliseHeader(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}
