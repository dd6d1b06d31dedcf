/**
 * The void rule, a contract term: after N consecutive empty days the provider may offer the bed
 * to other councils, and from then until it returns the block fee for it is credited. Days the
 * provider made the bed unavailable, held days and released days are not the council's void,
 * so only plain empty days count.
 */
import { fromEpochDay } from '../../../platform/calendar/isoDate.js'
import { STATE, STATE_LABELS, stateName } from './codes.js'
import type { Ledger } from './derive.js'

export const NO_RELEASE_TERM = 'This contract has no void release term, so its beds cannot be released to other councils'

/** Why the bed may not be released from the day (the ledger must cover the N days before it); null when it may. */
export function releaseRefusal(ledger: Ledger, bed: number, fromDay: number, afterDays: number, bedName: string): string | null {
  for (let d = fromDay - 1; d >= fromDay - afterDays; d--) {
    const i = bed * ledger.days + (d - ledger.from)
    const s = d < ledger.from || d >= ledger.from + ledger.days ? STATE.notReserved : ledger.state[i]!
    if (s === STATE.empty) continue
    const what = s === STATE.notReserved ? 'not reserved under the contract' : STATE_LABELS[stateName(s)!].toLowerCase()
    return `${bedName} can be released only after ${afterDays} consecutive empty days; on ${fromEpochDay(d)} it was ${what}`
  }
  return null
}
