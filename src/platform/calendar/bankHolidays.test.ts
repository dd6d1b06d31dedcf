import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { bankHolidays, easterSunday, isBankHoliday } from './bankHolidays.js'
import { dayOfWeek } from './isoDate.js'

// The gov.uk lists for England and Wales (https://www.gov.uk/bank-holidays), written out by hand.
const PUBLISHED: Record<number, string[]> = {
  2002: ['01-01', '03-29', '04-01', '05-06', '06-03', '06-04', '08-26', '12-25', '12-26'],
  2011: ['01-03', '04-22', '04-25', '04-29', '05-02', '05-30', '08-29', '12-26', '12-27'],
  2012: ['01-02', '04-06', '04-09', '05-07', '06-04', '06-05', '08-27', '12-25', '12-26'],
  2019: ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2020: ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28'],
  2021: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'],
  2022: ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
  2023: ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
  2024: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
  2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
  2027: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
}

describe('bank holidays in England and Wales', () => {
  for (const [year, days] of Object.entries(PUBLISHED)) {
    test(`${year} matches the published list`, () => {
      assert.deepEqual(
        bankHolidays(Number(year)).map((h) => h.date),
        days.map((d) => `${year}-${d}`),
      )
    })
  }

  test('substitute days and proclaimed days carry their names', () => {
    const names = (year: number) => Object.fromEntries(bankHolidays(year).map((h) => [h.date, h.name]))
    assert.equal(names(2022)['2022-01-03'], "New Year's Day (substitute day)")
    assert.equal(names(2022)['2022-12-27'], 'Christmas Day (substitute day)')
    assert.equal(names(2022)['2022-12-26'], 'Boxing Day')
    assert.equal(names(2026)['2026-12-28'], 'Boxing Day (substitute day)')
    assert.equal(names(2020)['2020-05-08'], 'Early May bank holiday (VE day)')
    assert.equal(names(2023)['2023-05-08'], 'Coronation of King Charles III')
  })

  test('Easter Sunday from the algorithm matches known dates', () => {
    const known = {
      1818: '1818-03-22',
      2000: '2000-04-23',
      2008: '2008-03-23',
      2019: '2019-04-21',
      2024: '2024-03-31',
      2038: '2038-04-25',
      2285: '2285-03-22',
    }
    for (const [year, date] of Object.entries(known)) assert.equal(easterSunday(Number(year)), date, year)
  })

  test('isBankHoliday answers for single days and refuses what is not a date', () => {
    assert.equal(isBankHoliday('2026-08-31'), true)
    assert.equal(isBankHoliday('2026-08-24'), false)
    assert.throws(() => isBankHoliday('2026-02-30'), /real calendar date/)
    assert.throws(() => isBankHoliday('31/08/2026'), /ISO date/)
    assert.throws(() => bankHolidays(1977), /known from 1978/)
  })

  test('property: every year from 1978 has at least 8 holidays, all on weekdays, all distinct', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1978, max: 2400 }), (year) => {
        const dates = bankHolidays(year).map((h) => h.date)
        assert.ok(dates.length >= 8, `${year}: ${dates.length}`)
        assert.equal(new Set(dates).size, dates.length)
        for (const d of dates) assert.ok(![0, 6].includes(dayOfWeek(d)), `${d} falls at a weekend`)
        for (const d of dates) assert.equal(d.slice(0, 4), String(year))
      }),
    )
  })
})
