/**
 * Why an empty block bed was passed over for a referred child. The contract room's void causes
 * (EMPTY_CAUSES) less "no referral": there was one. The same cause goes to the bed ledger, which
 * decides who bears the empty bed's cost.
 */
import { EMPTY_CAUSE_LABELS, type EmptyCause } from '../../contract/ports.js'

export const PASS_OVER_CAUSES = [
  'no-compatible-match',
  'provider-declined',
  'provider-unavailable',
] as const satisfies readonly EmptyCause[]
export type PassOverCause = (typeof PASS_OVER_CAUSES)[number]

/** What each cause means here, for the booking form's hint. */
export const PASS_OVER_HINTS: Record<PassOverCause, string> = {
  'no-compatible-match': 'The bed does not suit this child, for example because of the children living there',
  'provider-declined': 'The provider said no to this child',
  'provider-unavailable': 'The provider could not take a child on the day needed',
}

export const passOverLabel = (cause: string) => EMPTY_CAUSE_LABELS[cause as EmptyCause] ?? cause
