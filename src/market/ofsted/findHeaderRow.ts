import { UserInputError } from '../../platform/errors.js'
import { cellText, normaliseHeader, type Cell, type ProviderTable, type SheetRow } from './cells.js'

/** Ofsted's lists put title rows above the header in some years; the header is never far down. */
export const HEADER_SEARCH_ROWS = 30

/**
 * Splits raw rows into header and data: the header is the first row with a "URN" cell.
 * A file without one cannot be an Ofsted provider list, so it is refused as a whole.
 */
export function toProviderTable(fileName: string, sheet: string | null, rows: SheetRow[]): ProviderTable {
  const where = sheet ? ` (sheet "${sheet}")` : ''
  if (rows.length === 0) throw new UserInputError(`${fileName}${where} is empty.`, { file: fileName })
  const headerIndex = rows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => r.cells.some(isUrnHeader))
  if (headerIndex < 0) {
    throw new UserInputError(
      `${fileName}${where} has no "URN" column in its first ${HEADER_SEARCH_ROWS} rows, so it is not an Ofsted provider list.`,
      { file: fileName, column: 'URN' },
    )
  }
  const header = rows[headerIndex]!
  const headers = header.cells.map((c) => cellText(c) ?? '')
  const data = rows.slice(headerIndex + 1).filter((r) => r.cells.some((c) => cellText(c) !== null))
  return { fileName, sheet, headerRow: header.row, headers, rows: data }
}

function isUrnHeader(cell: Cell): boolean {
  return typeof cell === 'string' && normaliseHeader(cell) === 'urn'
}
