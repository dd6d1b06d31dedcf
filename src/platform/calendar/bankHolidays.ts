/**
 * Bank holidays in England and Wales (Banking and Financial Dealings Act 1971, Sch. 1, and royal
 * proclamations), computed for any year from 1978 — the first year with the early May holiday.
 * Rules give the regular days; proclamations that moved or added a day are listed below, and
 * a new one (a coronation, a state funeral) is added to ONE_OFF_HOLIDAYS when it is proclaimed.
 */
import { addDays, dayOfWeek, isoDate, toEpochDay, yearOf } from './isoDate.js'

export type BankHoliday = { date: string; name: string }

export const FIRST_RULE_YEAR = 1978

/** Regular holidays that a proclamation moved to another day in a given year. */
const MOVED: Record<string, { date: string; name: string }> = {
  '1995:earlyMay': { date: '1995-05-08', name: 'Early May bank holiday (VE day)' },
  '2020:earlyMay': { date: '2020-05-08', name: 'Early May bank holiday (VE day)' },
  '2002:spring': { date: '2002-06-04', name: 'Spring bank holiday' },
  '2012:spring': { date: '2012-06-04', name: 'Spring bank holiday' },
  '2022:spring': { date: '2022-06-02', name: 'Spring bank holiday' },
}

/** Extra days proclaimed once. */
export const ONE_OFF_HOLIDAYS: readonly BankHoliday[] = [
  { date: '1981-07-29', name: 'Royal wedding' },
  { date: '1999-12-31', name: 'Millennium celebrations' },
  { date: '2002-06-03', name: 'Golden Jubilee' },
  { date: '2011-04-29', name: 'Royal wedding' },
  { date: '2012-06-05', name: 'Diamond Jubilee' },
  { date: '2022-06-03', name: 'Platinum Jubilee' },
  { date: '2022-09-19', name: 'State funeral of Queen Elizabeth II' },
  { date: '2023-05-08', name: 'Coronation of King Charles III' },
]

/** Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return isoDate(year, month, day)
}

function firstMonday(year: number, month: number): string {
  const first = isoDate(year, month, 1)
  return addDays(first, (8 - dayOfWeek(first)) % 7)
}

function lastMonday(year: number, month: number): string {
  const last = addDays(isoDate(year, month + 1, 1), -1)
  return addDays(last, -((dayOfWeek(last) + 6) % 7))
}

function rule(year: number, key: 'earlyMay' | 'spring', date: string, name: string): BankHoliday {
  return MOVED[`${year}:${key}`] ?? { date, name }
}

function newYear(year: number): BankHoliday {
  const day = isoDate(year, 1, 1)
  const dow = dayOfWeek(day)
  if (dow === 6) return { date: addDays(day, 2), name: "New Year's Day (substitute day)" }
  if (dow === 0) return { date: addDays(day, 1), name: "New Year's Day (substitute day)" }
  return { date: day, name: "New Year's Day" }
}

function christmas(year: number): BankHoliday[] {
  const xmas = isoDate(year, 12, 25)
  const sub = (n: number, name: string) => ({ date: isoDate(year, 12, n), name: `${name} (substitute day)` })
  switch (dayOfWeek(xmas)) {
    case 5: // Friday: Boxing Day is a Saturday, so Monday 28th
      return [{ date: xmas, name: 'Christmas Day' }, sub(28, 'Boxing Day')]
    case 6: // Saturday: both move to Monday 27th and Tuesday 28th
      return [sub(27, 'Christmas Day'), sub(28, 'Boxing Day')]
    case 0: // Sunday: Boxing Day stays on Monday 26th; Christmas moves to Tuesday 27th
      return [{ date: isoDate(year, 12, 26), name: 'Boxing Day' }, sub(27, 'Christmas Day')]
    default:
      return [
        { date: xmas, name: 'Christmas Day' },
        { date: isoDate(year, 12, 26), name: 'Boxing Day' },
      ]
  }
}

function compute(year: number): BankHoliday[] {
  if (!Number.isInteger(year) || year < FIRST_RULE_YEAR || year > 9999) {
    throw new RangeError(`Bank holidays are known from ${FIRST_RULE_YEAR}; asked for ${year}`)
  }
  const easter = easterSunday(year)
  const days: BankHoliday[] = [
    newYear(year),
    { date: addDays(easter, -2), name: 'Good Friday' },
    { date: addDays(easter, 1), name: 'Easter Monday' },
    rule(year, 'earlyMay', firstMonday(year, 5), 'Early May bank holiday'),
    rule(year, 'spring', lastMonday(year, 5), 'Spring bank holiday'),
    { date: lastMonday(year, 8), name: 'Summer bank holiday' },
    ...christmas(year),
    ...ONE_OFF_HOLIDAYS.filter((h) => yearOf(h.date) === year),
  ]
  return days.sort((x, y) => toEpochDay(x.date) - toEpochDay(y.date))
}

const cache = new Map<number, { list: readonly BankHoliday[]; dates: ReadonlySet<string> }>()

function forYear(year: number) {
  let hit = cache.get(year)
  if (!hit) {
    const list = Object.freeze(compute(year))
    hit = { list, dates: new Set(list.map((h) => h.date)) }
    cache.set(year, hit)
  }
  return hit
}

/** The year's bank holidays in England and Wales, in date order. */
export function bankHolidays(year: number): readonly BankHoliday[] {
  return forYear(year).list
}

export function isBankHoliday(date: string): boolean {
  toEpochDay(date) // validates
  return forYear(yearOf(date)).dates.has(date)
}
