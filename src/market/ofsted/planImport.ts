import type { Insertable } from 'kysely'
import type { BedRow, HomeRow, ProviderRow } from './ofstedImportRepository.js'
import { NO_LOCATION, type HomeLocation } from './locate.js'
import type { OfstedHomeRecord } from './validateRow.js'

type ProviderRef = Pick<ProviderRow, 'id' | 'name' | 'ofsted_owner_id'>

/** What the database holds now for the homes and providers the file mentions. */
export type CurrentState = {
  providers: ProviderRef[]
  homesByUrn: Map<string, HomeRow>
  categoriesByHome: Map<string, string[]>
  bedLabelsByHome: Map<string, string[]>
}

/** Where each postcode is; null when no locator was given (existing locations are then kept). */
export type Locations = Map<string, HomeLocation> | null

export type ProviderChange = { id: string; before: Record<string, unknown>; after: { name?: string; ofsted_owner_id?: string | null } }
export type HomeCreate = { home: Insertable<HomeRow>; categories: string[]; beds: Insertable<BedRow>[] }
export type HomeUpdate = {
  id: string
  urn: string
  patch: Partial<HomeRow>
  before: Record<string, unknown>
  after: Record<string, unknown>
  addCategories: string[]
  removeCategories: string[]
  beds: Insertable<BedRow>[]
}

export type ImportPlan = {
  providerCreates: Insertable<ProviderRow>[]
  providerUpdates: ProviderChange[]
  homeCreates: HomeCreate[]
  homeUpdates: HomeUpdate[]
  unchanged: number
}

// The homes columns the Ofsted list is the source of truth for; the rest (ages, sexes) are the council's.
const OFSTED_HOME_FIELDS = [
  'name',
  'provider_id',
  'address_line',
  'town',
  'postcode',
  'easting',
  'northing',
  'location_precision',
  'lad_code',
  'registered_places',
  'ofsted_judgement',
  'ofsted_judgement_date',
  'status',
  'registration_date',
] as const satisfies readonly (keyof HomeRow)[]

const normaliseName = (name: string) => name.toLowerCase().replace(/\s+/g, ' ').trim()

/**
 * Works out, without touching the database, what an import changes: which providers and
 * homes to create or update, which categories and beds to add. Running it again on the state
 * it produces yields nothing to do — that is what makes a re-import report "unchanged".
 */
export function planImport(
  records: readonly OfstedHomeRecord[],
  state: CurrentState,
  locations: Locations,
  ids: { newId: () => string; now: string },
): ImportPlan {
  const plan: ImportPlan = { providerCreates: [], providerUpdates: [], homeCreates: [], homeUpdates: [], unchanged: 0 }
  const resolveProvider = providerResolver(state.providers, plan, ids)

  for (const record of records) {
    const providerId = resolveProvider(record.owner)
    const existing = state.homesByUrn.get(record.urn)
    const location = (postcode: string | null, keep?: HomeRow): HomeLocation => {
      if (locations && postcode) return locations.get(postcode) ?? NO_LOCATION
      if (!locations && keep && keep.postcode === postcode) {
        return {
          easting: keep.easting,
          northing: keep.northing,
          location_precision: keep.location_precision,
          lad_code: keep.lad_code,
        }
      }
      return NO_LOCATION
    }
    const desired = {
      name: record.name,
      provider_id: providerId,
      address_line: record.addressLine,
      town: record.town,
      postcode: record.postcode,
      ...location(record.postcode, existing),
      registered_places: record.registeredPlaces,
      ofsted_judgement: record.judgement,
      ofsted_judgement_date: record.judgementDate,
      status: record.status,
      registration_date: record.registrationDate,
    } satisfies Pick<HomeRow, (typeof OFSTED_HOME_FIELDS)[number]>

    if (!existing) {
      const id = ids.newId()
      plan.homeCreates.push({
        home: {
          id,
          urn: record.urn,
          ...desired,
          age_min: null,
          age_max: null,
          sexes_accepted: 'mixed',
          created_at: ids.now,
          updated_at: ids.now,
        },
        categories: [...record.categories],
        beds: newBeds(id, [], record.registeredPlaces, ids),
      })
      continue
    }

    const patch: Partial<HomeRow> = {}
    const before: Record<string, unknown> = {}
    const after: Record<string, unknown> = {}
    for (const field of OFSTED_HOME_FIELDS) {
      if (existing[field] !== desired[field]) {
        ;(patch as Record<string, unknown>)[field] = desired[field]
        before[field] = existing[field]
        after[field] = desired[field]
      }
    }
    const had = new Set(state.categoriesByHome.get(existing.id) ?? [])
    const want = new Set<string>(record.categories)
    const addCategories = [...want].filter((c) => !had.has(c))
    const removeCategories = [...had].filter((c) => !want.has(c))
    if (addCategories.length || removeCategories.length) {
      before.categories = [...had].sort()
      after.categories = [...want].sort()
    }
    // Places may fall; beds are never deleted here, since they carry placement history.
    const beds = newBeds(existing.id, state.bedLabelsByHome.get(existing.id) ?? [], record.registeredPlaces, ids)
    if (beds.length) after.bedsAdded = beds.map((b) => b.label)

    if (Object.keys(after).length === 0) {
      plan.unchanged++
      continue
    }
    if (Object.keys(patch).length) patch.updated_at = ids.now
    plan.homeUpdates.push({ id: existing.id, urn: existing.urn, patch, before, after, addCategories, removeCategories, beds })
  }
  return plan
}

