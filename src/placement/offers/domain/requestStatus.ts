/** A referral request's status as people see it: stored, but expired once the server's clock passes the deadline. */
import type { DeclineReason, RequestStatus } from '../tables.js'

export type { DeclineReason, RequestStatus }

export const REQUEST_STATUSES: readonly RequestStatus[] = ['sent', 'offered', 'declined', 'withdrawn', 'expired', 'accepted']
/** Open: the home still holds the child's referral, so no second request may go to it. */
export const OPEN_REQUEST_STATUSES: readonly RequestStatus[] = ['sent', 'offered']

export const DECLINE_REASONS: readonly { code: DeclineReason; label: string }[] = [
  { code: 'no-vacancy', label: 'No vacancy' },
  { code: 'cannot-meet-needs', label: 'Cannot meet the child’s needs' },
  { code: 'impact-on-residents', label: 'Impact on the children living in the home' },
  { code: 'staffing', label: 'Staffing' },
  { code: 'other', label: 'Other' },
]
export const DECLINE_REASON_CODES = DECLINE_REASONS.map((r) => r.code) as [DeclineReason, ...DeclineReason[]]

export function declineReasonLabel(code: string): string {
  return DECLINE_REASONS.find((r) => r.code === code)?.label ?? code
}

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  sent: 'Awaiting answer',
  offered: 'Offer made',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  expired: 'Expired',
  accepted: 'Accepted',
}

/**
 * The status now. An unanswered request past its deadline is expired; an open one whose referral
 * is no longer open (matched elsewhere, or closed) is withdrawn, even before anyone has said so.
 */
export function effectiveStatus(
  r: { status: RequestStatus; deadline: string },
  referralStatus: 'open' | 'matched' | 'closed',
  nowIso: string,
): RequestStatus {
  if (r.status === 'sent' && nowIso >= r.deadline) return 'expired'
  if (OPEN_REQUEST_STATUSES.includes(r.status) && referralStatus !== 'open') return 'withdrawn'
  return r.status
}

export const isOpen = (s: RequestStatus) => OPEN_REQUEST_STATUSES.includes(s)
