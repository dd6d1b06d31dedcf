/**
 * Today's live vacancies, as matching sees them: every vacant bed in a home that is not closed,
 * grouped into one slot per home and route (and contract). In-house and block beds are the ones
 * the contract room reserves on the date (ContractPort.bedRoutes); any other vacant bed is a spot
 * bed, offered only by a provider with an active membership of a framework lot in force on the date.
 * Residents are the children in open placements in the home.
 */
import type { BedRoute } from '../../contract/ports.js'
import type { RegistrationCategoryCode } from '../../market/domain/categories.js'
import type { OfstedJudgement } from '../../market/domain/judgements.js'
import type { NeedCode } from '../../market/domain/needs.js'
import type { Db } from '../../platform/db/database.js'
import { ageOn } from '../domain/needsProfile.js'
import type { RiskFlag } from '../domain/riskFlags.js'
import type { HomeVacancy, Resident, Route } from '../domain/vacancy.js'

/** What a page and a booking need to know about a slot beyond what ranking reads. */
export type VacancySlot = {
  homeId: string
  homeName: string
  urn: string
  providerId: string
  providerName: string
  route: Route
  contractId: string | null
  contractReference: string | null
  beds: { id: string; label: string }[]
  /** The contract's price in force for in-house and block; the provider's framework spot rate for spot; null when unknown. */
  weeklyPricePence: number | null
}

export type LiveVacancies = {
  homes: HomeVacancy[]
  slots: VacancySlot[]
  /** Children living in the homes listed, whose risk flags the search weighed (their reads are audited). */
  residentChildIds: string[]
}

/** The provider's spot rate: its active membership of the lowest-numbered lot with a rate (lot 1 is general residential). */
async function spotMarket(tx: Db, onDate: string): Promise<Map<string, number | null>> {
  const rows = await tx
    .selectFrom('provider_lots')
    .innerJoin('lots', 'lots.id', 'provider_lots.lot_id')
    .innerJoin('frameworks', 'frameworks.id', 'lots.framework_id')
    .select(['provider_lots.provider_id', 'provider_lots.spot_rate_pence_per_week', 'lots.number'])
    .where('provider_lots.status', '=', 'active')
    .where('frameworks.starts_on', '<=', onDate)
    .where('frameworks.ends_on', '>=', onDate)
    .orderBy('lots.number')
    .execute()
  const rates = new Map<string, number | null>()
  for (const r of rows) {
    const known = rates.get(r.provider_id)
    if (known === undefined || (known === null && r.spot_rate_pence_per_week !== null))
      rates.set(r.provider_id, r.spot_rate_pence_per_week === null ? null : Number(r.spot_rate_pence_per_week))
  }
  return rates
}

