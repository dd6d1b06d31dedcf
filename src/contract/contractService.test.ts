import assert from 'node:assert/strict'
import { test } from 'node:test'
import { describeEachDialect } from '../../test/support/databases.js'
import { inTransaction } from '../platform/db/transaction.js'
import { NotFoundError, UserInputError } from '../platform/errors.js'
import { createRegisterRepository } from './register/registerRepository.js'
import { pickBeds } from './register/reservation.js'
import { registerWorld, type RegisterWorld } from './register/testing/registerWorld.js'

describeEachDialect('the contract register', (ctx) => {
  // One database per suite: the world and its awarded contracts are made once and shared.
  let made: Promise<{ w: RegisterWorld; awarded: Awaited<ReturnType<RegisterWorld['awardedContracts']>> }> | undefined
  const world = () =>
    (made ??= (async () => {
      const w = await registerWorld(ctx())
      return { w, awarded: await w.awardedContracts() }
    })())

  test('contracts from an award: listed for the council, and for a provider only its own', async () => {
    const { w, awarded } = await world()
    const { tenderId: id, acme: acmeContract } = awarded

    const all = await w.contracts.list(w.actors.finance, { tenderId: id })
    assert.deepEqual(all.map((c) => [c.reference, c.beds, c.weeklyValuePence, c.status]).sort(), [
      ['PW-2026-0001-C1', 3, 1_560_000, 'active'],
      ['PW-2026-0001-C2', 3, 1_500_000, 'active'],
    ])
    assert.deepEqual(acmeContract.homeIds, [w.homes.oak.id])
    assert.equal(acmeContract.tenderReference, 'PW-2026-0001')
    assert.deepEqual(
      (await w.contracts.list(w.actors.cove)).map((c) => c.id),
      [(await w.register.list(w.actors.officer, { tenderId: id })).find((c) => c.providerId === w.providers.cove)!.id],
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
          bidId: acmeContract.bidId!,
          endDate: '2026-01-01',
          startDate: '2026-05-01',
          maxExtentDate: '2031-04-30',
        }),
      ),
      UserInputError,
    )
    assert.equal((await w.contracts.list(w.actors.officer)).length, 2)
  })

  test('an award reserves the bid’s beds (vacant first), writes the first price and the terms: 3 years + 2, notice 6 months before the end', async () => {
    const {
      w,
      awarded: { acme },
    } = await world()
    assert.deepEqual(
      [
        acme.startDate,
        acme.initialEndDate,
        acme.endDate,
        acme.maxExtentDate,
        acme.extensionMonths,
        acme.extensionNoticeDate,
        acme.extensionStatus,
      ],
      ['2026-05-01', '2029-04-30', '2029-04-30', '2031-04-30', 24, '2028-10-30', 'available'],
    )
    assert.deepEqual([acme.kind, acme.pricingModel, acme.paymentFrequency, acme.indexation], ['block', 'block', '4-weekly', null])
    const detail = await w.register.contractDetail(w.actors.officer, acme.id)
    // Oak House's first bed is occupied (a spot child), so the three vacant ones are reserved.
    assert.deepEqual(detail.beds.future.map((b) => b.bedId).sort(), [...w.homes.oak.bedIds.slice(1)].sort())
    assert.deepEqual(
      detail.prices.map((p) => [p.from_date, p.price_pence_per_bed_week, p.source]),
      [['2026-05-01', 500_000, 'contract']],
    )
    const audit = await ctx().db.selectFrom('audit_log').select(['action', 'after_json']).where('entity_id', '=', acme.id).execute()
    assert.equal(audit.length, 1)
    assert.equal(audit[0]!.action, 'create')
    assert.match(audit[0]!.after_json!, /"reservedBeds":\[\{"bedId":/)

    // A second award at the same home: the bed free now, then one of the first contract's from the day after it ends.
    const award = (reference: string, beds: number) =>
      inTransaction(ctx().db, (tx) =>
        w.contracts.createFromAward(tx, w.actors.officer, {
          reference,
          tenderId: acme.tenderId!,
          bidId: acme.bidId!,
          providerId: acme.providerId,
          homeIds: [w.homes.oak.id],
          beds,
          pricePencePerBedWeek: 500_000,
          startDate: '2027-01-01',
          endDate: '2029-12-31',
          maxExtentDate: '2029-12-31',
        }),
      )
    await assert.rejects(
      award('X-2', 5),
      (e: unknown) =>
        e instanceof UserInputError && /Oak House has 4 beds that other contracts leave free for this one; 5 are needed/.test(e.message),
    )
    const reserved = await inTransaction(ctx().db, (tx) =>
      pickBeds(createRegisterRepository(), tx, [{ homeId: w.homes.oak.id, beds: 2 }], { from: '2027-01-01', to: '2029-12-31' }),
    )
    assert.deepEqual(
      reserved.map((r) => r.fromDate),
      ['2027-01-01', '2029-05-01'],
    )
    assert.equal(reserved[0]!.bedId, w.homes.oak.bedIds[0])
    assert.ok(w.homes.oak.bedIds.slice(1).includes(reserved[1]!.bedId))
  })
})
