/** A contract as the room shows it: the row with its provider's and tender's names, terms in words the code uses. */
import type { ContractListRow } from '../contractRepository.js'
import type { Indexation } from './terms.js'

export type ContractView = {
  id: string
  reference: string
  kind: 'block' | 'in-house' | 'spot-arrangement'
  tenderId: string | null
  tenderReference: string | null
  tenderTitle: string | null
  bidId: string | null
  providerId: string
  providerName: string
  homeIds: string[]
  beds: number
  /** The price at the start (for core-and-placement, the core fee per reserved bed); later prices are in the price history. */
  pricePencePerBedWeek: number
  pricingModel: 'block' | 'core-and-placement'
  placementFeePencePerWeek: number | null
  weeklyValuePence: number
  startDate: string
  initialEndDate: string
  endDate: string
  maxExtentDate: string
  extensionMonths: number | null
  extensionNoticeDate: string | null
  extensionStatus: 'none' | 'available' | 'taken' | 'declined'
  paymentFrequency: '4-weekly' | 'monthly'
  voidReleaseAfterDays: number | null
  indexation: Indexation | null
  status: 'active' | 'ended' | 'terminated'
  createdAt: string
}

export function contractView(r: ContractListRow): ContractView {
  return {
    id: r.id,
    reference: r.reference,
    kind: r.kind,
    tenderId: r.tender_id,
    tenderReference: r.tender_reference,
    tenderTitle: r.tender_title,
    bidId: r.bid_id,
    providerId: r.provider_id,
    providerName: r.provider_name,
    homeIds: JSON.parse(r.home_ids_json) as string[],
    beds: r.beds,
    pricePencePerBedWeek: r.price_pence_per_bed_week,
    pricingModel: r.pricing_model,
    placementFeePencePerWeek: r.placement_fee_pence_per_week,
    weeklyValuePence: r.beds * r.price_pence_per_bed_week,
    startDate: r.start_date,
    initialEndDate: r.initial_end_date ?? r.end_date,
    endDate: r.end_date,
    maxExtentDate: r.max_extent_date,
    extensionMonths: r.extension_months,
    extensionNoticeDate: r.extension_notice_date,
    extensionStatus: r.extension_status,
    paymentFrequency: r.payment_frequency,
    voidReleaseAfterDays: r.void_release_after_days,
    indexation:
      r.indexation_kind === 'lower-of-cap-and-cpi'
        ? { capBps: r.indexation_cap_bps ?? 0, reviewBps: r.indexation_review_bps ?? 0, cpiLagMonths: r.indexation_cpi_lag_months ?? 0 }
        : null,
    status: r.status,
    createdAt: r.created_at,
  }
}
