import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { dfeMiles, milesFrom } from './distance.js'

// Eastings and northings as the British National Grid has them: whole metres, 0–700 km by 0–1,300 km.
const gridRef = fc.record({ easting: fc.integer({ min: 0, max: 700_000 }), northing: fc.integer({ min: 0, max: 1_300_000 }) })

test('the DfE formula on a worked example: 10 km east is 6.2 miles', () => {
  // 10 / 1.6093 = 6.2139…
  assert.equal(dfeMiles({ easting: 442_520, northing: 112_207 }, { easting: 452_520, northing: 112_207 }), 6.2)
})

test('Pythagoras over both axes: a 3-4-5 triangle of 30 km and 40 km is 50 km, 31.1 miles', () => {
  assert.equal(dfeMiles({ easting: 0, northing: 0 }, { easting: 30_000, northing: 40_000 }), 31.1)
})

test('distance is symmetric', () => {
  fc.assert(fc.property(gridRef, gridRef, (a, b) => dfeMiles(a, b) === dfeMiles(b, a)))
})

test('distance from a place to itself is zero', () => {
  fc.assert(fc.property(gridRef, (a) => dfeMiles(a, a) === 0))
})

test('distance is rounded to one decimal place, within 0.05 of the exact figure', () => {
  fc.assert(
    fc.property(gridRef, gridRef, (a, b) => {
      const miles = dfeMiles(a, b)
      const exact = Math.hypot(a.easting - b.easting, a.northing - b.northing) / 1609.3
      return (
        Number.isInteger(Math.round(miles * 10)) &&
        Math.abs(miles * 10 - Math.round(miles * 10)) < 1e-9 &&
        Math.abs(miles - exact) <= 0.05 + 1e-9
      )
    }),
  )
})

test('milesFrom gives exactly dfeMiles for every point', () => {
  fc.assert(
    fc.property(gridRef, fc.array(gridRef, { maxLength: 50 }), (origin, points) => {
      const got = milesFrom(
        origin,
        Int32Array.from(points, (p) => p.easting),
        Int32Array.from(points, (p) => p.northing),
      )
      assert.deepEqual(
        Array.from(got),
        points.map((p) => dfeMiles(origin, p)),
      )
    }),
  )
})

test('milesFrom writes into the array it is given', () => {
  const out = new Float64Array(3)
  const got = milesFrom({ easting: 0, northing: 0 }, Int32Array.of(0, 16_093, 0), Int32Array.of(0, 0, 160_930), out)
  assert.equal(got, out)
  assert.deepEqual(Array.from(out), [0, 10, 100])
})

test('milesFrom refuses mismatched arrays', () => {
  assert.throws(() => milesFrom({ easting: 0, northing: 0 }, new Int32Array(2), new Int32Array(3)), /differ in length/)
  assert.throws(() => milesFrom({ easting: 0, northing: 0 }, new Int32Array(2), new Int32Array(2), new Float64Array(1)), /needs 2/)
})
