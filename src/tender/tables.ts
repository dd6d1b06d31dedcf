/**
 * The tender room's tables. Bid content (prices, beds, answers, attachments) is never stored in
 * the clear: only AES-256-GCM ciphertext with its IV and tag, under a per-tender data key that is
 * itself stored only wrapped by a master key kept outside the database (see sealing/).
 * Booleans are 0/1 integers so both dialects return the same values.
 */
export interface TenderTables {
  tenders: {
    id: string
    reference: string
    ocid: string
    framework_id: string
    status: 'draft' | 'open' | 'opened' | 'moderated' | 'award-proposed' | 'standstill' | 'concluded' | 'cancelled'
    legal_regime: 'PCR2015' | 'PA2023'
    title: string
    submission_deadline: string
    /** The requirement as published (RequirementInput without its questions), normalised JSON. */
    requirement_json: string
    /** Where the area postcode is (British National Grid metres), found when the requirement was written. */
    area_easting: number
    area_northing: number
    area_precision: 'unit' | 'sector' | 'district'
    /** The tender's data key, wrapped by the master key (never the key itself). */
    key_ciphertext: string
    key_iv: string
    key_tag: string
    amendments: number
    created_by: string
    created_at: string
    updated_at: string
    published_at: string | null
    cancelled_reason: string | null
  }
  tender_questions: {
    id: string
    tender_id: string
    number: number
    title: string
    guidance: string
    weight: number
    minimum_score: number
    kind: 'quality' | 'social-value'
    descriptors_json: string | null
  }
  tender_invitations: {
    tender_id: string
    provider_id: string
    invited_at: string
    invited_by: string
  }
  tender_events: {
    id: string
    tender_id: string
    n: number
    at: string
    what: string
    by_label: string
  }
  tender_clarifications: {
    id: string
    tender_id: string
    provider_id: string
    question: string
    asked_at: string
    answer: string | null
    answered_at: string | null
    answered_by: string | null
  }
  tender_bids: {
    id: string
    tender_id: string
    provider_id: string
    status: 'draft' | 'submitted' | 'withdrawn' | 'needs-reconfirmation'
    content_ciphertext: string
    content_iv: string
    content_tag: string
    content_bytes: number
    created_at: string
    updated_at: string
    submitted_at: string | null
  }
  tender_bid_attachments: {
    id: string
    tender_id: string
    bid_id: string
    /** File name and question, sealed: a file name can say as much as the file. */
    meta_ciphertext: string
    meta_iv: string
    meta_tag: string
    content_ciphertext: string
    content_iv: string
    content_tag: string
    bytes: number
    created_at: string
  }
  tender_openings: {
    tender_id: string
    user_id: string
    user_label: string
    opened_at: string
  }
  tender_evaluators: {
    tender_id: string
    user_id: string
    user_name: string
    has_conflict: number
    conflict_details: string
    declared_at: string
    submitted_at: string | null
  }
  tender_scores: {
    tender_id: string
    user_id: string
    bid_id: string
    question_id: string
    score: number
    rationale: string
    updated_at: string
  }
  tender_consensus: {
    tender_id: string
    bid_id: string
    question_id: string
    score: number
    rationale: string
    moderated_by: string
    moderated_at: string
  }
  /** Every score ever saved, by an evaluator or as the consensus, with the reason for a change. */
  tender_score_history: {
    id: string
    tender_id: string
    /** Order within the tender: 1, 2, 3 … */
    n: number
    bid_id: string
    question_id: string
    kind: 'evaluator' | 'consensus'
    user_id: string | null
    user_name: string
    score: number
    rationale: string
    reason: string | null
    at: string
  }
  tender_awards: {
    tender_id: string
    rule: 'rank' | 'optimal'
    outcome_json: string
    /** The results (BidResult[]) the award was made on, kept as they were. */
    results_json: string
    proposed_at: string
    proposed_by: string
    decision_json: string | null
    decided_at: string | null
    standstill_kind: string | null
    standstill_starts_on: string | null
    standstill_ends_on: string | null
    earliest_contract_date: string | null
    challenged: number
    challenge_details: string | null
    challenged_at: string | null
    concluded_at: string | null
  }
  tender_notices: {
    id: string
    tender_id: string
    kind: 'assessment-summary' | 'award-notice'
    provider_id: string | null
    title: string
    body: string
    created_at: string
  }
}
