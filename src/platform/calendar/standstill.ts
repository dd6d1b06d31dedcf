/**
 * The standstill period between telling bidders of an award decision and entering into the
 * contract(s), for the two regimes a procurement can be under.
 */
import type { LegalRegime } from '../../tender/tenderApi.js'
import { addDays, toEpochDay } from './isoDate.js'
import { addWorkingDays, nextWorkingDay, workingDayOnOrAfter } from './workingDays.js'

export type StandstillKind = 'PA2023-8-working-days' | 'PCR2015-voluntary-10-days' | 'PCR2015-voluntary-calendar-days' | 'none'

export type StandstillOptions = {
  /**
   * PCR2015: the voluntary standstill in calendar days (10 by default), or 'none'.
   * PA2023: 8 (the Act's period, the default) or 'none' where s.51 exempts the contract and the
   * council chooses no voluntary standstill.
   */
  days?: number | 'none'
}

export type StandstillPeriod =
  | {
      kind: Exclude<StandstillKind, 'none'>
      days: number
      dayType: 'working' | 'calendar'
      /** The first day of standstill. */
      startsOn: string
      /** The last day of standstill; it ends at midnight at the end of this day. */
      endsOn: string
      /** The first working day after standstill: the day contracts may be entered into. */
      earliestContractDate: string
    }
  | { kind: 'none'; days: 0; dayType: null; startsOn: null; endsOn: null; earliestContractDate: string }

const PA2023_WORKING_DAYS = 8
const PCR2015_DEFAULT_DAYS = 10

/**
 * Our reading of the rules:
 *
 * PA2023 s.51: the mandatory standstill is "the period of eight working days beginning with the
 * day on which the contract award notice is published" (also the wording of the Cabinet Office
 * guidance "Contract award notices and standstill"). So the day of publication, if it is a
 * working day, is day 1, and standstill ends at midnight at the end of the 8th working day
 * counted from it: a notice published on Monday 2 March 2026 gives standstill to the end of
 * Wednesday 11 March, and contracts from Thursday 12 March. A notice published on a
 * non-working day starts the count on the next working day.
 *
 * PCR2015 (reg 87, applied voluntarily to call-offs): the period starts the day after the
 * decision is sent and ends at midnight at the end of the Nth calendar day after it; if that
 * day is not a working day, it ends at the end of the next working day.
 *
 * In both, contracts are entered into on the next working day after the last day of standstill.
 */
export function standstill(regime: LegalRegime, awardNoticeDate: string, opts: StandstillOptions = {}): StandstillPeriod {
  toEpochDay(awardNoticeDate) // validates
  const days = opts.days ?? (regime === 'PA2023' ? PA2023_WORKING_DAYS : PCR2015_DEFAULT_DAYS)
  if (days === 'none') {
    return { kind: 'none', days: 0, dayType: null, startsOn: null, endsOn: null, earliestContractDate: awardNoticeDate }
  }
  if (regime === 'PA2023') {
    if (days !== PA2023_WORKING_DAYS)
      throw new RangeError(`A PA2023 standstill is ${PA2023_WORKING_DAYS} working days or 'none'; got ${days}`)
    const endsOn = addWorkingDays(addDays(awardNoticeDate, -1), PA2023_WORKING_DAYS)
    return {
      kind: 'PA2023-8-working-days',
      days,
      dayType: 'working',
      startsOn: awardNoticeDate,
      endsOn,
      earliestContractDate: nextWorkingDay(endsOn),
    }
  }
  if (!Number.isSafeInteger(days) || days < 1)
    throw new RangeError(`A voluntary standstill needs a whole number of days (1 or more); got ${days}`)
  const endsOn = workingDayOnOrAfter(addDays(awardNoticeDate, days))
  return {
    kind: days === PCR2015_DEFAULT_DAYS ? 'PCR2015-voluntary-10-days' : 'PCR2015-voluntary-calendar-days',
    days,
    dayType: 'calendar',
    startsOn: addDays(awardNoticeDate, 1),
    endsOn,
    earliestContractDate: nextWorkingDay(endsOn),
  }
}
