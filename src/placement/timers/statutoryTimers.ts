/**
 * Statutory timers for a placement, pure (no I/O). Care Planning, Placement and Case Review
 * (England) Regulations 2010 (SI 2010/959):
 *  - reg 9(2): the placement plan is prepared before the placement or, where that is not
 *    reasonably practicable, within 5 working days of its start;
 *  - reg 28(2): the social worker visits within 1 week of the start of the placement, then at
 *    intervals of not more than 6 weeks for the first year, then not more than 3 months.
 *    (Reg 28(3) keeps 6 weeks after the first year unless the placement is intended to last
 *    until 18; we use 3 months, as the council asked, and say so here.)
 * "Within n days of" an event excludes the day of the event itself, as English law reads it.
 */
import { addDays, addMonths } from '../../platform/calendar/isoDate.js'
import { addWorkingDays } from '../../platform/calendar/workingDays.js'

export const PLAN_WORKING_DAYS = 5
export const FIRST_VISIT_DAYS = 7
export const FIRST_YEAR_VISIT_INTERVAL_DAYS = 42
export const LATER_VISIT_INTERVAL_MONTHS = 3

/** The last day the placement plan may be prepared: 5 working days after the start. */
export function placementPlanDue(startDate: string): string {
  return addWorkingDays(startDate, PLAN_WORKING_DAYS)
}

export { addMonths }

export type VisitTimerInput = { startDate: string; endDate: string | null }
export type VisitsDue = {
  /** The last day by which the next visit must happen; null once the placement has ended. */
  nextDue: string | null
  overdue: boolean
  /** The latest visit counted (on or after the start), if any. */
  lastVisit: string | null
}

/**
 * When the next social-worker visit is due, given the visits done (any order; visits before
 * the start do not count). The interval after a visit depends on whether that visit fell in the
 * placement's first year.
 */
export function dueVisits(placement: VisitTimerInput, visitsDone: readonly string[], today: string): VisitsDue {
  const counted = visitsDone.filter((v) => v >= placement.startDate && v <= today).sort()
  const lastVisit = counted.at(-1) ?? null
  let due: string
  if (lastVisit === null) due = addDays(placement.startDate, FIRST_VISIT_DAYS)
  else if (lastVisit < addMonths(placement.startDate, 12)) due = addDays(lastVisit, FIRST_YEAR_VISIT_INTERVAL_DAYS)
  else due = addMonths(lastVisit, LATER_VISIT_INTERVAL_MONTHS)
  if (placement.endDate !== null && placement.endDate <= today) return { nextDue: null, overdue: false, lastVisit }
  return { nextDue: due, overdue: today > due, lastVisit }
}

/** The day after a visit on `visitedOn` by which the next one is due, as dueVisits reckons it. */
function nextVisitAfter(startDate: string, visitedOn: string): string {
  return visitedOn < addMonths(startDate, 12)
    ? addDays(visitedOn, FIRST_YEAR_VISIT_INTERVAL_DAYS)
    : addMonths(visitedOn, LATER_VISIT_INTERVAL_MONTHS)
}

/**
 * The statutory visits a placement needs within [from, to] (inclusive), each made on the last day
 * the regulations allow: the fewest visits that keep within them, which is what travel is costed on.
 * A visit on or after the end date is not needed: the child has left.
 */
export function statutoryVisitDates(placement: VisitTimerInput, from: string, to: string): string[] {
  const out: string[] = []
  const last = placement.endDate !== null && addDays(placement.endDate, -1) < to ? addDays(placement.endDate, -1) : to
  for (let v = addDays(placement.startDate, FIRST_VISIT_DAYS); v <= last; v = nextVisitAfter(placement.startDate, v)) {
    if (v >= from) out.push(v)
  }
  return out
}
