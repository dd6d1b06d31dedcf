import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { describeEachDialect } from '../../../test/support/databases.js'
import { ledgerWorld, type LedgerWorld } from '../../contract/ledger/testing/ledgerWorld.js'
import { createPlacementService } from '../placementService.js'
import { child, referral } from '../placements/testing/placementWorld.js'

/** A provider declining a referral for a home whose beds a block contract reserves: the empty beds' cause is its refusal. */
describeEachDialect('placement offers: a decline leaves reserved beds empty for a reason', (ctx) => {
  let w: LedgerWorld
  let placements: ReturnType<typeof createPlacementService>
  let reserved: string[]
  before(async () => {
    w = await ledgerWorld(ctx())
    placements = createPlacementService({ ...ctx(), audit: w.audit, market: w.market, contracts: w.contracts, now: w.clock.now })
    const oak = w.homes.oak
    // Oak House: bed 1 occupied, beds 2 and 3 reserved by a block contract, bed 4 bought spot.
    reserved = [oak.bedIds[1]!, oak.bedIds[2]!]
    await w.contract({
      providerId: w.providers.acme,
      homeIds: [oak.id],
      beds: reserved.map((bedId) => ({ bedId })),
      startDate: '2026-04-01',
      endDate: '2027-03-31',
      pricePencePerBedWeek: 500_000,
    })
  })

  const causes = () =>
    ctx()
      .db.selectFrom('bed_events')
      .select(['bed_id', 'cause', 'referral_id', 'from_date', 'note'])
      .where('kind', '=', 'empty-cause')
      .execute()

  test('an offer records nothing; a decline records "provider declined" for each empty block bed, from today', async () => {
    const first = await placements.createChild(w.actors.officer, child('BLOCK-1'))
    const offered = await placements.createReferral(w.actors.officer, referral(first))
    const [a] = await placements.sendReferralRequests(w.actors.officer, offered, { homeIds: [w.homes.oak.id] })
    await placements.respondToReferralRequest(w.actors.acme, a!, { kind: 'offer', weeklyPricePence: 500_000, startDate: '2026-07-02' })
    assert.deepEqual(await causes(), [])

    const second = await placements.createChild(w.actors.officer, child('BLOCK-2'))
    const declined = await placements.createReferral(w.actors.officer, referral(second))
    const [b] = await placements.sendReferralRequests(w.actors.officer, declined, { homeIds: [w.homes.oak.id] })
    await placements.respondToReferralRequest(w.actors.acme, b!, { kind: 'decline', reason: 'impact-on-residents' })
    const rows = await causes()
    assert.deepEqual(rows.map((r) => r.bed_id).sort(), [...reserved].sort(), 'only the reserved beds, not the spot one')
    for (const r of rows) {
      assert.equal(r.cause, 'provider-declined')
      assert.equal(r.referral_id, declined)
      assert.equal(r.from_date, '2026-07-01')
      assert.equal(r.note, 'Impact on the children living in the home')
    }
  })
})
