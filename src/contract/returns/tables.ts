/** Provider returns, Regulation 44 documents and Ofsted alerts (migration 0014). */
export interface ReturnsTables {
  /** A provider's monthly return under a contract; each correction is a new version. */
  provider_returns: {
    id: string
    contract_id: string
    /** 'YYYY-MM'. */
    month: string
    version: number
    children_accommodated: number
    incidents: number
    missing_episodes: number
    /** Null when no child was accommodated in the month. */
    education_hours_per_child_week: number | null
    physical_interventions: number
    staff_hours: number
    agency_staff_hours: number
    regulation40_notifications: number
    notes: string | null
    submitted_by: string | null
    submitted_by_label: string
    submitted_at: string
    /** Null for the current version. */
    superseded_at: string | null
  }
  contract_return_documents: {
    id: string
    contract_id: string
    month: string
    /** The version it was sent with. */
    return_id: string
    kind: 'regulation-44'
    file_name: string
    /** What the content was recognised as, never what the browser said. */
    content_type: string
    bytes: number
    sha256: string
    /** Base64. */
    content: string
    uploaded_by: string | null
    uploaded_by_label: string
    uploaded_at: string
  }
  contract_ofsted_baselines: {
    contract_id: string
    home_id: string
    judgement: string | null
    judgement_date: string | null
    source: 'contract-start' | 'acknowledged'
    set_at: string
    set_by_label: string
  }
  contract_ofsted_alerts: {
    id: string
    contract_id: string
    home_id: string
    home_name: string
    /** 0 when there was no accepted judgement to change from. */
    had_baseline: number
    from_judgement: string | null
    from_date: string | null
    to_judgement: string | null
    to_date: string | null
    raised_at: string
    status: 'open' | 'acknowledged' | 'superseded'
    closed_at: string | null
    closed_by: string | null
    closed_by_label: string | null
    note: string | null
  }
}
