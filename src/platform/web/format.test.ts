import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { formatDate, formatPence, parsePounds } from './format.js'

test('formats pence as pounds', () => {
  assert.equal(formatPence(612_000), '£6,120.00')
  assert.equal(formatPence(612_050, { whole: true }), '£6,121')
  assert.equal(formatPence(null), '')
})

test('formats ISO dates the GOV.UK way', () => {
  assert.equal(formatDate('2019-11-19'), '19 November 2019')
  assert.equal(formatDate('2026-01-05T10:00:00.000Z'), '5 January 2026')
  assert.equal(formatDate(null), '')
})

test('parses pounds to exact pence, and refuses what is not money', () => {
  assert.equal(parsePounds('£4,250.50'), 425_050)
  assert.equal(parsePounds('4250.5'), 425_050)
  assert.equal(parsePounds('12'), 1200)
  for (const bad of ['', 'abc', '-5', '1.234', '£']) assert.equal(parsePounds(bad), null, bad)
})

test('pence survive formatting and parsing unchanged', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 10_000_000_00 }), (pence) => {
      assert.equal(parsePounds(formatPence(pence)), pence)
    }),
  )
})
