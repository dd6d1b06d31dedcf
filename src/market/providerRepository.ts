import { sql, type Selectable, type SqlBool } from 'kysely'
import { applyScope, type DataScope } from '../platform/auth/scope.js'
import type { Db } from '../platform/db/database.js'
import type { MembershipStatus } from './domain/statuses.js'
import type { Sort } from './homeRepository.js'
import type { MarketTables } from './tables.js'

export type ProviderRow = Selectable<MarketTables['providers']>
export type MembershipRow = Selectable<MarketTables['provider_lots']>

export type ProviderFilters = { q?: string; lotId?: string }
export const PROVIDER_SORT_KEYS = ['name', 'homes', 'lots'] as const
export type ProviderSortKey = (typeof PROVIDER_SORT_KEYS)[number]

export type ProviderListRow = Pick<ProviderRow, 'id' | 'name' | 'companies_house_number'> & { homes: number; active_lots: number }

export type MembershipView = MembershipRow & {
  lot_number: number
  lot_code: string
  lot_name: string
  framework_id: string
  framework_name: string
}

const likePattern = (text: string) => `%${text.replace(/[!%_]/g, '!$&')}%`

export function createProviderRepository() {
  function filtered(db: Db, scope: DataScope, f: ProviderFilters) {
    let qb = applyScope(db.selectFrom('providers'), scope, 'providers.id')
    const text = f.q?.trim().toLowerCase()
    if (text) {
      const like = likePattern(text)
      const compact = likePattern(text.replace(/\s+/g, ''))
      qb = qb.where((eb) =>
        eb.or([
          sql<SqlBool>`lower(providers.name) like ${like} escape '!'`,
          sql<SqlBool>`lower(coalesce(providers.companies_house_number, '')) like ${compact} escape '!'`,
        ]),
      )
    }
    if (f.lotId) {
      const lotId = f.lotId
      qb = qb.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('provider_lots')
            .select('provider_lots.lot_id')
            .whereRef('provider_lots.provider_id', '=', 'providers.id')
            .where('provider_lots.lot_id', '=', lotId)
            .where('provider_lots.status', '=', 'active'),
        ),
      )
    }
    return qb
  }

  const homeCount = sql<number>`(select count(*) from homes where homes.provider_id = providers.id)`
  const activeLots = sql<number>`(select count(*) from provider_lots where provider_lots.provider_id = providers.id and provider_lots.status = 'active')`

  return {
    async count(db: Db, scope: DataScope, filters: ProviderFilters): Promise<number> {
      const row = await filtered(db, scope, filters)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      return Number(row.n)
    },

    async list(
      db: Db,
      scope: DataScope,
      filters: ProviderFilters,
      sort: Sort<ProviderSortKey>,
      page: { limit: number; offset: number },
    ): Promise<ProviderListRow[]> {
      const dir = sort.direction === 'desc' ? sql`desc` : sql`asc`
      let qb = filtered(db, scope, filters).select([
        'providers.id',
        'providers.name',
        'providers.companies_house_number',
        homeCount.as('homes'),
        activeLots.as('active_lots'),
      ])
      if (sort.key === 'homes') qb = qb.orderBy(sql`${homeCount} ${dir}`)
      if (sort.key === 'lots') qb = qb.orderBy(sql`${activeLots} ${dir}`)
      const rows = await qb
        .orderBy(sql`lower(providers.name) ${sort.key === 'name' ? dir : sql`asc`}`)
        .orderBy('providers.id')
        .limit(page.limit)
        .offset(page.offset)
        .execute()
      return rows.map((r) => ({ ...r, homes: Number(r.homes), active_lots: Number(r.active_lots) }))
    },

    find: (db: Db, scope: DataScope, id: string): Promise<ProviderRow | undefined> =>
      applyScope(db.selectFrom('providers'), scope, 'providers.id').selectAll().where('providers.id', '=', id).executeTakeFirst(),

    async insert(db: Db, row: ProviderRow): Promise<void> {
      await db.insertInto('providers').values(row).execute()
    },

    async update(db: Db, id: string, changes: Partial<Omit<ProviderRow, 'id' | 'created_at'>>): Promise<void> {
      await db.updateTable('providers').set(changes).where('id', '=', id).execute()
    },

    memberships: (db: Db, providerId: string): Promise<MembershipView[]> =>
      db
        .selectFrom('provider_lots')
        .innerJoin('lots', 'lots.id', 'provider_lots.lot_id')
        .innerJoin('frameworks', 'frameworks.id', 'lots.framework_id')
        .selectAll('provider_lots')
        .select([
          'lots.number as lot_number',
          'lots.code as lot_code',
          'lots.name as lot_name',
          'frameworks.id as framework_id',
          'frameworks.name as framework_name',
        ])
        .where('provider_lots.provider_id', '=', providerId)
        .orderBy('frameworks.starts_on', 'desc')
        .orderBy('frameworks.id')
        .orderBy('lots.number')
        .execute(),

    findMembership: (db: Db, providerId: string, lotId: string): Promise<MembershipRow | undefined> =>
      db.selectFrom('provider_lots').selectAll().where('provider_id', '=', providerId).where('lot_id', '=', lotId).executeTakeFirst(),

    async upsertMembership(
      db: Db,
      row: { provider_id: string; lot_id: string; status: MembershipStatus; spot_rate_pence_per_week: number | null },
    ): Promise<void> {
      await db
        .insertInto('provider_lots')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['provider_id', 'lot_id']).doUpdateSet({ status: row.status, spot_rate_pence_per_week: row.spot_rate_pence_per_week }),
        )
        .execute()
    },

    async countAll(db: Db, scope: DataScope): Promise<number> {
      const row = await applyScope(db.selectFrom('providers'), scope, 'providers.id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      return Number(row.n)
    },
  }
}
export type ProviderRepository = ReturnType<typeof createProviderRepository>
