/** Small, real-shaped documents for tests: a PDF, and DOCX/ODT packages written as zips. */
import { makeZip } from '../../../geo/onspd/testZip.js'

/** A zip of the given files, in order (the geo room's test zip writer). */
export const zipOf = (files: [name: string, content: string][]): Buffer => makeZip(files.map(([name, content]) => ({ name, content })))

const contentTypes = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Override PartName="/word/document.xml" ContentType="${main}"/></Types>`

export const samplePdf = (text = 'Regulation 44 visit, March'): Buffer => Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`, 'latin1')

export const sampleDocx = (): Buffer =>
  zipOf([
    ['[Content_Types].xml', contentTypes('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml')],
    ['word/document.xml', '<w:document/>'],
  ])

/** Word with macros: refused. */
export const sampleDocm = (): Buffer =>
  zipOf([
    ['[Content_Types].xml', contentTypes('application/vnd.ms-word.document.macroEnabled.main+xml')],
    ['word/document.xml', '<w:document/>'],
  ])

export const sampleOdt = (): Buffer =>
  zipOf([
    ['mimetype', 'application/vnd.oasis.opendocument.text'],
    ['content.xml', '<office:document-content/>'],
  ])

/** A spreadsheet in OpenDocument form: refused. */
export const sampleOds = (): Buffer =>
  zipOf([
    ['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'],
    ['content.xml', '<office:document-content/>'],
  ])
