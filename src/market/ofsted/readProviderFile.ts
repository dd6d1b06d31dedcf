import { extname } from 'node:path'
import { UserInputError } from '../../platform/errors.js'
import type { ProviderTable } from './cells.js'
import { readCsv } from './readCsv.js'
import { readXlsx } from './readXlsx.js'

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04])

/**
 * Reads an Ofsted provider list, CSV or XLSX, into a header and rows. Decides by content as
 * well as by name, since uploads arrive renamed; refuses the whole file if it is not a list.
 */
export async function readProviderFile(buffer: Buffer, fileName: string): Promise<ProviderTable> {
  if (buffer.length === 0) throw new UserInputError(`${fileName} is empty.`, { file: fileName })
  const ext = extname(fileName).toLowerCase()
  if (ext === '.ods') {
    throw new UserInputError(`${fileName} is an OpenDocument spreadsheet; save it as .xlsx or .csv and import that.`, {
      file: fileName,
    })
  }
  if (ext === '.xls') {
    throw new UserInputError(`${fileName} is an old-style .xls workbook; save it as .xlsx or .csv and import that.`, {
      file: fileName,
    })
  }
  const looksZipped = buffer.subarray(0, 4).equals(ZIP_MAGIC)
  if (ext === '.xlsx' || ext === '.xlsm' || looksZipped) return readXlsx(buffer, fileName)
  return readCsv(buffer, fileName)
}
