import { UserInputError } from '../../platform/errors.js'

/** One CSV record and the line of the file it starts on (the header is line 1). */
export type CsvRow = { cells: string[]; line: number }

/**
 * Splits streamed text into CSV records (RFC 4180: quoted fields, "" escapes, newlines inside
 * quotes), one chunk at a time, so a 1 GB ONSPD file never has to be in memory. It is ours rather
 * than csv-parse because nearly every ONSPD line takes a fast path that makes strings only for
 * the handful of columns the importer reads, and parsing is most of an import's time.
 */
export class CsvRowSplitter {
  private tail = ''
  private line = 0
  private pending: string | null = null
  private pendingLine = 0
  private started = false
  private wanted: boolean[] | null = null

  constructor(private readonly file: string) {}

  /**
   * Only these columns need their text: the rest come back as ''. ONSPD has 35–55 columns and the
   * importer reads 7, so this saves most of the strings a row would make.
   */
  want(columns: number[]): void {
    this.wanted = []
    for (const c of columns) if (c >= 0) this.wanted[c] = true
  }

  /** Appends the records completed by `chunk` to `out`. */
  push(chunk: string, out: CsvRow[]): void {
    let text = chunk
    if (!this.started && text.length > 0) {
      this.started = true
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    }
    let start = 0
    if (this.tail.length > 0) {
      // Finish the carried-over line on its own: scanning tail + chunk as one would make V8 walk a
      // concatenated (cons) string character by character, several times slower.
      const nl = text.indexOf('\n')
      if (nl < 0) {
        this.tail += text
        if (this.tail.length > MAX_LINE) this.tooLong(this.line + 1)
        return
      }
      const first = this.tail + text.slice(0, nl)
      this.tail = ''
      this.takeLine(first, 0, first.length, out)
      start = nl + 1
    }
    for (;;) {
      const nl = text.indexOf('\n', start)
      if (nl < 0) break
      this.takeLine(text, start, nl, out)
      start = nl + 1
    }
    this.tail = text.slice(start)
    if (this.tail.length > MAX_LINE) this.tooLong(this.line + 1)
  }

  private tooLong(line: number): never {
    throw new UserInputError(`${this.file}: line ${line} is longer than ${MAX_LINE / 2 ** 20} MB: this is not a CSV file we can read`, {
      file: this.file,
      row: line,
    })
  }

  /** Flushes the last line; throws if a quoted field was never closed. */
  end(out: CsvRow[]): void {
    if (this.tail.length > 0) this.takeLine(this.tail, 0, this.tail.length, out)
    this.tail = ''
    if (this.pending !== null) {
      throw new UserInputError(`${this.file}: line ${this.pendingLine}: a quoted field is never closed`, {
        file: this.file,
        row: this.pendingLine,
      })
    }
  }

  /** Takes the line text[start, end), without slicing it out unless it needs the full parser. */
  private takeLine(text: string, start: number, end: number, out: CsvRow[]): void {
    this.line++
    if (end > start && text.charCodeAt(end - 1) === 13) end--
    if (this.pending !== null) {
      const joined = `${this.pending}\n${text.slice(start, end)}`
      const cells = parseQuoted(joined)
      if (cells === UNCLOSED) {
        if (joined.length > MAX_LINE) this.tooLong(this.pendingLine)
        this.pending = joined
      } else {
        this.pending = null
        this.emit(cells, this.pendingLine, out)
      }
      return
    }
    if (end === start) return
    const fast = scanCells(text, start, end, this.wanted)
    if (fast) {
      out.push({ cells: fast, line: this.line })
      return
    }
    const line = text.slice(start, end)
    const cells = parseQuoted(line)
    if (cells === UNCLOSED) {
      this.pending = line
      this.pendingLine = this.line
      return
    }
    this.emit(cells, this.line, out)
  }

  private emit(cells: string[] | typeof BAD_QUOTES, line: number, out: CsvRow[]): void {
    if (cells === BAD_QUOTES) {
      throw new UserInputError(
        `${this.file}: line ${line}: a quote mark in the middle of a field (CSV fields with quotes must be wholly quoted, with "" for a quote mark)`,
        {
          file: this.file,
          row: line,
        },
      )
    }
    out.push({ cells, line })
  }
}

// No postcode file has a record near this long; a file that does is not one, and must not fill memory.
const MAX_LINE = 1 << 20
const UNCLOSED = Symbol('unclosed')
const BAD_QUOTES = Symbol('bad quotes')

/**
 * The common case in one pass over text[start, end): plain fields, and quoted ones with no ""
 * inside (ONSPD quotes every field). Makes strings only for wanted columns. Returns null for
 * anything else (an escaped quote, a stray quote, a quote not closed on this line), which the
 * full parser then judges.
 */
function scanCells(text: string, start: number, end: number, wanted: boolean[] | null): string[] | null {
  const cells: string[] = []
  let i = start
  for (let col = 0; ; col++) {
    const take = wanted === null || wanted[col] === true
    if (i < end && text.charCodeAt(i) === 34) {
      const close = text.indexOf('"', i + 1)
      if (close < 0 || close >= end) return null
      const after = close + 1
      if (after < end && text.charCodeAt(after) !== 44) return null
      cells.push(take ? text.slice(i + 1, close) : '')
      i = after
    } else {
      let j = i
      for (; j < end; j++) {
        const c = text.charCodeAt(j)
        if (c === 44) break
        if (c === 34) return null
      }
      cells.push(take ? text.slice(i, j) : '')
      i = j
    }
    if (i >= end) return cells
    i++ // the comma
  }
}

/** The full RFC 4180 parse of one record. */
function parseQuoted(text: string): string[] | typeof UNCLOSED | typeof BAD_QUOTES {
  const cells: string[] = []
  let i = 0
  for (;;) {
    if (text.charCodeAt(i) === 34) {
      let value = ''
      let j = i + 1
      for (;;) {
        const q = text.indexOf('"', j)
        if (q < 0) return UNCLOSED
        value += text.slice(j, q)
        if (text.charCodeAt(q + 1) === 34) {
          value += '"'
          j = q + 2
          continue
        }
        i = q + 1
        break
      }
      cells.push(value)
      if (i === text.length) return cells
      if (text.charCodeAt(i) !== 44) return BAD_QUOTES
      i++
    } else {
      const comma = text.indexOf(',', i)
      const field = comma < 0 ? text.slice(i) : text.slice(i, comma)
      if (field.indexOf('"') >= 0) return BAD_QUOTES
      cells.push(field)
      if (comma < 0) return cells
      i = comma + 1
    }
  }
}
