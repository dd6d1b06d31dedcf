import assert from 'node:assert/strict'
import { test } from 'node:test'
import { describeEachDialect } from '../../../test/support/databases.js'

describeEachDialect('money and dates round trip', (ctx) => {
  test('integer pence, ISO dates and timestamps come back exactly as stored', async () => {
    const { db } = ctx()
    await db
      .insertInto('organisations')
      .values({ id: 'o1', kind: 'council', name: 'C', ons_code: null, provider_id: null, created_at: '2026-01-02T03:04:05.678Z' })
      .execute()
    await db
      .insertInto('frameworks')
      .values({
        id: 'f1',
        name: 'F',
        legal_regime: 'PCR2015',
        starts_on: '2024-02-29',
        ends_on: '2028-12-31',
        ocid: null,
        lead_organisation_id: 'o1',
        created_at: '2026-01-02T03:04:05.678Z',
        updated_at: '2026-01-02T03:04:05.678Z',
      })
      .execute()
    await db.insertInto('lots').values({ id: 'l1', framework_id: 'f1', number: 1, code: 'L1', name: 'Lot 1' }).execute()
    await db
      .insertInto('providers')
      .values({
        id: 'p1',
        name: 'P',
        companies_house_number: '01234567',
        ofsted_owner_id: null,
        created_at: '2026-01-02T03:04:05.678Z',
        updated_at: '2026-01-02T03:04:05.678Z',
      })
      .execute()
    // £63,000 a week over 9 years in pence is past 2^31: it must survive as an exact number.
    const big = 63_000_00 * 52 * 9
    await db
      .insertInto('provider_lots')
      .values({ provider_id: 'p1', lot_id: 'l1', status: 'active', spot_rate_pence_per_week: big })
      .execute()
    const lot = await db.selectFrom('provider_lots').selectAll().executeTakeFirstOrThrow()
    assert.equal(lot.spot_rate_pence_per_week, big)
    assert.equal(typeof lot.spot_rate_pence_per_week, 'number')
    const fw = await db.selectFrom('frameworks').selectAll().executeTakeFirstOrThrow()
    assert.equal(fw.starts_on, '2024-02-29')
    assert.equal(fw.created_at, '2026-01-02T03:04:05.678Z')
  })

  test('a negative price is refused by the database itself', async () => {
    const { db } = ctx()
    await assert.rejects(db.updateTable('provider_lots').set({ spot_rate_pence_per_week: -1 }).execute())
  })
})
