import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { describeEachDialect } from '../../../test/support/databases.js'
import type { Db } from '../../platform/db/database.js'
import { NotFoundError } from '../../platform/errors.js'
import type { ContractValue, Period } from '../api.js'
import { EMPTY_CAUSES } from '../ports.js'
import { ledgerWorld, type LedgerWorld } from './testing/ledgerWorld.js'
import { workedExample, type WorkedExample } from './testing/scenario.js'

/**
 * The figures again, from the raw ledger days the ledger page shows and the price rows as
 * stored, day by day in floating point and rounded at the end: a second reading, not the code's.
 */
async function recompute(w: LedgerWorld, db: Db, contractIds: string[], period: Period) {
  let reserved = 0
  let occupied = 0
  let paid = 0
  const empty: Record<string, { days: number; cost: number }> = {}
  for (const id of contractIds) {
    const v = await w.contracts.contractLedger(w.actors.commissioner, id, period)
    const c = await db.selectFrom('contracts').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    const prices = await db.selectFrom('contract_prices').selectAll().where('contract_id', '=', id).execute()
    const priceOn = (day: string) => {
      const rank = { contract: 0, indexation: 1, variation: 2 }
      const row = prices
        .filter((p) => p.from_date <= day)
        .sort((a, b) => a.from_date.localeCompare(b.from_date) || rank[a.source] - rank[b.source])
        .at(-1)!
      return {
        core: row.price_pence_per_bed_week / 7,
        fee: c.pricing_model === 'core-and-placement' ? (row.placement_fee_pence_per_week ?? 0) / 7 : 0,
      }
    }
    let gross = 0
    let credit = 0
    let deduction = 0
    for (const bed of v.beds)
      for (const d of bed.dayList) {
        const p = priceOn(d.date)
        reserved++
        gross += p.core + (d.state === 'occupied' ? p.fee : 0)
        if (d.state === 'occupied') occupied++
        if (d.state === 'released') credit += p.core
        if (d.cause === 'provider-unavailable') deduction += p.core
        if (d.cause) {
          empty[d.cause] ??= { days: 0, cost: 0 }
          empty[d.cause]!.days++
          empty[d.cause]!.cost += p.core
        }
      }
    paid += Math.round(gross - credit - deduction)
    for (const e of Object.values(empty)) e.cost = Math.round(e.cost)
  }
  return { reserved, occupied, paid, empty }
}

