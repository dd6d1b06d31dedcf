import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import pg from 'pg'
import type { Config } from '../config.js'
import type { Database } from './schema.js'

export type Dialect = 'sqlite' | 'postgres'
export type Db = Kysely<Database>
export type DatabaseHandle = { db: Db; dialect: Dialect; close: () => Promise<void> }

// Same values out of both dialects: ISO dates and timestamps as strings, bigint pence as numbers.
pg.types.setTypeParser(1082, (v: string) => v) // date
pg.types.setTypeParser(1114, (v: string) => new Date(`${v}Z`).toISOString()) // timestamp
pg.types.setTypeParser(1184, (v: string) => new Date(v).toISOString()) // timestamptz
pg.types.setTypeParser(20, (v: string) => {
  const n = Number(v)
  if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${v} is beyond the safe integer range`)
  return n
})

export function openDatabase(database: Config['database']): DatabaseHandle {
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: database.url, max: 10 })
    // An idle connection the server closes (a restart, a failover, a dropped test database) must not
    // crash the process: the pool discards it and the next query opens another.
    pool.on('error', (err) => console.error(`PostgreSQL: an idle connection was closed (${err.message})`))
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return { db, dialect: 'postgres', close: () => db.destroy() }
  }
  if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true })
  const sqlite = new SQLite(database.path)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  return { db, dialect: 'sqlite', close: () => db.destroy() }
}
