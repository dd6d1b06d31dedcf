import assert from 'node:assert/strict'
import { test } from 'node:test'
import { datePartsOf, formatDateTime, formatTime, instantFromUk, isoDateFromParts, parseTime, ukWallClock } from './time.js'

test('a UK wall-clock time is UTC in winter and an hour ahead of it in summer', () => {
  assert.equal(instantFromUk('2026-01-15', '12:00'), '2026-01-15T12:00:00.000Z')
  assert.equal(instantFromUk('2026-06-15', '12:00'), '2026-06-15T11:00:00.000Z')
  assert.deepEqual(ukWallClock('2026-06-15T11:00:00.000Z'), { date: '2026-06-15', time: '12:00' })
  // Just after midnight in summer is still the previous day in UTC.
  assert.equal(instantFromUk('2026-07-01', '00:30'), '2026-06-30T23:30:00.000Z')
  assert.deepEqual(datePartsOf('2026-06-30T23:30:00.000Z'), { day: '1', month: '7', year: '2026' })
})

test('date boxes become an ISO date only when they make a real date', () => {
  assert.equal(isoDateFromParts({ day: '1', month: '9', year: '2026' }), '2026-09-01')
  assert.equal(isoDateFromParts({ day: '', month: '', year: '' }), null)
  assert.equal(isoDateFromParts({ day: '31', month: '2', year: '2026' }), 'invalid')
  assert.equal(isoDateFromParts({ day: '1', month: '', year: '2026' }), 'invalid')
})

test('times are read on the 24-hour clock and written the GOV.UK way', () => {
  assert.equal(parseTime('9.30'), '09:30')
  assert.equal(parseTime('17:00'), '17:00')
  assert.equal(parseTime('25:00'), null)
  assert.equal(parseTime('noon'), null)
  assert.deepEqual(['12:00', '00:00', '09:00', '17:30'].map(formatTime), ['midday', 'midnight', '9am', '5:30pm'])
  assert.equal(formatDateTime('2026-06-15T11:00:00.000Z'), '15 June 2026 at midday')
})
