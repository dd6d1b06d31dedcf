import { randomUUID } from 'node:crypto'
import type { AuditService } from '../platform/audit/auditService.js'
import type { Actor } from '../platform/auth/actor.js'
import { authorise, dataScope } from '../platform/auth/scope.js'
import type { Config } from '../platform/config.js'
import type { Db } from '../platform/db/database.js'
import { inTransaction } from '../platform/db/transaction.js'
import { NotFoundError, UserInputError } from '../platform/errors.js'
import { distanceView } from './domain/distance.js'
import { FRAMEWORK_LOTS } from './domain/lots.js'
import {
  BedStatusSchema,
  HomeChangesSchema,
  HomeFieldsSchema,
  LocationSchema,
  MembershipChangeSchema,
  NewFrameworkSchema,
  NewHomeSchema,
  NewProviderSchema,
  ProviderChangesSchema,
  ProviderFieldsSchema,
  membershipField,
  parseOrThrow,
  type HomeChanges,
  type HomeFields,
  type HomeLocation,
  type MembershipChange,
  type NewFramework,
  type NewHome,
  type NewProvider,
  type ProviderChanges,
} from './domain/schemas.js'
import type { BedStatus, MembershipStatus } from './domain/statuses.js'
import { createFrameworkRepository, type LotRow } from './frameworkRepository.js'
import { createHomeRepository, type BedRow, type HomeRow, type HomeSearchFilters, type HomeSortKey, type Sort } from './homeRepository.js'
import { createProviderRepository, type ProviderFilters, type ProviderSortKey } from './providerRepository.js'

export type {
  HomeChanges,
  HomeLocation,
  MembershipChange,
  NewFramework,
  NewHome,
  NewProvider,
  ProviderChanges,
  HomeSearchFilters,
  HomeSortKey,
  ProviderSortKey,
  Sort,
}
export type MembershipInput = { providerId: string; lotId: string; status: MembershipStatus; spotRatePencePerWeek: number | null }
export type PageRequest = { page: number; pageSize: number }
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number }

export type MarketServiceDeps = {
  db: Db
  audit: AuditService
  config: Pick<Config, 'council'>
  now?: () => Date
  /**
   * Where a postcode is, for when a person changes a home's postcode (the geo room's locate).
   * Called before the edit's transaction opens, never inside one (SQLite has one connection).
   * Without it, or when it finds nothing, the home's location becomes unknown rather than stale.
   */
  locatePostcode?: (postcode: string) => Promise<HomeLocation | null>
}

/** A page request made safe, and the offset after clamping to the last page. */
function pageWindow(req: PageRequest, total: number) {
  const pageSize = Math.min(Math.max(1, Math.floor(req.pageSize) || 25), 200)
  const pageCount = Math.max(1, Math.ceil(total / pageSize))
  const page = Math.min(Math.max(1, Math.floor(req.page) || 1), pageCount)
  return { page, pageSize, limit: pageSize, offset: (page - 1) * pageSize }
}

/** What the audit trail keeps about a home: its fields, lists and location, not timestamps. */
function homeAuditView(h: HomeRow, categories: readonly string[], needs: readonly string[]) {
  const { created_at: _c, updated_at: _u, ...fields } = h
  return { ...fields, categories: [...categories], needs: [...needs] }
}

function homeFieldsOf(h: HomeRow, categories: string[], needs: string[]): HomeFields {
  return {
    name: h.name,
    addressLine: h.address_line,
    town: h.town,
    postcode: h.postcode,
    registeredPlaces: h.registered_places,
    ageMin: h.age_min,
    ageMax: h.age_max,
    sexesAccepted: h.sexes_accepted,
    ofstedJudgement: h.ofsted_judgement as HomeFields['ofstedJudgement'],
    ofstedJudgementDate: h.ofsted_judgement_date,
    status: h.status,
    registrationDate: h.registration_date,
    categories: categories as HomeFields['categories'],
    needs: needs as HomeFields['needs'],
  }
}

