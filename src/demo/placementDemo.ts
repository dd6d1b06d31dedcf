/**
 * The demo's children beyond the block contracts: about 50 synthetic children (case references
 * DEMO-0001…, invented; never real people) allocated to the demo social worker, with placement
 * histories in framework spot homes (and in-house beds, if the register has any) — past placements
 * ended with SSDA903 REC codes, current ones with visits and plans, some overdue today — and open
 * referrals of each urgency for the cascade and the panel. Built by the people who would do it
 * through the placement service, inside the demo's transaction, so it is checked and audited as
 * real use is. Runs after the tender and contract demos.
 */
import type { BedRoute } from '../contract/ports.js'
import { dfeMiles } from '../geo/distance.js'
import type { NeedCode } from '../market/domain/needs.js'
import { ageOn, CARED_FOR_ALONGSIDE, needsImpliedByRisks } from '../placement/domain/needsProfile.js'
import type { RiskFlag } from '../placement/domain/riskFlags.js'
import type { ChildInput } from '../placement/children/childSchema.js'
import type { Route } from '../placement/domain/vacancy.js'
import type { ReasonEpisodeCeased, ReasonPlaceChange } from '../placement/placements/codes.js'
import { addDays } from '../platform/calendar/isoDate.js'
import { addWorkingDays } from '../platform/calendar/workingDays.js'
import type { Db } from '../platform/db/database.js'
import { UserInputError } from '../platform/errors.js'
import type { HistoryDemoServices } from './contractDemo.js'
import { demoPerson, demoRooms, type DemoRooms } from './demoRooms.js'
import type { Actor } from '../platform/auth/actor.js'

/** The providers whose demo users (pat.provider, quinn.provider) answer referrals in the portal. */
const DEMO_OFFER_PROVIDERS = ['demo-p01', 'demo-p02'] as const
import { seededRandom, type Random } from './random.js'

/** The first demo child's case reference: its record is how a second run knows the children are there. */
export const FIRST_PLACEMENT_DEMO_CASE = 'DEMO-0001'
const CHILDREN = 50
/** Letters a postcode's inward code may use. */
const INWARD = 'ABDEFGHJLNPQRSTUWXYZ'
const HOME_DISTRICTS = ['SO14', 'SO15', 'SO16', 'SO17', 'SO18', 'SO19', 'SO14', 'SO15', 'SO16', 'SO19', 'SO40', 'SO50']

type Bed = { bedId: string; homeId: string; homeName: string; route: Route; contractId: string | null; pricePence: number | null }
type Home = { id: string; name: string; miles: number; ageMin: number; ageMax: number; sexes: string; needs: NeedCode[]; beds: Bed[] }

/** Homes with beds free today for the demo to place in: active, vacant beds no placement holds, with their route and price. */
async function freeHomes(tx: Db, routes: ReadonlyMap<string, BedRoute>, centre: { easting: number; northing: number }): Promise<Home[]> {
  const beds = await tx
    .selectFrom('beds')
    .innerJoin('homes', 'homes.id', 'beds.home_id')
    .leftJoin('placements', (j) => j.onRef('placements.bed_id', '=', 'beds.id').on('placements.end_date', 'is', null))
    .select(['beds.id', 'beds.label', 'homes.id as home_id', 'homes.name', 'homes.provider_id', 'homes.easting', 'homes.northing'])
    .select(['homes.age_min', 'homes.age_max', 'homes.sexes_accepted'])
    .where('beds.status', '=', 'vacant')
    .where('homes.status', '=', 'active')
    .where('homes.id', 'like', 'demo-%')
    .where('placements.id', 'is', null)
    .orderBy('homes.id')
    .orderBy('beds.label')
    .execute()
  const rates = await tx
    .selectFrom('provider_lots')
    .select(['provider_id', 'spot_rate_pence_per_week'])
    .where('status', '=', 'active')
    .execute()
  const needs = await tx.selectFrom('home_needs').select(['home_id', 'need']).execute()
  const homes = new Map<string, Home>()
  for (const b of beds) {
    const reserved = routes.get(b.id)
    // Block beds are the contract demo's; in-house beds (if any) are used here too.
    if (reserved?.route === 'block' || b.easting === null || b.northing === null) continue
    const spot = rates
      .filter((r) => r.provider_id === b.provider_id && r.spot_rate_pence_per_week !== null)
      .map((r) => Number(r.spot_rate_pence_per_week))
    const home = homes.get(b.home_id) ?? {
      id: b.home_id,
      name: b.name,
      miles: dfeMiles(centre, { easting: Number(b.easting), northing: Number(b.northing) }),
      ageMin: b.age_min ?? 0,
      ageMax: b.age_max ?? 25,
      sexes: b.sexes_accepted,
      needs: needs.filter((n) => n.home_id === b.home_id).map((n) => n.need as NeedCode),
      beds: [],
    }
    home.beds.push({
      bedId: b.id,
      homeId: b.home_id,
      homeName: b.name,
      route: reserved?.route ?? 'spot',
      contractId: reserved?.contractId ?? null,
      pricePence: reserved ? reserved.weeklyPricePence : spot.length ? Math.min(...spot) : null,
    })
    homes.set(b.home_id, home)
  }
  return [...homes.values()].sort((a, b) => a.miles - b.miles || a.id.localeCompare(b.id))
}

