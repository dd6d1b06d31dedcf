/**
 * Spot referrals sent to chosen homes, and the providers' answers. A request is one referral sent
 * to one home; its child and provider are copied onto the row (the referral's child never
 * changes; the provider is the home's when sent) so that the database itself can refuse a second
 * open request for the same child and home, and a provider's list needs no join to be scoped.
 */
export type RequestStatus = 'sent' | 'offered' | 'declined' | 'withdrawn' | 'expired' | 'accepted'
export type DeclineReason = 'no-vacancy' | 'cannot-meet-needs' | 'impact-on-residents' | 'staffing' | 'other'

export interface OfferTables {
  referral_requests: {
    id: string
    referral_id: string
    child_id: string
    home_id: string
    provider_id: string
    /** When answers close (ISO timestamp, UTC): after it the provider can no longer respond. */
    deadline: string
    status: RequestStatus
    sent_by: string | null
    sent_by_label: string
    sent_at: string
    /** When it stopped being open (answered, withdrawn, expired or accepted), and by whom. */
    closed_at: string | null
    closed_by_label: string | null
  }
  referral_responses: {
    id: string
    /** One answer per request. */
    request_id: string
    kind: 'offer' | 'decline'
    home_id: string
    weekly_price_pence: number | null
    start_date: string | null
    note: string | null
    decline_reason: DeclineReason | null
    decline_detail: string | null
    responded_by: string | null
    responded_by_label: string
    responded_at: string
  }
}
