/** The contract register (minimal): one row per block contract made from a mini-competition's award. */
export interface ContractTables {
  contracts: {
    id: string
    reference: string
    tender_id: string
    /** The winning bid the contract was made from. */
    bid_id: string
    provider_id: string
    /** The homes whose beds the contract buys, as a JSON list of home ids. */
    home_ids_json: string
    beds: number
    price_pence_per_bed_week: number
    start_date: string
    end_date: string
    /** The end date if every extension is taken (OCDS period.maxExtentDate). */
    max_extent_date: string
    status: 'active' | 'ended' | 'terminated'
    created_at: string
  }
}
