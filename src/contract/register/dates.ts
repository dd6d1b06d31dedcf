/** Contract dates: months and years added as contracts count them, ISO 'YYYY-MM-DD', inclusive. */
import { addDays, addMonths, toEpochDay } from '../../platform/calendar/isoDate.js'

export { addMonths }

/** The last day of a period of whole months that starts the day after `end`: how an extension moves an end date. */
export function extendEnd(end: string, months: number): string {
  return addDays(addMonths(addDays(end, 1), months), -1)
}

/** 'YYYY-MM' of a date, shifted by whole months. */
export function monthOf(date: string, shift = 0): string {
  return addMonths(`${date.slice(0, 7)}-01`, shift).slice(0, 7)
}

export function daysFrom(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from)
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** 'July 2027' for '2027-07'. */
export function monthName(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`
}

/** Each anniversary of the start that falls on or before the end (the start itself is not one). */
export function anniversaries(start: string, end: string): string[] {
  const out: string[] = []
  for (let k = 1; ; k++) {
    const a = addMonths(start, 12 * k)
    if (a > end) return out
    out.push(a)
  }
}
