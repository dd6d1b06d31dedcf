import type { Db, Dialect } from '../database.js'

/** Placeholder: filled in by the part that owns it. */
export async function up(_db: Db, _dialect: Dialect): Promise<void> {}
