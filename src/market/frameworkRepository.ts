import { sql, type Selectable } from 'kysely'
import type { Db } from '../platform/db/database.js'
import type { MarketTables } from './tables.js'

export type FrameworkRow = Selectable<MarketTables['frameworks']>
export type LotRow = Selectable<MarketTables['lots']>

const memberCount = (status: string) =>
  sql<number>`(select count(*) from provider_lots where provider_lots.lot_id = lots.id and provider_lots.status = ${status})`

/**
 * Frameworks and their lots are published procurement facts (Find a Tender, OCDS), so they are
 * read unscoped; who is on which lot is read through the provider repository, which is scoped.
 */
export function createFrameworkRepository() {
  return {
    list: (db: Db) =>
      db
        .selectFrom('frameworks')
        .selectAll()
        .select([
          sql<number>`(select count(*) from lots where lots.framework_id = frameworks.id)`.as('lot_count'),
          sql<number>`(select count(distinct provider_lots.provider_id) from provider_lots inner join lots on lots.id = provider_lots.lot_id where lots.framework_id = frameworks.id and provider_lots.status = 'active')`.as(
            'active_providers',
          ),
        ])
        .orderBy('starts_on', 'desc')
        .orderBy('id')
        .execute()
        .then((rows) => rows.map((r) => ({ ...r, lot_count: Number(r.lot_count), active_providers: Number(r.active_providers) }))),

    find: (db: Db, id: string): Promise<FrameworkRow | undefined> =>
      db.selectFrom('frameworks').selectAll().where('id', '=', id).executeTakeFirst(),

    lotsWithCounts: (db: Db, frameworkId: string) =>
      db
        .selectFrom('lots')
        .selectAll()
        .select([memberCount('active').as('active_members'), memberCount('suspended').as('suspended_members')])
        .where('framework_id', '=', frameworkId)
        .orderBy('number')
        .execute()
        .then((rows) =>
          rows.map((r) => ({ ...r, active_members: Number(r.active_members), suspended_members: Number(r.suspended_members) })),
        ),

    /** Every lot of every framework, newest framework first: the choices for filters and the membership form. */
    allLots: (db: Db): Promise<(LotRow & { framework_name: string })[]> =>
      db
        .selectFrom('lots')
        .innerJoin('frameworks', 'frameworks.id', 'lots.framework_id')
        .selectAll('lots')
        .select('frameworks.name as framework_name')
        .orderBy('frameworks.starts_on', 'desc')
        .orderBy('frameworks.id')
        .orderBy('lots.number')
        .execute(),

    findLot: (db: Db, id: string): Promise<LotRow | undefined> => db.selectFrom('lots').selectAll().where('id', '=', id).executeTakeFirst(),

    async insert(db: Db, row: FrameworkRow, lots: LotRow[]): Promise<void> {
      await db.insertInto('frameworks').values(row).execute()
      if (lots.length > 0) await db.insertInto('lots').values(lots).execute()
    },
  }
}
export type FrameworkRepository = ReturnType<typeof createFrameworkRepository>
