import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { systemActor } from '../../src/platform/auth/actor.js'
import type { Dialect } from '../../src/platform/db/database.js'
import { freshPostgres, freshSqliteFile, postgresAdminUrl, sharedPostcodes, type BenchDb } from '../support/sharedData.js'
import type { Benchmark, Outcome } from '../types.js'

const EXPECTED = { units: 2_636_121, sectors: 12_018, districts: 2_997 }

/** Our derived centroids must equal the published ones exactly; the import is no faster than it is right. */
async function checkCentroids(h: BenchDb, dir: string): Promise<void> {
  for (const [file, table] of [
    ['sectors.csv', 'postcode_sectors'],
    ['districts.csv', 'postcode_districts'],
  ] as const) {
    const published = readFileSync(join(dir, file), 'utf8').trim().split('\n').slice(1)
    const rows =
      table === 'postcode_sectors'
        ? (await h.db.selectFrom('postcode_sectors').selectAll().execute()).map((r) =>
            [r.sector, r.lad, r.easting, r.northing, r.postcodes].join(','),
          )
        : (await h.db.selectFrom('postcode_districts').selectAll().execute()).map((r) =>
            [r.district, r.lad, r.easting, r.northing, r.postcodes].join(','),
          )
    const ours = new Set(rows)
    const differ = published.filter((line) => !ours.has(line))
    if (differ.length > 0 || rows.length !== published.length) {
      throw new Error(`${table}: ${differ.length} of ${published.length} differ from ${file}, e.g. ${differ.slice(0, 3).join(' | ')}`)
    }
  }
}

async function importOnce(dialect: Dialect): Promise<Outcome> {
  const dir = sharedPostcodes()
  if (!dir) return { skipped: 'no ../shared/data/postcodes beside the repository' }
  const adminUrl = postgresAdminUrl()
  if (dialect === 'postgres' && !adminUrl)
    return { skipped: 'set PLACEWISE_BENCH_DATABASE_URL (or PLACEWISE_TEST_DATABASE_URL) to a PostgreSQL server' }
  const h = dialect === 'sqlite' ? await freshSqliteFile() : await freshPostgres(adminUrl!)
  try {
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    const s = await h.postcodes.importFile(join(dir, 'postcodes.csv.gz'), systemActor('bench'))
    const seconds = (performance.now() - t0) / 1000
    const cpu = process.cpuUsage(cpu0)
    if (s.units !== EXPECTED.units || s.sectors !== EXPECTED.sectors || s.districts !== EXPECTED.districts) {
      throw new Error(`imported ${s.units}/${s.sectors}/${s.districts}, expected ${Object.values(EXPECTED).join('/')}`)
    }
    await checkCentroids(h, dir)
    return {
      metrics: [
        { name: 'import wall time', value: seconds, unit: 's', better: 'lower' },
        { name: 'import CPU time (this process)', value: (cpu.user + cpu.system) / 1e6, unit: 's', better: 'lower' },
        { name: 'rows per second', value: s.rowsRead / seconds, unit: 'rows/s', better: 'higher' },
      ],
      notes: [
        `Checked each run: ${EXPECTED.units.toLocaleString('en-GB')} unit postcodes stored; all ${EXPECTED.sectors.toLocaleString('en-GB')} sector and ${EXPECTED.districts.toLocaleString('en-GB')} district centroids derived while streaming equal sectors.csv and districts.csv exactly.`,
      ],
    }
  } finally {
    await h.dispose()
  }
}

const description = (where: string) =>
  `\`postcodes import\` of the full \`../shared/data/postcodes/postcodes.csv.gz\` (2,636,121 GB unit postcodes, 19 MB gzipped) into ${where}: stream, gunzip, parse, validate, derive sector and district centroids, insert in batches, all in one transaction with its audit record.`

export const postcodesImport: Benchmark = {
  name: 'postcodes-import',
  title: 'full postcode directory import, SQLite',
  description: description('a fresh SQLite file (WAL)'),
  runs: 3,
  run: () => importOnce('sqlite'),
}

export const postcodesImportPostgres: Benchmark = {
  name: 'postcodes-import-postgres',
  title: 'full postcode directory import, PostgreSQL',
  description: `${description('a fresh PostgreSQL database on the same machine')} Peak RSS is the Node process only, not the server's.`,
  runs: 2,
  run: () => importOnce('postgres'),
}
