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
  // Rooms number their migrations in blocks (0010s tender and contract, 0020s placement), so a new
  // contract migration can sort before an applied placement one.
  const migrator = new Migrator({ db, provider: { getMigrations: async () => provided }, allowUnorderedMigrations: true })
  const result = await migrator.migrateToLatest()
  if (result.error) throw result.error
  return result
}
