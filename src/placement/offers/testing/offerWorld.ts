/**
 * A world for spot referral tests: the placement world's market (Oak House and Cedar View with
 * vacancies; Elm Court suspended), plus a home whose provider is not on the framework, provider
 * and council users to email, an outbox, and the SO14 district located so distances can be shown.
 */
import { createPostcodeService } from '../../../geo/postcodeService.js'
import { CENTRE } from '../../../market/testing/marketFixtures.js'
import { systemActor, type Actor } from '../../../platform/auth/actor.js'
import type { DatabaseHandle, Db } from '../../../platform/db/database.js'
import { inTransaction } from '../../../platform/db/transaction.js'
import { createOutboxService } from '../../../platform/outbox/outboxService.js'
import { createPlacementService } from '../../placementService.js'
import { NOW, placementWorld, socialWorker } from '../../placements/testing/placementWorld.js'

export { child, childReads, referral, NOW } from '../../placements/testing/placementWorld.js'

const neverSent = {
  name: 'not used',
  send: async () => {
    throw new Error('these tests read the outbox; nothing is delivered')
  },
  close: () => undefined,
}

async function addUser(db: Db, id: string, email: string, organisationId: string, role: string) {
  await db
    .insertInto('users')
    .values({
      id,
      email,
      display_name: `User ${id}`,
      organisation_id: organisationId,
      role,
      status: 'active',
      password_hash: null,
      invite_token_hash: null,
      invite_expires_at: null,
      failed_logins: 0,
      locked_until: null,
      last_login_at: null,
      created_at: NOW,
    })
    .execute()
}

export async function offerWorld(handle: DatabaseHandle) {
  const base = await placementWorld(handle)
  const { db } = handle
  const clock = base.clock
  const outbox = createOutboxService({ db, transport: neverSent, now: clock.now })
  const postcodes = createPostcodeService({ db, dialect: handle.dialect, audit: base.audit })
  await inTransaction(db, (tx) =>
    postcodes.seedDistrictCentroids(tx, systemActor('test'), [{ key: 'SO14', lad: 'E06000045', ...CENTRE, postcodes: 1 }]),
  )
  const placements = createPlacementService({
    db,
    dialect: handle.dialect,
    audit: base.audit,
    market: base.market,
    postcodes,
    outbox,
    now: clock.now,
  })
  // A provider not on the framework, with an open home and a vacancy.
  const dale = await base.market.createProvider(base.officer, { name: 'Dale Care', companiesHouseNumber: '07654321' })
  const hazel = await base.market.createHome(base.officer, {
    urn: 'SC000007',
    name: 'Hazel Nook',
    providerId: dale,
    postcode: null,
    location: null,
    registeredPlaces: 2,
    beds: 2,
    sexesAccepted: 'mixed',
    status: 'active',
    ageMin: 11,
    ageMax: 17,
  })
  const { acme, brook } = base.providers
  for (const [provider, email] of [
    [acme, 'manager@acme.test'],
    [brook, 'manager@brook.test'],
  ] as const) {
    await db
      .insertInto('organisations')
      .values({
        id: `org-${provider}`,
        kind: 'provider',
        name: `Org of ${provider}`,
        ons_code: null,
        provider_id: provider,
        created_at: NOW,
      })
      .execute()
    await addUser(db, `user-${provider}`, email, `org-${provider}`, 'provider_user')
  }
  await addUser(db, 'sw-ann', 'ann@council.test', base.councilId, 'social_worker')
  await addUser(db, 'user-placement_officer', 'priya@council.test', base.councilId, 'placement_officer')
  const actors: typeof base.actors & { officer2: Actor } = {
    ...base.actors,
    officer2: { ...base.actors.officer, userId: 'user-officer-2', label: 'Second placement officer' },
  }
  return { ...base, clock, outbox, postcodes, placements, actors, hazel: { id: hazel.id }, dale, ann: socialWorker('sw-ann') }
}
export type OfferWorld = Awaited<ReturnType<typeof offerWorld>>

/** The outbox's messages for one purpose, oldest first. */
export const emails = (db: Db, purpose: string) =>
  db
    .selectFrom('outbox')
    .select(['to_address', 'subject', 'body_text', 'related_id'])
    .where('purpose', '=', purpose)
    .orderBy('created_at')
    .orderBy('to_address')
    .execute()