function postcode(r: Random, district: string): string {
  return `${district} ${r.int(1, 9)}${INWARD[r.int(0, INWARD.length - 1)]}${INWARD[r.int(0, INWARD.length - 1)]}`
}

/** A synthetic child of `age` on `today`, whose needs a home with `homeNeeds` (if given) can meet. */
function childFor(r: Random, n: number, age: number, today: string, homeNeeds: readonly NeedCode[] | null): ChildInput {
  const district = r.pick(HOME_DISTRICTS)
  const toChild: RiskFlag[] = r.sample(
    ['going-missing', 'self-harm', 'sexual-exploitation', 'criminal-exploitation', 'drug-and-alcohol-use'] as RiskFlag[],
    r.int(0, 2),
  )
  const toOthers: RiskFlag[] = r.next() < 0.2 ? ['physical-harm'] : []
  const implied = needsImpliedByRisks(toChild)
  const allowed = homeNeeds ?? (['challenging-behaviour', 'mental-health', 'autism', 'learning-disability', ...implied] as NeedCode[])
  const risksToChild = toChild.filter((f) => (needsImpliedByRisks([f])[0] ? allowed.includes(needsImpliedByRisks([f])[0]!) : true))
  const needs = [
    ...new Set([
      ...needsImpliedByRisks(risksToChild),
      ...r.sample(
        allowed.filter((x) => x !== 'dol' && x !== 'solo'),
        r.int(0, 1),
      ),
    ]),
  ]
  const born = addDays(addDays(today, -Math.round(age * 365.25)), -r.int(0, 300))
  return {
    caseReference: `DEMO-${String(n).padStart(4, '0')}`,
    dateOfBirth: born,
    sex: r.weighted(['male', 'female', 'other'] as const, (s) => ({ male: 55, female: 43, other: 2 })[s]),
    legalStatus: r.weighted(['C2', 'C1', 'V2', 'J1'] as const, (l) => ({ C2: 60, C1: 20, V2: 17, J1: 3 })[l]),
    homePostcode: postcode(r, district),
    schoolPostcode: r.next() < 0.6 ? postcode(r, r.next() < 0.7 ? district : r.pick(HOME_DISTRICTS)) : null,
    needs,
    risksToChild,
    risksToOthers: toOthers,
    requirements: r.next() < 0.3 ? 'Keep contact with siblings; stay at the current school if possible.' : null,
    caredForAlongside: r.weighted(CARED_FOR_ALONGSIDE, (c) =>
      c === 'No preference' ? 8 : c === 'With other children recommended' ? 3 : 1,
    ),
    residentialSuitability: 'Preferred',
    fosterSuitability: r.pick(['Unsuitable', 'Suitable but not preferred', 'Not specified'] as const),
    supportedAccommodationSuitability: ageOn(born, today) >= 16 ? 'Suitable but not preferred' : 'Unsuitable',
    communicationNeeds: r.pick(['Y', 'N', 'N', 'Not Specified'] as const),
    languageRequirements: r.next() < 0.1 ? ['ESOL'] : ['None'],
    adaptationNeeded: 'N',
    culturalNeeds: r.pick(['Not required', 'Not required', 'Required', 'Not Known'] as const),
    pets: r.pick(['Yes - can', 'Yes - can', 'No', 'Not Known'] as const),
    additionalSupport: r.next() < 0.4 ? [r.pick(['therapeutic support', 'taxis to school', 'additional supervision'] as const)] : [],
  }
}

/** Visits on time (a few days early) from the start up to `until`. */
function visitsUpTo(start: string, until: string): string[] {
  const out: string[] = []
  const yearOn = addDays(start, 365)
  for (let v = addDays(start, 5); v <= until; v = addDays(v, v < yearOn ? 38 : 84)) out.push(v)
  return out
}

const MOVE_REASONS: ReasonPlaceChange[] = ['CARPL', 'CREQB', 'CHILD', 'STAND', 'LAREQ', 'CLOSE']

