import assert from 'node:assert/strict'
import { test } from 'node:test'
import { sql } from 'kysely'
import { describeEachDialect } from '../../test/support/databases.js'
import type { DatabaseHandle } from '../platform/db/database.js'
import { bidFor, DEADLINE, requirement, tenderWorld } from './testing/tenderFixtures.js'

const PRICE = 487_913 // pence: £4,879.13 a bed-week
const ANSWER = 'Our kestrel-lantern safeguarding circle meets every morning'
const FILE_TEXT = 'heron-ledger staffing rota'
const FILE_NAME = 'rota-heron-ledger.pdf'

/** Every value of every column of every table, as text (bytes read as UTF-8 and Latin-1). */
async function dumpDatabase(handle: DatabaseHandle): Promise<string[]> {
  const tables =
    handle.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(handle.db)
      : await sql<{
          name: string
        }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(
          handle.db,
        )
  const values: string[] = []
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(handle.db)
    for (const row of rows.rows) {
      for (const v of Object.values(row)) {
        if (v === null || v === undefined) continue
        if (Buffer.isBuffer(v)) values.push(v.toString('utf8'), v.toString('latin1'))
        else if (v instanceof Date) values.push(v.toISOString())
        else values.push(String(v))
      }
    }
  }
  return values
}

/** The price as it could be stored in the clear: a number of pence standing alone, or pounds. */
function findsPrice(values: string[]): string[] {
  // Bounded by characters that cannot be base64, so ciphertext that happens to hold these digits does not count.
  const pence = new RegExp(`(?<![A-Za-z0-9+/])${PRICE}(?![A-Za-z0-9+/=])`)
  return values.filter((v) => pence.test(v) || v.includes('4879.13') || v.includes('4,879.13'))
}

describeEachDialect('sealed bids', (ctx) => {
  test('the search for a price in the clear finds one where there is one', () => {
    assert.equal(findsPrice(['{"pricePencePerBedWeek":487913,"x":1}']).length, 1)
    assert.equal(findsPrice(['£4,879.13 a week']).length, 1)
    assert.equal(findsPrice(['AbC487913xyZ']).length, 0) // inside base64: not a stored price
  })

  test('a dump of the database before opening holds no bid price or answer; after opening the service reads them', async () => {
    const handle = ctx()
    const w = await tenderWorld(handle)
    const id = await w.tenders.createRequirement(w.actors.officer, requirement(w))
    const q = (await w.tenders.get(w.actors.officer, id)).questions.map((x) => x.id)
    await w.tenders.publish(w.actors.officer, id, [w.providers.acme, w.providers.cove])
    await w.tenders.saveBid(w.actors.acme, id, bidFor(q, w.homes.oak.id, 3, PRICE, ANSWER))
    await w.tenders.addAttachment(w.actors.acme, id, { fileName: FILE_NAME, bytes: Buffer.from(FILE_TEXT), questionId: null })
    await w.tenders.submitBid(w.actors.acme, id)
    await w.tenders.saveBid(w.actors.cove, id, bidFor(q, w.homes.cove.id, 3, 500_000, 'Cove’s own answer'))
    await w.tenders.submitBid(w.actors.cove, id)
    // The provider reads its own bid back (audited): that read must leave nothing in the clear either.
    assert.equal((await w.tenders.myBid(w.actors.acme, id))!.pricePencePerBedWeek, PRICE)

    const dump = await dumpDatabase(handle)
    // The dump is real: plain facts of the tender are in it.
    assert.ok(dump.some((v) => v.includes('Block beds in the Southampton area')))
    assert.ok(dump.some((v) => v.includes('save-draft')))
    assert.deepEqual(findsPrice(dump), [])
    for (const secret of [
      ANSWER,
      'kestrel-lantern',
      FILE_TEXT,
      FILE_NAME,
      'Cove’s own answer',
      w.masterKey.toString('base64'),
      w.masterKey.toString('hex'),
    ]) {
      assert.deepEqual(
        dump.filter((v) => v.includes(secret)),
        [],
        `"${secret}" is in the database`,
      )
    }
    // The bid rows hold ciphertext, IV and tag only.
    const bid = await handle.db
      .selectFrom('tender_bids')
      .selectAll()
      .where('tender_id', '=', id)
      .where('provider_id', '=', w.providers.acme)
      .executeTakeFirstOrThrow()
    assert.equal(Buffer.from(bid.content_iv, 'base64').length, 12)
    assert.equal(Buffer.from(bid.content_tag, 'base64').length, 16)

    w.clock.set(DEADLINE)
    await w.tenders.open(w.actors.officer, id)
    await assert.rejects(w.tenders.bids(w.actors.officer, id), /sealed/)
    await w.tenders.open(w.actors.head, id)
    const opened = await w.tenders.bids(w.actors.officer, id)
    const acme = opened.find((b) => b.providerId === w.providers.acme)!
    assert.equal(acme.pricePencePerBedWeek, PRICE)
    assert.equal(acme.answers[0]!.text, `${ANSWER} (1)`)
    assert.equal(acme.attachments[0]!.fileName, FILE_NAME)
    const file = await w.tenders.attachment(w.actors.head, id, acme.attachments[0]!.id)
    assert.equal(file.bytes.toString(), FILE_TEXT)
    // Opening reads in memory: the database still holds no price in the clear.
    assert.deepEqual(findsPrice(await dumpDatabase(handle)), [])
  })
})

describeEachDialect('sealed bids under another master key', (ctx) => {
  test('with the wrong master key nothing opens, even after two officers have opened the tender', async () => {
    const handle = ctx()
    const w = await tenderWorld(handle)
    const id = await w.tenders.createRequirement(w.actors.officer, requirement(w, { title: 'A second tender' }))
    const q = (await w.tenders.get(w.actors.officer, id)).questions.map((x) => x.id)
    await w.tenders.publish(w.actors.officer, id, [w.providers.acme])
    await w.tenders.saveBid(w.actors.acme, id, bidFor(q, w.homes.oak.id, 3, PRICE, ANSWER))
    await w.tenders.submitBid(w.actors.acme, id)
    w.clock.set(DEADLINE)
    await w.tenders.open(w.actors.officer, id)
    await w.tenders.open(w.actors.head, id)
    const { createTenderService } = await import('./tenderService.js')
    const { randomBytes } = await import('node:crypto')
    const thief = createTenderService({
      db: handle.db,
      dialect: handle.dialect,
      audit: w.audit,
      market: w.market,
      postcodes: w.postcodes,
      contracts: w.contracts,
      masterKey: randomBytes(32),
      config: {
        council: { name: 'x', onsCode: 'E06000045', logoText: 'x', centre: { easting: 0, northing: 0, label: 'x' }, localRadiusMiles: 20 },
      },
      now: w.clock.now,
    })
    await assert.rejects(thief.bids(w.actors.officer, id), /unable to authenticate|Unsupported state/)
  })
})
