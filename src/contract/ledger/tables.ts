/**
 * The bed ledger's tables. The ledger itself is never stored: it is derived from placements and
 * these dated bed events (ADR 0013). Payment runs and lines are stored, as what was paid.
 */
export interface LedgerTables {
  bed_events: {
    id: string
    contract_id: string
    bed_id: string
    kind: 'held' | 'released' | 'unavailable' | 'empty-cause'
    from_date: string
    /** The last day it applies (inclusive); null while open. */
    to_date: string | null
    /** Why a provider made the bed unavailable (kind 'unavailable' only). */
    reason: 'staffing' | 'ofsted-restriction' | 'repairs' | null
    /** Why the bed stood empty (kind 'empty-cause' only). */
    cause: 'no-referral' | 'no-compatible-match' | 'provider-declined' | 'provider-unavailable' | null
    referral_id: string | null
    note: string | null
    /** Order of recording, so that two causes from the same day resolve the same way every time. */
    seq: number
    recorded_by: string
    recorded_by_label: string
    recorded_by_provider_id: string | null
    recorded_at: string
    ended_by_label: string | null
    ended_at: string | null
    voided_by: string | null
    voided_by_label: string | null
    voided_at: string | null
    void_reason: string | null
  }
  payment_runs: {
    id: string
    number: number
    period_from: string
    period_to: string
    line_count: number
    gross_pence: number
    credit_pence: number
    deduction_pence: number
    net_pence: number
    run_by: string
    run_by_label: string
    run_at: string
  }
  payment_lines: {
    id: string
    run_id: string
    kind: 'block' | 'spot'
    contract_id: string | null
    placement_id: string | null
    provider_id: string
    period_from: string
    period_to: string
    gross_pence: number
    credit_pence: number
    deduction_pence: number
    net_pence: number
    /** The ledger days behind the line (days by state, by cause and by price band): see lineExplanation. */
    explanation_json: string
  }
}
