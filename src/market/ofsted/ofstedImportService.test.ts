import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { describeEachDialect, type TestDatabase } from '../../../test/support/databases.js'
import { createPostcodeService } from '../../geo/postcodeService.js'
import { createAuditRepository } from '../../platform/audit/auditRepository.js'
import { createAuditService } from '../../platform/audit/auditService.js'
import { systemActor, type Actor } from '../../platform/auth/actor.js'
import { ForbiddenError } from '../../platform/auth/scope.js'
import type { Db } from '../../platform/db/database.js'
import { UserInputError } from '../../platform/errors.js'
import type { LocatePostcode } from './locate.js'
import { createOfstedImportService, type OfstedImportDeps } from './ofstedImportService.js'
import { CH_HEADERS, chHome, chWorkbook, COMBINED_2025_HEADERS, rowFor, tempDir, writeCsv, writeXlsx } from './testFixtures.js'

const tmp = tempDir()
after(tmp.cleanup)
const actor = systemActor('test:ofsted')

function serviceFor(h: TestDatabase, extra: Partial<OfstedImportDeps> = {}) {
  const audit = createAuditService(createAuditRepository(h.dialect), h.db)
  return { audit, service: createOfstedImportService({ db: h.db, audit, ...extra }) }
}

const TABLES = ['providers', 'homes', 'home_categories', 'beds', 'import_runs', 'audit_log'] as const
async function counts(db: Db): Promise<Record<(typeof TABLES)[number], number>> {
  const out = {} as Record<(typeof TABLES)[number], number>
  for (const t of TABLES) {
    const { n } = await db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    out[t] = Number(n)
  }
  return out
}
const homeByUrn = (db: Db, urn: string) => db.selectFrom('homes').selectAll().where('urn', '=', urn).executeTakeFirstOrThrow()
const categoriesOf = async (db: Db, homeId: string) =>
  (await db.selectFrom('home_categories').select('category').where('home_id', '=', homeId).orderBy('category').execute()).map(
    (r) => r.category,
  )
const bedsOf = async (db: Db, homeId: string) =>
  await db.selectFrom('beds').select(['label', 'status']).where('home_id', '=', homeId).orderBy('label').execute()

const firstList = [
  chHome(),
  chHome({
    URN: 'SC100002',
    'Setting Name': 'Ash House',
    'Max Users': 2,
    'Overall Effectiveness': 'Outstanding',
    'Setting Address Postcode': 'SO16 3AB',
  }),
  chHome({
    URN: 'SC100003',
    'Setting Name': 'Birch Lodge',
    'Owner ID': 'OW0002',
    'Owner Name': 'Birch Homes',
    'Max Users': 1,
    'Provider Status': 'Closed',
    'Closed Date': '31/12/2024',
    'Overall Effectiveness': null,
    'Full Inspection Start Date': null,
  }),
]

