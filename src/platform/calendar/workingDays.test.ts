import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { fromEpochDay, toEpochDay } from './isoDate.js'
import { addWorkingDays, isWorkingDay, nextWorkingDay, workingDaysBetween } from './workingDays.js'

const date = fc.integer({ min: toEpochDay('1980-01-01'), max: toEpochDay('2199-12-01') }).map(fromEpochDay)
const steps = fc.integer({ min: -300, max: 300 })

describe('working days', () => {
  test('weekends and bank holidays are not working days', () => {
    assert.equal(isWorkingDay('2026-03-02'), true) // Monday
    assert.equal(isWorkingDay('2026-03-07'), false) // Saturday
    assert.equal(isWorkingDay('2026-03-08'), false) // Sunday
    assert.equal(isWorkingDay('2026-04-03'), false) // Good Friday
    assert.equal(isWorkingDay('2026-12-28'), false) // Boxing Day (substitute)
  })

  test('adding working days skips weekends and holidays, both ways', () => {
    assert.equal(addWorkingDays('2026-12-24', 1), '2026-12-29')
    assert.equal(addWorkingDays('2026-12-24', 5), '2027-01-05')
    assert.equal(addWorkingDays('2026-04-02', 1), '2026-04-07')
    assert.equal(addWorkingDays('2026-04-07', -1), '2026-04-02')
    assert.equal(addWorkingDays('2026-03-07', 0), '2026-03-09') // a Saturday rolls on to Monday
    assert.equal(addWorkingDays('2026-03-09', 0), '2026-03-09')
    assert.equal(nextWorkingDay('2026-03-06'), '2026-03-09')
    assert.throws(() => addWorkingDays('2026-03-06', 1.5), /whole number/)
  })

  test('property: the result is always a working day', () => {
    fc.assert(fc.property(date, steps, (d, n) => isWorkingDay(addWorkingDays(d, n))))
  })

  test('property: monotonic in the start date and in n', () => {
    fc.assert(
      fc.property(date, date, steps, (a, b, n) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        assert.ok(addWorkingDays(lo, n) <= addWorkingDays(hi, n))
      }),
    )
    // Strictly increasing, except that n = 0 from a non-working day already rolls on to the next working day.
    fc.assert(fc.property(date, steps, (d, n) => addWorkingDays(d, n) < addWorkingDays(d, n + 1) || (n === 0 && !isWorkingDay(d))))
  })

  test('property: n working days later there are exactly n working days in between', () => {
    fc.assert(
      fc.property(date, steps, (d, n) => {
        fc.pre(n !== 0)
        const to = addWorkingDays(d, n)
        // Counting (d, to] forwards; backwards the start day d is inside and `to` is not.
        const expected = n > 0 ? n : -(-n - 1 + (isWorkingDay(d) ? 1 : 0))
        assert.equal(workingDaysBetween(d, to), expected)
      }),
    )
  })

  test('property: from a working day, n forward then n back returns to it', () => {
    fc.assert(
      fc.property(date, steps, (d, n) => {
        const start = addWorkingDays(d, 0)
        assert.equal(addWorkingDays(addWorkingDays(start, n), -n), start)
      }),
    )
  })

  test('property: never more than 6 calendar days between consecutive working days', () => {
    fc.assert(fc.property(date, (d) => toEpochDay(nextWorkingDay(d)) - toEpochDay(d) <= 6 && nextWorkingDay(d) > d))
  })
})
