import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { UserInputError } from '../platform/errors.js'
import {
  districtOf,
  isNorthernIreland,
  normalisePostcode,
  parsePostcode,
  sectorOf,
  tryParsePostcode,
  tryParsePostcodeArea,
} from './postcode.js'

test('normalises case and spacing to the display form', () => {
  assert.equal(normalisePostcode('so147du'), 'SO14 7DU')
  assert.equal(normalisePostcode('  SO14   7DU '), 'SO14 7DU')
  assert.equal(normalisePostcode('sw1a1aa'), 'SW1A 1AA')
  assert.equal(normalisePostcode('M1 1AE'), 'M1 1AE')
  assert.equal(normalisePostcode('B338TH'), 'B33 8TH')
  assert.equal(normalisePostcode('CR2 6XH'), 'CR2 6XH')
  assert.equal(normalisePostcode('DN55 1PT'), 'DN55 1PT')
})

test('reads the 7-character fixed-width form ONSPD calls pcd', () => {
  assert.equal(normalisePostcode('AB1 0AA'), 'AB1 0AA')
  assert.equal(normalisePostcode('M1  1AE'), 'M1 1AE')
})

test('accepts the retired NPT and GIR outward codes that ONSPD still lists', () => {
  assert.equal(normalisePostcode('NPT 0AD'), 'NPT 0AD')
  assert.equal(normalisePostcode('gir0aa'), 'GIR 0AA')
})

test('gives the sector and the district (outward code)', () => {
  assert.equal(sectorOf('so147du'), 'SO14 7')
  assert.equal(districtOf('so147du'), 'SO14')
  assert.deepEqual(parsePostcode('EC1A 1BB'), {
    postcode: 'EC1A 1BB',
    outward: 'EC1A',
    inward: '1BB',
    sector: 'EC1A 1',
    district: 'EC1A',
  })
})

test('refuses what is not a postcode, with a message that says what one looks like', () => {
  for (const bad of ['', 'SO14', 'SO14 7D', '12345', 'SO14 7DUX', 'Q', 'SO14-7DU', '1O14 7DU', 'SO14 DU7']) {
    assert.equal(tryParsePostcode(bad), null, bad)
  }
  assert.throws(
    () => parsePostcode('SO14 7D', 'home postcode'),
    (e: unknown) =>
      e instanceof UserInputError &&
      /'SO14 7D' is not a UK postcode \(expected something like SO14 7DU\)/.test(e.message) &&
      e.where?.field === 'home postcode',
  )
})

test('reads shortened postcodes as a sector or a district', () => {
  assert.deepEqual(tryParsePostcodeArea('so14 7'), { kind: 'sector', key: 'SO14 7', district: 'SO14' })
  assert.deepEqual(tryParsePostcodeArea('SO147'), { kind: 'sector', key: 'SO14 7', district: 'SO14' })
  assert.deepEqual(tryParsePostcodeArea('so14'), { kind: 'district', key: 'SO14' })
  // The space decides: W1 1 is a sector of W1; W11 is a district of its own.
  assert.deepEqual(tryParsePostcodeArea('W1 1'), { kind: 'sector', key: 'W1 1', district: 'W1' })
  assert.deepEqual(tryParsePostcodeArea('W11'), { kind: 'district', key: 'W11' })
  assert.equal(tryParsePostcodeArea('SO14 7DU')?.kind, 'unit')
  assert.equal(tryParsePostcodeArea('SO14 77'), null)
  assert.equal(tryParsePostcodeArea('hello'), null)
})

test('knows Northern Ireland postcodes', () => {
  assert.equal(isNorthernIreland('BT1 1AA'), true)
  assert.equal(isNorthernIreland('B1 1AA'), false)
})

const outward = fc
  .tuple(fc.constantFrom('S', 'SO', 'EC', 'W', 'M', 'BN'), fc.integer({ min: 0, max: 9 }), fc.constantFrom('', '0', '4', 'A', 'W'))
  .map(([area, d, tail]) => `${area}${d}${tail}`)
const inward = fc
  .tuple(fc.integer({ min: 0, max: 9 }), fc.constantFrom(...'ABDEFGHJLNPQRSTUWXYZ'), fc.constantFrom(...'ABDEFGHJLNPQRSTUWXYZ'))
  .map(([d, a, b]) => `${d}${a}${b}`)

test('normalising is idempotent and ignores case and spacing', () => {
  fc.assert(
    fc.property(outward, inward, fc.constantFrom('', ' ', '  '), fc.boolean(), (out, inw, space, lower) => {
      const display = `${out} ${inw}`
      const messy = `${out}${space}${inw}`
      const input = lower ? messy.toLowerCase() : messy
      return (
        normalisePostcode(input) === display &&
        normalisePostcode(display) === display &&
        sectorOf(input) === `${out} ${inw[0]}` &&
        districtOf(input) === out
      )
    }),
  )
})