function locationColumns(
  location: { easting: number; northing: number; precision: 'unit' | 'sector' | 'district'; lad: string | null } | null,
) {
  return location
    ? { easting: location.easting, northing: location.northing, location_precision: location.precision, lad_code: location.lad }
    : { easting: null, northing: null, location_precision: 'none' as const, lad_code: null }
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i])

export function createMarketService(deps: MarketServiceDeps) {
  const { db, audit } = deps
  const now = deps.now ?? (() => new Date())
  const centre = deps.config.council.centre
  const radiusMiles = deps.config.council.localRadiusMiles
  const homes = createHomeRepository()
  const providers = createProviderRepository()
  const frameworks = createFrameworkRepository()

  /** Runs in the caller's transaction when given one (the demo builder), else in a new one. */
  const write = <T>(tx: Db | undefined, work: (tx: Db) => Promise<T>): Promise<T> => (tx ? work(tx) : inTransaction(db, work))

  async function applyMembership(tx: Db, actor: Actor, providerId: string, change: MembershipChange): Promise<void> {
    const m = parseOrThrow(MembershipChangeSchema, change, (path) =>
      membershipField(change.lotId, path[0] === 'status' ? 'status' : 'rate'),
    )
    if (!(await frameworks.findLot(tx, m.lotId)))
      throw new UserInputError('Select a lot of a framework', { field: membershipField(m.lotId, 'status') })
    const before = await providers.findMembership(tx, providerId, m.lotId)
    const after = { provider_id: providerId, lot_id: m.lotId, status: m.status, spot_rate_pence_per_week: m.spotRatePencePerWeek }
    if (before && before.status === after.status && before.spot_rate_pence_per_week === after.spot_rate_pence_per_week) return
    await providers.upsertMembership(tx, after)
    await audit.record(tx, actor, {
      action: before ? 'update' : 'create',
      entityType: 'provider_lot',
      entityId: `${providerId}:${m.lotId}`,
      before: before ?? null,
      after,
    })
  }

  return {
    centre,
    radiusMiles,

    // ——— Reads ———

    async searchHomes(actor: Actor, filters: HomeSearchFilters, sort: Sort<HomeSortKey>, page: PageRequest) {
      authorise(actor, 'market:read')
      if (filters.withinMiles !== undefined && !(Number.isFinite(filters.withinMiles) && filters.withinMiles >= 0)) {
        throw new UserInputError('Distance must be a number of miles, 0 or more', { field: 'within' })
      }
      const scope = dataScope(actor)
      const total = await homes.count(db, scope, filters, centre)
      const w = pageWindow(page, total)
      const rows = await homes.search(db, scope, filters, centre, sort, w)
      return {
        items: rows.map((r) => ({ ...r, distance: distanceView(centre, r, radiusMiles) })),
        total,
        page: w.page,
        pageSize: w.pageSize,
      }
    },

    /** A home with everything its page shows; NotFoundError when it is not there or not the actor's to see. */
    async getHome(actor: Actor, id: string) {
      authorise(actor, 'market:read')
      const home = await homes.find(db, dataScope(actor), id)
      if (!home) throw new NotFoundError('No such home')
      const [categories, needs, beds] = await Promise.all([homes.categories(db, id), homes.needs(db, id), homes.beds(db, id)])
      const distance = distanceView(centre, home, radiusMiles)
      return { home, categories, needs, beds, distance, withinRadius: distance.withinRadius, radiusMiles, centre }
    },

    async listProviders(actor: Actor, opts: ProviderFilters & { page: PageRequest; sort: Sort<ProviderSortKey> }) {
      authorise(actor, 'market:read')
      const scope = dataScope(actor)
      const filters = { q: opts.q, lotId: opts.lotId }
      const total = await providers.count(db, scope, filters)
      const w = pageWindow(opts.page, total)
      const items = await providers.list(db, scope, filters, opts.sort, w)
      return { items, total, page: w.page, pageSize: w.pageSize }
    },

    async getProvider(actor: Actor, id: string) {
      authorise(actor, 'market:read')
      const scope = dataScope(actor)
      const provider = await providers.find(db, scope, id)
      if (!provider) throw new NotFoundError('No such provider')
      const [memberships, providerHomes] = await Promise.all([providers.memberships(db, id), homes.listForProvider(db, scope, id)])
      return { provider, memberships, homes: providerHomes }
    },

    async listFrameworks(actor: Actor) {
      authorise(actor, 'market:read')
      return frameworks.list(db)
    },

    async getFramework(actor: Actor, id: string) {
      authorise(actor, 'market:read')
      const framework = await frameworks.find(db, id)
      if (!framework) throw new NotFoundError('No such framework')
      return { framework, lots: await frameworks.lotsWithCounts(db, id) }
    },

    /** Every lot of every framework, newest first: the choices for the lot filter and the provider form. */
    async listLots(actor: Actor) {
      authorise(actor, 'market:read')
      return frameworks.allLots(db)
    },

    /** Counts for the home page, within the actor's scope. */
    async summary(actor: Actor) {
      authorise(actor, 'market:read')
      const scope = dataScope(actor)
      const [providerCount, h] = await Promise.all([providers.countAll(db, scope), homes.summary(db, scope, centre, radiusMiles)])
      return { providers: providerCount, homes: h.homes, vacantBeds: h.vacantBeds, homesWithinRadius: h.homesWithinRadius, radiusMiles }
    },

    // ——— Writes: each validated first, then written and audited in one transaction ———

    /** Creates a framework and its lots (the real framework's six unless `lots` says otherwise). */
    async createFramework(actor: Actor, input: NewFramework, tx?: Db): Promise<{ id: string; lots: LotRow[] }> {
      authorise(actor, 'market:edit')
      const f = parseOrThrow(NewFrameworkSchema, input)
      return write(tx, async (t) => {
        const at = now().toISOString()
        const id = f.id ?? randomUUID()
        const row = {
          id,
          name: f.name,
          legal_regime: f.legalRegime,
          starts_on: f.startsOn,
          ends_on: f.endsOn,
          ocid: f.ocid,
          lead_organisation_id: f.leadOrganisationId,
          created_at: at,
          updated_at: at,
        }
        const lots: LotRow[] = (f.lots ?? FRAMEWORK_LOTS).map((l) => ({
          id: randomUUID(),
          framework_id: id,
          number: l.number,
          code: l.code,
          name: l.name,
        }))
        if (!(await t.selectFrom('organisations').select('id').where('id', '=', f.leadOrganisationId).executeTakeFirst())) {
          throw new UserInputError('Select the lead organisation', { field: 'leadOrganisationId' })
        }
        await frameworks.insert(t, row, lots)
        const { created_at: _c, updated_at: _u, ...fields } = row
        await audit.record(t, actor, {
          action: 'create',
          entityType: 'framework',
          entityId: id,
          after: { ...fields, lots: lots.map(({ number, code, name }) => ({ number, code, name })) },
        })
        return { id, lots }
      })
    },

    async createProvider(actor: Actor, input: NewProvider, tx?: Db): Promise<string> {
      authorise(actor, 'market:edit')
      const p = parseOrThrow(NewProviderSchema, input)
      return write(tx, async (t) => {
        const at = now().toISOString()
        const row = {
          id: p.id ?? randomUUID(),
          name: p.name,
          companies_house_number: p.companiesHouseNumber,
          ofsted_owner_id: p.ofstedOwnerId,
          created_at: at,
          updated_at: at,
        }
        await providers.insert(t, row)
        await audit.record(t, actor, {
          action: 'create',
          entityType: 'provider',
          entityId: row.id,
          after: { name: row.name, companies_house_number: row.companies_house_number, ofsted_owner_id: row.ofsted_owner_id },
        })
        return row.id
      })
    },

    /** Name, Companies House number and, optionally, memberships of lots: all of it, or none of it. */
    async updateProvider(actor: Actor, id: string, changes: ProviderChanges, tx?: Db): Promise<void> {
      authorise(actor, 'market:edit')
      const c = parseOrThrow(ProviderChangesSchema, changes, (path) => {
        if (path[0] !== 'memberships') return String(path[0] ?? 'form')
        const lotId = changes.memberships?.[Number(path[1])]?.lotId ?? ''
        return membershipField(lotId, path[2] === 'status' ? 'status' : 'rate')
      })
      await write(tx, async (t) => {
        const before = await providers.find(t, dataScope(actor), id)
        if (!before) throw new NotFoundError('No such provider')
        const merged = parseOrThrow(ProviderFieldsSchema, {
          name: c.name ?? before.name,
          companiesHouseNumber: c.companiesHouseNumber !== undefined ? c.companiesHouseNumber : before.companies_house_number,
        })
        if (merged.name !== before.name || merged.companiesHouseNumber !== before.companies_house_number) {
          await providers.update(t, id, {
            name: merged.name,
            companies_house_number: merged.companiesHouseNumber,
            updated_at: now().toISOString(),
          })
          await audit.record(t, actor, {
            action: 'update',
            entityType: 'provider',
            entityId: id,
            before: { name: before.name, companies_house_number: before.companies_house_number },
            after: { name: merged.name, companies_house_number: merged.companiesHouseNumber },
          })
        }
        for (const m of changes.memberships ?? []) await applyMembership(t, actor, id, m)
      })
    },

    async setMembership(actor: Actor, input: MembershipInput, tx?: Db): Promise<void> {
      authorise(actor, 'market:edit')
      await write(tx, async (t) => {
        if (!(await providers.find(t, dataScope(actor), input.providerId))) throw new NotFoundError('No such provider')
        await applyMembership(t, actor, input.providerId, {
          lotId: input.lotId,
          status: input.status,
          spotRatePencePerWeek: input.spotRatePencePerWeek,
        })
      })
    },

    /** Creates a home with its categories, needs and `beds` vacant beds named Bed 1 … Bed N. */
    async createHome(actor: Actor, input: NewHome, tx?: Db): Promise<{ id: string; bedIds: string[] }> {
      authorise(actor, 'market:edit')
      const h = parseOrThrow(NewHomeSchema, input)
      return write(tx, async (t) => {
        if (!(await providers.find(t, dataScope(actor), h.providerId)))
          throw new UserInputError('Select a provider', { field: 'providerId' })
        if (await homes.findByUrn(t, h.urn))
          throw new UserInputError(`A home with URN ${h.urn} is already on the register`, { field: 'urn' })
        const at = now().toISOString()
        const row: HomeRow = {
          id: h.id ?? randomUUID(),
          urn: h.urn,
          name: h.name,
          provider_id: h.providerId,
          address_line: h.addressLine,
          town: h.town,
          postcode: h.postcode,
          ...locationColumns(h.location),
          registered_places: h.registeredPlaces,
          age_min: h.ageMin,
          age_max: h.ageMax,
          sexes_accepted: h.sexesAccepted,
          ofsted_judgement: h.ofstedJudgement,
          ofsted_judgement_date: h.ofstedJudgementDate,
          status: h.status,
          registration_date: h.registrationDate,
          created_at: at,
          updated_at: at,
        }
        await homes.insert(t, row)
        await homes.replaceCategories(t, row.id, h.categories)
        await homes.replaceNeeds(t, row.id, h.needs)
        const beds: BedRow[] = Array.from({ length: h.beds }, (_, i) => ({
          id: randomUUID(),
          home_id: row.id,
          label: `Bed ${i + 1}`,
          status: 'vacant',
          updated_at: at,
        }))
        await homes.insertBeds(t, beds)
        await audit.record(t, actor, {
          action: 'create',
          entityType: 'home',
          entityId: row.id,
          after: { ...homeAuditView(row, h.categories, h.needs), beds: beds.length },
        })
        return { id: row.id, bedIds: beds.map((b) => b.id) }
      })
    },

    /**
     * Changes some of a home's fields; the result is checked as a whole. A new postcode is located
     * afresh (or, inside a caller's transaction, left unknown for the caller to set).
     */
    async updateHome(actor: Actor, id: string, changes: HomeChanges, tx?: Db): Promise<void> {
      authorise(actor, 'market:edit')
      const c = parseOrThrow(HomeChangesSchema, changes)
      // Inside a caller's transaction the caller sets the location itself (setHomeLocation).
      const found = !tx && c.postcode && deps.locatePostcode ? await deps.locatePostcode(c.postcode) : null
      await write(tx, async (t) => {
        const before = await homes.find(t, dataScope(actor), id)
        if (!before) throw new NotFoundError('No such home')
        const { provider_name: _p, ...beforeRow } = before
        const [categories, needs] = await Promise.all([homes.categories(t, id), homes.needs(t, id)])
        const defined = Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined))
        const next = parseOrThrow(HomeFieldsSchema, { ...homeFieldsOf(beforeRow, categories, needs), ...defined })
        let location = {}
        if (next.postcode !== beforeRow.postcode) location = locationColumns(found ? LocationSchema.parse(found) : null)
        const after: HomeRow = {
          ...beforeRow,
          name: next.name,
          address_line: next.addressLine,
          town: next.town,
          postcode: next.postcode,
          ...location,
          registered_places: next.registeredPlaces,
          age_min: next.ageMin,
          age_max: next.ageMax,
          sexes_accepted: next.sexesAccepted,
          ofsted_judgement: next.ofstedJudgement,
          ofsted_judgement_date: next.ofstedJudgementDate,
          status: next.status,
          registration_date: next.registrationDate,
        }
        const beforeView = homeAuditView(beforeRow, categories, needs)
        const afterView = homeAuditView(after, next.categories, next.needs)
        if (JSON.stringify(beforeView) === JSON.stringify(afterView)) return
        const { id: _id, created_at: _c, ...columns } = { ...after, updated_at: now().toISOString() }
        await homes.update(t, id, columns)
        if (!sameList(categories, next.categories)) await homes.replaceCategories(t, id, next.categories)
        if (!sameList(needs, next.needs)) await homes.replaceNeeds(t, id, next.needs)
        await audit.record(t, actor, { action: 'update', entityType: 'home', entityId: id, before: beforeView, after: afterView })
      })
    },

    async setBedStatus(actor: Actor, bedId: string, status: BedStatus, tx?: Db): Promise<void> {
      authorise(actor, 'market:edit')
      const s = parseOrThrow(BedStatusSchema, status, () => 'status')
      await write(tx, async (t) => {
        const bed = await homes.findBed(t, dataScope(actor), bedId)
        if (!bed) throw new NotFoundError('No such bed')
        if (bed.status === s) return
        await homes.setBedStatus(t, bedId, s, now().toISOString())
        await audit.record(t, actor, {
          action: 'update',
          entityType: 'bed',
          entityId: bedId,
          before: { home_id: bed.home_id, label: bed.label, status: bed.status },
          after: { home_id: bed.home_id, label: bed.label, status: s },
        })
      })
    },

    /** Sets where a home is (null: unknown), e.g. after a postcode directory import improves it. */
    async setHomeLocation(actor: Actor, homeId: string, location: HomeLocation | null, tx?: Db): Promise<void> {
      authorise(actor, 'market:edit')
      const loc = location === null ? null : parseOrThrow(LocationSchema, location)
      await write(tx, async (t) => {
        const before = await homes.find(t, dataScope(actor), homeId)
        if (!before) throw new NotFoundError('No such home')
        const cols = locationColumns(loc)
        const pick = (h: Pick<HomeRow, 'easting' | 'northing' | 'location_precision' | 'lad_code'>) => ({
          easting: h.easting,
          northing: h.northing,
          location_precision: h.location_precision,
          lad_code: h.lad_code,
        })
        if (JSON.stringify(pick(before)) === JSON.stringify(cols)) return
        await homes.update(t, homeId, { ...cols, updated_at: now().toISOString() })
        await audit.record(t, actor, { action: 'locate', entityType: 'home', entityId: homeId, before: pick(before), after: cols })
      })
    },

    /** Every home's postcode and how precisely it is located: for the system to re-locate them. */
    listHomesForRelocation: (tx?: Db) => homes.listForRelocation(tx ?? db),
  }
}
export type MarketService = ReturnType<typeof createMarketService>
