/**
 * The ledger's codes. A day's state is one byte; a higher code wins when events overlap
 * (occupied > unavailable > released > held > empty), so deriving is painting in that order.
 */
import { EMPTY_CAUSES, type EmptyCause } from '../../ports.js'

export const STATE = { notReserved: 0, empty: 1, held: 2, released: 3, unavailable: 4, occupied: 5 } as const
export type StateCode = (typeof STATE)[keyof typeof STATE]

export const BED_STATES = ['empty', 'held', 'released', 'unavailable', 'occupied'] as const
export type BedState = (typeof BED_STATES)[number]
export const STATE_LABELS: Record<BedState, string> = {
  occupied: 'Occupied',
  unavailable: 'Unavailable (provider)',
  released: 'Released to another council',
  held: 'Held for a planned admission',
  empty: 'Empty',
}
export const stateName = (code: number): BedState | null => (code === 0 ? null : BED_STATES[code - 1]!)

/** A cause is its index in EMPTY_CAUSES; NO_CAUSE for days that are not empty. */
export const NO_CAUSE = 255
export const CAUSE = {
  noReferral: EMPTY_CAUSES.indexOf('no-referral'),
  providerUnavailable: EMPTY_CAUSES.indexOf('provider-unavailable'),
} as const
export const causeCode = (cause: EmptyCause): number => EMPTY_CAUSES.indexOf(cause)
export const causeName = (code: number): EmptyCause | null => (code === NO_CAUSE ? null : EMPTY_CAUSES[code]!)

export const EVENT_KINDS = ['held', 'released', 'unavailable', 'empty-cause'] as const
export type BedEventKind = (typeof EVENT_KINDS)[number]
export const EVENT_KIND_LABELS: Record<BedEventKind, string> = {
  held: 'Held for a planned admission',
  released: 'Released to another council',
  unavailable: 'Unavailable through the provider',
  'empty-cause': 'Why the bed is empty',
}

export const UNAVAILABILITY_REASONS = ['staffing', 'ofsted-restriction', 'repairs'] as const
export type UnavailabilityReason = (typeof UNAVAILABILITY_REASONS)[number]
export const UNAVAILABILITY_LABELS: Record<UnavailabilityReason, string> = {
  staffing: 'Staffing',
  'ofsted-restriction': 'Ofsted restriction',
  repairs: 'Repairs',
}
