/**
 * Regulation 44 reports: PDF, Word (DOCX) or OpenDocument text (ODT), recognised by their
 * content, never by the name or type the browser sent.
 */
import { basename, extname } from 'node:path'
import yauzl from 'yauzl'

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
export const DOCUMENT_KINDS = ['regulation-44'] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

export type DocumentType = { contentType: string; extension: 'pdf' | 'docx' | 'odt'; label: string }

const PDF: DocumentType = { contentType: 'application/pdf', extension: 'pdf', label: 'PDF' }
const DOCX: DocumentType = {
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extension: 'docx',
  label: 'Word document',
}
const ODT: DocumentType = { contentType: 'application/vnd.oasis.opendocument.text', extension: 'odt', label: 'OpenDocument text' }

const DOCX_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'
// The parts we read to recognise a package are small; anything bigger is not what it claims to be.
const MAX_PART_BYTES = 256 * 1024
const MAX_ENTRIES = 5000

/** What the file is, or null when it is none of the accepted kinds (a macro-enabled document, a spreadsheet, an image…). */
export async function recogniseDocument(bytes: Buffer): Promise<DocumentType | null> {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return PDF
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) return null
  let zip: yauzl.ZipFile | undefined
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true })
    let entries = 0
    for await (const entry of zip.eachEntry()) {
      if (++entries > MAX_ENTRIES) return null
      if (entry.fileName === 'mimetype') {
        return (await readPart(zip, entry)) === ODT.contentType ? ODT : null
      }
      if (entry.fileName === '[Content_Types].xml') {
        return (await readPart(zip, entry)).includes(DOCX_MAIN) ? DOCX : null
      }
    }
    return null
  } catch {
    return null
  } finally {
    zip?.close()
  }
}

async function readPart(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<string> {
  if (entry.uncompressedSize > MAX_PART_BYTES) return ''
  const stream = await zip.openReadStreamPromise(entry)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_PART_BYTES) {
      stream.destroy()
      return ''
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8').trim()
}

/**
 * The name to keep: the last part of what the browser sent, without control characters or
 * quotes, at most 200 characters, ending in the extension of what the content is.
 */
export function documentFileName(raw: unknown, type: DocumentType): string {
  const name = [...basename(String(raw ?? '').replace(/\\/g, '/'))]
    .filter((ch) => ch.charCodeAt(0) > 0x1f && ch.charCodeAt(0) !== 0x7f && ch !== '"')
    .join('')
    .trim()
  const stem = (extname(name) ? name.slice(0, -extname(name).length) : name).slice(0, 190) || 'regulation-44-report'
  return `${stem}.${type.extension}`
}
