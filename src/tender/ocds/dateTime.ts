/**
 * OCDS dates are RFC 3339 date-times with an offset. Our dates are UK calendar days, so a day
 * starts at 00:00:00 and ends at 23:59:59 London time — with the offset of that moment
 * (+01:00 in British Summer Time), not UTC.
 */
import { addDays, isoDate, toEpochDay } from '../../platform/calendar/isoDate.js'

const offsetFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'longOffset' })

function londonOffset(instant: Date): string {
  const name = offsetFormat.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT'
  const offset = name.slice(3) // 'GMT+01:00' → '+01:00'; plain 'GMT' → ''
  return offset === '' || offset === '+00:00' ? 'Z' : offset
}

/** A date or timestamp as an OCDS date-time; a bare date means the start (or end) of that day in London. */
export function ocdsDateTime(value: string, at: 'start' | 'end' = 'start'): string {
  if (value.length === 10) {
    toEpochDay(value) // validates
    // UK clocks change at 01:00 UTC, so these instants fall on the right side of any change that day.
    if (at === 'start') return `${value}T00:00:00${londonOffset(new Date(`${value}T00:00:00Z`))}`
    return `${value}T23:59:59${londonOffset(new Date(`${value}T23:00:00Z`))}`
  }
  const ms = Date.parse(value)
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO timestamp: ${JSON.stringify(value)}`)
  return new Date(ms).toISOString().replace('.000Z', 'Z')
}

/** The same day and month n years on (29 February → 1 March). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return isoDate(y + years, m, d)
}

/** The last day of a term of whole years starting on `startDate`. */
export function termEnd(startDate: string, years: number): string {
  return addDays(addYears(startDate, years), -1)
}

export function daysBetween(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from)
}
