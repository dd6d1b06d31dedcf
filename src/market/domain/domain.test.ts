import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { dfeMiles } from '../../geo/distance.js'
import { normaliseCompanyNumber } from './companiesHouse.js'
import { distanceView, maxSquaredMetresWithin } from './distance.js'
import { OFSTED_JUDGEMENTS, judgementRank, judgementTag } from './judgements.js'
import { FRAMEWORK_LOTS, lotTitle } from './lots.js'
import { NEED_CODES } from './needs.js'

const centre = { easting: 442_520, northing: 112_207 }

test('the framework has the six lots of the real one, numbered 1 to 6 with distinct codes', () => {
  assert.deepEqual(
    FRAMEWORK_LOTS.map((l) => l.number),
    [1, 2, 3, 4, 5, 6],
  )
  assert.equal(new Set(FRAMEWORK_LOTS.map((l) => l.code)).size, 6)
  assert.equal(lotTitle(FRAMEWORK_LOTS[5]), 'Lot 6: Children with disabilities')
})

test('judgements rank best first, and nothing stored ranks with not yet inspected', () => {
  assert.equal(OFSTED_JUDGEMENTS[0], 'Outstanding')
  assert.deepEqual(['Inadequate', 'Outstanding', null, 'Good'].map(judgementRank), [4, 1, 5, 2])
  assert.deepEqual(judgementTag('Requires improvement to be good'), {
    text: 'Requires improvement to be good',
    classes: 'govuk-tag--yellow',
  })
  assert.equal(judgementTag(null).text, 'Not yet inspected')
})

test('need codes are unique', () => {
  assert.equal(new Set(NEED_CODES).size, NEED_CODES.length)
})

test('Companies House numbers: 8 digits or 2 letters and 6 digits, in any case and spacing', () => {
  assert.equal(normaliseCompanyNumber('01234567'), '01234567')
  assert.equal(normaliseCompanyNumber(' sc 123456 '), 'SC123456')
  for (const bad of ['1234567', '123456789', 'S1234567', 'SCX12345', '']) assert.equal(normaliseCompanyNumber(bad), null, bad)
})

test('a home at a unit postcode 10 km east is 6.2 miles away and within 20 miles', () => {
  const v = distanceView(centre, { easting: 452_520, northing: 112_207, location_precision: 'unit' }, 20)
  assert.deepEqual(v, { known: true, miles: 6.2, withinRadius: true, approximate: false, text: '6.2 miles' })
})

test('a sector or district centroid is shown as approximate, and no location as unknown', () => {
  const sector = distanceView(centre, { easting: 442_520, northing: 152_207, location_precision: 'sector' }, 20)
  assert.equal(sector.approximate, true)
  assert.equal(sector.withinRadius, false)
  assert.equal(sector.text, 'About 24.9 miles')
  const none = distanceView(centre, { easting: null, northing: null, location_precision: 'none' }, 20)
  assert.deepEqual([none.known, none.text], [false, 'Unknown'])
})

test('exactly 20.0 miles is within 20 miles; 20.1 is not', () => {
  const s = maxSquaredMetresWithin(20)
  // 20.05 miles is where rounding tips over to 20.1.
  assert.ok(Math.abs(Math.sqrt(s) - 20.05 * 1609.3) < 1)
})

test('the integer squared-distance test agrees with the DfE distance for every pair of points', () => {
  const grid = fc.record({ easting: fc.integer({ min: 380_000, max: 500_000 }), northing: fc.integer({ min: 50_000, max: 170_000 }) })
  fc.assert(
    fc.property(grid, fc.integer({ min: 0, max: 60 }), (p, miles) => {
      const de = p.easting - centre.easting
      const dn = p.northing - centre.northing
      assert.equal(de * de + dn * dn <= maxSquaredMetresWithin(miles), dfeMiles(centre, p) <= miles)
    }),
    { numRuns: 2000 },
  )
})

test('the boundary itself: the last square metre in and the first out', () => {
  for (const miles of [0, 1, 5, 20, 37.5]) {
    const s = maxSquaredMetresWithin(miles)
    const atRoundedMiles = (sq: number) => Math.round((Math.sqrt(sq) / 1609.3) * 10) / 10
    assert.ok(atRoundedMiles(s) <= miles, `${miles}: ${s} in`)
    assert.ok(atRoundedMiles(s + 1) > miles, `${miles}: ${s + 1} out`)
  }
})
