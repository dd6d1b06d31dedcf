/** The extension decision's timing, pure: when it is due, which reminder is owed, where a taken extension ends. */
import { daysFrom, extendEnd } from './dates.js'

/** A contract is "due" once its notice date is this close. */
export const DUE_WITHIN_DAYS = 120
/** Reminders go this many days before the notice date, each once. */
export const REMINDER_DAYS = [90, 60, 30, 7] as const

export type ExtensionState =
  | { kind: 'none' }
  | { kind: 'decided'; status: 'taken' | 'declined' }
  | { kind: 'not-yet'; noticeDate: string; daysLeft: number }
  | { kind: 'due'; noticeDate: string; daysLeft: number }
  | { kind: 'notice-passed'; noticeDate: string }

export function extensionState(
  c: { extensionStatus: 'none' | 'available' | 'taken' | 'declined'; extensionNoticeDate: string | null },
  today: string,
): ExtensionState {
  if (c.extensionStatus === 'taken' || c.extensionStatus === 'declined') return { kind: 'decided', status: c.extensionStatus }
  if (c.extensionStatus === 'none' || !c.extensionNoticeDate) return { kind: 'none' }
  const daysLeft = daysFrom(today, c.extensionNoticeDate)
  if (daysLeft < 0) return { kind: 'notice-passed', noticeDate: c.extensionNoticeDate }
  return { kind: daysLeft <= DUE_WITHIN_DAYS ? 'due' : 'not-yet', noticeDate: c.extensionNoticeDate, daysLeft }
}

/** The reminder owed with `daysLeft` to the notice date: the nearest threshold not yet passed; null outside them all. */
export function reminderThreshold(daysLeft: number): number | null {
  if (daysLeft < 0) return null
  const owed = REMINDER_DAYS.filter((t) => t >= daysLeft)
  return owed.length === 0 ? null : Math.min(...owed)
}

/** Where the end moves when the extension is taken: by its months, never past the latest end. */
export function extendedEndDate(endDate: string, months: number, maxExtentDate: string): string {
  const moved = extendEnd(endDate, months)
  return moved > maxExtentDate ? maxExtentDate : moved
}
