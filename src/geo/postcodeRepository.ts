import { CompiledQuery, sql } from 'kysely'
import type { Db, Dialect } from '../platform/db/database.js'
import type { GeoTables } from './tables.js'
import type { CentroidRow } from './onspd/rows.js'

/** Unit postcodes waiting to be written, column by column (PostgreSQL takes each column as one array). */
export type UnitBatch = {
  postcode: string[]
  lad: (string | null)[]
  easting: number[]
  northing: number[]
  terminated: number[]
  /** The file line each row came from, to name it if the database refuses the row. */
  line: number[]
}

export function emptyUnitBatch(): UnitBatch {
  return { postcode: [], lad: [], easting: [], northing: [], terminated: [], line: [] }
}

export type StoredPoint = { lad: string | null; easting: number; northing: number }
export type PostcodeImportRow = GeoTables['postcode_imports']

// Each dialect gets a batch as a handful of parameters however many rows it has (SQLite: one
// JSON array through json_each; PostgreSQL: one array per column through unnest), so batches can
// be large without meeting SQLite's 32,766-variable limit or PostgreSQL's 65,535.
const UNIT_BATCH = { sqlite: 10_000, postgres: 20_000 } as const
const SQLITE_UNIT_INSERT = `insert into postcode_units (postcode, lad, easting, northing, terminated)
  select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 from json_each(?)`
const CENTROID_BATCH = 1_000
const LOOKUP_BATCH = 500

// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON must escape
const NEEDS_ESCAPE = /["\\\u0000-\u001f]/
/** Postcodes and ONS codes never need escaping; anything else still comes out as valid JSON. */
function jsonString(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`
}

type PointTable = 'postcode_units' | 'postcode_sectors' | 'postcode_districts'
const KEY_COLUMN = { postcode_units: 'postcode', postcode_sectors: 'sector', postcode_districts: 'district' } as const

/** Grid references by key from one of the three tables, asked in batches the drivers accept. */
async function findPoints(db: Db, table: PointTable, keys: readonly string[]): Promise<Map<string, StoredPoint>> {
  const key = KEY_COLUMN[table]
  const out = new Map<string, StoredPoint>()
  for (let i = 0; i < keys.length; i += LOOKUP_BATCH) {
    // The three tables share these columns; Kysely cannot see that through a union of table names.
    const rows = (await db
      .selectFrom(table as 'postcode_units')
      .select([sql.ref<string>(key).as('key'), 'lad', 'easting', 'northing'])
      .where(sql.ref(key), 'in', keys.slice(i, i + LOOKUP_BATCH))
      .execute()) as { key: string; lad: string | null; easting: number; northing: number }[]
    for (const r of rows) out.set(r.key, { lad: r.lad, easting: r.easting, northing: r.northing })
  }
  return out
}

export function createPostcodeRepository(dialect: Dialect) {
  return {
    /** How many unit rows the importer should gather before calling insertUnits. */
    unitBatchSize: UNIT_BATCH[dialect],

    /** Empties the postcode tables (the import history stays). Inside the import's transaction. */
    async clear(tx: Db): Promise<void> {
      await tx.deleteFrom('postcode_units').execute()
      await tx.deleteFrom('postcode_sectors').execute()
      await tx.deleteFrom('postcode_districts').execute()
    },

    /**
     * Writes a batch in one statement. Bypasses the query builder: at 2.6 million rows its
     * per-value compile cost is most of the import, and these statements are fixed text.
     */
    async insertUnits(tx: Db, b: UnitBatch): Promise<void> {
      const n = b.postcode.length
      if (n === 0) return
      if (dialect === 'postgres') {
        await sql`insert into postcode_units (postcode, lad, easting, northing, terminated)
          select * from unnest(${b.postcode}::text[], ${b.lad}::text[], ${b.easting}::int[], ${b.northing}::int[], ${b.terminated}::int[])`.execute(
          tx,
        )
        return
      }
      // One JSON parameter that SQLite unpacks itself: no 50,000-placeholder statement to parse
      // per batch. Built by hand, as JSON.stringify of row arrays costs twice as much.
      let json = '['
      for (let i = 0; i < n; i++) {
        const lad = b.lad[i]
        json += `${i ? ',' : ''}[${jsonString(b.postcode[i]!)},${lad == null ? 'null' : jsonString(lad)},${b.easting[i]! | 0},${b.northing[i]! | 0},${b.terminated[i]! | 0}]`
      }
      await tx.executeQuery(CompiledQuery.raw(SQLITE_UNIT_INSERT, [`${json}]`]))
    },

    async insertCentroids(tx: Db, table: 'postcode_sectors' | 'postcode_districts', rows: CentroidRow[]): Promise<void> {
      for (let i = 0; i < rows.length; i += CENTROID_BATCH) {
        const values = rows.slice(i, i + CENTROID_BATCH).map((r) => ({
          lad: r.lad,
          easting: r.easting,
          northing: r.northing,
          postcodes: r.postcodes,
          ...(table === 'postcode_sectors' ? { sector: r.key } : { district: r.key }),
        }))
        if (table === 'postcode_sectors') {
          await tx
            .insertInto('postcode_sectors')
            .values(values as GeoTables['postcode_sectors'][])
            .execute()
        } else {
          await tx
            .insertInto('postcode_districts')
            .values(values as GeoTables['postcode_districts'][])
            .execute()
        }
      }
    },

    /** Which of these keys are already stored: names the duplicate when the database refuses a batch. */
    async existingKeys(tx: Db, table: PointTable, keys: string[]): Promise<Set<string>> {
      return new Set((await findPoints(tx, table, keys)).keys())
    },

    async recordImport(tx: Db, row: PostcodeImportRow): Promise<void> {
      await tx.insertInto('postcode_imports').values(row).execute()
    },

    findUnits: (db: Db, postcodes: string[]) => findPoints(db, 'postcode_units', postcodes),
    findSectors: (db: Db, sectors: string[]) => findPoints(db, 'postcode_sectors', sectors),
    findDistricts: (db: Db, districts: string[]) => findPoints(db, 'postcode_districts', districts),

    /** Unit postcodes in a district ('SO14'), in postcode order; a range scan on the primary key. */
    async unitsInDistrict(db: Db, district: string, opts: { liveOnly: boolean; limit: number }) {
      // Every unit in 'SO14' sorts between 'SO14 ' and 'SO14!' ('!' follows the space).
      let q = db
        .selectFrom('postcode_units')
        .select(['postcode', 'lad', 'easting', 'northing'])
        .where('postcode', '>=', `${district} `)
        .where('postcode', '<', `${district}!`)
      if (opts.liveOnly) q = q.where('terminated', '=', 0)
      return q.orderBy('postcode').limit(opts.limit).execute()
    },

    async latestImport(db: Db): Promise<PostcodeImportRow | null> {
      const row = await db
        .selectFrom('postcode_imports')
        .selectAll()
        .orderBy('imported_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst()
      return row ?? null
    },

    async counts(db: Db): Promise<{ units: number; sectors: number; districts: number }> {
      const count = async (table: 'postcode_units' | 'postcode_sectors' | 'postcode_districts') => {
        const { n } = await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
        return Number(n)
      }
      return {
        units: await count('postcode_units'),
        sectors: await count('postcode_sectors'),
        districts: await count('postcode_districts'),
      }
    },
  }
}
export type PostcodeRepository = ReturnType<typeof createPostcodeRepository>
