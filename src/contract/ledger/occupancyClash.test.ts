import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { describeEachDialect } from '../../../test/support/databases.js'
import { OccupancyClashError } from './domain/derive.js'
import { ledgerWorld, type LedgerWorld } from './testing/ledgerWorld.js'

describeEachDialect('ledger: overlapping occupancy of one bed', (ctx) => {
  let w: LedgerWorld
  let contractId = ''
  let first = ''
  let second = ''

  before(async () => {
    w = await ledgerWorld(ctx())
    const home = await w.home(w.providers.acme, 2)
    const bedId = home.bedIds[0]!
    contractId = await w.contract({
      providerId: w.providers.acme,
      homeIds: [home.id],
      beds: [{ bedId }],
      startDate: '2026-01-05',
      endDate: '2026-12-31',
      pricePencePerBedWeek: 700_000,
    })
    first = await w.place({ homeId: home.id, bedId, start: '2026-01-05', end: '2026-02-20', contractId })
    // Booking refuses a start inside an ended stay, so the clash is what a bad correction or a migration
    // from an older system could leave: a stay booked in the home's other bed, then moved into this one.
    second = await w.place({ homeId: home.id, bedId: home.bedIds[1]!, start: '2026-02-10', contractId })
    await ctx().db.updateTable('placements').set({ bed_id: bedId }).where('id', '=', second).execute()
  })

  const isClash = (e: unknown) => {
    assert.ok(e instanceof OccupancyClashError, String(e))
    assert.match(
      e.message,
      /^Ledger Home \d+, Bed 1 is occupied twice from 2026-02-10: placements [\w-]+ and [\w-]+ overlap; correct one of them$/,
    )
    assert.deepEqual(e.placementIds, [first, second])
    return true
  }

  test('the ledger refuses to derive, naming the bed, both placements and the first clashing day', async () => {
    await assert.rejects(w.contracts.contractLedger(w.actors.commissioner, contractId, { from: '2026-02-01', to: '2026-02-28' }), isClash)
    await assert.rejects(w.contracts.contractValue(w.actors.commissioner, contractId, { from: '2026-01-05', to: '2026-03-01' }), isClash)
  })

  test('a payment run over it is refused and writes nothing', async () => {
    await assert.rejects(w.contracts.runPayments(w.actors.finance, { from: '2026-02-01', to: '2026-02-28' }), isClash)
    assert.equal((await ctx().db.selectFrom('payment_runs').select('id').execute()).length, 0)
    assert.equal((await ctx().db.selectFrom('payment_lines').select('id').execute()).length, 0)
    assert.equal((await ctx().db.selectFrom('audit_log').select('seq').where('entity_type', '=', 'payment-run').execute()).length, 0)
  })

  test('once the first placement is corrected, the ledger derives again', async () => {
    // The correction: the earlier placement really ended when the second began (as the placement room would correct it).
    await ctx().db.updateTable('placements').set({ end_date: '2026-02-10' }).where('id', '=', first).execute()
    const v = await w.contracts.contractLedger(w.actors.commissioner, contractId, { from: '2026-02-01', to: '2026-02-28' })
    assert.equal(v.beds[0]!.dayList.find((d) => d.date === '2026-02-10')?.placementId, second)
    assert.equal(v.totals.occupied, 28)
  })
})
