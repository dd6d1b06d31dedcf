import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { gzipSync } from 'node:zlib'
import { UserInputError } from '../../platform/errors.js'
import { openTextSource, pickDataCsv } from './openSource.js'
import { makeZip } from './testZip.js'

const dir = mkdtempSync(join(tmpdir(), 'placewise-geo-'))
after(() => rmSync(dir, { recursive: true, force: true }))

async function readAll(path: string): Promise<{ text: string; file: string; entry: string | null }> {
  const s = await openTextSource(path)
  let text = ''
  try {
    for await (const c of s.chunks) text += c
  } finally {
    s.close()
  }
  return { text, file: s.file, entry: s.entry }
}

test('reads plain, gzipped and zipped CSV alike, recognising each by its content', async () => {
  const csv = 'postcode,lad,easting,northing\nSO14 7AA,E06000045,442500,112200\n'
  writeFileSync(join(dir, 'plain.csv'), csv)
  writeFileSync(join(dir, 'packed.csv.gz'), gzipSync(csv))
  writeFileSync(join(dir, 'misnamed.csv'), gzipSync(csv))
  writeFileSync(
    join(dir, 'ONSPD.zip'),
    makeZip([
      { name: 'Documents/LA_UA names.csv', content: 'a,b\n' },
      { name: 'Data/ONSPD_NOV_2025_UK.csv', content: csv },
    ]),
  )
  assert.equal((await readAll(join(dir, 'plain.csv'))).text, csv)
  assert.equal((await readAll(join(dir, 'packed.csv.gz'))).text, csv)
  assert.equal((await readAll(join(dir, 'misnamed.csv'))).text, csv)
  assert.deepEqual(await readAll(join(dir, 'ONSPD.zip')), {
    text: csv,
    file: 'ONSPD.zip:Data/ONSPD_NOV_2025_UK.csv',
    entry: 'Data/ONSPD_NOV_2025_UK.csv',
  })
})

test('in a zip, the largest ONSPD/NSPL-named CSV is the data; otherwise the largest CSV', () => {
  const e = (fileName: string, uncompressedSize: number) => ({ fileName, uncompressedSize })
  assert.equal(
    pickDataCsv([
      e('Documents/Big lookup.csv', 9e9),
      e('Data/multi_csv/ONSPD_NOV_2025_UK_SO.csv', 1e6),
      e('Data/ONSPD_NOV_2025_UK.csv', 1e9),
    ])!.fileName,
    'Data/ONSPD_NOV_2025_UK.csv',
  )
  assert.equal(pickDataCsv([e('a.csv', 1), e('b.csv', 2)])!.fileName, 'b.csv')
  assert.equal(pickDataCsv([]), undefined)
})

test('a missing file, a zip with no CSV and damaged gzip data are user errors naming the file', async () => {
  await assert.rejects(
    openTextSource(join(dir, 'nope.csv')),
    (e: unknown) => e instanceof UserInputError && /^nope\.csv: no such file/.test(e.message),
  )
  writeFileSync(join(dir, 'empty.zip'), makeZip([{ name: 'readme.txt', content: 'hi' }]))
  await assert.rejects(openTextSource(join(dir, 'empty.zip')), /empty\.zip: the zip holds no \.csv file/)
  const gz = gzipSync('postcode,lad,easting,northing\n'.repeat(1000))
  writeFileSync(join(dir, 'cut.csv.gz'), gz.subarray(0, gz.length - 20))
  await assert.rejects(
    readAll(join(dir, 'cut.csv.gz')),
    (e: unknown) => e instanceof UserInputError && /cut\.csv\.gz: the compressed data is damaged/.test(e.message),
  )
})
