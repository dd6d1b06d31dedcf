/** Tables of the cascade search and its recorded decisions (migration 0021_placement_cascade). */
export interface CascadeTables {
  /** What matching needs of a referral beyond the core fields, in the Placements Data Standard's words. */
  referral_matching: {
    referral_id: string
    /** Ofsted registration categories the child's needs fall under, as a JSON list of codes. */
    categories_json: string
    planned_start_date: string | null
  }
  /** The council's matching rules in force (one row, id 'current'); absent, the defaults apply. */
  placement_matching_rules: {
    id: string
    /** `{ compatibility: CompatibilityRule[], excludedJudgements: OfstedJudgement[] }` */
    rules_json: string
    weights_json: string
    updated_by: string | null
    updated_at: string
  }
  /** An empty block bed passed over when a child was placed elsewhere, with the officer's reason. */
  block_bed_passovers: {
    id: string
    referral_id: string
    placement_id: string
    bed_id: string
    home_id: string
    contract_id: string
    cause: 'no-referral' | 'no-compatible-match' | 'provider-declined' | 'provider-unavailable'
    note: string | null
    from_date: string
    recorded_by: string | null
    recorded_at: string
  }
}
