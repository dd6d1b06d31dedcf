import ExcelJS from 'exceljs'
import { UserInputError } from '../../platform/errors.js'
import { cellText, normaliseHeader, type Cell, type ProviderTable, type SheetRow } from './cells.js'
import { toProviderTable } from './findHeaderRow.js'

/** The sheet that holds the providers, in each version of the lists Ofsted sends councils. */
export const PROVIDER_SHEETS = ['Provider information', 'Providers', 'Settings and Inspection Info', 'Current providers']
/** Older Children's Homes lists keep addresses on a second sheet, joined by URN. */
export const ADDRESS_SHEET = 'Address Details'

/** Reads an XLSX provider list: picks the providers sheet, finds its header, joins older address sheets. */
export async function readXlsx(buffer: Buffer, fileName: string): Promise<ProviderTable> {
  const workbook = new ExcelJS.Workbook()
  try {
    // exceljs's own Buffer type lags @types/node's; the bytes are what it wants.
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
  } catch (err) {
    throw new UserInputError(`${fileName} is not a readable XLSX workbook (is it truncated or corrupt?): ${(err as Error).message}`, {
      file: fileName,
    })
  }
  if (workbook.worksheets.length === 0) throw new UserInputError(`${fileName} has no worksheets.`, { file: fileName })

  const sheet = findSheet(workbook, PROVIDER_SHEETS) ?? workbook.worksheets[0]!
  const table = toProviderTable(fileName, sheet.name, sheetRows(sheet))
  const addresses = findSheet(workbook, [ADDRESS_SHEET])
  return addresses && addresses !== sheet ? joinByUrn(table, toProviderTable(fileName, addresses.name, sheetRows(addresses))) : table
}

function findSheet(workbook: ExcelJS.Workbook, names: string[]): ExcelJS.Worksheet | undefined {
  for (const name of names) {
    const found = workbook.worksheets.find((ws) => normaliseHeader(ws.name) === normaliseHeader(name))
    if (found) return found
  }
  return undefined
}

function sheetRows(sheet: ExcelJS.Worksheet): SheetRow[] {
  const rows: SheetRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // row.values is 1-based: index 0 is always empty.
    const values = Array.isArray(row.values) ? row.values.slice(1) : []
    rows.push({ row: rowNumber, cells: Array.from(values, toCell) })
  })
  return rows
}

/** exceljs hands back rich text, hyperlinks and formulas as objects; we want what the cell shows. */
export function toCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  if (value instanceof Date) return value
  if ('richText' in value) return value.richText.map((r) => r.text).join('')
  if ('hyperlink' in value) return toCell(value.text as ExcelJS.CellValue)
  if ('result' in value) return toCell(value.result as ExcelJS.CellValue)
  if ('formula' in value || 'sharedFormula' in value) return null
  if ('error' in value) return null
  return null
}

/** Adds the address sheet's columns to each provider row with the same URN. */
function joinByUrn(main: ProviderTable, extra: ProviderTable): ProviderTable {
  const urnIndex = (t: ProviderTable) => t.headers.findIndex((h) => normaliseHeader(h) === 'urn')
  const mainUrn = urnIndex(main)
  const extraUrn = urnIndex(extra)
  const known = new Set(main.headers.map(normaliseHeader))
  const added = extra.headers.map((h, i) => ({ h, i })).filter(({ h }) => h !== '' && !known.has(normaliseHeader(h)))
  const byUrn = new Map<string, Cell[]>()
  for (const r of extra.rows) {
    const urn = cellText(r.cells[extraUrn])?.toUpperCase()
    if (urn && !byUrn.has(urn)) byUrn.set(urn, r.cells)
  }
  const width = main.headers.length
  return {
    ...main,
    headers: [...main.headers, ...added.map((a) => a.h)],
    rows: main.rows.map((r) => {
      const match = byUrn.get(cellText(r.cells[mainUrn])?.toUpperCase() ?? '')
      const padded = Array.from({ length: width }, (_, i) => r.cells[i] ?? null)
      return { row: r.row, cells: [...padded, ...added.map((a) => match?.[a.i] ?? null)] }
    }),
  }
}
