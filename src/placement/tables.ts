/** The placement room's tables. Personal data about children lives here: read only through the placement service. */
import type { CascadeTables } from './cascade/tables.js'
import type { OfferTables } from './offers/tables.js'
import type { TimerTables } from './timers/tables.js'

export interface PlacementCoreTables {
  children: {
    id: string
    case_reference: string
    date_of_birth: string
    sex: 'male' | 'female' | 'other'
    legal_status: string
    home_postcode: string | null
    school_postcode: string | null
    allocated_social_worker_user_id: string | null
    needs_json: string
    risks_to_child_json: string
    risks_to_others_json: string
    requirements: string | null
    /** The rest of the Placements Data Standard v2 profile (migration 0023; words as the standard has them). */
    cared_for_alongside: string
    foster_suitability: string
    residential_suitability: string
    supported_accommodation_suitability: string
    communication_needs: string
    language_requirements_json: string
    adaptation_needed: string | null
    cultural_needs: string
    pets: string
    additional_support_json: string
    additional_support_other: string | null
    risks_to_child_other: string | null
    risks_to_others_other: string | null
    created_at: string
    updated_at: string
  }
  referrals: {
    id: string
    child_id: string
    urgency: 'today' | 'under-5-days' | 'over-5-days'
    placement_types_json: string
    preferred_postcode: string | null
    siblings: string | null
    deprivation_of_liberty: 'yes' | 'no'
    status: 'open' | 'matched' | 'closed'
    created_by: string | null
    created_at: string
    updated_at: string
  }
  referral_events: {
    id: string
    referral_id: string
    /** Order within the referral's timeline (events can share a timestamp). */
    seq: number
    at: string
    kind: 'sent' | 'response' | 'matching-meeting' | 'admission' | 'closed'
    detail: string | null
    by_label: string
  }
  placements: {
    id: string
    child_id: string
    referral_id: string
    home_id: string
    bed_id: string
    route: 'in-house' | 'block' | 'spot'
    contract_id: string | null
    weekly_price_pence: number
    start_date: string
    planned_end_date: string | null
    end_date: string | null
    end_reason: string | null
    reason_place_change: string | null
    ended_planned: 'planned' | 'unplanned' | null
    impact_assessment: string | null
    impact_assessed_by: string | null
    impact_assessed_at: string | null
    created_by: string | null
    created_at: string
  }
  placement_visits: {
    id: string
    placement_id: string
    visited_on: string
    by_user_id: string | null
    created_at: string
  }
}

export interface PlacementTables extends PlacementCoreTables, CascadeTables, OfferTables, TimerTables {}