describeEachDialect('Ofsted import', (ctx) => {
  test("a Children's Homes list creates providers, homes, categories and vacant beds, with a run record and audit", async () => {
    const h = ctx()
    const { service } = serviceFor(h)
    const path = await chWorkbook(tmp.dir, `ch-${h.dialect}.xlsx`, firstList)
    const report = await service.importFile(path, actor)
    assert.deepEqual(
      [report.created, report.updated, report.unchanged, report.skipped, report.rejected, report.providers, report.bedsAdded],
      [3, 0, 0, 0, [], { created: 2, updated: 0 }, 7],
    )
    assert.equal(report.sheet, 'Provider information')

    const oak = await homeByUrn(h.db, 'SC100001')
    assert.equal(oak.name, 'Oak House')
    assert.equal(oak.postcode, 'SO15 5AB')
    assert.equal(oak.registered_places, 4)
    assert.equal(oak.ofsted_judgement, 'Good')
    assert.equal(oak.ofsted_judgement_date, '2024-10-15')
    assert.equal(oak.registration_date, '2019-04-01')
    assert.equal(oak.status, 'active')
    assert.equal(oak.location_precision, 'none')
    assert.deepEqual(await categoriesOf(h.db, oak.id), ['EBD', 'LD'])
    assert.deepEqual(
      await bedsOf(h.db, oak.id),
      ['Bed 1', 'Bed 2', 'Bed 3', 'Bed 4'].map((label) => ({ label, status: 'vacant' })),
    )

    const birch = await homeByUrn(h.db, 'SC100003')
    assert.equal(birch.status, 'closed')
    assert.equal(birch.ofsted_judgement, 'Not yet inspected')
    const provider = await h.db.selectFrom('providers').selectAll().where('id', '=', oak.provider_id).executeTakeFirstOrThrow()
    assert.deepEqual([provider.name, provider.ofsted_owner_id], ['Acorn Care Ltd', 'OW0001'])
    assert.equal((await homeByUrn(h.db, 'SC100002')).provider_id, oak.provider_id)

    const run = await h.db.selectFrom('import_runs').selectAll().where('id', '=', report.importRunId).executeTakeFirstOrThrow()
    assert.deepEqual(
      [run.kind, run.file_name, run.status, run.created_count, run.updated_count, run.rejected_count, run.actor_label],
      ['ofsted_providers', `ch-${h.dialect}.xlsx`, 'succeeded', 3, 0, 0, 'test:ofsted'],
    )
    const audit = await h.db.selectFrom('audit_log').select(['action', 'entity_type']).execute()
    const tally = (action: string, type: string) => audit.filter((a) => a.action === action && a.entity_type === type).length
    assert.deepEqual([tally('create', 'home'), tally('create', 'provider'), tally('import', 'import_run')], [3, 2, 1])
  })

  test('importing the same file again reports every home unchanged and writes only the run record', async () => {
    const h = ctx()
    const { service } = serviceFor(h)
    const before = await counts(h.db)
    const report = await service.importFile(join(tmp.dir, `ch-${h.dialect}.xlsx`), actor)
    assert.deepEqual([report.created, report.updated, report.unchanged, report.providers], [0, 0, 3, { created: 0, updated: 0 }])
    assert.deepEqual(await counts(h.db), { ...before, import_runs: before.import_runs + 1, audit_log: before.audit_log + 1 })
  })

  test('a later list updates what changed, adds beds for new places, and audits before and after', async () => {
    const h = ctx()
    const { service } = serviceFor(h)
    const path = await chWorkbook(tmp.dir, `ch-later-${h.dialect}.xlsx`, [
      chHome({ 'Max Users': 6, 'Overall Effectiveness': 'Requires improvement', 'Learning Difficulty': 'No', 'Mental Disorders': 'Yes' }),
      firstList[1]!,
      { ...firstList[2]!, 'Owner Name': 'Birch Homes Group' },
    ])
    const report = await service.importFile(path, actor)
    assert.deepEqual(
      [report.created, report.updated, report.unchanged, report.providers, report.bedsAdded],
      [0, 1, 2, { created: 0, updated: 1 }, 2],
    )

    const oak = await homeByUrn(h.db, 'SC100001')
    assert.equal(oak.registered_places, 6)
    assert.equal(oak.ofsted_judgement, 'Requires improvement to be good')
    assert.deepEqual(await categoriesOf(h.db, oak.id), ['EBD', 'MD'])
    assert.equal((await bedsOf(h.db, oak.id)).length, 6)

    const entry = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'home')
      .where('entity_id', '=', oak.id)
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow()
    assert.deepEqual(JSON.parse(entry.before_json!), { categories: ['EBD', 'LD'], ofsted_judgement: 'Good', registered_places: 4 })
    assert.deepEqual(JSON.parse(entry.after_json!), {
      bedsAdded: ['Bed 5', 'Bed 6'],
      categories: ['EBD', 'MD'],
      ofsted_judgement: 'Requires improvement to be good',
      registered_places: 6,
    })
    const birch = await homeByUrn(h.db, 'SC100003')
    const owner = await h.db.selectFrom('providers').select('name').where('id', '=', birch.provider_id).executeTakeFirstOrThrow()
    assert.equal(owner.name, 'Birch Homes Group')
  })

  test('fewer places never delete beds', async () => {
    const h = ctx()
    const { service } = serviceFor(h)
    const path = await chWorkbook(tmp.dir, `ch-fewer-${h.dialect}.xlsx`, [
      chHome({ 'Max Users': 2, 'Overall Effectiveness': 'Requires improvement', 'Learning Difficulty': 'No', 'Mental Disorders': 'Yes' }),
    ])
    const report = await service.importFile(path, actor)
    assert.equal(report.updated, 1)
    const oak = await homeByUrn(h.db, 'SC100001')
    assert.equal(oak.registered_places, 2)
    assert.equal((await bedsOf(h.db, oak.id)).length, 6)
  })

  test('bad rows are rejected with reasons while the good rows import; other provision is skipped', async () => {
    const h = ctx()
    const { service } = serviceFor(h)
    const path = writeCsv(tmp.dir, `mixed-${h.dialect}.csv`, [
      CH_HEADERS,
      rowFor(CH_HEADERS, chHome({ URN: 'SC100010', 'Setting Name': 'Cedar House', 'Max Users': 3 })),
      rowFor(CH_HEADERS, chHome({ URN: 'SC100011', 'Max Users': '-2' })),
      rowFor(CH_HEADERS, chHome({ URN: 'SC100010', 'Setting Name': 'Cedar House again' })),
      rowFor(CH_HEADERS, chHome({ URN: 'SC100012', 'Provider Type': 'Independent Fostering Agency' })),
    ])
    const report = await service.importFile(path, actor, { fileName: 'mixed.csv' })
    assert.deepEqual([report.created, report.skipped, report.skippedTypes], [1, 1, { 'Independent Fostering Agency': 1 }])
    assert.deepEqual(report.rejected, [
      { row: 3, urn: 'SC100011', reasons: ['row 3, column "Max Users": "-2" is not a number of places'] },
      { row: 4, urn: 'SC100010', reasons: ['row 4: URN SC100010 is already on row 2'] },
    ])
    assert.equal((await homeByUrn(h.db, 'SC100010')).name, 'Cedar House')
    assert.equal(await h.db.selectFrom('homes').select('id').where('urn', '=', 'SC100011').executeTakeFirst(), undefined)
    const run = await h.db.selectFrom('import_runs').selectAll().where('id', '=', report.importRunId).executeTakeFirstOrThrow()
    assert.equal(run.file_name, 'mixed.csv')
    assert.equal(run.rejected_count, 2)
    assert.deepEqual(JSON.parse(run.report_json).rejected, report.rejected)
  })

  test('a truncated workbook changes nothing and the error names the file', async () => {
    const h = ctx()
    const { service } = serviceFor(h)
    const whole = readFileSync(await chWorkbook(tmp.dir, `whole-${h.dialect}.xlsx`, [chHome({ URN: 'SC100020' })]))
    const cut = join(tmp.dir, `cut-${h.dialect}.xlsx`)
    writeFileSync(cut, whole.subarray(0, whole.length - 200))
    const before = await counts(h.db)
    await assert.rejects(service.importFile(cut, actor), (err: unknown) => {
      assert.ok(err instanceof UserInputError)
      assert.match(err.message, new RegExp(`^cut-${h.dialect}\\.xlsx is not a readable XLSX workbook`))
      return true
    })
    assert.deepEqual(await counts(h.db), before)
  })

  test('a CSV without a URN column changes nothing and the error names the file', async () => {
    const h = ctx()
    const { service } = serviceFor(h)
    const path = writeCsv(tmp.dir, `no-urn-${h.dialect}.csv`, [
      ['Setting Name', 'Max Users'],
      ['Oak House', 4],
    ])
    const before = await counts(h.db)
    await assert.rejects(service.importFile(path, actor), /no-urn-.*\.csv has no "URN" column/)
    await assert.rejects(service.importFile(join(tmp.dir, 'missing.xlsx'), actor), /missing\.xlsx does not exist/)
    assert.deepEqual(await counts(h.db), before)
  })

  test('a failure part-way through the transaction leaves the database exactly as it was', async () => {
    const h = ctx()
    // Every id after the first few is the same: the second bed insert hits the primary key.
    let n = 0
    const { service } = serviceFor(h, { newId: () => (++n < 4 ? `fresh-${h.dialect}-${n}` : `clash-${h.dialect}`) })
    const path = await chWorkbook(tmp.dir, `clash-${h.dialect}.xlsx`, [
      chHome({ URN: 'SC100030', 'Owner ID': 'OW0030', 'Owner Name': 'Clash Ltd' }),
    ])
    const before = await counts(h.db)
    await assert.rejects(service.importFile(path, actor), (err: unknown) => !(err instanceof UserInputError))
    assert.deepEqual(await counts(h.db), before)
  })

  test('an actor without import permission is refused before anything is read', async () => {
    const h = ctx()
    const { service } = serviceFor(h)
    const provider: Actor = {
      userId: 'u1',
      label: 'p',
      organisationId: 'o1',
      organisationKind: 'provider',
      role: 'provider_user',
      providerId: 'p1',
    }
    await assert.rejects(service.importBuffer(Buffer.from('URN\n'), 'x.csv', provider), ForbiddenError)
  })

  test("the 2025 combined list imports its children's homes, matches owners by Owner ID, and skips the rest", async () => {
    const h = ctx()
    const { service } = serviceFor(h)
    const row = (values: Parameters<typeof rowFor>[1]) => rowFor(COMBINED_2025_HEADERS, values)
    const base = {
      'Registration status': 'Registered',
      'Owner ID': 'OW0001',
      'Owner name': 'Acorn Care Ltd',
      'Overall effectiveness': 'Outstanding',
      'Date of last full inspection': new Date(Date.UTC(2025, 4, 2)),
    }
    const path = await writeXlsx(tmp.dir, `combined-${h.dialect}.xlsx`, [
      {
        name: 'Providers',
        rows: [
          COMBINED_2025_HEADERS,
          row({
            ...base,
            URN: 2512345,
            'Provider type': "Children's Home",
            'Provider name': 'Rowan House',
            'Provider postcode': 'so14 7du',
            'Number of registered places': 2,
            'Physical disabilities': 'Yes',
          }),
          row({ ...base, URN: 'SC200001', 'Provider type': 'Independent Fostering Agency', 'Provider name': 'Foster Co' }),
          row({ ...base, URN: 'SC200002', 'Provider type': 'Residential Family Centre', 'Provider name': 'Family Co' }),
        ],
      },
      {
        name: 'SA Providers',
        rows: [
          ['Provider local authority', 'URN'],
          ['X', 'SA000001'],
        ],
      },
    ])
    const report = await service.importFile(path, actor)
    assert.deepEqual([report.sheet, report.created, report.skipped, report.rejected, report.providers.created], ['Providers', 1, 2, [], 0])
    const rowan = await homeByUrn(h.db, '2512345')
    const acorn = await h.db.selectFrom('providers').select('id').where('ofsted_owner_id', '=', 'OW0001').executeTakeFirstOrThrow()
    assert.equal(rowan.provider_id, acorn.id)
    assert.equal(rowan.postcode, 'SO14 7DU')
    assert.deepEqual(await categoriesOf(h.db, rowan.id), ['PD'])
  })

  test('with a locator, homes get easting, northing, precision and local authority; unknown postcodes get none', async () => {
    const h = ctx()
    const asked: string[] = []
    const locate: LocatePostcode = async (postcode) => {
      asked.push(postcode)
      return postcode === 'SO15 5AB' ? { easting: 441234, northing: 112345, precision: 'unit', lad: 'E06000045' } : null
    }
    const { service } = serviceFor(h, { locate })
    const path = await chWorkbook(tmp.dir, `located-${h.dialect}.xlsx`, [
      chHome({ URN: 'SC100040', 'Owner ID': 'OW0040', 'Owner Name': 'Located Ltd' }),
      chHome({ URN: 'SC100041', 'Owner ID': 'OW0040', 'Owner Name': 'Located Ltd' }),
      chHome({ URN: 'SC100042', 'Owner ID': 'OW0040', 'Owner Name': 'Located Ltd', 'Setting Address Postcode': 'ZZ9 9ZZ' }),
    ])
    await service.importFile(path, actor)
    assert.deepEqual(asked, ['SO15 5AB', 'ZZ9 9ZZ'])
    const located = await homeByUrn(h.db, 'SC100040')
    assert.deepEqual(
      [located.easting, located.northing, located.location_precision, located.lad_code],
      [441234, 112345, 'unit', 'E06000045'],
    )
    const unknown = await homeByUrn(h.db, 'SC100042')
    assert.deepEqual([unknown.easting, unknown.location_precision, unknown.lad_code], [null, 'none', null])

    // Without a locator a re-import keeps what the locator found.
    const again = await serviceFor(h).service.importFile(path, actor)
    assert.deepEqual([again.updated, again.unchanged], [0, 3])
  })

  test("with the geo room's postcode service, homes are placed at their unit, or their sector's centroid", async () => {
    const h = ctx()
    const { audit } = serviceFor(h)
    await h.db
      .insertInto('postcode_units')
      .values({ postcode: 'SO14 7DU', lad: 'E06000045', easting: 442500, northing: 111600, terminated: 0 })
      .execute()
    await h.db
      .insertInto('postcode_sectors')
      .values({ sector: 'SO16 3', lad: 'E06000045', easting: 439000, northing: 114000, postcodes: 300 })
      .execute()
    const postcodes = createPostcodeService({ db: h.db, dialect: h.dialect, audit })
    const { service } = serviceFor(h, { locateMany: postcodes.locateMany })
    const owner = { 'Owner ID': 'OW0050', 'Owner Name': 'Geo Ltd' }
    const path = await chWorkbook(tmp.dir, `geo-${h.dialect}.xlsx`, [
      chHome({ ...owner, URN: 'SC100050', 'Setting Address Postcode': 'so14 7du' }),
      chHome({ ...owner, URN: 'SC100051', 'Setting Address Postcode': 'SO16 3ZZ' }),
    ])
    await service.importFile(path, actor)
    const unit = await homeByUrn(h.db, 'SC100050')
    assert.deepEqual([unit.easting, unit.northing, unit.location_precision, unit.lad_code], [442500, 111600, 'unit', 'E06000045'])
    const sector = await homeByUrn(h.db, 'SC100051')
    assert.deepEqual([sector.easting, sector.location_precision], [439000, 'sector'])
  })

  test('after all of that the audit hash chain still verifies', async () => {
    const h = ctx()
    const { audit } = serviceFor(h)
    const result = await audit.verify()
    assert.equal(result.break, null)
    assert.ok(result.rows > 10)
  })
})

describeEachDialect('Ofsted import tells the contract room', (ctx) => {
  test('after a committed import the contract room is told (for Ofsted alerts); after a refused file it is not', async () => {
    const h = ctx()
    const told: { actor: string; homes: number }[] = []
    const { service } = serviceFor(h, {
      afterImport: async (who) => {
        // Counting homes here proves the hook runs after the import's transaction committed.
        const { n } = await h.db
          .selectFrom('homes')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
        told.push({ actor: who.label, homes: Number(n) })
      },
    })
    const bad = writeCsv(tmp.dir, `hook-bad-${h.dialect}.csv`, [['Setting Name'], ['Oak House']])
    await assert.rejects(service.importFile(bad, actor))
    assert.deepEqual(told, [])
    await service.importFile(await chWorkbook(tmp.dir, `hook-${h.dialect}.xlsx`, firstList), actor)
    assert.deepEqual(told, [{ actor: actor.label, homes: 3 }])
  })
})
