import { sql, type Selectable, type SqlBool } from 'kysely'
import type { GridRef } from '../geo/types.js'
import { applyScope, type DataScope } from '../platform/auth/scope.js'
import type { Db } from '../platform/db/database.js'
import type { RegistrationCategoryCode } from './domain/categories.js'
import { maxSquaredMetresWithin } from './domain/distance.js'
import { OFSTED_JUDGEMENTS, type OfstedJudgement } from './domain/judgements.js'
import type { NeedCode } from './domain/needs.js'
import type { BedStatus, HomeStatus } from './domain/statuses.js'
import type { MarketTables } from './tables.js'

export type HomeRow = Selectable<MarketTables['homes']>
export type BedRow = Selectable<MarketTables['beds']>

export type HomeSearchFilters = {
  /** Free text: matched against the home's name, URN and postcode and the provider's name. */
  q?: string
  /** Only homes whose provider is an active member of this lot. */
  lotId?: string
  judgement?: OfstedJudgement
  category?: RegistrationCategoryCode
  need?: NeedCode
  /** Only homes with at least one vacant bed. */
  hasVacancy?: boolean
  /** Only homes whose DfE distance from the council's centre is at most this. */
  withinMiles?: number
  providerId?: string
  status?: HomeStatus
}

export const HOME_SORT_KEYS = ['name', 'urn', 'provider', 'places', 'vacancies', 'judgement', 'distance'] as const
export type HomeSortKey = (typeof HOME_SORT_KEYS)[number]
export type Sort<K extends string> = { key: K; direction: 'asc' | 'desc' }

export type HomeListRow = Pick<
  HomeRow,
  | 'id'
  | 'urn'
  | 'name'
  | 'provider_id'
  | 'postcode'
  | 'easting'
  | 'northing'
  | 'location_precision'
  | 'registered_places'
  | 'ofsted_judgement'
  | 'ofsted_judgement_date'
  | 'status'
> & { provider_name: string; vacant_beds: number; beds: number }

