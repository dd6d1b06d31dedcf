import assert from 'node:assert/strict'
import { test } from 'node:test'
import { amountsFromSevenths, penceFromSevenths } from './money.js'

test('sevenths round to the nearest penny, once', () => {
  assert.deepEqual([0, 3, 4, 7, 10, 11].map(penceFromSevenths), [0, 0, 1, 1, 1, 2])
  // 3 days at £1,000.01 a week: 300,003 sevenths = 42,857.57p → 42,858p.
  assert.equal(penceFromSevenths(3 * 100_001), 42_858)
  assert.throws(() => penceFromSevenths(-1), RangeError)
  assert.throws(() => penceFromSevenths(0.5), RangeError)
})

test('a line adds up: net is the rounded remainder, gross their total; a fully credited period is nil, not −1p', () => {
  assert.deepEqual(amountsFromSevenths(8, 4, 4), { grossPence: 2, creditPence: 1, deductionPence: 1, netPence: 0 })
  assert.deepEqual(amountsFromSevenths(700, 70, 0), { grossPence: 100, creditPence: 10, deductionPence: 0, netPence: 90 })
})
