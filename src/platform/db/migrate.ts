import { Migrator, type Migration, type MigrationResultSet } from 'kysely'
import type { Db, Dialect } from './database.js'
import { migrations } from './migrations/index.js'

export type DialectMigration = { up: (db: Db, dialect: Dialect) => Promise<void> }

/** Applies every pending migration in order, each in its own transaction. */
export async function migrateToLatest(db: Db, dialect: Dialect): Promise<MigrationResultSet> {
  const provided: Record<string, Migration> = {}
  for (const [name, m] of Object.entries(migrations)) {
    // Kysely hands migrations an untyped Kysely<any>; ours are typed against the schema.
    provided[name] = { up: (tx) => m.up(tx as Db, dialect) }
  }
  const migrator = new Migrator({ db, provider: { getMigrations: async () => provided } })
  const result = await migrator.migrateToLatest()
  if (result.error) throw result.error
  return result
}
