import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, test } from 'node:test'
import { describeEachDialect } from '../../test/support/databases.js'
import { createAuditRepository } from '../platform/audit/auditRepository.js'
import { createAuditService } from '../platform/audit/auditService.js'
import { systemActor } from '../platform/auth/actor.js'
import { createPostcodeService } from './postcodeService.js'

// The real ONS-derived files live beside the repository, never in it (../shared/data/postcodes).
const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
const dataDir = resolve(repoRoot, '..', 'shared', 'data', 'postcodes')
const skip = existsSync(dataDir) ? false : `no shared data at ${dataDir}`
const actor = systemActor('test')

function published(file: string): Map<string, { lad: string; easting: number; northing: number; postcodes: number }> {
  const lines = readFileSync(resolve(dataDir, file), 'utf8').trim().split('\n').slice(1)
  return new Map(
    lines.map((l) => {
      const [key, lad, e, n, c] = l.split(',')
      return [key!, { lad: lad!, easting: Number(e), northing: Number(n), postcodes: Number(c) }]
    }),
  )
}

describe('postcode data in ../shared', { skip }, () => {
  describeEachDialect('importing the shared postcode files', (ctx) => {
    const service = () => {
      const h = ctx()
      return createPostcodeService({ db: h.db, dialect: h.dialect, audit: createAuditService(createAuditRepository(h.dialect), h.db) })
    }

    test('districts.csv: all 2,997 districts; Southampton city centre where the spec puts it', async () => {
      const s = await service().importFile(resolve(dataDir, 'districts.csv'), actor)
      assert.deepEqual([s.sourceSchema, s.districts, s.sectors, s.units], ['districts', 2_997, 0, 0])
      assert.deepEqual(await service().locate('SO14 7DU'), {
        postcode: 'SO14 7DU',
        easting: 442_520,
        northing: 112_207,
        lad: 'E06000045',
        precision: 'district',
      })
    })

    test('sectors.csv: all 12,018 sectors, and districts weighted from them match districts.csv', async () => {
      const s = await service().importFile(resolve(dataDir, 'sectors.csv'), actor)
      assert.deepEqual([s.sourceSchema, s.sectors, s.districts], ['sectors', 12_018, 2_997])
      assert.equal((await service().locate('so14 7du'))?.precision, 'sector')
      const districts = published('districts.csv')
      const rows = await ctx().db.selectFrom('postcode_districts').selectAll().execute()
      // Weighted means of rounded sector centroids land within a metre or two of the true means.
      const off = rows.filter((r) => {
        const p = districts.get(r.district)!
        return Math.abs(r.easting - p.easting) > 2 || Math.abs(r.northing - p.northing) > 2 || r.postcodes !== p.postcodes
      })
      assert.deepEqual(
        off.map((r) => r.district),
        [],
      )
    })

    test('postcodes.csv.gz, first 120,000 rows: units stored, and every complete sector exactly as sectors.csv has it', async () => {
      const s = await service().importFile(resolve(dataDir, 'postcodes.csv.gz'), actor, { limit: 120_000 })
      assert.deepEqual([s.sourceSchema, s.rowsRead, s.units], ['postcode-grid', 120_000, 120_000])
      const sectors = await ctx().db.selectFrom('postcode_sectors').selectAll().orderBy('sector').execute()
      // The file is sorted by postcode, so only the sector the limit cut through can differ.
      const last = (
        await ctx().db.selectFrom('postcode_units').select('postcode').orderBy('postcode', 'desc').limit(1).executeTakeFirstOrThrow()
      ).postcode
      const complete = sectors.filter((r) => r.sector !== last.slice(0, -2))
      assert.ok(complete.length > 200, `${complete.length} sectors`)
      const expected = published('sectors.csv')
      assert.deepEqual(
        complete.map((r) => ({ ...r })),
        complete.map((r) => ({ sector: r.sector, ...expected.get(r.sector)! })),
      )
    })
  })
})
