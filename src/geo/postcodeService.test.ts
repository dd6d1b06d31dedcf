import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { gzipSync } from 'node:zlib'
import { describeEachDialect, type TestDatabase } from '../../test/support/databases.js'
import { createAuditRepository } from '../platform/audit/auditRepository.js'
import { createAuditService } from '../platform/audit/auditService.js'
import { systemActor } from '../platform/auth/actor.js'
import { UserInputError } from '../platform/errors.js'
import { makeZip } from './onspd/testZip.js'
import { createPostcodeService } from './postcodeService.js'

const fixture = (name: string) => new URL(`./onspd/fixtures/${name}`, import.meta.url).pathname
const actor = systemActor('test')
const tmp = mkdtempSync(join(tmpdir(), 'placewise-geo-'))
after(() => rmSync(tmp, { recursive: true, force: true }))

function services(h: TestDatabase) {
  const audit = createAuditService(createAuditRepository(h.dialect), h.db)
  return { audit, postcodes: createPostcodeService({ db: h.db, dialect: h.dialect, audit }) }
}

/** Everything the import may touch, to prove a failed one left it exactly as it was. */
async function snapshot(h: TestDatabase) {
  return {
    units: await h.db.selectFrom('postcode_units').selectAll().orderBy('postcode').execute(),
    sectors: await h.db.selectFrom('postcode_sectors').selectAll().orderBy('sector').execute(),
    districts: await h.db.selectFrom('postcode_districts').selectAll().orderBy('district').execute(),
    imports: await h.db.selectFrom('postcode_imports').selectAll().orderBy('id').execute(),
    audit: await h.db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq').execute(),
  }
}

