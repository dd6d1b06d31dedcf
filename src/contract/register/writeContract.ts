/** Writes a new contract with its reserved beds and first price: the same for an award and for hand entry. */
import { randomUUID } from 'node:crypto'
import type { Db } from '../../platform/db/database.js'
import type { ContractRepository } from '../contractRepository.js'
import type { RegisterRepository } from './registerRepository.js'
import type { ContractTerms } from './terms.js'

export type NewContract = {
  terms: Omit<ContractTerms, 'bedIds'>
  /** Each bed and the day its reservation starts (the start date, unless another contract holds it until later). */
  beds: { bedId: string; fromDate: string }[]
  homeIds: string[]
  tenderId: string | null
  bidId: string | null
  at: string
}

/** Returns the contract's id and the fields written, for the audit record. */
export async function writeContract(tx: Db, contracts: ContractRepository, repo: RegisterRepository, n: NewContract) {
  const t = n.terms
  const id = randomUUID()
  const fields = {
    id,
    reference: t.reference,
    kind: t.kind,
    tender_id: n.tenderId,
    bid_id: n.bidId,
    provider_id: t.providerId,
    home_ids_json: JSON.stringify(n.homeIds),
    beds: n.beds.length,
    price_pence_per_bed_week: t.pricePencePerBedWeek,
    pricing_model: t.pricingModel,
    placement_fee_pence_per_week: t.placementFeePencePerWeek,
    start_date: t.startDate,
    initial_end_date: t.initialEndDate,
    end_date: t.initialEndDate,
    max_extent_date: t.maxExtentDate,
    extension_months: t.extensionMonths,
    extension_notice_date: t.extensionNoticeDate,
    extension_status: t.extensionMonths === null ? ('none' as const) : ('available' as const),
    payment_frequency: t.paymentFrequency,
    void_release_after_days: t.voidReleaseAfterDays,
    indexation_kind: t.indexation ? ('lower-of-cap-and-cpi' as const) : ('none' as const),
    indexation_cap_bps: t.indexation?.capBps ?? null,
    indexation_review_bps: t.indexation?.reviewBps ?? null,
    indexation_cpi_lag_months: t.indexation?.cpiLagMonths ?? null,
    status: 'active' as const,
  }
  await contracts.insert(tx, { ...fields, created_at: n.at, updated_at: n.at })
  for (const b of n.beds)
    await repo.insertBed(tx, { id: randomUUID(), contract_id: id, bed_id: b.bedId, from_date: b.fromDate, to_date: null })
  await repo.insertPrice(tx, {
    id: randomUUID(),
    contract_id: id,
    from_date: t.startDate,
    price_pence_per_bed_week: t.pricePencePerBedWeek,
    placement_fee_pence_per_week: t.placementFeePencePerWeek,
    source: 'contract',
    cpi_bps: null,
    applied_bps: null,
    review_flag: 0,
    created_at: n.at,
  })
  return { id, fields: { ...fields, reservedBeds: n.beds } }
}
