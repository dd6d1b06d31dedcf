import { userInfo } from 'node:os'
import { systemActor, type Actor } from '../platform/auth/actor.js'
import { loadConfig, type Config } from '../platform/config.js'
import { openDatabase } from '../platform/db/database.js'
import { migrateToLatest } from '../platform/db/migrate.js'
import { createServices, type Services } from '../platform/services.js'

export type CliContext = Services & { handle: ReturnType<typeof openDatabase>; actor: Actor; close: () => Promise<void> }

/** Opens the configured database, brings it up to date and builds the services a command needs. */
export async function openContext(config: Config = loadConfig()): Promise<CliContext> {
  const handle = openDatabase(config.database)
  await migrateToLatest(handle.db, handle.dialect)
  const services = createServices(handle, config)
  let user = 'unknown'
  try {
    user = userInfo().username
  } catch {
    // Some containers have no passwd entry; the label is only for the audit trail.
  }
  return { ...services, handle, actor: systemActor(`cli:${user}`), close: handle.close }
}
