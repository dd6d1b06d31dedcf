import type { LedgerTables } from './ledger/tables.js'
import type { ReturnsTables } from './returns/tables.js'

/** The contract register: block contracts, in-house units and spot arrangements, with their terms. */
export interface ContractRegisterTables {
  contracts: {
    id: string
    reference: string
    kind: 'block' | 'in-house' | 'spot-arrangement'
    /** The mini-competition and winning bid it was made from; null when entered by hand. */
    tender_id: string | null
    bid_id: string | null
    provider_id: string
    /** The homes whose beds the contract buys, as a JSON list of home ids. */
    home_ids_json: string
    /** Reserved beds (the count; which beds is in contract_beds). */
    beds: number
    /** The price at the start; prices in force later are in contract_prices. For core-and-placement, the core fee. */
    price_pence_per_bed_week: number
    pricing_model: 'block' | 'core-and-placement'
    placement_fee_pence_per_week: number | null
    start_date: string
    /** The end of the initial term. */
    initial_end_date: string | null
    /** The end now in force: the initial end, or later once an extension is taken. */
    end_date: string
    /** The end date if every extension is taken (OCDS period.maxExtentDate). */
    max_extent_date: string
    extension_months: number | null
    /** The latest date the council may give notice that it takes the extension. */
    extension_notice_date: string | null
    extension_status: 'none' | 'available' | 'taken' | 'declined'
    payment_frequency: '4-weekly' | 'monthly'
    void_release_after_days: number | null
    indexation_kind: 'none' | 'lower-of-cap-and-cpi'
    indexation_cap_bps: number | null
    indexation_review_bps: number | null
    indexation_cpi_lag_months: number | null
    status: 'active' | 'ended' | 'terminated'
    created_at: string
    updated_at: string | null
  }
  contract_beds: {
    id: string
    contract_id: string
    bed_id: string
    from_date: string
    to_date: string | null
  }
  contract_variations: {
    id: string
    contract_id: string
    kind: 'beds' | 'price' | 'dates'
    effective_date: string
    change_json: string
    reason: string
    status: 'proposed' | 'approved' | 'rejected'
    proposed_by: string
    proposed_by_label: string
    proposed_at: string
    decided_by: string | null
    decided_by_label: string | null
    decided_at: string | null
    decision_note: string | null
  }
  contract_prices: {
    id: string
    contract_id: string
    from_date: string
    price_pence_per_bed_week: number
    placement_fee_pence_per_week: number | null
    source: 'contract' | 'indexation' | 'variation'
    cpi_bps: number | null
    applied_bps: number | null
    review_flag: number
    created_at: string
  }
  contract_kpis: {
    id: string
    contract_id: string
    measure: string
    direction: 'at-most' | 'at-least'
    target: number
    amber_margin: number
  }
  cpi_figures: {
    month: string
    rate_bps: number
    entered_by: string
    entered_at: string
  }
  contract_extension_decisions: {
    id: string
    contract_id: string
    decision: 'extend' | 'do-not-extend'
    rationale: string
    status: 'proposed' | 'approved' | 'rejected'
    proposed_by: string
    proposed_by_label: string
    proposed_at: string
    approved_by: string | null
    approved_by_label: string | null
    approved_at: string | null
    previous_end_date: string | null
    new_end_date: string | null
  }
}

export interface ContractTables extends ContractRegisterTables, LedgerTables, ReturnsTables {}
