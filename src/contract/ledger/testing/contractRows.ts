/** A block contract written as the register writes one — terms, reserved beds, the start price and later prices — for tests and the benchmark. */
import { randomUUID } from 'node:crypto'
import type { Db } from '../../../platform/db/database.js'
import type { PriceRow } from '../domain/prices.js'

export type ContractSpec = {
  providerId: string
  homeIds: string[]
  /** Each reserved bed, from the contract's start (or its own dates). */
  beds: { bedId: string; from?: string; to?: string | null }[]
  startDate: string
  endDate: string
  pricePencePerBedWeek: number
  pricingModel?: 'block' | 'core-and-placement'
  placementFeePencePerWeek?: number | null
  paymentFrequency?: '4-weekly' | 'monthly'
  voidReleaseAfterDays?: number | null
  /** Later prices (the start price is written from the terms). */
  prices?: PriceRow[]
  status?: 'active' | 'ended' | 'terminated'
}

export async function insertBlockContract(db: Db, spec: ContractSpec, opts: { reference: string; at: string }): Promise<string> {
  const id = randomUUID()
  const core = spec.pricingModel === 'core-and-placement'
  await db
    .insertInto('contracts')
    .values({
      id,
      reference: opts.reference,
      kind: 'block',
      tender_id: null,
      bid_id: null,
      provider_id: spec.providerId,
      home_ids_json: JSON.stringify(spec.homeIds),
      beds: spec.beds.length,
      price_pence_per_bed_week: spec.pricePencePerBedWeek,
      pricing_model: spec.pricingModel ?? 'block',
      placement_fee_pence_per_week: core ? (spec.placementFeePencePerWeek ?? 0) : null,
      start_date: spec.startDate,
      initial_end_date: spec.endDate,
      end_date: spec.endDate,
      max_extent_date: spec.endDate,
      extension_months: null,
      extension_notice_date: null,
      extension_status: 'none',
      payment_frequency: spec.paymentFrequency ?? '4-weekly',
      void_release_after_days: spec.voidReleaseAfterDays ?? null,
      indexation_kind: 'none',
      indexation_cap_bps: null,
      indexation_review_bps: null,
      indexation_cpi_lag_months: null,
      status: spec.status ?? 'active',
      created_at: opts.at,
      updated_at: opts.at,
    })
    .execute()
  await db
    .insertInto('contract_beds')
    .values(
      spec.beds.map((b) => ({
        id: randomUUID(),
        contract_id: id,
        bed_id: b.bedId,
        from_date: b.from ?? spec.startDate,
        to_date: b.to ?? null,
      })),
    )
    .execute()
  const prices: PriceRow[] = [
    {
      fromDate: spec.startDate,
      pricePencePerBedWeek: spec.pricePencePerBedWeek,
      placementFeePencePerWeek: core ? (spec.placementFeePencePerWeek ?? 0) : null,
      source: 'contract',
    },
    ...(spec.prices ?? []),
  ]
  // One row per (day, source), as the register keeps them; a later price given for the start replaces the terms'.
  const rows = prices.filter((p, i) => prices.findLastIndex((q) => q.fromDate === p.fromDate && q.source === p.source) === i)
  await db
    .insertInto('contract_prices')
    .values(
      rows.map((p) => ({
        id: randomUUID(),
        contract_id: id,
        from_date: p.fromDate,
        price_pence_per_bed_week: p.pricePencePerBedWeek,
        placement_fee_pence_per_week: p.placementFeePencePerWeek,
        source: p.source,
        cpi_bps: null,
        applied_bps: null,
        review_flag: 0,
        created_at: opts.at,
      })),
    )
    .execute()
  return id
}
