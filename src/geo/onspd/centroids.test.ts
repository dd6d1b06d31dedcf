import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { CentroidAccumulator } from './centroids.js'

test('mean grid reference, modal LAD and count per area, sorted by key', () => {
  const acc = new CentroidAccumulator()
  acc.add('SO14 7', 442_500, 112_200, 'E06000045')
  acc.add('SO14 7', 442_600, 112_300, 'E07000086')
  acc.add('SO14 7', 442_701, 112_100, 'E06000045')
  acc.add('M1 1', 384_000, 398_000, 'E08000003')
  assert.deepEqual(acc.rows(), [
    { key: 'M1 1', lad: 'E08000003', easting: 384_000, northing: 398_000, postcodes: 1 },
    { key: 'SO14 7', lad: 'E06000045', easting: 442_600, northing: 112_200, postcodes: 3 },
  ])
})

test('a tie between LADs goes to the one met first; an unknown LAD never wins', () => {
  const acc = new CentroidAccumulator()
  acc.add('A1 1', 0, 0, 'E07000086')
  acc.add('A1 1', 0, 0, 'E06000045')
  acc.add('A1 1', 0, 0, null)
  acc.add('A1 1', 0, 0, null)
  acc.add('A1 1', 0, 0, null)
  acc.add('B1 1', 0, 0, 'E06000045')
  acc.add('B1 1', 0, 0, 'E07000086')
  assert.deepEqual(
    acc.rows().map((r) => r.lad),
    ['E07000086', 'E06000045'],
  )
})

test('weights: a district from its sectors is the postcode-weighted mean', () => {
  const acc = new CentroidAccumulator()
  acc.add('SO14', 1000, 0, 'E1', 3, 3)
  acc.add('SO14', 2000, 0, 'E2', 1, 1)
  assert.deepEqual(acc.rows()[0], { key: 'SO14', lad: 'E1', easting: 1250, northing: 0, postcodes: 4 })
})

test('the centroid lies within the bounding box of its points', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 700_000 }), fc.integer({ min: 0, max: 1_300_000 })), { minLength: 1, maxLength: 30 }),
      (pts) => {
        const acc = new CentroidAccumulator()
        for (const [e, n] of pts) acc.add('K', e, n, null)
        const [c] = acc.rows()
        const es = pts.map((p) => p[0])
        const ns = pts.map((p) => p[1])
        return (
          c!.easting >= Math.min(...es) &&
          c!.easting <= Math.max(...es) &&
          c!.northing >= Math.min(...ns) &&
          c!.northing <= Math.max(...ns) &&
          c!.postcodes === pts.length
        )
      },
    ),
  )
})
