/** The market room's tables. Other rooms reach them only through the market service. */
export interface MarketTables {
  frameworks: {
    id: string
    name: string
    legal_regime: 'PCR2015' | 'PA2023'
    starts_on: string
    ends_on: string
    ocid: string | null
    lead_organisation_id: string
    created_at: string
    updated_at: string
  }
  lots: {
    id: string
    framework_id: string
    number: number
    code: string
    name: string
  }
  providers: {
    id: string
    name: string
    companies_house_number: string | null
    ofsted_owner_id: string | null
    created_at: string
    updated_at: string
  }
  provider_lots: {
    provider_id: string
    lot_id: string
    status: 'active' | 'suspended' | 'withdrawn'
    spot_rate_pence_per_week: number | null
  }
  homes: {
    id: string
    urn: string
    name: string
    provider_id: string
    address_line: string | null
    town: string | null
    postcode: string | null
    easting: number | null
    northing: number | null
    location_precision: 'unit' | 'sector' | 'district' | 'none'
    lad_code: string | null
    registered_places: number
    age_min: number | null
    age_max: number | null
    sexes_accepted: 'mixed' | 'male' | 'female'
    ofsted_judgement: string | null
    ofsted_judgement_date: string | null
    status: 'active' | 'suspended' | 'closed'
    registration_date: string | null
    created_at: string
    updated_at: string
  }
  home_categories: {
    home_id: string
    category: string
  }
  home_needs: {
    home_id: string
    need: string
  }
  beds: {
    id: string
    home_id: string
    label: string
    status: 'vacant' | 'occupied' | 'unavailable'
    updated_at: string
  }
}
