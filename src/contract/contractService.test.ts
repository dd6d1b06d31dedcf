import assert from 'node:assert/strict'
import { test } from 'node:test'
import { describeEachDialect } from '../../test/support/databases.js'
import { inTransaction } from '../platform/db/transaction.js'
import { NotFoundError, UserInputError } from '../platform/errors.js'
import { DECISION, moderatedCompetition, tenderWorld } from '../tender/testing/tenderFixtures.js'

describeEachDialect('the contract register', (ctx) => {
  test('contracts from an award: listed for the council, and for a provider only its own', async () => {
    const w = await tenderWorld(ctx())
    const { id, bids } = await moderatedCompetition(w, { fillToMax: true, awardRule: 'rank', standstillDays: 0 })
    await w.tenders.proposeAward(w.actors.officer, id)
    w.clock.set('2026-04-01T10:00:00.000Z')
    await w.tenders.recordDecision(w.actors.officer, id, { ...DECISION, decidedOn: '2026-04-01' })
    const { contractIds } = await w.tenders.conclude(w.actors.officer, id)
    assert.equal(contractIds.length, 2)

    const all = await w.contracts.list(w.actors.finance, { tenderId: id })
    assert.deepEqual(all.map((c) => [c.reference, c.beds, c.weeklyValuePence, c.status]).sort(), [
      ['PW-2026-0001-C1', 3, 1_560_000, 'active'],
      ['PW-2026-0001-C2', 3, 1_500_000, 'active'],
    ])
    const acmeContract = all.find((c) => c.bidId === bids.acme)!
    assert.deepEqual(acmeContract.homeIds, [w.homes.oak.id])
    assert.equal(acmeContract.tenderReference, 'PW-2026-0001')
    assert.deepEqual(
      (await w.contracts.list(w.actors.cove)).map((c) => c.bidId),
      [bids.cove],
    )
    assert.equal((await w.contracts.get(w.actors.acme, acmeContract.id)).id, acmeContract.id)
    await assert.rejects(w.contracts.get(w.actors.cove, acmeContract.id), NotFoundError)
    await assert.rejects(w.contracts.get(w.actors.officer, 'no-such-contract'), NotFoundError)
    // A provider organisation not yet linked to a provider sees none at all.
    assert.deepEqual(await w.contracts.list({ ...w.actors.acme, providerId: null }), [])

    // A contract whose dates are out of order is refused, and nothing is written.
    await assert.rejects(
      inTransaction(ctx().db, (tx) =>
        w.contracts.createFromAward(tx, w.actors.officer, {
          ...acmeContract,
          tenderId: acmeContract.tenderId!,
          reference: 'X-1',
          bidId: bids.acme,
          endDate: '2026-01-01',
          startDate: '2026-05-01',
          maxExtentDate: '2031-04-30',
        }),
      ),
      UserInputError,
    )
    assert.equal((await w.contracts.list(w.actors.officer)).length, 2)
  })
})
