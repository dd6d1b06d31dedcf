/**
 * The homes a spot referral can be sent to: framework providers' open homes with a vacant bed,
 * each checked and scored for the child by the referral ranking (src/placement/matching/rank),
 * so the officer chooses among homes whose registration and Statement of Purpose fit — not
 * "send all". What the child's record does not hold yet (registration categories, who the child
 * can live alongside) is not checked here; the cascade search is the fuller picture.
 */
import type { GridRef } from '../../geo/types.js'
import { isRegistrationCategory } from '../../market/domain/categories.js'
import { isOfstedJudgement } from '../../market/domain/judgements.js'
import { isNeed } from '../../market/domain/needs.js'
import type { Db } from '../../platform/db/database.js'
import type { Database } from '../../platform/db/schema.js'
import { DEFAULT_MATCHING_RULES } from '../domain/matchingRules.js'
import { ageOn, type ChildNeedsProfile } from '../domain/needsProfile.js'
import { isRiskFlag, type RiskFlag } from '../domain/riskFlags.js'
import { DEFAULT_SCORE_WEIGHTS } from '../domain/scoreWeights.js'
import type { HomeVacancy, Resident } from '../domain/vacancy.js'
import { encodeMarket, encodeReferral, rankReferral, topN, type RankedHome } from '../matching/rank/index.js'

export type CandidateHome = RankedHome & { providerId: string; providerName: string }

type Locate = (tx: Db, postcode: string) => Promise<GridRef | null>

const flagsOf = (json: string): RiskFlag[] => (JSON.parse(json) as unknown[]).filter(isRiskFlag)

/** Framework homes with a vacancy as matching sees them; the price is the provider's lowest active spot rate. */
async function spotVacancies(
  tx: Db,
  today: string,
): Promise<{ vacancies: HomeVacancy[]; providers: Map<string, { id: string; name: string }> }> {
  const rates = await tx
    .selectFrom('provider_lots')
    .innerJoin('lots', 'lots.id', 'provider_lots.lot_id')
    .innerJoin('frameworks', 'frameworks.id', 'lots.framework_id')
    .select(['provider_lots.provider_id', 'provider_lots.spot_rate_pence_per_week'])
    .where('provider_lots.status', '=', 'active')
    .where('frameworks.starts_on', '<=', today)
    .where('frameworks.ends_on', '>=', today)
    .execute()
  const rate = new Map<string, number | null>()
  for (const r of rates) {
    const was = rate.get(r.provider_id)
    const p = r.spot_rate_pence_per_week === null ? null : Number(r.spot_rate_pence_per_week)
    rate.set(r.provider_id, was === undefined || was === null ? p : p === null ? was : Math.min(was, p))
  }
  if (rate.size === 0) return { vacancies: [], providers: new Map() }
  const homes = await tx
    .selectFrom('homes')
    .innerJoin('providers', 'providers.id', 'homes.provider_id')
    .selectAll('homes')
    .select('providers.name as provider_name')
    .select((eb) =>
      eb
        .selectFrom('beds')
        .select((b) => b.fn.countAll<number>().as('n'))
        .whereRef('beds.home_id', '=', 'homes.id')
        .where('beds.status', '=', 'vacant')
        .as('vacant_beds'),
    )
    .where('homes.provider_id', 'in', [...rate.keys()])
    .where('homes.status', '!=', 'closed')
    .orderBy('homes.name')
    .orderBy('homes.id')
    .execute()
  const open = homes.filter((h) => Number(h.vacant_beds) > 0)
  const ids = open.map((h) => h.id)
  if (ids.length === 0) return { vacancies: [], providers: new Map() }
  const [categories, needs, residents] = await Promise.all([
    tx.selectFrom('home_categories').select(['home_id', 'category']).where('home_id', 'in', ids).execute(),
    tx.selectFrom('home_needs').select(['home_id', 'need']).where('home_id', 'in', ids).execute(),
    // The children living there now: compatibility weighs their risk flags (reg 14); their records are not shown.
    tx
      .selectFrom('placements')
      .innerJoin('children', 'children.id', 'placements.child_id')
      .select(['placements.home_id', 'children.date_of_birth', 'children.risks_to_child_json', 'children.risks_to_others_json'])
      .where('placements.home_id', 'in', ids)
      .where('placements.end_date', 'is', null)
      .execute(),
  ])
  const group = <T extends { home_id: string }, V>(rows: T[], value: (r: T) => V | null) => {
    const m = new Map<string, V[]>()
    for (const r of rows) {
      const v = value(r)
      if (v !== null) m.set(r.home_id, [...(m.get(r.home_id) ?? []), v])
    }
    return m
  }
  const cats = group(categories, (r) => (isRegistrationCategory(r.category) ? r.category : null))
  const sop = group(needs, (r) => (isNeed(r.need) ? r.need : null))
  const living = group(residents, (r): Resident => ({
    riskFlags: [...flagsOf(r.risks_to_child_json), ...flagsOf(r.risks_to_others_json)],
    age: ageOn(r.date_of_birth, today),
  }))
  const providers = new Map(open.map((h) => [h.id, { id: h.provider_id, name: h.provider_name }]))
  const vacancies = open.map((h): HomeVacancy => ({
    homeId: h.id,
    name: h.name,
    route: 'spot',
    categories: cats.get(h.id) ?? [],
    needs: sop.get(h.id) ?? [],
    ageMin: h.age_min,
    ageMax: h.age_max,
    sexes: h.sexes_accepted,
    judgement: isOfstedJudgement(h.ofsted_judgement) ? h.ofsted_judgement : null,
    status: h.status,
    vacantBeds: Math.min(Number(h.vacant_beds), 65_535),
    weeklyPricePence: rate.get(h.provider_id) ?? null,
    location:
      h.easting !== null && h.northing !== null && h.location_precision !== 'none' ? { easting: h.easting, northing: h.northing } : null,
    soloOnly: h.registered_places === 1,
    residents: living.get(h.id) ?? [],
  }))
  return { vacancies, providers }
}

/** Every framework home with a vacancy, ranked for the child: feasible first, best score first. */
export async function spotCandidates(
  tx: Db,
  child: Database['children'],
  referral: Database['referrals'],
  today: string,
  locate: Locate | null,
): Promise<CandidateHome[]> {
  const { vacancies, providers } = await spotVacancies(tx, today)
  if (vacancies.length === 0) return []
  const where = async (postcode: string | null) => (postcode && locate ? locate(tx, postcode) : null)
  const profile: ChildNeedsProfile = {
    childId: child.id,
    categories: [],
    needs: (JSON.parse(child.needs_json) as unknown[]).filter(isNeed),
    ageAtStart: ageOn(child.date_of_birth, today),
    sex: child.sex,
    caredForAlongside: 'No preference',
    deprivationOfLiberty: referral.deprivation_of_liberty === 'yes',
    riskFlags: [...flagsOf(child.risks_to_child_json), ...flagsOf(child.risks_to_others_json)],
    home: await where(child.home_postcode),
    school: await where(child.school_postcode),
  }
  const ranked = rankReferral(encodeMarket(vacancies), encodeReferral(profile), DEFAULT_MATCHING_RULES, DEFAULT_SCORE_WEIGHTS)
  return topN(ranked, ranked.order.length, 'spot').map((h) => {
    const p = providers.get(h.homeId)!
    return { ...h, providerId: p.id, providerName: p.name }
  })
}
