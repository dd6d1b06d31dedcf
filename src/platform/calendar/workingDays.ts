/**
 * Working days in England and Wales: not a Saturday, not a Sunday, not a bank holiday
 * (Christmas Day and Good Friday are in the bank holiday list).
 */
import { isBankHoliday } from './bankHolidays.js'
import { addDays, dayOfWeek, toEpochDay } from './isoDate.js'

export function isWorkingDay(date: string): boolean {
  const dow = dayOfWeek(date)
  return dow !== 0 && dow !== 6 && !isBankHoliday(date)
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: string): string {
  return addWorkingDays(date, 1)
}

/** `date` itself if it is a working day, otherwise the next one. */
export function workingDayOnOrAfter(date: string): string {
  return isWorkingDay(date) ? date : nextWorkingDay(date)
}

/**
 * The n-th working day after `date` (n > 0), or before it (n < 0); `date` itself is never
 * counted. n = 0 gives `date` if it is a working day, else the next working day — so the
 * answer is always a working day.
 */
export function addWorkingDays(date: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Working days must be a whole number; got ${n}`)
  toEpochDay(date) // validates
  if (n === 0) return workingDayOnOrAfter(date)
  const step = n > 0 ? 1 : -1
  let remaining = Math.abs(n)
  let day = date
  while (remaining > 0) {
    day = addDays(day, step)
    if (isWorkingDay(day)) remaining--
  }
  return day
}

/** How many working days fall after `from` up to and including `to` (negative if `to` is earlier). */
export function workingDaysBetween(from: string, to: string): number {
  const a = toEpochDay(from)
  const b = toEpochDay(to)
  if (b < a) return -workingDaysBetween(to, from)
  let count = 0
  for (let d = addDays(from, 1); toEpochDay(d) <= b; d = addDays(d, 1)) if (isWorkingDay(d)) count++
  return count
}
