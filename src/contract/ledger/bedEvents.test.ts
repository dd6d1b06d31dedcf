import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { describeEachDialect } from '../../../test/support/databases.js'
import { ForbiddenError } from '../../platform/auth/scope.js'
import { inTransaction } from '../../platform/db/transaction.js'
import { NotFoundError, UserInputError } from '../../platform/errors.js'
import type { ContractLedgerView } from './ledgerRead.js'
import { ledgerWorld, type LedgerWorld } from './testing/ledgerWorld.js'
import { workedExample, type WorkedExample } from './testing/scenario.js'

async function refusedOn(promise: Promise<unknown>, field: string, message?: RegExp): Promise<void> {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof UserInputError, String(e))
    assert.equal(e.where?.field, field, e.message)
    if (message) assert.match(e.message, message)
    return true
  })
}
const dayOn = (v: ContractLedgerView, bedId: string, date: string) =>
  v.beds.find((b) => b.bed.id === bedId)!.dayList.find((d) => d.date === date)

describeEachDialect('ledger: bed events and the derived ledger', (ctx) => {
  let w: LedgerWorld
  let x: WorkedExample
  const january = { from: '2026-01-01', to: '2026-01-31' }

  before(async () => {
    w = await ledgerWorld(ctx())
    x = await workedExample(w)
  })

  test('the ledger is derived from the placements and events: states, causes and placements day by day', async () => {
    const v = await w.contracts.contractLedger(w.actors.commissioner, x.contractId, january)
    assert.equal(v.beds.length, 2)
    assert.equal(dayOn(v, x.bed1, '2026-01-04'), undefined, 'before the contract, no ledger day')
    assert.deepEqual(dayOn(v, x.bed1, '2026-01-19'), { date: '2026-01-19', state: 'occupied', cause: null, placementId: x.p1 })
    assert.deepEqual(dayOn(v, x.bed1, '2026-01-20'), { date: '2026-01-20', state: 'empty', cause: 'no-referral', placementId: null })
    assert.equal(dayOn(v, x.bed1, '2026-01-27')?.state, 'released')
    assert.deepEqual(dayOn(v, x.bed2, '2026-01-12'), {
      date: '2026-01-12',
      state: 'unavailable',
      cause: 'provider-unavailable',
      placementId: null,
    })
    assert.deepEqual(v.totals, { empty: 12, held: 0, released: 5, unavailable: 5, occupied: 32 })
  })

  test('a release needs the void rule’s empty days first; the refusal names the day that breaks it', async () => {
    await refusedOn(
      w.contracts.recordBedEvent(w.actors.acme, x.contractId, { bedId: x.bed1, kind: 'released', fromDate: '2026-01-25' }),
      'fromDate',
      /^Ledger Home \d+, Bed 1 can be released only after 7 consecutive empty days; on 2026-01-19 it was occupied$/,
    )
    await refusedOn(
      w.contracts.recordBedEvent(w.actors.acme, x.contractId, { bedId: x.bed2, kind: 'released', fromDate: '2026-01-16' }),
      'fromDate',
      /on 2026-01-15 it was occupied/,
    )
  })

  test('bad events are refused naming the control, and nothing is written', async () => {
    const before = (await w.contracts.contractLedger(w.actors.commissioner, x.contractId, january)).events.length
    const held = { bedId: x.bed1, kind: 'held' as const, fromDate: '2026-03-01' }
    await refusedOn(w.contracts.recordBedEvent(w.actors.commissioner, x.contractId, { ...held, toDate: '2026-02-01' }), 'toDate')
    await refusedOn(w.contracts.recordBedEvent(w.actors.commissioner, x.contractId, { ...held, fromDate: '2026-02-31' }), 'fromDate')
    await refusedOn(w.contracts.recordBedEvent(w.actors.commissioner, x.contractId, { ...held, kind: 'unavailable' }), 'reason')
    await refusedOn(w.contracts.recordBedEvent(w.actors.commissioner, x.contractId, { ...held, kind: 'empty-cause' }), 'cause')
    await refusedOn(
      w.contracts.recordBedEvent(w.actors.commissioner, x.contractId, { ...held, fromDate: '2025-12-01' }),
      'fromDate',
      /is not reserved under BLK-\d+ on 2025-12-01/,
    )
    await refusedOn(w.contracts.recordBedEvent(w.actors.commissioner, x.contractId, { ...held, bedId: w.homes.oak.bedIds[1]! }), 'bedId')
    assert.equal((await w.contracts.contractLedger(w.actors.commissioner, x.contractId, january)).events.length, before)
  })

  test('providers record only unavailability and release, on their own beds; others cannot touch them', async () => {
    const held = { bedId: x.bed1, kind: 'held' as const, fromDate: '2026-03-01' }
    await assert.rejects(w.contracts.recordBedEvent(w.actors.acme, x.contractId, held), ForbiddenError)
    await assert.rejects(
      w.contracts.recordBedEvent(w.actors.brook, x.contractId, { ...held, kind: 'unavailable', reason: 'repairs' }),
      NotFoundError,
    )
    await assert.rejects(w.contracts.recordBedEvent(w.actors.finance, x.contractId, held), ForbiddenError)
    await assert.rejects(w.contracts.recordBedEvent(w.actors.socialWorker, x.contractId, held), ForbiddenError)
    await assert.rejects(w.contracts.contractLedger(w.actors.brook, x.contractId, january), NotFoundError)
    const id = await w.contracts.recordBedEvent(w.actors.commissioner, x.contractId, {
      ...held,
      kind: 'unavailable',
      reason: 'repairs',
      toDate: '2026-03-02',
    })
    await assert.rejects(
      w.contracts.voidBedEvent(w.actors.acme, x.contractId, id, { voidReason: 'not ours' }),
      ForbiddenError,
      'a provider voids only its own',
    )
    await w.contracts.voidBedEvent(w.actors.commissioner, x.contractId, id, { voidReason: 'Recorded against the wrong bed' })
    await refusedOn(
      w.contracts.voidBedEvent(w.actors.commissioner, x.contractId, id, { voidReason: 'again' }),
      'voidReason',
      /already|was voided/,
    )
  })

  test('a voided event is kept with who and why, and the ledger derives as if it had never been', async () => {
    const id = await w.contracts.recordBedEvent(w.actors.commissioner, x.contractId, {
      bedId: x.bed1,
      kind: 'empty-cause',
      fromDate: '2026-01-21',
      cause: 'no-compatible-match',
      note: 'Referral needed a solo placement',
    })
    let v = await w.contracts.contractLedger(w.actors.commissioner, x.contractId, january)
    assert.equal(dayOn(v, x.bed1, '2026-01-22')?.cause, 'no-compatible-match')
    assert.equal(dayOn(v, x.bed1, '2026-01-20')?.cause, 'no-referral')
    await refusedOn(w.contracts.voidBedEvent(w.actors.commissioner, x.contractId, id, { voidReason: '  ' }), 'voidReason')
    await w.contracts.voidBedEvent(w.actors.commissioner, x.contractId, id, { voidReason: 'The referral was for another bed' })
    v = await w.contracts.contractLedger(w.actors.commissioner, x.contractId, january)
    assert.equal(dayOn(v, x.bed1, '2026-01-22')?.cause, 'no-referral')
    const kept = v.events.find((e) => e.id === id)!
    assert.deepEqual([kept.voided_by_label, kept.void_reason], [w.actors.commissioner.label, 'The referral was for another bed'])
    const audit = await ctx().db.selectFrom('audit_log').select('action').where('entity_id', '=', id).orderBy('seq').execute()
    assert.deepEqual(
      audit.map((a) => a.action),
      ['create', 'void'],
    )
  })

  test('a correction to a past placement derives the ledger again', async () => {
    const march = { from: '2026-03-01', to: '2026-03-31' }
    assert.equal(
      dayOn(await w.contracts.contractLedger(w.actors.commissioner, x.contractId, march), x.bed2, '2026-03-20')?.state,
      'occupied',
    )
    await w.placements.end(w.actors.officer, x.p2, {
      endDate: '2026-03-10',
      reasonEpisodeCeased: 'E8',
      reasonPlaceChange: null,
      planned: 'unplanned',
    })
    const v = await w.contracts.contractLedger(w.actors.commissioner, x.contractId, march)
    assert.equal(dayOn(v, x.bed2, '2026-03-09')?.state, 'occupied')
    assert.deepEqual(dayOn(v, x.bed2, '2026-03-10'), { date: '2026-03-10', state: 'empty', cause: 'no-referral', placementId: null })
  })

  test('the placement room records why an empty block bed was not used; a bed outside any block contract is refused', async () => {
    await inTransaction(ctx().db, (tx) =>
      w.contracts.recordEmptyBedCause(tx, w.actors.officer, {
        bedId: x.bed2,
        fromDate: '2026-03-12',
        cause: 'provider-declined',
        referralId: null,
        note: 'Declined on impact',
      }),
    )
    const v = await w.contracts.contractLedger(w.actors.commissioner, x.contractId, { from: '2026-03-01', to: '2026-03-31' })
    assert.equal(dayOn(v, x.bed2, '2026-03-11')?.cause, 'no-referral')
    assert.equal(dayOn(v, x.bed2, '2026-03-12')?.cause, 'provider-declined')
    await assert.rejects(
      inTransaction(ctx().db, (tx) =>
        w.contracts.recordEmptyBedCause(tx, w.actors.officer, {
          bedId: w.homes.oak.bedIds[1]!,
          fromDate: '2026-03-12',
          cause: 'no-referral',
          referralId: null,
          note: null,
        }),
      ),
      /not reserved by a block contract/,
    )
    await assert.rejects(
      inTransaction(ctx().db, (tx) =>
        w.contracts.recordEmptyBedCause(tx, w.actors.acme, {
          bedId: x.bed2,
          fromDate: '2026-03-12',
          cause: 'no-referral',
          referralId: null,
          note: null,
        }),
      ),
      ForbiddenError,
    )
  })

  test('a cause from before the period still applies in it, unless the bed was held in between', async () => {
    const home = await w.home(w.providers.acme, 2)
    const [a, b] = home.bedIds as [string, string]
    const id = await w.contract({
      providerId: w.providers.acme,
      homeIds: [home.id],
      beds: [{ bedId: a }, { bedId: b }],
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      pricePencePerBedWeek: 700_000,
    })
    for (const bedId of [a, b])
      await w.contracts.recordBedEvent(w.actors.commissioner, id, {
        bedId,
        kind: 'empty-cause',
        fromDate: '2026-01-10',
        cause: 'no-compatible-match',
      })
    await w.contracts.recordBedEvent(w.actors.commissioner, id, { bedId: b, kind: 'held', fromDate: '2026-02-01', toDate: '2026-02-03' })
    for (const month of ['2026-03', '2026-09']) {
      // March reads the causes in its look-back window; September has to read further back for them.
      const v = await w.contracts.contractLedger(w.actors.commissioner, id, { from: `${month}-01`, to: `${month}-30` })
      assert.equal(dayOn(v, a, `${month}-15`)?.cause, 'no-compatible-match', month)
      assert.equal(dayOn(v, b, `${month}-15`)?.cause, 'no-referral', `${month}: the hold in February ended the cause`)
    }
  })

  test('an open event is ended once, on or after its start', async () => {
    const id = await w.contracts.recordBedEvent(w.actors.acme, x.contractId, {
      bedId: x.bed2,
      kind: 'unavailable',
      fromDate: '2026-04-01',
      reason: 'ofsted-restriction',
    })
    await refusedOn(w.contracts.endBedEvent(w.actors.acme, x.contractId, id, { toDate: '2026-03-31' }), 'toDate', /on or after 2026-04-01/)
    await w.contracts.endBedEvent(w.actors.acme, x.contractId, id, { toDate: '2026-04-03' })
    await refusedOn(
      w.contracts.endBedEvent(w.actors.acme, x.contractId, id, { toDate: '2026-04-05' }),
      'toDate',
      /already ended on 2026-04-03/,
    )
    const v = await w.contracts.contractLedger(w.actors.commissioner, x.contractId, { from: '2026-04-01', to: '2026-04-30' })
    assert.equal(dayOn(v, x.bed2, '2026-04-03')?.state, 'unavailable')
    assert.equal(dayOn(v, x.bed2, '2026-04-04')?.state, 'empty')
  })
})
