import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { test } from 'node:test'
import { CHEAP_PASSWORDS, testConfig } from '../../test/support/app.js'
import { freshSqlite } from '../../test/support/databases.js'
import { buildDemo } from '../demo/buildDemo.js'
import { systemActor } from '../platform/auth/actor.js'
import { createUserRepository } from '../platform/auth/userRepository.js'
import { toActor } from '../platform/auth/userService.js'
import { inTransaction } from '../platform/db/transaction.js'
import { createServices } from '../platform/services.js'
import { buildTenderDemo } from './demo.js'
import { londonDate } from './domain/dates.js'

test('the demo has a completed competition with two block contracts and an open one the demo providers can bid in', async () => {
  const handle = await freshSqlite()
  try {
    const config = testConfig()
    const services = createServices(handle, config, { passwordCost: CHEAP_PASSWORDS })
    const actor = systemActor('demo')
    const now = new Date()
    // The demo council builds its mini-competitions too, through the same services the app uses.
    await buildDemo({ ...services, actor })
    const { tender: tenders, contracts } = services
    const ids = await handle.db.selectFrom('tenders').select(['id', 'status']).execute()
    const result = {
      completedTenderId: ids.find((t) => t.status === 'concluded')?.id,
      openTenderId: ids.find((t) => t.status === 'open')?.id,
    }
    assert.ok(result.completedTenderId && result.openTenderId, 'one completed and one open mini-competition')
    const masterKey = randomBytes(32)
    const users = createUserRepository()
    const person = async (email: string) => toActor((await users.findByEmail(handle.db, email))!)
    const chris = await person('chris.commissioner@southampton.demo')
    const pat = await person('pat.provider@southampton.demo')
    const quinn = await person('quinn.provider@southampton.demo')

    const done = await tenders.get(chris, result.completedTenderId!)
    assert.equal(done.status, 'concluded')
    assert.equal(done.legalRegime, 'PCR2015')
    const all = await contracts.list(chris, { tenderId: done.id })
    assert.equal(
      all.reduce((s, c) => s + c.beds, 0),
      6,
    )
    assert.deepEqual(all.map((c) => c.providerId).sort(), ['demo-p01', 'demo-p02'])
    const s = (await tenders.standstill(chris, done.id))!
    assert.equal(s.kind, 'PCR2015-voluntary-10-days')
    assert.ok(s.endsOn < londonDate(now))
    assert.equal((await tenders.notices(chris, done.id)).length, 4)

    const open = await tenders.get(chris, result.openTenderId!)
    assert.equal(open.status, 'open')
    assert.ok(open.submissionDeadline > now.toISOString())
    for (const who of [pat, quinn]) {
      assert.deepEqual((await tenders.myInvitations(who)).map((t) => t.id).sort(), [done.id, open.id].sort())
      assert.ok((await tenders.eligibleHomes(who, open.id)).length > 0)
    }
    assert.equal((await tenders.myBid(quinn, open.id))!.status, 'submitted')
    assert.equal(await tenders.myBid(pat, open.id), null)
    // The live service's gateway works on the stored area even with no postcode directory loaded.
    const gateway = await tenders.gateway(chris, open.id)
    assert.ok(gateway.some((g) => g.providerId === 'demo-p01' && g.eligible))
    // A second run recognises the demo and builds nothing.
    const again = await inTransaction(handle.db, (tx) =>
      buildTenderDemo({ dialect: handle.dialect, audit: services.audit, config, masterKey }, actor, tx),
    )
    assert.equal(again.built, false)
    assert.equal((await tenders.list(chris)).length, 2)
  } finally {
    await handle.close()
  }
})
