/**
 * Calendar dates as ISO 'YYYY-MM-DD' strings, counted as whole days since 1970-01-01 (UTC),
 * so that adding days never meets a clock change or the server's time zone.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const MS_PER_DAY = 86_400_000

/** Days since 1970-01-01; throws on anything but a real calendar date. */
export function toEpochDay(date: string): number {
  const m = ISO_DATE.exec(date)
  if (!m) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`)
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const ms = Date.UTC(y, mo - 1, d)
  const back = new Date(ms)
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`Not a real calendar date: ${date}`)
  }
  return ms / MS_PER_DAY
}

export function fromEpochDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10)
}

/** A date from year, month (1–12) and day. */
export function isoDate(year: number, month: number, day: number): string {
  return fromEpochDay(Date.UTC(year, month - 1, day) / MS_PER_DAY)
}

export function addDays(date: string, days: number): string {
  return fromEpochDay(toEpochDay(date) + days)
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(toEpochDay(date) * MS_PER_DAY).getUTCDay()
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4))
}

/** The same day n calendar months on; a day the month lacks becomes its last (31 Jan + 1 month = 28 or 29 Feb). */
export function addMonths(date: string, months: number): string {
  toEpochDay(date)
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return isoDate(year, month, Math.min(d, lastDay))
}
