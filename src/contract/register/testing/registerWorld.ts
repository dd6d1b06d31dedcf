/**
 * A world for register tests: the tender fixture's market and competition, the whole contract
 * service on the same database and clock, and a way to place a child in a bed (rows written as
 * the placement room writes them; no child's details beyond what the outcomes need).
 */
import { randomUUID } from 'node:crypto'
import type { Insertable } from 'kysely'
import { testConfig } from '../../../../test/support/app.js'
import { createPlacementPort } from '../../../placement/ports/placementPort.js'
import type { DatabaseHandle } from '../../../platform/db/database.js'
import type { Database } from '../../../platform/db/schema.js'
import { createOutboxService } from '../../../platform/outbox/outboxService.js'
import { DECISION, moderatedCompetition, tenderWorld } from '../../../tender/testing/tenderFixtures.js'
import { createContractService } from '../../contractService.js'

export async function registerWorld(handle: DatabaseHandle) {
  const w = await tenderWorld(handle)
  const outbox = createOutboxService({
    db: handle.db,
    now: w.clock.now,
    transport: { name: 'none', send: async () => undefined, close: () => undefined },
  })
  const register = createContractService({
    db: handle.db,
    dialect: handle.dialect,
    audit: w.audit,
    market: w.market,
    outbox,
    config: testConfig(),
    now: w.clock.now,
    placements: () => createPlacementPort(),
  })

  /** The fixture's competition concluded on 1 April 2026: acme's contract (Oak House) and cove's (Cove House), 3 beds each. */
  async function awardedContracts(extra: Parameters<typeof moderatedCompetition>[1] = {}) {
    const { id, bids } = await moderatedCompetition(w, { fillToMax: true, awardRule: 'rank', standstillDays: 0, ...extra })
    await w.tenders.proposeAward(w.actors.officer, id)
    w.clock.set('2026-04-01T10:00:00.000Z')
    await w.tenders.recordDecision(w.actors.officer, id, { ...DECISION, decidedOn: '2026-04-01' })
    await w.tenders.conclude(w.actors.officer, id)
    const all = await register.list(w.actors.officer, { tenderId: id })
    return { tenderId: id, acme: all.find((c) => c.bidId === bids.acme)!, cove: all.find((c) => c.bidId === bids.cove)! }
  }

  /** A child placed in a bed under a contract from a date (open unless an end is given). */
  async function placeChild(p: {
    bedId: string
    contractId: string | null
    startDate: string
    endDate?: string | null
    endedPlanned?: 'planned' | 'unplanned' | null
    homePostcode?: string | null
  }) {
    const db = handle.db
    const bed = await db.selectFrom('beds').select('home_id').where('id', '=', p.bedId).executeTakeFirstOrThrow()
    const at = new Date().toISOString()
    const childId = randomUUID()
    // The child's profile beyond these takes the database's defaults.
    const child: Partial<Insertable<Database['children']>> = {
      id: childId,
      case_reference: `CR-${childId.slice(0, 8)}`,
      date_of_birth: '2011-06-01',
      sex: 'female',
      legal_status: 'C2',
      home_postcode: p.homePostcode ?? null,
      school_postcode: null,
      allocated_social_worker_user_id: null,
      needs_json: '[]',
      risks_to_child_json: '[]',
      risks_to_others_json: '[]',
      requirements: null,
      created_at: at,
      updated_at: at,
    }
    await db
      .insertInto('children')
      .values(child as Insertable<Database['children']>)
      .execute()
    const referralId = randomUUID()
    await db
      .insertInto('referrals')
      .values({
        id: referralId,
        child_id: childId,
        urgency: 'under-5-days',
        placement_types_json: '["residential"]',
        preferred_postcode: null,
        siblings: null,
        deprivation_of_liberty: 'no',
        status: 'matched',
        created_by: null,
        created_at: at,
        updated_at: at,
      })
      .execute()
    const id = randomUUID()
    await db
      .insertInto('placements')
      .values({
        id,
        child_id: childId,
        referral_id: referralId,
        home_id: bed.home_id,
        bed_id: p.bedId,
        route: p.contractId ? 'block' : 'spot',
        contract_id: p.contractId,
        weekly_price_pence: 500_000,
        start_date: p.startDate,
        planned_end_date: null,
        end_date: p.endDate ?? null,
        end_reason: null,
        reason_place_change: null,
        ended_planned: p.endedPlanned ?? null,
        impact_assessment: null,
        impact_assessed_by: null,
        impact_assessed_at: null,
        created_by: null,
        created_at: at,
      })
      .execute()
    return id
  }

  const head2 = { ...w.actors.head, userId: 'user-second-head', label: 'Second Head' }
  return { ...w, register, outbox, awardedContracts, placeChild, actors: { ...w.actors, head2 } }
}
export type RegisterWorld = Awaited<ReturnType<typeof registerWorld>>
