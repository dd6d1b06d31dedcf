import type { Db } from './database.js'

/** One transaction per command or import: all of it lands, or none of it does. */
export function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute((tx) => work(tx as unknown as Db))
}
