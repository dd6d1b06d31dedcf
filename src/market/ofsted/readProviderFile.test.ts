import assert from 'node:assert/strict'
import { after, test } from 'node:test'
import { UserInputError } from '../../platform/errors.js'
import { readProviderFile } from './readProviderFile.js'
import { toCell } from './readXlsx.js'
import { CH_HEADERS, chHome, csvText, rowFor, tempDir, xlsxBuffer } from './testFixtures.js'

const tmp = tempDir()
after(tmp.cleanup)

async function refused(buffer: Buffer, fileName: string, pattern: RegExp) {
  await assert.rejects(readProviderFile(buffer, fileName), (err: unknown) => {
    assert.ok(err instanceof UserInputError, String(err))
    assert.match(err.message, pattern)
    assert.ok(err.message.includes(fileName), `message names the file: ${err.message}`)
    assert.equal(err.where?.file, fileName)
    return true
  })
}

test('a CSV with title rows above the header: header found by its URN cell, rows keep their numbers', async () => {
  const csv = csvText([
    ["Children's homes list — restricted"],
    [],
    ['Local Authority', 'URN', 'Setting Name'],
    ['Southampton', 'SC100001', 'Oak House'],
    [],
    ['Hampshire', 'SC100002', 'Elm House'],
  ])
  const table = await readProviderFile(Buffer.from(csv), 'list.csv')
  assert.equal(table.headerRow, 3)
  assert.deepEqual(table.headers, ['Local Authority', 'URN', 'Setting Name'])
  assert.deepEqual(
    table.rows.map((r) => [r.row, r.cells[1]]),
    [
      [4, 'SC100001'],
      [6, 'SC100002'],
    ],
  )
})

test('a CSV saved by Excel as Windows-1252 with a byte-order mark still reads', async () => {
  const utf8 = await readProviderFile(Buffer.from('\ufeffURN,Setting Name\nSC100001,Caf\u00e9 House\n'), 'bom.csv')
  assert.equal(utf8.headers[0], 'URN')
  const cp1252 = Buffer.concat([Buffer.from('URN,Setting Name\nSC100001,Caf'), Buffer.from([0xe9]), Buffer.from(' House\n')])
  assert.equal((await readProviderFile(cp1252, 'cp1252.csv')).rows[0]!.cells[1], 'Caf\u00e9 House')
})

test('XLSX: the providers sheet is chosen over others and its header may sit below title rows', async () => {
  const buffer = await xlsxBuffer([
    { name: 'Read me', rows: [['This list is restricted'], ['URN means unique reference number']] },
    { name: 'Providers', rows: [['Ofsted combined list'], [], ['URN', 'Provider name'], ['SC100001', 'Oak House']] },
  ])
  const table = await readProviderFile(buffer, 'combined.xlsx')
  assert.equal(table.sheet, 'Providers')
  assert.equal(table.headerRow, 3)
  assert.deepEqual(table.rows[0], { row: 4, cells: ['SC100001', 'Oak House'] })
})

test('XLSX: dates stay dates, hyperlinks and rich text become their text', async () => {
  const buffer = await xlsxBuffer([
    {
      name: 'Provider information',
      rows: [CH_HEADERS, rowFor(CH_HEADERS, chHome({ 'Setting Name': 'Oak House' }))],
    },
  ])
  const table = await readProviderFile(buffer, 'ch.xlsx')
  const cell = (h: string) => table.rows[0]!.cells[CH_HEADERS.indexOf(h)]
  assert.ok(cell('Registration Date') instanceof Date)
  assert.equal(cell('Max Users'), 4)
  assert.equal(cell('Setting Name'), 'Oak House')
  assert.equal(toCell({ text: 'oak@example.org', hyperlink: 'mailto:oak@example.org' }), 'oak@example.org')
  assert.equal(toCell({ richText: [{ text: 'Oak ' }, { text: 'House' }] }), 'Oak House')
  assert.equal(toCell({ formula: 'A1+1', result: 5 }), 5)
  assert.equal(toCell({ error: '#N/A' }), null)
})

test('older Children\'s Homes lists: "Address Details" is joined to "Settings and Inspection Info" by URN', async () => {
  const buffer = await xlsxBuffer([
    {
      name: 'Settings and Inspection Info',
      rows: [
        ['URN', 'Setting Name', 'Max Users'],
        ['SC100001', 'Oak House', 4],
        ['SC100002', 'Elm House', 2],
      ],
    },
    {
      name: 'Address Details',
      rows: [
        ['URN', 'Setting Name', 'Setting Address Postcode'],
        ['sc100002', 'Elm House', 'SO16 3AB'],
      ],
    },
  ])
  const table = await readProviderFile(buffer, 'old-ch.xlsx')
  assert.equal(table.sheet, 'Settings and Inspection Info')
  assert.deepEqual(table.headers, ['URN', 'Setting Name', 'Max Users', 'Setting Address Postcode'])
  assert.deepEqual(table.rows[0]!.cells, ['SC100001', 'Oak House', 4, null])
  assert.deepEqual(table.rows[1]!.cells, ['SC100002', 'Elm House', 2, 'SO16 3AB'])
})

test('a truncated XLSX is refused by name', async () => {
  const whole = await xlsxBuffer([{ name: 'Providers', rows: [['URN'], ['SC100001']] }])
  await refused(whole.subarray(0, Math.floor(whole.length * 0.7)), 'cut.xlsx', /not a readable XLSX workbook/)
})

test('a file that is not a provider list is refused by name: no URN column, empty, ODS, no header at all', async () => {
  await refused(Buffer.from('Name,Postcode\nOak House,SO15 5AB\n'), 'homes.csv', /no "URN" column/)
  await refused(Buffer.alloc(0), 'empty.csv', /is empty/)
  await refused(Buffer.from('\n\n'), 'blank.csv', /no "URN" column/)
  await refused(Buffer.from('PK'), 'list.ods', /OpenDocument/)
  await refused(Buffer.from('a,"unterminated\n'), 'broken.csv', /not a readable CSV/)
  const noUrn = await xlsxBuffer([{ name: 'Providers', rows: [['Setting Name'], ['Oak House']] }])
  await refused(noUrn, 'no-urn.xlsx', /no "URN" column .*sheet "Providers"|sheet "Providers".*no "URN" column/)
})
