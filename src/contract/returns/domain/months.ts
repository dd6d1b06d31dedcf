/**
 * The months a contract's provider owes a return for, and when each is due. A month is
 * 'YYYY-MM'; dates are ISO 'YYYY-MM-DD'. Pure.
 */

/** A return is due by this day of the month after the one it covers. */
export const RETURN_DUE_DAY = 15

export type ReturnStatus = 'submitted' | 'late' | 'missing' | 'due'

export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value)
}

export const monthOf = (date: string): string => date.slice(0, 7)

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const index = y * 12 + (m - 1) + n
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** The months from the contract's start to the last full month before today (or its end month, if sooner), oldest first. */
export function monthsDue(contract: { startDate: string; endDate: string }, today: string): string[] {
  const lastFull = addMonths(monthOf(today), -1)
  const last = monthOf(contract.endDate) < lastFull ? monthOf(contract.endDate) : lastFull
  const months: string[] = []
  for (let m = monthOf(contract.startDate); m <= last; m = addMonths(m, 1)) months.push(m)
  return months
}

export const dueDateOf = (month: string): string => `${addMonths(month, 1)}-${String(RETURN_DUE_DAY).padStart(2, '0')}`

/** Submitted on time, late (the first version came after the due date), missing (due date passed), or still due. */
export function returnStatus(month: string, firstSubmittedAt: string | null, today: string): ReturnStatus {
  const due = dueDateOf(month)
  if (firstSubmittedAt) return firstSubmittedAt.slice(0, 10) > due ? 'late' : 'submitted'
  return today > due ? 'missing' : 'due'
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** 'March 2026'. */
export function monthName(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return `${MONTH_NAMES[m - 1]} ${y}`
}
