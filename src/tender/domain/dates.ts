/** Dates for deadlines, standstill and contract periods: calendar days in England, ISO strings. */

const londonDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' })

/** The calendar date in England at an instant: standstill and contract dates are English dates. */
export function londonDate(at: Date): string {
  return londonDay.format(at)
}

function addYearsMinusDay(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  // 29 February plus a year lands on 1 March; the day before is then 28 February, as a contract year should be.
  const t = new Date(Date.UTC(y + years, m - 1, d) - 86_400_000)
  return t.toISOString().slice(0, 10)
}

/** A block contract's period: the term, and the latest end if every extension is taken. */
export function contractPeriod(startDate: string, termYears: number, extensionYears: number) {
  return {
    startDate,
    endDate: addYearsMinusDay(startDate, termYears),
    maxExtentDate: addYearsMinusDay(startDate, termYears + extensionYears),
  }
}

/** "12:00 on 3 March 2026" in England's time. */
export function deadlineText(iso: string): string {
  const d = new Date(iso)
  const time = d.toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' })
  const day = d.toLocaleDateString('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' })
  return `${time} on ${day}`
}
