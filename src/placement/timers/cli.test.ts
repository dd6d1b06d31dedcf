import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { CHEAP_PASSWORDS, TEST_PASSWORD, testConfig } from '../../../test/support/app.js'
import { runCli } from '../../../test/support/cli.js'
import { seedMarket } from '../../market/testing/marketFixtures.js'
import { systemActor } from '../../platform/auth/actor.js'
import { addDays } from '../../platform/calendar/isoDate.js'
import { openDatabase } from '../../platform/db/database.js'
import { migrateToLatest } from '../../platform/db/migrate.js'
import { inTransaction } from '../../platform/db/transaction.js'
import { createServices } from '../../platform/services.js'
import { child, referral } from '../placements/testing/placementWorld.js'

test('placewise reminders queues today’s reminders once, however often it runs', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'placewise-reminders-'))
  const path = join(dir, 'test.db')
  try {
    const handle = openDatabase({ kind: 'sqlite', path })
    await migrateToLatest(handle.db, handle.dialect)
    const s = createServices(handle, testConfig(), { passwordCost: CHEAP_PASSWORDS })
    const seeded = await seedMarket(handle)
    const system = systemActor('test')
    const sw = await inTransaction(s.db, (tx) =>
      s.users.createActive(system, tx, {
        email: 'sw@council.test',
        displayName: 'A Social Worker',
        organisationId: seeded.councilId,
        role: 'social_worker',
        password: TEST_PASSWORD,
      }),
    )
    // Started 9 days ago (on the real clock the command runs on): the first visit was due 2 days ago.
    const today = new Date().toISOString().slice(0, 10)
    const childId = await s.placements.createChild(system, child('CLI-1', { allocatedSocialWorkerUserId: sw }))
    const placementId = await s.placements.book(system, {
      referralId: await s.placements.createReferral(system, referral(childId)),
      homeId: seeded.homes.oak.id,
      bedId: seeded.homes.oak.bedIds[1]!,
      route: 'spot',
      weeklyPricePence: 550_000,
      startDate: addDays(today, -9),
    })
    await s.placements.recordPlacementPlan(system, placementId, addDays(today, -9))
    await handle.close()

    const env = { SQLITE_PATH: path }
    const first = runCli(['reminders'], env)
    assert.equal(first.status, 0, first.stderr)
    assert.match(first.stdout, /Queued 1 reminder email; 0 already sent today; 0 items with no allocated social worker to remind\./)
    const second = runCli(['reminders'], env)
    assert.equal(second.status, 0, second.stderr)
    assert.match(second.stdout, /Queued 0 reminder emails; 1 already sent today;/)

    const check = openDatabase({ kind: 'sqlite', path })
    const queued = await check.db
      .selectFrom('outbox')
      .select(['to_address', 'subject'])
      .where('purpose', '=', 'statutory-reminder')
      .execute()
    await check.close()
    assert.deepEqual(
      queued.map((m) => m.to_address),
      ['sw@council.test'],
    )
    assert.match(queued[0]!.subject, /social worker visit overdue/)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
