import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { createAuditRepository } from '../../src/platform/audit/auditRepository.js'
import { createAuditService } from '../../src/platform/audit/auditService.js'
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/database.js'
import { migrateToLatest } from '../../src/platform/db/migrate.js'
import { createPostcodeService, type PostcodeService } from '../../src/geo/postcodeService.js'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

/** ../shared/data/postcodes beside the repository, or null where it is absent. */
export function sharedPostcodes(): string | null {
  const dir = resolve(repoRoot, '..', 'shared', 'data', 'postcodes')
  return existsSync(dir) ? dir : null
}

export type BenchDb = DatabaseHandle & { postcodes: PostcodeService; dispose: () => Promise<void> }

function withService(handle: DatabaseHandle, dispose: () => Promise<void>): BenchDb {
  const audit = createAuditService(createAuditRepository(handle.dialect), handle.db)
  return { ...handle, postcodes: createPostcodeService({ db: handle.db, dialect: handle.dialect, audit }), dispose }
}

/** A fresh, migrated SQLite file in a temporary folder (a file, as production has, not :memory:). */
export async function freshSqliteFile(path?: string): Promise<BenchDb> {
  const dir = path ? null : mkdtempSync(join(tmpdir(), 'placewise-bench-'))
  const handle = openDatabase({ kind: 'sqlite', path: path ?? join(dir!, 'bench.db') })
  await migrateToLatest(handle.db, handle.dialect)
  return withService(handle, async () => {
    await handle.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })
}

/** PostgreSQL for benchmarks: PLACEWISE_BENCH_DATABASE_URL, else the test server; null if neither is set. */
export function postgresAdminUrl(): string | null {
  return process.env.PLACEWISE_BENCH_DATABASE_URL ?? process.env.PLACEWISE_TEST_DATABASE_URL ?? null
}

/** A throwaway PostgreSQL database, dropped by dispose. */
export async function freshPostgres(adminUrl: string): Promise<BenchDb> {
  const name = `placewise_bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const handle = openDatabase({ kind: 'postgres', url: url.toString() })
  await migrateToLatest(handle.db, handle.dialect)
  return withService(handle, async () => {
    await handle.close()
    const a = new pg.Client({ connectionString: adminUrl })
    await a.connect()
    await a.query(`drop database if exists ${name} with (force)`)
    await a.end()
  })
}
