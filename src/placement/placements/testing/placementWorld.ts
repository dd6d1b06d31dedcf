/**
 * A small world for placement tests: the market fixture (Oak House of Acme with three vacant
 * beds, Cedar View of Brook with three), a placement service on a clock the test moves, and
 * actors for each role.
 */
import { councilActor, providerActor, seedMarket } from '../../../market/testing/marketFixtures.js'
import type { Actor } from '../../../platform/auth/actor.js'
import { settableClock } from '../../../platform/clock.js'
import type { DatabaseHandle } from '../../../platform/db/database.js'
import type { ChildInput } from '../../children/childSchema.js'
import { createPlacementService } from '../../placementService.js'

export const NOW = '2026-04-01T09:00:00.000Z'

export const socialWorker = (id: string): Actor => ({ ...councilActor('social_worker'), userId: id, label: `Social worker ${id}` })

export function child(caseReference: string, extra: Partial<ChildInput> = {}): ChildInput {
  return {
    caseReference,
    dateOfBirth: '2012-05-14',
    sex: 'female',
    legalStatus: 'C2',
    homePostcode: 'so14 7du',
    schoolPostcode: null,
    allocatedSocialWorkerUserId: 'sw-ann',
    needs: ['self-harm'],
    risksToChild: ['going-missing'],
    risksToOthers: [],
    requirements: 'Needs to stay at her school',
    ...extra,
  }
}

export const referral = (childId: string) => ({
  childId,
  urgency: 'under-5-days' as const,
  placementTypes: ['residential' as const],
  preferredPostcode: 'SO15 1AA',
  siblings: null,
  deprivationOfLiberty: 'no' as const,
})

export async function placementWorld(handle: DatabaseHandle) {
  const clock = settableClock(NOW)
  const seeded = await seedMarket(handle, { now: clock.now })
  const placements = createPlacementService({
    db: handle.db,
    dialect: handle.dialect,
    audit: seeded.audit,
    market: seeded.market,
    now: clock.now,
  })
  const oak = seeded.homes.oak
  const cedar = seeded.homes.cedar
  return {
    ...seeded,
    clock,
    placements,
    oak: { id: oak.id, vacantBeds: oak.bedIds.slice(1) },
    cedar: { id: cedar.id, vacantBeds: cedar.bedIds },
    actors: {
      officer: councilActor('placement_officer'),
      head: councilActor('head_of_service'),
      commissioner: councilActor('commissioning_officer'),
      finance: councilActor('finance_officer'),
      ann: socialWorker('sw-ann'),
      bob: socialWorker('sw-bob'),
      acme: providerActor(seeded.providers.acme),
      brook: providerActor(seeded.providers.brook),
    },
  }
}
export type PlacementWorld = Awaited<ReturnType<typeof placementWorld>>

/** How many child-read audit rows there are for a child (optionally by one user). */
export async function childReads(handle: DatabaseHandle, childId: string, userId?: string): Promise<number> {
  let q = handle.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('entity_type', '=', 'child')
    .where('action', '=', 'read')
    .where('entity_id', '=', childId)
  if (userId) q = q.where('actor_user_id', '=', userId)
  const r = await q.executeTakeFirstOrThrow()
  return Number(r.n)
}
