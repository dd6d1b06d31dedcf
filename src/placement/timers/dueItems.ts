/**
 * What a placement owes today under the statutory timers, and when its social worker is reminded.
 * Pure: the due list, the reminders and the child's profile all read these.
 */
import { addDays, toEpochDay } from '../../platform/calendar/isoDate.js'
import { dueVisits, placementPlanDue, type VisitTimerInput } from './statutoryTimers.js'

export const DUE_KINDS = ['placement-plan', 'visit'] as const
export type DueKind = (typeof DUE_KINDS)[number]
export const DUE_KIND_LABELS: Record<DueKind, string> = { 'placement-plan': 'Placement plan', visit: 'Social worker visit' }

/** Items due within this many days are listed as due; later ones are not listed yet. */
export const DUE_SOON_DAYS = 14
/** The first reminder goes this many days before the due date; another on the day, then weekly once overdue. */
export const REMIND_DAYS_BEFORE = 3
export const OVERDUE_REMINDER_EVERY_DAYS = 7

export type TimerItem = { kind: DueKind; dueOn: string; overdue: boolean; daysOverdue: number }

const daysBetween = (from: string, to: string) => toEpochDay(to) - toEpochDay(from)

/**
 * The open placement's statutory items: the placement plan until it is recorded as prepared, and
 * the next social-worker visit. An ended placement owes nothing.
 */
export function timerItems(
  placement: VisitTimerInput,
  visitsDone: readonly string[],
  planPreparedOn: string | null,
  today: string,
): TimerItem[] {
  if (placement.endDate !== null && placement.endDate <= today) return []
  const item = (kind: DueKind, dueOn: string): TimerItem => {
    const late = daysBetween(dueOn, today)
    return { kind, dueOn, overdue: late > 0, daysOverdue: Math.max(0, late) }
  }
  const items: TimerItem[] = []
  if (planPreparedOn === null) items.push(item('placement-plan', placementPlanDue(placement.startDate)))
  const visit = dueVisits(placement, visitsDone, today)
  if (visit.nextDue !== null) items.push(item('visit', visit.nextDue))
  return items
}

/** Whether the due list shows the item today: overdue, or due within DUE_SOON_DAYS. */
export function isListed(item: TimerItem, today: string): boolean {
  return item.overdue || item.dueOn <= addDays(today, DUE_SOON_DAYS)
}

/**
 * The latest reminder day on or before today for an item due on `dueOn`: 3 days before, the day
 * itself, the day after, then every 7 days while overdue; null before the first. A run that missed
 * days still sends only the latest, and the (item, reminder day) key makes a second run send nothing.
 */
export function latestReminderDay(dueOn: string, today: string): string | null {
  const d = daysBetween(dueOn, today)
  if (d < -REMIND_DAYS_BEFORE) return null
  if (d < 0) return addDays(dueOn, -REMIND_DAYS_BEFORE)
  if (d === 0) return dueOn
  return addDays(dueOn, 1 + OVERDUE_REMINDER_EVERY_DAYS * Math.floor((d - 1) / OVERDUE_REMINDER_EVERY_DAYS))
}
