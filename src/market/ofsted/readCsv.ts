import { parse } from 'csv-parse/sync'
import { UserInputError } from '../../platform/errors.js'
import type { ProviderTable, SheetRow } from './cells.js'
import { toProviderTable } from './findHeaderRow.js'

/** Reads a CSV provider list. Row numbers are record numbers, as a spreadsheet shows them. */
export function readCsv(buffer: Buffer, fileName: string): ProviderTable {
  const text = decode(buffer)
  let records: string[][]
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][]
  } catch (err) {
    throw new UserInputError(`${fileName} is not a readable CSV file: ${(err as Error).message}`, { file: fileName })
  }
  const rows: SheetRow[] = records.map((cells, i) => ({ row: i + 1, cells }))
  return toProviderTable(fileName, null, rows)
}

/** UTF-8 if it is valid UTF-8; otherwise Windows-1252, which is what Excel saves "CSV" as. */
function decode(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer)
  } catch {
    return new TextDecoder('windows-1252').decode(buffer)
  }
}