describeEachDialect('ledger: value figures', (ctx) => {
  let w: LedgerWorld
  let x: WorkedExample
  let second = ''
  const period = { from: '2026-01-05', to: '2026-03-01' }

  before(async () => {
    w = await ledgerWorld(ctx())
    x = await workedExample(w)
    // Brook's core-and-placement contract, paid monthly, for the whole block's figures.
    const home = await w.home(w.providers.brook, 1, { needs: ['autism'], categories: ['LD'] })
    second = await w.contract({
      providerId: w.providers.brook,
      homeIds: [home.id],
      beds: [{ bedId: home.bedIds[0]! }],
      startDate: '2026-02-01',
      endDate: '2027-01-31',
      pricePencePerBedWeek: 300_001,
      pricingModel: 'core-and-placement',
      placementFeePencePerWeek: 250_003,
      paymentFrequency: 'monthly',
    })
    await w.place({
      homeId: home.id,
      bedId: home.bedIds[0]!,
      start: '2026-02-10',
      end: '2026-02-24',
      contractId: second,
      needs: ['autism'],
    })
  })

  test('the worked example’s figures, by hand', async () => {
    const v = await w.contracts.contractValue(w.actors.commissioner, x.contractId, period)
    const expected: Partial<ContractValue> = {
      reservedBedDays: 112,
      occupiedBedDays: 61,
      heldBedDays: 0,
      releasedBedDays: 10,
      unavailableBedDays: 5,
      emptyBedDays: 41,
      paidPence: 4_500_000 + 5_340_000,
      costPerOccupiedBedWeekPence: Math.round((9_840_000 * 7) / 61),
      frameworkSpotRatePence: 550_000, // lot 1's active members: Acme only (Brook is suspended there)
      actualSpotRatePence: 630_000, // Cedar View's child has self-harm needs, as the contract's home covers
      actualSpotPlacements: 1,
      savingPence: (630_000 * 61) / 7 - 9_840_000, // an overspend: the beds were too often empty
    }
    for (const [k, want] of Object.entries(expected)) assert.deepEqual(v[k as keyof ContractValue], want, k)
    assert.equal(v.occupancy, 61 / 112)
    assert.deepEqual(
      v.emptyByCause.map((e) => [e.cause, e.bedDays, e.costPence]),
      [
        ['no-referral', 36, 22 * 100_000 + 14 * 105_000],
        ['no-compatible-match', 0, 0],
        ['provider-declined', 0, 0],
        ['provider-unavailable', 5, 500_000],
      ],
    )
  })

  test('each contract and the whole block match a recomputation from the raw ledger days', async () => {
    const periods = [period, { from: '2026-01-20', to: '2026-02-28' }, { from: '2026-02-03', to: '2026-06-30' }]
    for (const p of periods) {
      const report = await w.contracts.valueReport(w.actors.commissioner, p)
      for (const { contract, value } of report.contracts) {
        const raw = await recompute(w, ctx().db, [contract.id], p)
        assert.equal(value.reservedBedDays, raw.reserved, `${contract.reference} ${p.from}`)
        assert.equal(value.occupiedBedDays, raw.occupied)
        assert.equal(value.paidPence, raw.paid)
        for (const cause of EMPTY_CAUSES) {
          const e = value.emptyByCause.find((x) => x.cause === cause)!
          assert.deepEqual([e.bedDays, e.costPence], [raw.empty[cause]?.days ?? 0, raw.empty[cause]?.cost ?? 0], cause)
        }
      }
      const all = await recompute(w, ctx().db, [x.contractId, second], p)
      assert.deepEqual(
        [report.block.reservedBedDays, report.block.occupiedBedDays, report.block.paidPence],
        [all.reserved, all.occupied, all.paid],
      )
      assert.equal(report.block.costPerOccupiedBedWeekPence, all.occupied ? Math.round((all.paid * 7) / all.occupied) : null)
      assert.deepEqual(await w.contracts.blockValue(w.actors.commissioner, p), report.block)
    }
  })

  test('the actual spot benchmark counts only comparable placements, weighted by their nights in the period', async () => {
    // An autism placement in Cedar View (no registration categories): comparable to Brook's autism home only.
    await w.place({
      homeId: w.homes.cedar.id,
      bedId: w.homes.cedar.bedIds[1]!,
      start: '2026-02-20',
      end: '2026-03-02',
      route: 'spot',
      weeklyPricePence: 910_000,
      needs: ['autism'],
    })
    const p = { from: '2026-02-01', to: '2026-02-28' }
    const ours = await w.contracts.contractValue(w.actors.commissioner, second, p)
    assert.deepEqual([ours.actualSpotPlacements, ours.actualSpotRatePence], [1, 910_000])
    const acme = await w.contracts.contractValue(w.actors.commissioner, x.contractId, p)
    assert.deepEqual([acme.actualSpotPlacements, acme.actualSpotRatePence], [1, 630_000])
    const block = await w.contracts.blockValue(w.actors.commissioner, p)
    // The first child: 1–9 February (9 nights at £6,300); the second: 20–28 February (9 nights at £9,100).
    assert.equal(block.actualSpotRatePence, Math.round((9 * 630_000 + 9 * 910_000) / 18))
    assert.equal(block.actualSpotPlacements, 2)
  })

  test('by default a contract’s figures run from its start to today; one not yet started shows its first day', async () => {
    assert.deepEqual((await w.contracts.contractValue(w.actors.commissioner, x.contractId)).period, {
      from: '2026-01-05',
      to: '2026-07-01',
    })
    const home = await w.home(w.providers.acme, 1)
    const future = await w.contract({
      providerId: w.providers.acme,
      homeIds: [home.id],
      beds: [{ bedId: home.bedIds[0]! }],
      startDate: '2026-09-01',
      endDate: '2027-08-31',
      pricePencePerBedWeek: 700_000,
    })
    const v = await w.contracts.contractValue(w.actors.commissioner, future)
    assert.deepEqual([v.period, v.reservedBedDays, v.paidPence], [{ from: '2026-09-01', to: '2026-09-01' }, 1, 100_000])
  })

  test('a provider sees its own contracts’ figures, without the benchmark built from others’ prices', async () => {
    const v = await w.contracts.contractValue(w.actors.acme, x.contractId, period)
    assert.equal(v.paidPence, 9_840_000)
    assert.deepEqual([v.frameworkSpotRatePence, v.actualSpotRatePence, v.savingPence], [null, null, null])
    await assert.rejects(w.contracts.contractValue(w.actors.brook, x.contractId, period), NotFoundError)
    const block = await w.contracts.blockValue(w.actors.brook, period)
    const theirs = await w.contracts.contractValue(w.actors.brook, second, period)
    assert.equal(block.reservedBedDays, theirs.reservedBedDays)
  })
})