/** `%text%` for LIKE, with the wildcards in the text itself escaped by '!'. */
function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, '!$&')}%`
}

// Both dialects: integer arithmetic in 64 bits (PostgreSQL's integer columns would overflow when squared).
function squaredDistance(centre: GridRef) {
  return sql<number>`(cast(homes.easting - ${centre.easting} as bigint) * cast(homes.easting - ${centre.easting} as bigint) + cast(homes.northing - ${centre.northing} as bigint) * cast(homes.northing - ${centre.northing} as bigint))`
}

const judgementRankSql = sql<number>`(case homes.ofsted_judgement ${sql.join(
  OFSTED_JUDGEMENTS.map((j, i) => sql`when ${sql.lit(j)} then ${sql.lit(i + 1)}`),
  sql` `,
)} else ${sql.lit(OFSTED_JUDGEMENTS.length)} end)`

export function createHomeRepository() {
  function filtered(db: Db, scope: DataScope, f: HomeSearchFilters, centre: GridRef) {
    let qb = applyScope(db.selectFrom('homes').innerJoin('providers', 'providers.id', 'homes.provider_id'), scope, 'homes.provider_id')
    const text = f.q?.trim().toLowerCase()
    if (text) {
      const like = containsPattern(text)
      const compact = containsPattern(text.replace(/\s+/g, ''))
      qb = qb.where((eb) =>
        eb.or([
          sql<SqlBool>`lower(homes.name) like ${like} escape '!'`,
          sql<SqlBool>`lower(homes.urn) like ${compact} escape '!'`,
          sql<SqlBool>`replace(lower(coalesce(homes.postcode, '')), ' ', '') like ${compact} escape '!'`,
          sql<SqlBool>`lower(providers.name) like ${like} escape '!'`,
        ]),
      )
    }
    if (f.providerId) qb = qb.where('homes.provider_id', '=', f.providerId)
    if (f.status) qb = qb.where('homes.status', '=', f.status)
    if (f.judgement === 'Not yet inspected') {
      qb = qb.where((eb) => eb.or([eb('homes.ofsted_judgement', 'is', null), eb('homes.ofsted_judgement', '=', f.judgement!)]))
    } else if (f.judgement) {
      qb = qb.where('homes.ofsted_judgement', '=', f.judgement)
    }
    if (f.lotId) {
      const lotId = f.lotId
      qb = qb.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('provider_lots')
            .select('provider_lots.lot_id')
            .whereRef('provider_lots.provider_id', '=', 'homes.provider_id')
            .where('provider_lots.lot_id', '=', lotId)
            .where('provider_lots.status', '=', 'active'),
        ),
      )
    }
    if (f.category) {
      const category = f.category
      qb = qb.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('home_categories')
            .select('home_categories.home_id')
            .whereRef('home_categories.home_id', '=', 'homes.id')
            .where('home_categories.category', '=', category),
        ),
      )
    }
    if (f.need) {
      const need = f.need
      qb = qb.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('home_needs')
            .select('home_needs.home_id')
            .whereRef('home_needs.home_id', '=', 'homes.id')
            .where('home_needs.need', '=', need),
        ),
      )
    }
    if (f.hasVacancy) {
      qb = qb.where(({ exists, selectFrom }) =>
        exists(selectFrom('beds').select('beds.id').whereRef('beds.home_id', '=', 'homes.id').where('beds.status', '=', 'vacant')),
      )
    }
    if (f.withinMiles !== undefined) {
      const maxSquared = maxSquaredMetresWithin(f.withinMiles)
      const r = Math.ceil(Math.sqrt(Math.max(maxSquared, 0)))
      // The bounding box lets the grid index narrow the candidates; the squared test is exact.
      qb = qb
        .where('homes.easting', '>=', centre.easting - r)
        .where('homes.easting', '<=', centre.easting + r)
        .where('homes.northing', '>=', centre.northing - r)
        .where('homes.northing', '<=', centre.northing + r)
        .where(sql<SqlBool>`${squaredDistance(centre)} <= ${maxSquared}`)
    }
    return qb
  }

  const vacantBeds = sql<number>`(select count(*) from beds where beds.home_id = homes.id and beds.status = 'vacant')`
  const allBeds = sql<number>`(select count(*) from beds where beds.home_id = homes.id)`

  return {
    async count(db: Db, scope: DataScope, filters: HomeSearchFilters, centre: GridRef): Promise<number> {
      const row = await filtered(db, scope, filters, centre)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      return Number(row.n)
    },

    async search(
      db: Db,
      scope: DataScope,
      filters: HomeSearchFilters,
      centre: GridRef,
      sort: Sort<HomeSortKey>,
      page: { limit: number; offset: number },
    ): Promise<HomeListRow[]> {
      const dir = sort.direction === 'desc' ? sql`desc` : sql`asc`
      let qb = filtered(db, scope, filters, centre).select([
        'homes.id',
        'homes.urn',
        'homes.name',
        'homes.provider_id',
        'homes.postcode',
        'homes.easting',
        'homes.northing',
        'homes.location_precision',
        'homes.registered_places',
        'homes.ofsted_judgement',
        'homes.ofsted_judgement_date',
        'homes.status',
        'providers.name as provider_name',
        vacantBeds.as('vacant_beds'),
        allBeds.as('beds'),
      ])
      switch (sort.key) {
        case 'urn':
          qb = qb.orderBy(sql`homes.urn ${dir}`)
          break
        case 'provider':
          qb = qb.orderBy(sql`lower(providers.name) ${dir}`)
          break
        case 'places':
          qb = qb.orderBy(sql`homes.registered_places ${dir}`)
          break
        case 'vacancies':
          qb = qb.orderBy(sql`${vacantBeds} ${dir}`)
          break
        case 'judgement':
          qb = qb.orderBy(sql`${judgementRankSql} ${dir}`)
          break
        case 'distance':
          // Homes without a location come last whichever way the distance runs.
          qb = qb
            .orderBy(sql`(case when homes.easting is null or homes.northing is null then 1 else 0 end)`)
            .orderBy(sql`${squaredDistance(centre)} ${dir}`)
          break
        case 'name':
          break
      }
      const rows = await qb
        .orderBy(sql`lower(homes.name) ${sort.key === 'name' ? dir : sql`asc`}`)
        .orderBy('homes.id')
        .limit(page.limit)
        .offset(page.offset)
        .execute()
      return rows.map((r) => ({ ...r, vacant_beds: Number(r.vacant_beds), beds: Number(r.beds) }))
    },

    find: (db: Db, scope: DataScope, id: string): Promise<(HomeRow & { provider_name: string }) | undefined> =>
      applyScope(db.selectFrom('homes').innerJoin('providers', 'providers.id', 'homes.provider_id'), scope, 'homes.provider_id')
        .selectAll('homes')
        .select('providers.name as provider_name')
        .where('homes.id', '=', id)
        .executeTakeFirst(),

    findByUrn: (db: Db, urn: string): Promise<HomeRow | undefined> =>
      db.selectFrom('homes').selectAll().where('urn', '=', urn).executeTakeFirst(),

    /** A provider's homes, for its page. */
    listForProvider: (db: Db, scope: DataScope, providerId: string) =>
      applyScope(db.selectFrom('homes'), scope, 'homes.provider_id')
        .select([
          'homes.id',
          'homes.urn',
          'homes.name',
          'homes.registered_places',
          'homes.ofsted_judgement',
          'homes.status',
          vacantBeds.as('vacant_beds'),
        ])
        .where('homes.provider_id', '=', providerId)
        .orderBy(sql`lower(homes.name)`)
        .orderBy('homes.id')
        .execute()
        .then((rows) => rows.map((r) => ({ ...r, vacant_beds: Number(r.vacant_beds) }))),

    async insert(db: Db, row: HomeRow): Promise<void> {
      await db.insertInto('homes').values(row).execute()
    },

    async update(db: Db, id: string, changes: Partial<Omit<HomeRow, 'id' | 'created_at'>>): Promise<void> {
      await db.updateTable('homes').set(changes).where('id', '=', id).execute()
    },

    categories: async (db: Db, homeId: string): Promise<string[]> =>
      (await db.selectFrom('home_categories').select('category').where('home_id', '=', homeId).orderBy('category').execute()).map(
        (r) => r.category,
      ),

    needs: async (db: Db, homeId: string): Promise<string[]> =>
      (await db.selectFrom('home_needs').select('need').where('home_id', '=', homeId).orderBy('need').execute()).map((r) => r.need),

    async replaceCategories(db: Db, homeId: string, categories: readonly string[]): Promise<void> {
      await db.deleteFrom('home_categories').where('home_id', '=', homeId).execute()
      if (categories.length > 0)
        await db
          .insertInto('home_categories')
          .values(categories.map((category) => ({ home_id: homeId, category })))
          .execute()
    },

    async replaceNeeds(db: Db, homeId: string, needs: readonly string[]): Promise<void> {
      await db.deleteFrom('home_needs').where('home_id', '=', homeId).execute()
      if (needs.length > 0)
        await db
          .insertInto('home_needs')
          .values(needs.map((need) => ({ home_id: homeId, need })))
          .execute()
    },

    beds: (db: Db, homeId: string): Promise<BedRow[]> =>
      db
        .selectFrom('beds')
        .selectAll()
        .where('home_id', '=', homeId)
        .orderBy(sql`length(label)`)
        .orderBy('label')
        .execute(),

    /** A bed, with its home's provider so the caller's scope can be applied. */
    findBed: (db: Db, scope: DataScope, bedId: string) =>
      applyScope(db.selectFrom('beds').innerJoin('homes', 'homes.id', 'beds.home_id'), scope, 'homes.provider_id')
        .selectAll('beds')
        .where('beds.id', '=', bedId)
        .executeTakeFirst(),

    async insertBeds(db: Db, beds: BedRow[]): Promise<void> {
      if (beds.length > 0) await db.insertInto('beds').values(beds).execute()
    },

    async setBedStatus(db: Db, bedId: string, status: BedStatus, at: string): Promise<void> {
      await db.updateTable('beds').set({ status, updated_at: at }).where('id', '=', bedId).execute()
    },

    async summary(db: Db, scope: DataScope, centre: GridRef, radiusMiles: number) {
      const homes = await applyScope(db.selectFrom('homes'), scope, 'homes.provider_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('homes.status', '!=', 'closed')
        .executeTakeFirstOrThrow()
      const vacant = await applyScope(db.selectFrom('beds').innerJoin('homes', 'homes.id', 'beds.home_id'), scope, 'homes.provider_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('beds.status', '=', 'vacant')
        .where('homes.status', '=', 'active')
        .executeTakeFirstOrThrow()
      const local = await filtered(db, scope, { withinMiles: radiusMiles }, centre)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('homes.status', '!=', 'closed')
        .executeTakeFirstOrThrow()
      return { homes: Number(homes.n), vacantBeds: Number(vacant.n), homesWithinRadius: Number(local.n) }
    },

    listForRelocation: (db: Db) => db.selectFrom('homes').select(['id', 'postcode', 'location_precision']).orderBy('id').execute(),
  }
}
export type HomeRepository = ReturnType<typeof createHomeRepository>
