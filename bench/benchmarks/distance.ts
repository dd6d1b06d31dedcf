import { rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { dfeMiles, milesFrom } from '../../src/geo/distance.js'
import { systemActor } from '../../src/platform/auth/actor.js'
import { freshSqliteFile, sharedPostcodes, type BenchDb } from '../support/sharedData.js'
import type { Benchmark, Metric } from '../types.js'

const HOMES = 1_000_000
const SOUTHAMPTON = { easting: 442_520, northing: 112_207 }

/** A fixed pseudo-random sequence, so every run ranks the same homes. */
function lcg(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0
    return s / 2 ** 32
  }
}

function medianOf(times: number[]): number {
  const s = [...times].sort((a, b) => a - b)
  return s[s.length >> 1]!
}

function distanceMetrics(): Metric[] {
  const rand = lcg(42)
  const eastings = new Int32Array(HOMES)
  const northings = new Int32Array(HOMES)
  for (let i = 0; i < HOMES; i++) {
    eastings[i] = Math.floor(rand() * 700_000)
    northings[i] = Math.floor(rand() * 1_300_000)
  }
  const out = new Float64Array(HOMES)
  const typed: number[] = []
  const scalar: number[] = []
  let check = 0
  for (let k = 0; k < 15; k++) {
    let t = performance.now()
    milesFrom(SOUTHAMPTON, eastings, northings, out)
    typed.push(performance.now() - t)
    check += out[k]!
    t = performance.now()
    for (let i = 0; i < HOMES; i++) check += dfeMiles(SOUTHAMPTON, { easting: eastings[i]!, northing: northings[i]! })
    scalar.push(performance.now() - t)
  }
  if (!Number.isFinite(check)) throw new Error('distances went wrong')
  return [
    { name: 'milesFrom, 1M homes (typed arrays)', value: medianOf(typed), unit: 'ms', better: 'lower' },
    { name: 'dfeMiles called 1M times (objects)', value: medianOf(scalar), unit: 'ms', better: 'lower' },
  ]
}

// The imported directory is built on first use and kept in the temp folder: it is setup, not the measure.
const cachedDb = join(tmpdir(), 'placewise-bench-postcodes.db')

/** The kept directory, or a new one where the kept one is from an older schema than the code's. */
async function openCached(): Promise<BenchDb> {
  try {
    return await freshSqliteFile(cachedDb)
  } catch (e) {
    console.error(`rebuilding ${cachedDb}: ${(e as Error).message.slice(0, 120)}`)
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${cachedDb}${suffix}`, { force: true })
    return freshSqliteFile(cachedDb)
  }
}

async function lookupMetrics(dir: string): Promise<Metric[]> {
  const h = await openCached()
  try {
    const { counts } = await h.postcodes.status()
    if (counts.units === 0) await h.postcodes.importFile(join(dir, 'postcodes.csv.gz'), systemActor('bench'))
    // Every 131st postcode: a spread over the whole country, not one hot corner of the index.
    const sample = (
      await sql<{ postcode: string }>`select postcode from postcode_units where rowid % 131 = 0 limit 20000`.execute(h.db)
    ).rows.map((r) => r.postcode)
    const lowercase = sample.map((p) => p.toLowerCase().replace(' ', ''))
    // Sectors that do not exist: every lookup misses the unit and the sector, and lands on the district.
    const sectors = new Set((await h.db.selectFrom('postcode_sectors').select('sector').execute()).map((r) => r.sector))
    const unknown = sample.flatMap((p) => {
      const district = p.split(' ')[0]!
      const digit = [...'0123456789'].find((d) => !sectors.has(`${district} ${d}`))
      return digit === undefined ? [] : [`${district} ${digit}ZZ`]
    })
    const perSecond = async (list: string[], precision: string) => {
      const t = performance.now()
      for (const p of list) {
        const found = await h.postcodes.locate(p)
        if (found?.precision !== precision) throw new Error(`${p}: expected ${precision}, got ${found?.precision}`)
      }
      return list.length / ((performance.now() - t) / 1000)
    }
    const unitRate = await perSecond(lowercase, 'unit')
    const fallbackRate = await perSecond(
      unknown.filter((_, i) => i % 4 === 0),
      'district',
    )
    const t = performance.now()
    const many = await h.postcodes.locateMany(sample.slice(0, 10_000))
    const manyMs = performance.now() - t
    if (many.some((l) => l?.precision !== 'unit')) throw new Error('locateMany missed a postcode')
    return [
      { name: 'locate(), unit hit', value: unitRate, unit: 'lookups/s', better: 'higher' },
      { name: 'locate(), fallback to district (3 queries)', value: fallbackRate, unit: 'lookups/s', better: 'higher' },
      { name: 'locateMany(), 10,000 postcodes', value: manyMs, unit: 'ms', better: 'lower' },
    ]
  } finally {
    await h.db.destroy()
  }
}

export const distance: Benchmark = {
  name: 'distance',
  title: 'DfE distances and postcode lookups',
  description:
    '`milesFrom` over 1,000,000 homes with random grid references (median of 15 passes), against calling `dfeMiles` a million times; then `locate()` one at a time and `locateMany()` on a SQLite file holding the full imported directory (2.6 M units; built on first use and kept in the temp folder, not timed), with 20,000 real postcodes spread over the country, given in lower case without spaces. Peak RSS includes building that directory when it is built.',
  runs: 3,
  run: async () => {
    const metrics = distanceMetrics()
    const dir = sharedPostcodes()
    if (!dir) return { metrics, notes: ['locate() not measured: no ../shared/data/postcodes beside the repository.'] }
    return { metrics: [...metrics, ...(await lookupMetrics(dir))] }
  },
}
