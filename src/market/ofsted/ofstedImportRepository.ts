import type { Insertable, Updateable } from 'kysely'
import type { Db } from '../../platform/db/database.js'
import type { Database } from '../../platform/db/schema.js'

export type ProviderRow = Database['providers']
export type HomeRow = Database['homes']
export type BedRow = Database['beds']

// Well under SQLite's and PostgreSQL's bound-parameter limits for the widest table (homes).
const CHUNK = 200

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/**
 * The Ofsted import's reads and writes over the market tables. Every method takes the
 * import's transaction, so the whole file lands or none of it does.
 */
export function createOfstedImportRepository() {
  return {
    /** All providers: the market has a few thousand at most, and matching by name needs them all. */
    listProviders(tx: Db): Promise<Pick<ProviderRow, 'id' | 'name' | 'ofsted_owner_id'>[]> {
      return tx.selectFrom('providers').select(['id', 'name', 'ofsted_owner_id']).execute()
    },

    async insertProviders(tx: Db, rows: readonly Insertable<ProviderRow>[]): Promise<void> {
      for (const part of chunks(rows)) await tx.insertInto('providers').values(part).execute()
    },

    async updateProvider(tx: Db, id: string, patch: Updateable<ProviderRow>): Promise<void> {
      await tx.updateTable('providers').set(patch).where('id', '=', id).execute()
    },

    async homesByUrn(tx: Db, urns: readonly string[]): Promise<Map<string, HomeRow>> {
      const found = new Map<string, HomeRow>()
      for (const part of chunks(urns)) {
        const rows = await tx.selectFrom('homes').selectAll().where('urn', 'in', part).execute()
        for (const r of rows) found.set(r.urn, r)
      }
      return found
    },

    async categoriesByHome(tx: Db, homeIds: readonly string[]): Promise<Map<string, string[]>> {
      const byHome = new Map<string, string[]>()
      for (const part of chunks(homeIds)) {
        const rows = await tx.selectFrom('home_categories').selectAll().where('home_id', 'in', part).execute()
        for (const r of rows) byHome.set(r.home_id, [...(byHome.get(r.home_id) ?? []), r.category])
      }
      return byHome
    },

    async bedLabelsByHome(tx: Db, homeIds: readonly string[]): Promise<Map<string, string[]>> {
      const byHome = new Map<string, string[]>()
      for (const part of chunks(homeIds)) {
        const rows = await tx.selectFrom('beds').select(['home_id', 'label']).where('home_id', 'in', part).execute()
        for (const r of rows) byHome.set(r.home_id, [...(byHome.get(r.home_id) ?? []), r.label])
      }
      return byHome
    },

    async insertHomes(tx: Db, rows: readonly Insertable<HomeRow>[]): Promise<void> {
      for (const part of chunks(rows, 50)) await tx.insertInto('homes').values(part).execute()
    },

    async updateHome(tx: Db, id: string, patch: Updateable<HomeRow>): Promise<void> {
      await tx.updateTable('homes').set(patch).where('id', '=', id).execute()
    },

    async addCategories(tx: Db, rows: readonly { home_id: string; category: string }[]): Promise<void> {
      for (const part of chunks(rows)) await tx.insertInto('home_categories').values(part).execute()
    },

    async removeCategories(tx: Db, homeId: string, categories: readonly string[]): Promise<void> {
      if (categories.length === 0) return
      await tx.deleteFrom('home_categories').where('home_id', '=', homeId).where('category', 'in', categories).execute()
    },

    async insertBeds(tx: Db, rows: readonly Insertable<BedRow>[]): Promise<void> {
      for (const part of chunks(rows)) await tx.insertInto('beds').values(part).execute()
    },

    async insertImportRun(tx: Db, row: Insertable<Database['import_runs']>): Promise<void> {
      await tx.insertInto('import_runs').values(row).execute()
    },

    recentRuns: (db: Db, kind: string, limit: number) =>
      db.selectFrom('import_runs').selectAll().where('kind', '=', kind).orderBy('started_at', 'desc').limit(limit).execute(),

    findRun: (db: Db, kind: string, id: string) =>
      db.selectFrom('import_runs').selectAll().where('kind', '=', kind).where('id', '=', id).executeTakeFirst(),
  }
}
export type OfstedImportRepository = ReturnType<typeof createOfstedImportRepository>
