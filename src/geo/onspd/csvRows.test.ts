import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { UserInputError } from '../../platform/errors.js'
import { CsvRowSplitter, type CsvRow } from './csvRows.js'

function split(chunks: string[]): CsvRow[] {
  const s = new CsvRowSplitter('f.csv')
  const out: CsvRow[] = []
  for (const c of chunks) s.push(c, out)
  s.end(out)
  return out
}

test('splits plain and quoted records, stripping a BOM and CRLF, counting lines from the header', () => {
  const rows = split(['\ufeffa,b,c\r\n1,"x y",3\r\n', '\r\n"4","5","6"\n7,"say ""hi""","a,b"'])
  assert.deepEqual(rows, [
    { cells: ['a', 'b', 'c'], line: 1 },
    { cells: ['1', 'x y', '3'], line: 2 },
    { cells: ['4', '5', '6'], line: 4 },
    { cells: ['7', 'say "hi"', 'a,b'], line: 5 },
  ])
})

test('a quoted field may span lines; the record keeps the line it starts on', () => {
  const rows = split(['h\n"one\ntwo",x\nz\n'])
  assert.deepEqual(rows, [
    { cells: ['h'], line: 1 },
    { cells: ['one\ntwo', 'x'], line: 2 },
    { cells: ['z'], line: 4 },
  ])
})

test('an unclosed quote or a stray quote is an error naming the line', () => {
  assert.throws(
    () => split(['h\nok\n"never closed,1\n']),
    (e: unknown) => e instanceof UserInputError && /f\.csv: line 3: a quoted field is never closed/.test(e.message),
  )
  assert.throws(
    () => split(['h\nab"c,1\n']),
    (e: unknown) => e instanceof UserInputError && e.where?.row === 2 && /quote mark in the middle/.test(e.message),
  )
})

test('however the text is cut into chunks, the records are the same', () => {
  const cell = fc.oneof(fc.stringMatching(/^[a-z0-9 ]{0,5}$/), fc.stringMatching(/^[a-z,"\n]{0,5}$/))
  const quote = (c: string) => (/[,"\n]/.test(c) || c === '' ? `"${c.replace(/"/g, '""')}"` : c)
  fc.assert(
    fc.property(
      fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
      fc.array(fc.nat(), { maxLength: 6 }),
      (records, cuts) => {
        const text = records.map((r) => r.map(quote).join(',')).join('\n') + '\n'
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b)
        const chunks: string[] = []
        let at = 0
        for (const p of points) {
          chunks.push(text.slice(at, p))
          at = p
        }
        chunks.push(text.slice(at))
        assert.deepEqual(
          split(chunks).map((r) => r.cells),
          records,
        )
      },
    ),
  )
})

test('with wanted columns, only those carry text; a quoted comma or an escaped quote elsewhere keeps the columns in place', () => {
  const s = new CsvRowSplitter('f.csv')
  s.want([0, 3, -1])
  const out: CsvRow[] = []
  s.push('"SO14 7AA","x","y","442500"\nSO14 7AB,"a,b",z,442600\nSO14 7AD,"say ""hi""",q,442700\n', out)
  assert.deepEqual(
    out.map((r) => r.cells),
    [
      ['SO14 7AA', '', '', '442500'],
      ['SO14 7AB', '', '', '442600'],
      // The escaped quote sends this line to the full parser, which keeps every cell.
      ['SO14 7AD', 'say "hi"', 'q', '442700'],
    ],
  )
})

test('a file with no line ends (not a CSV) is refused rather than read into memory', () => {
  const s = new CsvRowSplitter('photo.jpg')
  const out: CsvRow[] = []
  assert.throws(() => {
    for (let i = 0; i < 20; i++) s.push('x'.repeat(100_000), out)
  }, /photo\.jpg: line 1 is longer than 1 MB: this is not a CSV file we can read/)
})