/** Idempotent: does nothing when the children are already there, or before the demo council's people exist. */
export async function buildPlacementDemo(s: HistoryDemoServices, tx: Db): Promise<void> {
  if (await tx.selectFrom('children').select('id').where('case_reference', '=', FIRST_PLACEMENT_DEMO_CASE).executeTakeFirst()) return
  const { placements, contracts } = demoRooms(s, tx, () => s.clock.now(), { postcodes: s.postcodes })
  const sam = await demoPerson(tx, 'sam.social.worker', 'placement demo')
  const priya = await demoPerson(tx, 'priya.placements', 'placement demo')
  const today = s.clock.now().toISOString().slice(0, 10)
  const r = seededRandom(2019)
  const homes = await freeHomes(tx, await contracts.bedRoutes(tx, today), s.config.council.centre)
  const near = homes.filter((h) => h.miles <= 25)
  const far = homes.filter((h) => h.miles > 50)

  // Each bed's stays so far, so no two placements share a bed at once. A booking is open until it is
  // ended, so the service refuses one that starts before a stay already in the bed has ended: each
  // bed's stays are therefore entered in date order, a new one only after every earlier one.
  const stays = new Map<string, { from: string; to: string | null }[]>()
  const freeOver = (bed: Bed, from: string, _to: string | null) => (stays.get(bed.bedId) ?? []).every((x) => x.to !== null && x.to <= from)

  /** A bed free over [from, to) for a child of this age and sex, near or far; null when none is. */
  const bedFor = (age: number, sex: string, whereabouts: 'near' | 'far' | 'any', from: string, to: string | null) => {
    const pool = whereabouts === 'near' ? near : whereabouts === 'far' ? far : homes
    const fits = pool.filter(
      (h) => age >= h.ageMin && age <= h.ageMax && (h.sexes === 'mixed' || h.sexes === sex) && h.beds.some((b) => freeOver(b, from, to)),
    )
    if (fits.length === 0) return null
    const home = fits[r.int(0, fits.length - 1)]!
    const bed = home.beds.find((b) => freeOver(b, from, to))!
    stays.set(bed.bedId, [...(stays.get(bed.bedId) ?? []), { from, to }])
    return { home, bed }
  }

  const book = async (childId: string, bed: Bed, startDate: string, urgency: 'today' | 'under-5-days' | 'over-5-days') => {
    const referralId = await placements.createReferral(sam, {
      childId,
      urgency,
      placementTypes: ['residential'],
      preferredPostcode: null,
      siblings: null,
      deprivationOfLiberty: 'no',
      plannedStartDate: startDate,
    })
    const input = {
      referralId,
      homeId: bed.homeId,
      bedId: bed.bedId,
      route: bed.route,
      contractId: bed.contractId,
      weeklyPricePence: bed.pricePence ?? 5_200_00,
      startDate,
    }
    try {
      return await placements.book(priya, input)
    } catch (e) {
      // Empty block beds the child could have had: in the demo, their providers declined.
      if (!(e instanceof UserInputError) || e.where?.field !== 'emptyBedCause') throw e
      return placements.book(priya, { ...input, emptyBedCause: 'provider-declined' })
    }
  }

  /** A placement that ended: booked, visited, then ended with its REC code (its bed is free again). */
  const pastPlacement = async (childId: string, age: number, sex: string, start: string, end: string, rec: ReasonEpisodeCeased) => {
    const place = bedFor(age, sex, r.next() < 0.3 ? 'far' : 'any', start, end) ?? bedFor(age, sex, 'any', start, end)
    if (!place) return
    const id = await book(childId, place.bed, start, 'under-5-days')
    await placements.recordPlacementPlan(sam, id, start)
    for (const v of visitsUpTo(start, addDays(end, -1))) await placements.recordVisit(sam, id, v)
    const moves = rec === 'X1'
    await placements.end(priya, id, {
      endDate: end,
      reasonEpisodeCeased: rec,
      reasonPlaceChange: moves ? r.pick(MOVE_REASONS.filter((m) => m !== 'CUSTOD')) : null,
      planned: moves && r.next() < 0.5 ? 'unplanned' : 'planned',
    })
  }

  const openReferrals: { referralId: string; startDate: string }[] = []
  for (let n = 1; n <= CHILDREN; n++) {
    const age = r.int(10, 17)
    const kind = n <= 30 ? 'placed' : n <= 38 ? 'left care' : n <= 46 ? 'referred' : 'placed'
    if (kind === 'placed') {
      // Four recent starts (plan and first visit due or overdue); the rest months or years ago.
      const recent = n <= 4
      const start = recent ? addDays(today, -[2, 4, 6, 9][n - 1]!) : addDays(today, -r.int(40, 900))
      const place =
        bedFor(age, n % 2 ? 'male' : 'female', n % 6 === 0 ? 'far' : 'near', start, null) ?? bedFor(age, 'mixed', 'any', start, null)
      const child = childFor(r, n, age, today, place?.home.needs ?? null)
      const sex = place && place.home.sexes !== 'mixed' ? place.home.sexes : child.sex
      const childId = await placements.createChild(sam, { ...child, sex: sex as ChildInput['sex'] })
      if (!place) continue
      const moved = !recent && n % 3 === 0
      if (moved) await pastPlacement(childId, age - 1, sex, addDays(start, -r.int(120, 500)), start, 'X1')
      const id = await book(childId, place.bed, start, recent ? 'today' : 'under-5-days')
      // Plans: prepared on time, except two of the recent starts.
      if (!(recent && n % 2 === 1))
        await placements.recordPlacementPlan(sam, id, recent ? addDays(start, 1) : addWorkingDays(start, r.int(0, 4)))
      if (recent) continue
      // Visits: most on time; about a quarter stopped two to four months ago, so overdue today.
      const overdue = n % 4 === 1
      for (const v of visitsUpTo(start, overdue ? addDays(today, -r.int(60, 120)) : addDays(today, -1)))
        await placements.recordVisit(sam, id, v)
    } else if (kind === 'left care') {
      const childId = await placements.createChild(sam, childFor(r, n, age, today, null))
      const end = addDays(today, -r.int(20, 400))
      const start = addDays(end, -r.int(90, 600))
      const rec = r.pick(age >= 17 ? (['E5', 'E13', 'E8'] as const) : (['E4A', 'E13', 'E41', 'E8'] as const))
      await pastPlacement(childId, age - 1, 'mixed', start, end, rec)
    } else {
      const childId = await placements.createChild(sam, childFor(r, n, age, today, null))
      if (n % 3 === 0) {
        const end = addDays(today, -r.int(30, 200))
        await pastPlacement(childId, age - 1, 'mixed', addDays(end, -r.int(90, 300)), end, 'E4A')
      }
      const urgency = (['today', 'under-5-days', 'over-5-days'] as const)[n % 3]!
      const referralId = await placements.createReferral(sam, {
        childId,
        urgency,
        placementTypes: ['residential'],
        preferredPostcode: null,
        siblings: n % 4 === 0 ? 'A younger brother, placed in foster care' : null,
        deprivationOfLiberty: 'no',
        plannedStartDate: urgency === 'today' ? today : addDays(today, urgency === 'under-5-days' ? 3 : 14),
      })
      openReferrals.push({ referralId, startDate: urgency === 'today' ? today : addDays(today, urgency === 'under-5-days' ? 3 : 14) })
    }
  }
  await spotOffers(tx, placements, priya, openReferrals)
}

