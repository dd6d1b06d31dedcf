import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, after, before } from 'node:test'
import pg from 'pg'
import { openDatabase, type DatabaseHandle, type Dialect } from '../../src/platform/db/database.js'
import { migrateToLatest } from '../../src/platform/db/migrate.js'

export type TestDatabase = DatabaseHandle & { url: string | null }

/** A fresh, migrated SQLite database in a temporary folder. */
export async function freshSqlite(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'placewise-test-'))
  const handle = openDatabase({ kind: 'sqlite', path: join(dir, 'test.db') })
  await migrateToLatest(handle.db, handle.dialect)
  return {
    ...handle,
    url: null,
    close: async () => {
      await handle.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

const pgAdminUrl = process.env.PLACEWISE_TEST_DATABASE_URL

/** A fresh, migrated PostgreSQL database of its own, dropped on close. */
export async function freshPostgres(): Promise<TestDatabase> {
  if (!pgAdminUrl) throw new Error('PLACEWISE_TEST_DATABASE_URL is not set')
  const name = `placewise_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`
  const admin = new pg.Client({ connectionString: pgAdminUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(pgAdminUrl)
  url.pathname = `/${name}`
  const handle = openDatabase({ kind: 'postgres', url: url.toString() })
  await migrateToLatest(handle.db, handle.dialect)
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close()
      const a = new pg.Client({ connectionString: pgAdminUrl })
      await a.connect()
      await a.query(`drop database if exists ${name} with (force)`)
      await a.end()
    },
  }
}

/** Whether PostgreSQL tests can run; CI sets PLACEWISE_REQUIRE_POSTGRES so a missing server fails loudly. */
export function postgresAvailable(): boolean {
  if (!pgAdminUrl && process.env.PLACEWISE_REQUIRE_POSTGRES) {
    throw new Error('PLACEWISE_REQUIRE_POSTGRES is set but PLACEWISE_TEST_DATABASE_URL is not')
  }
  return Boolean(pgAdminUrl)
}

/**
 * One suite, run against every dialect (as Kysely tests itself). Where PostgreSQL is not
 * configured its suite reports itself skipped rather than silently passing.
 */
export function describeEachDialect(name: string, body: (ctx: () => TestDatabase) => void): void {
  for (const dialect of ['sqlite', 'postgres'] as Dialect[]) {
    const skip = dialect === 'postgres' && !postgresAvailable() ? 'PLACEWISE_TEST_DATABASE_URL not set' : false
    describe(`${name} [${dialect}]`, { skip }, () => {
      let handle: TestDatabase | undefined
      before(async () => {
        handle = dialect === 'sqlite' ? await freshSqlite() : await freshPostgres()
      })
      after(async () => {
        await handle?.close()
      })
      body(() => {
        if (!handle) throw new Error('database not ready')
        return handle
      })
    })
  }
}
