/**
 * The placement test world with what the children pages, timers, travel and panel also need: the
 * app's config (council centre, travel rates), a postcode service that knows district centroids,
 * an outbox, and social workers who are real users with email addresses.
 */
import { createPostcodeService } from '../../../geo/postcodeService.js'
import { systemActor } from '../../../platform/auth/actor.js'
import { loadConfig } from '../../../platform/config.js'
import type { DatabaseHandle } from '../../../platform/db/database.js'
import { inTransaction } from '../../../platform/db/transaction.js'
import { createOutboxService } from '../../../platform/outbox/outboxService.js'
import { DEMO_DISTRICTS } from '../../../demo/districts.js'
import { createPlacementService } from '../../placementService.js'
import { placementWorld } from '../../placements/testing/placementWorld.js'

export const testTravelConfig = () => loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'x'.repeat(40) })

export async function pagesWorld(handle: DatabaseHandle) {
  const w = await placementWorld(handle)
  const config = testTravelConfig()
  const postcodes = createPostcodeService({ db: handle.db, dialect: handle.dialect, audit: w.audit })
  await inTransaction(handle.db, (tx) =>
    postcodes.seedDistrictCentroids(
      tx,
      systemActor('test'),
      DEMO_DISTRICTS.map((d) => ({ key: d.district, lad: d.lad, easting: d.easting, northing: d.northing, postcodes: 0 })),
    ),
  )
  const outbox = createOutboxService({
    db: handle.db,
    transport: { name: 'test', send: async () => undefined, close: () => undefined },
    now: w.clock.now,
  })
  const placements = createPlacementService({
    db: handle.db,
    dialect: handle.dialect,
    audit: w.audit,
    market: w.market,
    postcodes,
    config,
    now: w.clock.now,
  })
  // Ann and Bob are users of the council, with addresses reminders go to.
  for (const [id, name] of [
    ['sw-ann', 'Ann Social-Worker'],
    ['sw-bob', 'Bob Social-Worker'],
  ] as const) {
    await handle.db
      .insertInto('users')
      .values({
        id,
        email: `${id}@council.test`,
        display_name: name,
        organisation_id: w.councilId,
        role: 'social_worker',
        status: 'active',
        password_hash: null,
        invite_token_hash: null,
        invite_expires_at: null,
        failed_logins: 0,
        locked_until: null,
        last_login_at: null,
        created_at: new Date().toISOString(),
      })
      .execute()
  }
  const council = (actor: (typeof w.actors)['officer']) => ({ ...actor, organisationId: w.councilId })
  return {
    ...w,
    placements,
    postcodes,
    outbox,
    config,
    actors: {
      ...w.actors,
      officer: council(w.actors.officer),
      head: council(w.actors.head),
      ann: council(w.actors.ann),
      bob: council(w.actors.bob),
    },
  }
}
export type PagesWorld = Awaited<ReturnType<typeof pagesWorld>>
