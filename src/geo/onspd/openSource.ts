import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { basename } from 'node:path'
import { pipeline, type Readable } from 'node:stream'
import { createGunzip } from 'node:zlib'
import yauzl from 'yauzl'
import { UserInputError } from '../../platform/errors.js'

/** A postcode file opened as a stream of text, whatever it was packed in. */
export type TextSource = {
  /** The file's name, as error messages give it. */
  file: string
  /** For a zip, the CSV inside it that is read. */
  entry: string | null
  chunks: AsyncIterable<string>
  close: () => void
}

const CHUNK = 1 << 18

/** Opens a .csv, a gzipped CSV or a zip holding one (ONSPD/NSPL as the ONS ships it), by content not name. */
export async function openTextSource(path: string): Promise<TextSource> {
  const file = basename(path)
  const magic = await readMagic(path, file)
  if (magic[0] === 0x50 && magic[1] === 0x4b) return openZip(path, file)
  const raw = createReadStream(path, { highWaterMark: CHUNK })
  const stream: Readable = magic[0] === 0x1f && magic[1] === 0x8b ? pipeline(raw, createGunzip({ chunkSize: CHUNK }), () => {}) : raw
  stream.setEncoding('utf8')
  return { file, entry: null, chunks: explained(stream, file), close: () => stream.destroy() }
}

async function readMagic(path: string, file: string): Promise<Buffer> {
  let handle
  try {
    handle = await open(path, 'r')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    throw new UserInputError(code === 'ENOENT' ? `${file}: no such file (${path})` : `${file}: cannot be read (${code})`, { file })
  }
  try {
    const buf = Buffer.alloc(4)
    await handle.read(buf, 0, 4, 0)
    return buf
  } finally {
    await handle.close()
  }
}

async function openZip(path: string, file: string): Promise<TextSource> {
  let zip: yauzl.ZipFile
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false })
  } catch (e) {
    throw new UserInputError(`${file}: not a readable zip file (${(e as Error).message})`, { file })
  }
  try {
    const entries: yauzl.Entry[] = []
    for await (const entry of zip.eachEntry()) {
      if (/\.csv$/i.test(entry.fileName)) entries.push(entry)
    }
    const entry = pickDataCsv(entries)
    if (!entry) throw new UserInputError(`${file}: the zip holds no .csv file`, { file })
    const stream = await zip.openReadStreamPromise(entry)
    stream.setEncoding('utf8')
    return {
      file: `${file}:${entry.fileName}`,
      entry: entry.fileName,
      chunks: explained(stream, file),
      close: () => {
        stream.destroy()
        zip.close()
      },
    }
  } catch (e) {
    zip.close()
    throw e
  }
}

/**
 * An ONSPD zip holds the full UK CSV (Data/ONSPD_NOV_2025_UK.csv), per-area splits
 * (Data/multi_csv/…) and small lookup CSVs (Documents/…): the full file is the largest
 * ONSPD/NSPL-named CSV. Any other zip: its largest CSV.
 */
export function pickDataCsv<E extends { fileName: string; uncompressedSize: number }>(entries: E[]): E | undefined {
  const named = entries.filter((e) => /(^|\/)(ONSPD|NSPL)[^/]*\.csv$/i.test(e.fileName))
  const pool = named.length > 0 ? named : entries
  return pool.reduce<E | undefined>((best, e) => (!best || e.uncompressedSize > best.uncompressedSize ? e : best), undefined)
}

/** Turns a corrupt archive's zlib error into a message a person can act on. */
async function* explained(stream: Readable, file: string): AsyncGenerator<string> {
  try {
    for await (const chunk of stream) yield chunk as string
  } catch (e) {
    const err = e as NodeJS.ErrnoException
    if (err.code?.startsWith('Z_') || /invalid|unexpected end|corrupt/i.test(err.message)) {
      throw new UserInputError(`${file}: the compressed data is damaged (${err.message})`, { file })
    }
    throw e
  }
}