export async function liveVacancies(tx: Db, routes: ReadonlyMap<string, BedRoute>, onDate: string): Promise<LiveVacancies> {
  const beds = await tx
    .selectFrom('beds')
    .innerJoin('homes', 'homes.id', 'beds.home_id')
    .innerJoin('providers', 'providers.id', 'homes.provider_id')
    .select([
      'beds.id as bed_id',
      'beds.label as bed_label',
      'homes.id as home_id',
      'homes.name',
      'homes.urn',
      'homes.provider_id',
      'providers.name as provider_name',
    ])
    .where('beds.status', '=', 'vacant')
    .where('homes.status', '!=', 'closed')
    // A bed is free only when no placement holds it, whatever its status says.
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('placements')
            .select('placements.id')
            .whereRef('placements.bed_id', '=', 'beds.id')
            .where('placements.end_date', 'is', null),
        ),
      ),
    )
    .execute()
  const spot = await spotMarket(tx, onDate)

  const slotsByKey = new Map<string, VacancySlot>()
  for (const b of beds) {
    const r = routes.get(b.bed_id)
    if (!r && !spot.has(b.provider_id)) continue // not on the framework: not in the cascade
    const route: Route = r?.route ?? 'spot'
    const key = `${b.home_id}|${route}|${r?.contractId ?? ''}`
    let slot = slotsByKey.get(key)
    if (!slot) {
      slot = {
        homeId: b.home_id,
        homeName: b.name,
        urn: b.urn,
        providerId: b.provider_id,
        providerName: b.provider_name,
        route,
        contractId: r?.contractId ?? null,
        contractReference: r?.contractReference ?? null,
        beds: [],
        weeklyPricePence: r ? r.weeklyPricePence : (spot.get(b.provider_id) ?? null),
      }
      slotsByKey.set(key, slot)
    }
    slot.beds.push({ id: b.bed_id, label: b.bed_label })
  }
  const slots = [...slotsByKey.values()].sort(
    (a, b) => a.homeName.localeCompare(b.homeName) || a.homeId.localeCompare(b.homeId) || a.route.localeCompare(b.route),
  )
  for (const s of slots) s.beds.sort((a, b) => a.label.localeCompare(b.label, 'en', { numeric: true }))
  if (slots.length === 0) return { homes: [], slots: [], residentChildIds: [] }

  const homeIds = [...new Set(slots.map((s) => s.homeId))]
  const hasVacancy = new Set(homeIds)
  const [homes, categories, needs, residents] = await Promise.all([
    tx
      .selectFrom('homes')
      .select(['id', 'age_min', 'age_max', 'sexes_accepted', 'ofsted_judgement', 'status', 'registered_places', 'easting', 'northing'])
      .where('status', '!=', 'closed')
      .execute(),
    tx.selectFrom('home_categories').select(['home_id', 'category']).execute(),
    tx.selectFrom('home_needs').select(['home_id', 'need']).execute(),
    tx
      .selectFrom('placements')
      .innerJoin('children', 'children.id', 'placements.child_id')
      .select([
        'placements.home_id',
        'children.id as child_id',
        'children.date_of_birth',
        'children.risks_to_child_json',
        'children.risks_to_others_json',
      ])
      .where('placements.end_date', 'is', null)
      .execute(),
  ])
  const group = <R extends { home_id: string }, T>(rows: R[], pick: (r: R) => T) => {
    const m = new Map<string, T[]>()
    for (const r of rows) if (hasVacancy.has(r.home_id)) m.set(r.home_id, [...(m.get(r.home_id) ?? []), pick(r)])
    return m
  }
  const categoriesOf = group(categories, (r) => r.category as RegistrationCategoryCode)
  const needsOf = group(needs, (r) => r.need as NeedCode)
  const residentsOf = group(residents, (r): Resident => ({
    age: ageOn(r.date_of_birth, onDate),
    riskFlags: [...(JSON.parse(r.risks_to_child_json) as RiskFlag[]), ...(JSON.parse(r.risks_to_others_json) as RiskFlag[])],
  }))
  const homeById = new Map(homes.filter((h) => hasVacancy.has(h.id)).map((h) => [h.id, h]))
  const vacancies: HomeVacancy[] = slots.map((s) => {
    const h = homeById.get(s.homeId)!
    return {
      homeId: s.homeId,
      name: s.homeName,
      route: s.route,
      categories: categoriesOf.get(s.homeId) ?? [],
      needs: needsOf.get(s.homeId) ?? [],
      ageMin: h.age_min,
      ageMax: h.age_max,
      sexes: h.sexes_accepted,
      judgement: (h.ofsted_judgement as OfstedJudgement | null) ?? null,
      status: h.status,
      vacantBeds: s.beds.length,
      weeklyPricePence: s.weeklyPricePence,
      location: h.easting !== null && h.northing !== null ? { easting: Number(h.easting), northing: Number(h.northing) } : null,
      soloOnly: h.registered_places === 1,
      residents: residentsOf.get(s.homeId) ?? [],
    }
  })
  const residentChildIds = [...new Set(residents.filter((r) => hasVacancy.has(r.home_id)).map((r) => r.child_id))]
  return { homes: vacancies, slots, residentChildIds }
}
