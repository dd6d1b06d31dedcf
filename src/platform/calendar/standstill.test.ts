import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { addDays, fromEpochDay, toEpochDay } from './isoDate.js'
import { standstill } from './standstill.js'
import { isWorkingDay, workingDaysBetween } from './workingDays.js'

const noticeDate = fc.integer({ min: toEpochDay('1990-01-01'), max: toEpochDay('2150-12-01') }).map(fromEpochDay)

describe('standstill', () => {
  test('PA2023: eight working days beginning with the day the award notice is published', () => {
    assert.deepEqual(standstill('PA2023', '2026-03-02'), {
      kind: 'PA2023-8-working-days',
      days: 8,
      dayType: 'working',
      startsOn: '2026-03-02',
      endsOn: '2026-03-11',
      earliestContractDate: '2026-03-12',
    })
  })

  test('PA2023: Easter, Christmas and a Saturday notice', () => {
    const ends = (d: string) => {
      const s = standstill('PA2023', d)
      return [s.endsOn, s.earliestContractDate]
    }
    assert.deepEqual(ends('2026-04-01'), ['2026-04-14', '2026-04-15'])
    assert.deepEqual(ends('2026-12-24'), ['2027-01-07', '2027-01-08'])
    assert.deepEqual(ends('2026-03-07'), ['2026-03-18', '2026-03-19'])
  })

  test('PCR2015: 10 calendar days after the notice by default', () => {
    assert.deepEqual(standstill('PCR2015', '2026-03-02'), {
      kind: 'PCR2015-voluntary-10-days',
      days: 10,
      dayType: 'calendar',
      startsOn: '2026-03-03',
      endsOn: '2026-03-12',
      earliestContractDate: '2026-03-13',
    })
  })

  test('PCR2015: a period ending at a weekend or on a bank holiday runs to the next working day', () => {
    assert.equal(standstill('PCR2015', '2026-03-04').endsOn, '2026-03-16') // 10th day a Saturday
    const summer = standstill('PCR2015', '2026-08-21') // 10th day the summer bank holiday
    assert.deepEqual([summer.endsOn, summer.earliestContractDate], ['2026-09-01', '2026-09-02'])
  })

  test('PCR2015: configurable length, or none', () => {
    const s = standstill('PCR2015', '2026-03-02', { days: 14 })
    assert.deepEqual([s.kind, s.days, s.endsOn], ['PCR2015-voluntary-calendar-days', 14, '2026-03-16'])
    assert.deepEqual(standstill('PCR2015', '2026-03-02', { days: 'none' }), {
      kind: 'none',
      days: 0,
      dayType: null,
      startsOn: null,
      endsOn: null,
      earliestContractDate: '2026-03-02',
    })
    assert.equal(standstill('PA2023', '2026-03-02', { days: 'none' }).kind, 'none')
  })

  test('refuses lengths the rules do not allow, and bad dates', () => {
    assert.throws(() => standstill('PA2023', '2026-03-02', { days: 5 }), /8 working days/)
    assert.throws(() => standstill('PCR2015', '2026-03-02', { days: 0 }), /whole number of days/)
    assert.throws(() => standstill('PCR2015', '2026-13-02'), /real calendar date|ISO date/)
  })

  test('property: PA2023 standstill holds exactly 8 working days from the notice day and ends on one', () => {
    fc.assert(
      fc.property(noticeDate, (d) => {
        const s = standstill('PA2023', d)
        assert.ok(s.endsOn && isWorkingDay(s.endsOn))
        assert.equal(workingDaysBetween(addDays(d, -1), s.endsOn), 8)
        assert.ok(isWorkingDay(s.earliestContractDate) && s.earliestContractDate > s.endsOn)
      }),
    )
  })

  test('property: PCR2015 standstill lasts at least the days asked and ends on a working day', () => {
    fc.assert(
      fc.property(noticeDate, fc.integer({ min: 1, max: 30 }), (d, days) => {
        const s = standstill('PCR2015', d, { days })
        assert.ok(s.endsOn && isWorkingDay(s.endsOn))
        const nominal = addDays(d, days)
        assert.ok(s.endsOn >= nominal)
        if (isWorkingDay(nominal)) assert.equal(s.endsOn, nominal)
        assert.ok(isWorkingDay(s.earliestContractDate) && s.earliestContractDate > s.endsOn)
      }),
    )
  })
})
