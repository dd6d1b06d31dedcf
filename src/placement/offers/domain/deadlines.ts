/**
 * When providers must answer a spot referral, by its urgency (the Placements Data Standard's
 * "when do you need this placement by"). No national standard exists; block contracts commonly
 * ask for 24–48 hours, so: a placement needed today is answered by 5pm that day (or two hours
 * after sending, if later); under 5 days by 5pm on the 2nd working day; over 5 days by 5pm on the
 * 5th working day. Working days are England's (src/platform/calendar); times are UK wall-clock.
 */
import { addWorkingDays } from '../../../platform/calendar/workingDays.js'
import { instantFromUk, ukWallClock } from '../../../tender/web/time.js'
import type { Urgency } from '../../referrals/referralSchema.js'

export const ANSWER_BY = '17:00'
/** A same-day referral sent late still leaves providers this long to answer. */
export const LEAST_NOTICE_MS = 2 * 60 * 60 * 1000
export const WORKING_DAYS_TO_ANSWER: Record<Exclude<Urgency, 'today'>, number> = { 'under-5-days': 2, 'over-5-days': 5 }

export function defaultDeadline(urgency: Urgency, now: Date): string {
  const today = ukWallClock(now.toISOString()).date
  if (urgency === 'today') {
    const fivePm = instantFromUk(today, ANSWER_BY)
    const soonest = new Date(now.getTime() + LEAST_NOTICE_MS).toISOString()
    return fivePm > soonest ? fivePm : soonest
  }
  return instantFromUk(addWorkingDays(today, WORKING_DAYS_TO_ANSWER[urgency]), ANSWER_BY)
}