/**
 * Some open referrals sent to chosen homes of the two providers with demo users, each answered
 * in the portal: an offer from the first home, a decline from the second, the third still waiting.
 */
async function spotOffers(
  tx: Db,
  placements: DemoRooms['placements'],
  priya: Actor,
  referrals: { referralId: string; startDate: string }[],
): Promise<void> {
  const answerers = new Map<string, Actor>([
    [DEMO_OFFER_PROVIDERS[0], await demoPerson(tx, 'pat.provider', 'placement demo')],
    [DEMO_OFFER_PROVIDERS[1], await demoPerson(tx, 'quinn.provider', 'placement demo')],
  ])
  const homes = await tx
    .selectFrom('homes')
    .select(['id', 'provider_id'])
    .where('provider_id', 'in', [...DEMO_OFFER_PROVIDERS])
    .where('status', '=', 'active')
    .orderBy('urn')
    .execute()
  if (homes.length < 3) return
  for (const [k, r] of referrals.slice(0, 5).entries()) {
    const chosen = [0, 1, 2].map((i) => homes[(k + i) % homes.length]!)
    const requestIds = await placements.sendReferralRequests(priya, r.referralId, { homeIds: chosen.map((h) => h.id) })
    await placements.respondToReferralRequest(answerers.get(chosen[0]!.provider_id)!, requestIds[0]!, {
      kind: 'offer',
      weeklyPricePence: 5_400_00 + k * 15_000,
      startDate: r.startDate,
      note: 'Matching meeting welcome; the registered manager can visit the child this week.',
    })
    await placements.respondToReferralRequest(answerers.get(chosen[1]!.provider_id)!, requestIds[1]!, {
      kind: 'decline',
      reason: k % 2 === 0 ? 'impact-on-residents' : 'no-vacancy',
    })
  }
}