describeEachDialect('postcode directory', (ctx) => {
  test('imports a legacy ONSPD file: units, derived centroids, skips counted, terminated kept, audited', async () => {
    const h = ctx()
    const { postcodes, audit } = services(h)
    const summary = await postcodes.importFile(fixture('onspd-legacy.csv'), actor)
    assert.deepEqual(
      { ...summary, importId: 'x', seconds: 0 },
      {
        importId: 'x',
        file: 'onspd-legacy.csv',
        sourceSchema: 'onspd-legacy',
        rowsRead: 8,
        units: 6,
        sectors: 4,
        districts: 3,
        terminated: 1,
        skippedNorthernIreland: 1,
        skippedNoGrid: 1,
        seconds: 0,
      },
    )
    const units = await h.db.selectFrom('postcode_units').selectAll().orderBy('postcode').execute()
    assert.deepEqual(
      units.map((u) => u.postcode),
      ['M1 1AE', 'SO14 7AA', 'SO14 7AB', 'SO14 7AD', 'SO14 8AA', 'SO15 1AA'],
    )
    assert.deepEqual(
      units.find((u) => u.postcode === 'SO14 7AD'),
      { postcode: 'SO14 7AD', lad: 'E06000045', easting: 442_700, northing: 112_100, terminated: 1 },
    )
    assert.deepEqual(await h.db.selectFrom('postcode_sectors').selectAll().where('sector', '=', 'SO14 7').executeTakeFirst(), {
      sector: 'SO14 7',
      lad: 'E06000045',
      easting: 442_600,
      northing: 112_200,
      postcodes: 3,
    })
    assert.deepEqual(await h.db.selectFrom('postcode_districts').selectAll().where('district', '=', 'SO14').executeTakeFirst(), {
      district: 'SO14',
      lad: 'E06000045',
      easting: 442_700,
      northing: 112_400,
      postcodes: 4,
    })
    const log = await audit.list({ entityType: 'postcode_directory', limit: 5, offset: 0 })
    assert.equal(log.total, 1)
    assert.equal(log.rows[0]!.entity_id, summary.importId)
    assert.equal(log.rows[0]!.action, 'postcodes.import')
    assert.equal(JSON.parse(log.rows[0]!.after_json!).units, 6)
  })

  test('locates a unit exactly, else by its sector, else by its district, and says which', async () => {
    const { postcodes } = services(ctx())
    assert.deepEqual(await postcodes.locate('so147ab'), {
      postcode: 'SO14 7AB',
      easting: 442_600,
      northing: 112_300,
      lad: 'E07000086',
      precision: 'unit',
    })
    assert.deepEqual(await postcodes.locate('SO14 7ZZ'), {
      postcode: 'SO14 7ZZ',
      easting: 442_600,
      northing: 112_200,
      lad: 'E06000045',
      precision: 'sector',
    })
    assert.deepEqual(await postcodes.locate('SO14 1ZZ'), {
      postcode: 'SO14 1ZZ',
      easting: 442_700,
      northing: 112_400,
      lad: 'E06000045',
      precision: 'district',
    })
    assert.deepEqual(await postcodes.locate('so14'), {
      postcode: 'SO14',
      easting: 442_700,
      northing: 112_400,
      lad: 'E06000045',
      precision: 'district',
    })
    assert.equal((await postcodes.locate('SO14 8'))?.precision, 'sector')
    assert.equal(await postcodes.locate('BT1 1AA'), null)
    assert.equal(await postcodes.locate('ZE1 0AA'), null)
    await assert.rejects(
      postcodes.locate('not a postcode'),
      (e: unknown) => e instanceof UserInputError && /is not a UK postcode, postcode sector or postcode district/.test(e.message),
    )
  })

  test('locateMany answers in the input order, null for the unknown and the malformed', async () => {
    const { postcodes } = services(ctx())
    const got = await postcodes.locateMany(['M1 1AE', 'rubbish', 'SO14 7AA', 'SO14 7ZZ', 'SO14 7AA', 'ZE1 0AA', 'SO15'])
    assert.deepEqual(
      got.map((l) => l && `${l.postcode}:${l.precision}`),
      ['M1 1AE:unit', null, 'SO14 7AA:unit', 'SO14 7ZZ:sector', 'SO14 7AA:unit', null, 'SO15:district'],
    )
    const many = Array.from({ length: 1_200 }, (_, i) =>
      i % 2 ? 'SO14 7AA' : `SO14 7${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + (((i / 26) | 0) % 26))}`,
    )
    assert.equal((await postcodes.locateMany(many)).filter((l) => l === null).length, 0)
  })

  test('status reports the last import and the counts', async () => {
    const { postcodes } = services(ctx())
    const s = await postcodes.status()
    assert.deepEqual(s.counts, { units: 6, sectors: 4, districts: 3 })
    assert.equal(s.lastImport?.fileName, 'onspd-legacy.csv')
    assert.equal(s.lastImport?.sourceSchema, 'onspd-legacy')
    assert.match(s.lastImport!.importedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
  })

  test('a bad row is refused naming file, line and column, and the database is exactly as before', async () => {
    const h = ctx()
    const { postcodes } = services(h)
    const before = await snapshot(h)
    await assert.rejects(
      postcodes.importFile(fixture('bad-row.csv'), actor),
      (e: unknown) =>
        e instanceof UserInputError &&
        e.message === "bad-row.csv: line 4, column easting: 'n/a' is not an easting in metres (a number from 0 to 700,000)" &&
        e.where?.row === 4,
    )
    await assert.rejects(
      postcodes.importFile(fixture('bad-postcode.csv'), actor),
      /bad-postcode\.csv: line 3, column postcode: 'SO14 7XYZ' is not a UK postcode/,
    )
    await assert.rejects(
      postcodes.importFile(fixture('duplicate.csv'), actor),
      /duplicate\.csv: line 4, column postcode: 'SO14 7AA' appears more than once in the file/,
    )
    await assert.rejects(
      postcodes.importFile(fixture('bad-columns.csv'), actor),
      /bad-columns\.csv: not a postcode file we can read\. .*Its columns are: pcds, dointr, lat, long/,
    )
    writeFileSync(join(tmp, 'nothing-to-keep.csv'), 'postcode,lad,easting,northing\nBT1 1AA,N09000003,333000,374000\n')
    await assert.rejects(
      postcodes.importFile(join(tmp, 'nothing-to-keep.csv'), actor),
      /nothing-to-keep\.csv: no postcodes with a grid reference in the file; the postcode directory is unchanged/,
    )
    assert.deepEqual(await snapshot(h), before)
  })

  test('a repeat found in a later batch is named too (the database catches it, we name the line)', async () => {
    const h = ctx()
    const { postcodes } = services(h)
    const before = await snapshot(h)
    const lines = ['postcode,lad,easting,northing']
    for (let i = 0; i < 25_000; i++)
      lines.push(
        `SO${10 + (i % 90)} ${i % 10}${String.fromCharCode(65 + (((i / 10) % 26) | 0))}${String.fromCharCode(65 + (((i / 260) % 26) | 0))},E06000045,442500,112200`,
      )
    lines.push(`${lines[1]!.split(',')[0]},E06000045,1,1`)
    writeFileSync(join(tmp, 'late-duplicate.csv'), lines.join('\n'))
    await assert.rejects(
      postcodes.importFile(join(tmp, 'late-duplicate.csv'), actor),
      /late-duplicate\.csv: line 25002, column postcode: 'SO10 0AA' appears more than once/,
    )
    assert.deepEqual(await snapshot(h), before)
  })

  test('imports the 2025 schema, zipped as the ONS ships it, replacing what was there', async () => {
    const h = ctx()
    const { postcodes } = services(h)
    const zip = join(tmp, 'ONSPD_NOV_2025.zip')
    writeFileSync(
      zip,
      makeZip([
        { name: 'Documents/LA_UA names and codes UK as at 04_25.csv', content: 'LAD25CD,LAD25NM\nE06000045,Southampton\n' },
        { name: 'Data/ONSPD_NOV_2025_UK.csv', content: readFileSync(fixture('onspd-2025.csv')) },
      ]),
    )
    const summary = await postcodes.importFile(zip, actor)
    assert.equal(summary.file, 'ONSPD_NOV_2025.zip:Data/ONSPD_NOV_2025_UK.csv')
    assert.equal(summary.sourceSchema, 'onspd-2025')
    assert.deepEqual(
      [summary.units, summary.sectors, summary.districts, summary.terminated, summary.skippedNorthernIreland, summary.skippedNoGrid],
      [4, 3, 2, 1, 1, 3],
    )
    assert.equal(await postcodes.locate('SO14 7AA'), null, 'the previous directory is gone')
    assert.deepEqual(await postcodes.locate('PO1 3AA'), {
      postcode: 'PO1 3AA',
      easting: 464_500,
      northing: 101_000,
      lad: 'E06000044',
      precision: 'unit',
    })
    assert.equal((await postcodes.status()).lastImport?.fileName, 'ONSPD_NOV_2025.zip:Data/ONSPD_NOV_2025_UK.csv')
  })

  test('imports gzipped CSV, with progress reported and a row limit', async () => {
    const { postcodes } = services(ctx())
    const gz = join(tmp, 'grid.csv.gz')
    writeFileSync(gz, gzipSync(readFileSync(fixture('postcode-grid.csv'))))
    const seen: number[] = []
    const summary = await postcodes.importFile(gz, actor, { limit: 2, progressEvery: 1, onProgress: (p) => seen.push(p.rowsRead) })
    assert.deepEqual(seen, [1, 2])
    assert.deepEqual([summary.sourceSchema, summary.rowsRead, summary.units], ['postcode-grid', 2, 2])
  })

  test('a sectors file gives sectors and the districts weighted from them; a districts file districts only', async () => {
    const { postcodes } = services(ctx())
    const s = await postcodes.importFile(fixture('sectors.csv'), actor)
    assert.deepEqual([s.sourceSchema, s.units, s.sectors, s.districts, s.skippedNorthernIreland], ['sectors', 0, 3, 2, 1])
    assert.deepEqual(await postcodes.locate('SO14 9AA'), {
      postcode: 'SO14 9AA',
      easting: 442_700,
      northing: 112_400,
      lad: 'E06000045',
      precision: 'district',
    })
    const d = await postcodes.importFile(fixture('districts.csv'), actor)
    assert.deepEqual([d.sourceSchema, d.units, d.sectors, d.districts], ['districts', 0, 0, 3])
    assert.deepEqual(await postcodes.locate('so14 7du'), {
      postcode: 'SO14 7DU',
      easting: 442_520,
      northing: 112_207,
      lad: 'E06000045',
      precision: 'district',
    })
  })
})
