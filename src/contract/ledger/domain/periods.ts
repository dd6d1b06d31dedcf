/** Payment periods: 4-weekly from the contract's start, or calendar months; inclusive, clipped to the dates. */
import { fromEpochDay, toEpochDay } from '../../../platform/calendar/isoDate.js'

export type PaymentFrequency = '4-weekly' | 'monthly'
export type PeriodDays = { from: number; to: number }

/** The first day of the month after the day's. */
function nextMonth(day: number): number {
  const d = fromEpochDay(day)
  const [y, m] = [Number(d.slice(0, 4)), Number(d.slice(5, 7))]
  return Date.UTC(m === 12 ? y + 1 : y, m === 12 ? 0 : m, 1) / 86_400_000
}

/** Every period from start to end (inclusive epoch days); the first and last may be partial. */
export function paymentPeriods(frequency: PaymentFrequency, start: number, end: number): PeriodDays[] {
  const out: PeriodDays[] = []
  for (let from = start; from <= end;) {
    const next = frequency === '4-weekly' ? from + 28 : nextMonth(from)
    out.push({ from, to: Math.min(next - 1, end) })
    from = next
  }
  return out
}

/** The same, from ISO dates to ISO dates. */
export function paymentPeriodDates(frequency: PaymentFrequency, startDate: string, endDate: string): { from: string; to: string }[] {
  return paymentPeriods(frequency, toEpochDay(startDate), toEpochDay(endDate)).map((p) => ({
    from: fromEpochDay(p.from),
    to: fromEpochDay(p.to),
  }))
}

/** The last day of the date's month. */
export function monthEnd(date: string): string {
  return fromEpochDay(nextMonth(toEpochDay(date)) - 1)
}