/** Beds "Bed 1".."Bed N", skipping labels the home already has, until it has as many beds as places. */
function newBeds(homeId: string, existing: readonly string[], places: number, ids: { newId: () => string; now: string }) {
  const taken = new Set(existing)
  const beds: Insertable<BedRow>[] = []
  for (let n = 1; taken.size + beds.length < places; n++) {
    const label = `Bed ${n}`
    if (taken.has(label)) continue
    beds.push({ id: ids.newId(), home_id: homeId, label, status: 'vacant', updated_at: ids.now })
  }
  return beds
}

/**
 * Finds each home's provider: by Ofsted Owner ID, else by name (a provider entered by hand,
 * with no Owner ID yet, is adopted and given the ID), else creates it. Remembers what it has
 * decided so that one owner of many homes is one provider.
 */
function providerResolver(providers: ProviderRef[], plan: ImportPlan, ids: { newId: () => string; now: string }) {
  const byOwnerId = new Map<string, ProviderRef>()
  const byName = new Map<string, ProviderRef[]>()
  const index = (p: ProviderRef) => {
    if (p.ofsted_owner_id) byOwnerId.set(p.ofsted_owner_id, p)
    const key = normaliseName(p.name)
    byName.set(key, [...(byName.get(key) ?? []), p])
  }
  const unindex = (p: ProviderRef) => {
    const key = normaliseName(p.name)
    byName.set(
      key,
      (byName.get(key) ?? []).filter((q) => q !== p),
    )
  }
  const working = providers.map((p) => ({ ...p }))
  working.forEach(index)
  const decided = new Map<string, string>()
  const updated = new Map<string, ProviderChange>()

  return (owner: OfstedHomeRecord['owner']): string => {
    const key = owner.ofstedOwnerId ? `id:${owner.ofstedOwnerId}` : `name:${normaliseName(owner.name)}`
    const known = decided.get(key)
    if (known) return known

    const sameName = byName.get(normaliseName(owner.name)) ?? []
    const found = owner.ofstedOwnerId
      ? (byOwnerId.get(owner.ofstedOwnerId) ?? sameName.find((p) => p.ofsted_owner_id === null))
      : (sameName.find((p) => p.ofsted_owner_id === null) ?? sameName[0])

    if (!found) {
      const created = {
        id: ids.newId(),
        name: owner.name,
        companies_house_number: null,
        ofsted_owner_id: owner.ofstedOwnerId,
        created_at: ids.now,
        updated_at: ids.now,
      }
      plan.providerCreates.push(created)
      index(created)
      decided.set(key, created.id)
      return created.id
    }

    const want = { name: owner.name, ofsted_owner_id: owner.ofstedOwnerId ?? found.ofsted_owner_id }
    for (const field of ['name', 'ofsted_owner_id'] as const) {
      if (found[field] === want[field]) continue
      const change = updated.get(found.id) ?? { id: found.id, before: {}, after: {} }
      if (!(field in change.before)) change.before[field] = found[field]
      change.after = { ...change.after, [field]: want[field] }
      if (!updated.has(found.id)) {
        updated.set(found.id, change)
        plan.providerUpdates.push(change)
      }
    }
    unindex(found)
    Object.assign(found, want)
    index(found)
    decided.set(key, found.id)
    return found.id
  }
}
