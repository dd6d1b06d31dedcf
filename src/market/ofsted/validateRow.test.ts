import assert from 'node:assert/strict'
import { test } from 'node:test'
import { mapHeaders } from './headers.js'
import { CH_HEADERS, chHome, COMBINED_2025_HEADERS, rowFor, type Value } from './testFixtures.js'
import { isChildrensHomeType, validateRow, type RowOutcome } from './validateRow.js'

const ch = mapHeaders(CH_HEADERS)
const chRow = (row: number, overrides: Record<string, Value> = {}) => validateRow({ row, cells: rowFor(CH_HEADERS, chHome(overrides)) }, ch)

function home(o: RowOutcome) {
  assert.equal(o.kind, 'home', JSON.stringify(o))
  return (o as Extract<RowOutcome, { kind: 'home' }>).home
}
function reasons(o: RowOutcome) {
  assert.equal(o.kind, 'rejected', JSON.stringify(o))
  return (o as Extract<RowOutcome, { kind: 'rejected' }>).reasons
}

test("a Children's Homes list row becomes a normalised home", () => {
  assert.deepEqual(home(chRow(2)), {
    row: 2,
    urn: 'SC100001',
    name: 'Oak House',
    owner: { ofstedOwnerId: 'OW0001', name: 'Acorn Care Ltd' },
    addressLine: '1 Oak Road, Shirley',
    town: 'Southampton',
    postcode: 'SO15 5AB',
    registeredPlaces: 4,
    judgement: 'Good',
    judgementDate: '2024-10-15',
    registrationDate: '2019-04-01',
    status: 'active',
    categories: ['EBD', 'LD'],
  })
})

test('a bad number of places is rejected with the row, the column and the value', () => {
  assert.deepEqual(reasons(chRow(14, { 'Max Users': '-2' })), ['row 14, column "Max Users": "-2" is not a number of places'])
})

test('every fault of a row is reported, not just the first', () => {
  const r = reasons(chRow(7, { URN: 'X1', 'Overall Effectiveness': 'Excellent', 'Owner Name': '', 'Owner ID': '' }))
  assert.equal(r.length, 3)
  assert.match(r[0]!, /^row 7, column "URN": "X1" is not an Ofsted URN/)
  assert.match(r[1]!, /^row 7, column "Owner Name": is blank/)
  assert.match(r[2]!, /^row 7, column "Overall Effectiveness": "Excellent" is not an Ofsted judgement/)
})

test('a closed date or a non-active status closes the home; a closed home may have no places', () => {
  assert.equal(home(chRow(3, { 'Closed Date': '31/01/2025' })).status, 'closed')
  assert.equal(home(chRow(3, { 'Provider Status': 'Resigned', 'Max Users': '-' })).registeredPlaces, 0)
  assert.equal(home(chRow(3, { 'Provider Status': 'Suspended' })).status, 'suspended')
  assert.match(reasons(chRow(3, { 'Max Users': null }))[0]!, /"Max Users": is blank: an open home must have/)
})

test('other provision is skipped, not rejected; apostrophes and case do not matter', () => {
  assert.deepEqual(chRow(4, { 'Provider Type': 'Independent Fostering Agency', URN: 'bad' }), {
    kind: 'skipped',
    row: 4,
    providerType: 'Independent Fostering Agency',
  })
  for (const t of ["Children's home", 'Childrens Home', 'CHILDREN\u2019S HOME', "Secure children's home"]) {
    assert.equal(isChildrensHomeType(t), true, t)
  }
  assert.equal(isChildrensHomeType('Residential Family Centre'), false)
  assert.match(reasons(chRow(4, { 'Provider Type': '' }))[0]!, /"Provider Type": is blank/)
})

test('an unreadable postcode is a warning, not a rejection: the home comes in without a location', () => {
  const o = chRow(5, { 'Setting Address Postcode': 'REDACTED' })
  assert.equal(home(o).postcode, null)
  assert.deepEqual((o as Extract<RowOutcome, { kind: 'home' }>).warnings, [
    'row 5, column "Setting Address Postcode": "REDACTED" is not a UK postcode, so the home has no location',
  ])
})

test('a 2025 combined list row reads the same way under its own headings', () => {
  const m = mapHeaders(COMBINED_2025_HEADERS)
  const cells = rowFor(COMBINED_2025_HEADERS, {
    URN: 2512345,
    'Provider type': "Children's Home",
    'Provider name': 'Birch Lodge',
    'Registration status': 'Registered',
    'Provider postcode': 'SO14 7DU',
    'Owner ID': 77,
    'Owner name': 'Birch Ltd',
    'Overall effectiveness': 'Requires improvement',
    'Date of last full inspection': '02/05/2025',
    'Number of registered places': 3,
    'Mental disorders': 'Yes',
    'Sensory impairment': 'Blind',
  })
  const h = home(validateRow({ row: 9, cells }, m))
  assert.equal(h.urn, '2512345')
  assert.deepEqual(h.owner, { ofstedOwnerId: '77', name: 'Birch Ltd' })
  assert.equal(h.judgement, 'Requires improvement to be good')
  assert.equal(h.judgementDate, '2025-05-02')
  assert.deepEqual(h.categories, ['MD', 'SI'])
})

test('a file without a places column rejects each home saying which headings it looked for', () => {
  const headers = ['URN', 'Setting Name', 'Owner Name']
  const r = reasons(validateRow({ row: 2, cells: ['SC100009', 'Elm', 'Elm Ltd'] }, mapHeaders(headers)))
  assert.deepEqual(r, [
    'row 2: the file has no column for registered places (expected one of "Max Users", "Number of registered places", "Places", "Capacity")',
  ])
})
