/**
 * A synthetic block for the benchmark: 40 block contracts of 6 beds (240 beds) over ten years,
 * with placements back to back (and gaps), bed events of every kind, yearly indexation, both
 * payment frequencies, and spot placements besides. Homes come through the market service; one
 * child and referral (through the placement service) stand behind every placement, as the ledger
 * reads only beds and dates; placements and events are written in bulk.
 */
import { randomUUID } from 'node:crypto'
import type { Actor } from '../../../platform/auth/actor.js'
import { addDays, toEpochDay } from '../../../platform/calendar/isoDate.js'
import type { Db } from '../../../platform/db/database.js'
import type { Database } from '../../../platform/db/schema.js'
import type { Services } from '../../../platform/services.js'
import { child, referral } from '../../../placement/placements/testing/placementWorld.js'
import { EMPTY_CAUSES } from '../../ports.js'
import { LIVE_EVENT } from '../ledgerRepository.js'
import { insertBlockContract } from './contractRows.js'
import { createHomeWithBeds } from './homes.js'

export const BLOCK_START = '2016-01-04'
export const BLOCK_END = '2026-01-03'

/** A fixed pseudo-random sequence, so every run builds the same block. */
function lcg(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0
    return s / 2 ** 32
  }
}

export async function buildSyntheticBlock(services: Services, actor: Actor, opts = { contracts: 40, bedsEach: 6, spotHomes: 5 }) {
  const rand = lcg(2026)
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1))
  const { market, placements, db } = services
  const framework = await market.createFramework(actor, {
    name: 'Synthetic framework',
    legalRegime: 'PCR2015',
    startsOn: '2015-01-01',
    endsOn: '2030-12-31',
    leadOrganisationId: await councilOrganisation(db),
  })
  const lot = framework.lots[0]!.id
  const providers: string[] = []
  for (let p = 0; p < 10; p++) {
    const id = await market.createProvider(actor, { name: `Synthetic Care ${p + 1} Ltd`, companiesHouseNumber: null })
    await market.setMembership(actor, { providerId: id, lotId: lot, status: 'active', spotRatePencePerWeek: int(450_000, 800_000) })
    providers.push(id)
  }
  const home = (i: number, beds: number) =>
    createHomeWithBeds(market, actor, { n: 800_000 + i, name: `Synthetic Home ${i}`, providerId: providers[i % providers.length]!, beds })
  const childId = await placements.createChild(actor, child('SYNTHETIC-1'))
  const referralId = await placements.createReferral(actor, referral(childId))
  const at = new Date(`${BLOCK_START}T09:00:00Z`).toISOString()
  const rows: Database['placements'][] = []
  const events: Database['bed_events'][] = []
  const place = (
    homeId: string,
    bedId: string,
    route: 'block' | 'spot',
    contractId: string | null,
    weekly: number,
    start: string,
    end: string | null,
  ) =>
    rows.push({
      id: randomUUID(),
      child_id: childId,
      referral_id: referralId,
      home_id: homeId,
      bed_id: bedId,
      route,
      contract_id: contractId,
      weekly_price_pence: weekly,
      start_date: start,
      planned_end_date: null,
      end_date: end,
      end_reason: end ? 'E8' : null,
      reason_place_change: null,
      ended_planned: end ? 'planned' : null,
      impact_assessment: null,
      impact_assessed_by: null,
      impact_assessed_at: null,
      created_by: null,
      created_at: at,
    })
  /** Back-to-back stays in a bed from the start, gaps between; the last may still be open. */
  const fill = (
    homeId: string,
    bedId: string,
    route: 'block' | 'spot',
    contractId: string | null,
    onGap: (from: string, days: number) => void,
  ) => {
    let day = BLOCK_START
    for (;;) {
      const gap = int(0, 45)
      if (gap > 0) onGap(day, gap)
      const start = addDays(day, gap)
      const end = addDays(start, int(20, 420))
      if (end > BLOCK_END) {
        if (start < BLOCK_END) place(homeId, bedId, route, contractId, int(450_000, 900_000), start, null)
        return
      }
      place(homeId, bedId, route, contractId, int(450_000, 900_000), start, end)
      day = end
    }
  }
  let seq = 0
  const event = (
    contractId: string,
    bedId: string,
    kind: Database['bed_events']['kind'],
    from: string,
    to: string | null,
    extra: Partial<Database['bed_events']> = {},
  ) =>
    events.push({
      id: randomUUID(),
      contract_id: contractId,
      bed_id: bedId,
      kind,
      from_date: from,
      to_date: to,
      reason: kind === 'unavailable' ? 'staffing' : null,
      cause: null,
      referral_id: null,
      note: null,
      seq: ++seq,
      recorded_by: 'system',
      recorded_by_label: 'benchmark',
      recorded_by_provider_id: null,
      recorded_at: at,
      ...LIVE_EVENT,
      ...extra,
    })

  const contracts: string[] = []
  for (let c = 0; c < opts.contracts; c++) {
    const h = await home(c, opts.bedsEach)
    const price = int(450_000, 750_000)
    const id = await insertBlockContract(
      db,
      {
        providerId: providers[c % providers.length]!,
        homeIds: [h.id],
        beds: h.bedIds.map((bedId) => ({ bedId })),
        startDate: BLOCK_START,
        endDate: BLOCK_END,
        pricePencePerBedWeek: price,
        pricingModel: c % 4 === 3 ? 'core-and-placement' : 'block',
        placementFeePencePerWeek: c % 4 === 3 ? int(50_000, 150_000) : null,
        paymentFrequency: c % 2 === 0 ? '4-weekly' : 'monthly',
        voidReleaseAfterDays: 14,
        prices: Array.from({ length: 9 }, (_, y) => ({
          fromDate: addDays(BLOCK_START, 365 * (y + 1)),
          pricePencePerBedWeek: Math.round(price * 1.02 ** (y + 1)),
          placementFeePencePerWeek: null,
          source: 'indexation' as const,
        })),
      },
      { reference: `SYN-${String(c + 1).padStart(2, '0')}`, at },
    )
    contracts.push(id)
    for (const bedId of h.bedIds)
      fill(h.id, bedId, 'block', id, (from, days) => {
        // What an empty spell records: why, and sometimes a hold, an unavailability or a release.
        event(id, bedId, 'empty-cause', from, null, { cause: EMPTY_CAUSES[int(0, 2)]! })
        const r = rand()
        if (r < 0.2) event(id, bedId, 'held', addDays(from, Math.floor(days / 2)), addDays(from, days - 1))
        else if (r < 0.35) event(id, bedId, 'unavailable', from, addDays(from, Math.min(days, 5) - 1))
        else if (r < 0.5 && days > 20) event(id, bedId, 'released', addDays(from, 14), addDays(from, days - 1))
      })
  }
  for (let s = 0; s < opts.spotHomes; s++) {
    const h = await home(opts.contracts + s, 4)
    for (const bedId of h.bedIds) fill(h.id, bedId, 'spot', null, () => undefined)
  }
  await bulkInsert(db, rows, events)
  return {
    contracts,
    placements: rows.length,
    events: events.length,
    bedDays: opts.contracts * opts.bedsEach * (toEpochDay(BLOCK_END) - toEpochDay(BLOCK_START) + 1),
  }
}

async function bulkInsert(db: Db, rows: Database['placements'][], events: Database['bed_events'][]): Promise<void> {
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < rows.length; i += 500)
      await tx
        .insertInto('placements')
        .values(rows.slice(i, i + 500))
        .execute()
    for (let i = 0; i < events.length; i += 500)
      await tx
        .insertInto('bed_events')
        .values(events.slice(i, i + 500))
        .execute()
  })
}

async function councilOrganisation(db: Db): Promise<string> {
  const org = await db.selectFrom('organisations').select('id').where('kind', '=', 'council').executeTakeFirst()
  if (org) return org.id
  const id = randomUUID()
  await db
    .insertInto('organisations')
    .values({
      id,
      kind: 'council',
      name: 'Synthetic Council',
      ons_code: 'E06000045',
      provider_id: null,
      created_at: new Date().toISOString(),
    })
    .execute()
  return id
}
