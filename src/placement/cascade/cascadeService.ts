/**
 * The placement cascade: for a referral, every home with a live vacancy — in-house, then block,
 * then framework spot — checked against the child (registration, age, sex, judgement gateway,
 * Statement of Purpose, solo, Deprivation of Liberty), against the children already there by the
 * council's compatibility rules, and scored in parts. Reading it is a read of the child's record,
 * and of the residents' risk flags it weighed: both are audited.
 */
import type { BedRoute } from '../../contract/ports.js'
import type { Actor } from '../../platform/auth/actor.js'
import { ForbiddenError } from '../../platform/auth/scope.js'
import { NotFoundError } from '../../platform/errors.js'
import type { Db } from '../../platform/db/database.js'
import type { GridRef } from '../../geo/types.js'
import { arrangesPlacements } from '../children/access.js'
import type { CompatibilityRule } from '../domain/compatibilityRules.js'
import type { ScoreWeights } from '../domain/scoreWeights.js'
import { ROUTE_LABELS, type Route } from '../domain/vacancy.js'
import { encodeMarket, encodeReferral, rankReferral, rankedHome, type Ranked, type RankedHome } from '../matching/rank/index.js'
import type { PlacementContext } from '../placementService.js'
import { matchingOf, visibleReferral } from '../referrals/referralService.js'
import { councilRulesJson, loadCouncilRules, parseCouncilRulesJson, RULES_ROW_ID, type CouncilRules } from './councilRules.js'
import { liveVacancies, type VacancySlot } from './liveVacancies.js'
import { needsProfileOf } from './needsProfile.js'

export type CascadeHome = RankedHome & Omit<VacancySlot, 'route' | 'weeklyPricePence'>
export type CascadeGroup = { route: Route; label: string; listed: number; feasible: number; shown: number; homes: CascadeHome[] }
export type EmptyBlockBed = {
  bedId: string
  bedLabel: string
  homeId: string
  homeName: string
  contractId: string
  contractReference: string
}

export type CascadeSearch = {
  referralId: string
  childId: string
  caseReference: string
  referralStatus: 'open' | 'matched' | 'closed'
  onDate: string
  /** Where distances are measured from: the child's home postcode, else the referral's preferred location; null when neither is known. */
  origin: { home: 'home postcode' | 'preferred location' | null; school: boolean }
  groups: CascadeGroup[]
  /** Feasible block beds standing empty: placing elsewhere needs a reason for each. */
  emptyBlockBeds: EmptyBlockBed[]
  compatibility: CompatibilityRule[]
  excludedJudgements: string[]
  weights: ScoreWeights
  rulesUpdatedAt: string | null
}

export type SearchOptions = {
  /** The day the vacancies and routes are read for; by default the planned start (if later) or today. */
  onDate?: string
  route?: Route
  feasibleOnly?: boolean
  /** Most homes listed per route (default 30). */
  limit?: number
}

/** What the booking page offers for one home: its feasible beds on each route, with the route's price. */
export type BookingChoices = {
  referralId: string
  childId: string
  caseReference: string
  referralStatus: 'open' | 'matched' | 'closed'
  onDate: string
  homeId: string
  homeName: string
  providerName: string
  /** Each route the home has vacancies on, in cascade order, feasible or not (with the reasons). */
  slots: CascadeHome[]
  /** Beds that may be booked: those in feasible slots. */
  beds: {
    id: string
    label: string
    route: Route
    contractId: string | null
    contractReference: string | null
    weeklyPricePence: number | null
  }[]
  /** Feasible empty block beds elsewhere (or here): booking a bed on another route needs a reason for them. */
  emptyBlockBeds: EmptyBlockBed[]
}

type Found = Awaited<ReturnType<typeof visibleReferral>>

/** Everything a search computes, before it is turned into what a page shows. */
type Computed = { ranked: Ranked; slots: VacancySlot[]; council: CouncilRules; origin: CascadeSearch['origin']; residents: string[] }

/** The feasible block beds that stand empty in a computed search, optionally leaving one bed out (the one being booked). */
export function emptyBlockBedsOf(c: Pick<Computed, 'ranked' | 'slots'>, exceptBedId?: string): EmptyBlockBed[] {
  const g = c.ranked.groups.find((x) => x.route === 'block')!
  const out: EmptyBlockBed[] = []
  for (let k = g.start; k < g.start + g.feasible; k++) {
    const s = c.slots[c.ranked.order[k]!]!
    for (const b of s.beds) {
      if (b.id === exceptBedId) continue
      out.push({
        bedId: b.id,
        bedLabel: b.label,
        homeId: s.homeId,
        homeName: s.homeName,
        contractId: s.contractId!,
        contractReference: s.contractReference!,
      })
    }
  }
  return out
}

/** The council's matching rules are safeguarding policy: a head of service sets them. */
export function canSetRules(actor: Actor): boolean {
  return actor.role === 'system' || (actor.organisationKind === 'council' && actor.role === 'head_of_service')
}

export function createCascadePart(ctx: PlacementContext) {
  const { audit } = ctx.deps

  async function locate(tx: Db, postcodes: (string | null)[]): Promise<(GridRef | null)[]> {
    const service = ctx.deps.postcodes
    if (!service) return postcodes.map(() => null)
    return service.locateManyIn(
      tx,
      postcodes.map((p) => p ?? ''),
    )
  }

  /** The search itself, inside the caller's transaction: routes, vacancies, residents, rules, ranking. */
  async function compute(tx: Db, found: Found, onDate: string): Promise<Computed> {
    const { referral, matching, child } = found
    const routes: ReadonlyMap<string, BedRoute> = ctx.deps.contracts ? await ctx.deps.contracts.bedRoutes(tx, onDate) : new Map()
    const live = await liveVacancies(tx, routes, onDate)
    const council = await loadCouncilRules(tx)
    const [home, preferred, school] = await locate(tx, [child.home_postcode, referral.preferred_postcode, child.school_postcode])
    const origin = home ?? preferred ?? null
    const profile = needsProfileOf(
      child,
      { deprivationOfLiberty: referral.deprivation_of_liberty, categories: matchingOf(matching).categories },
      onDate,
      { home: origin, school: school ?? null },
    )
    const ranked = rankReferral(encodeMarket(live.homes), encodeReferral(profile), council.rules, council.weights)
    return {
      ranked,
      slots: live.slots,
      council,
      origin: { home: home ? 'home postcode' : preferred ? 'preferred location' : null, school: Boolean(school) },
      residents: live.residentChildIds,
    }
  }

  /** The day a referral is searched for: its planned start if that is later than today, else today. */
  function searchDay(found: Found, asked?: string): string {
    if (asked) return asked
    const planned = matchingOf(found.matching).plannedStartDate
    return planned && planned > ctx.today() ? planned : ctx.today()
  }

  async function auditReads(tx: Db, actor: Actor, found: Found, residents: string[], purpose: string) {
    await audit.recordChildRead(tx, actor, found.child.id, purpose)
    for (const id of residents)
      if (id !== found.child.id) await audit.recordChildRead(tx, actor, id, `compatibility check for referral ${found.referral.id}`)
  }

  /** A search for those who arrange placements, in one transaction, its reads audited; `then` makes of it what a page needs. */
  async function searched<T>(
    actor: Actor,
    referralId: string,
    day: string | undefined,
    purpose: string,
    then: (s: { tx: Db; found: Found; c: Computed; onDate: string }) => T | Promise<T>,
  ): Promise<T> {
    if (!arrangesPlacements(actor)) throw new ForbiddenError('child:read')
    return ctx.run(async (tx) => {
      const found = await visibleReferral(ctx, tx, actor, referralId)
      const onDate = searchDay(found, day)
      const c = await compute(tx, found, onDate)
      await auditReads(tx, actor, found, c.residents, purpose)
      return then({ tx, found, c, onDate })
    })
  }

  return {
    /** The cascade for a referral, grouped in cascade order, each home with its reasons and the parts of its score. */
    async searchReferral(actor: Actor, referralId: string, opts: SearchOptions = {}): Promise<CascadeSearch> {
      return searched(actor, referralId, opts.onDate, 'placement search', ({ found, c, onDate }) => {
        const limit = Math.max(1, Math.floor(opts.limit ?? 30))
        const groups: CascadeGroup[] = c.ranked.groups.map((g) => {
          const homes: CascadeHome[] = []
          const wanted = opts.route === undefined || opts.route === g.route
          const end = opts.feasibleOnly ? g.start + g.feasible : g.end
          for (let k = g.start; wanted && k < end && homes.length < limit; k++) {
            const i = c.ranked.order[k]!
            const { route: _r, weeklyPricePence: _p, ...slot } = c.slots[i]!
            homes.push({ ...rankedHome(c.ranked, i), ...slot })
          }
          return { route: g.route, label: ROUTE_LABELS[g.route], listed: g.end - g.start, feasible: g.feasible, shown: homes.length, homes }
        })
        return {
          referralId,
          childId: found.child.id,
          caseReference: found.child.case_reference,
          referralStatus: found.referral.status,
          onDate,
          origin: c.origin,
          groups,
          emptyBlockBeds: emptyBlockBedsOf(c),
          compatibility: c.council.rules.compatibility,
          excludedJudgements: c.council.rules.excludedJudgements,
          weights: c.council.weights,
          rulesUpdatedAt: c.council.updatedAt,
        }
      })
    },

    /** The booking page's choices for one home: found in the same search the cascade page shows. */
    async bookingChoices(actor: Actor, referralId: string, homeId: string, opts: { onDate?: string } = {}): Promise<BookingChoices> {
      return searched(actor, referralId, opts.onDate, 'placement booking', async ({ tx, found, c, onDate }) => {
        const slots: CascadeHome[] = []
        const beds: BookingChoices['beds'] = []
        for (const i of c.ranked.order) {
          const slot = c.slots[i]!
          if (slot.homeId !== homeId) continue
          const { route, weeklyPricePence, ...rest } = slot
          const home = { ...rankedHome(c.ranked, i), ...rest }
          slots.push(home)
          if (!home.feasible) continue
          for (const b of slot.beds)
            beds.push({ ...b, route, contractId: slot.contractId, contractReference: slot.contractReference, weeklyPricePence })
        }
        // No vacancy left (another booking took the last bed): the page says so, naming the home.
        const home = await tx
          .selectFrom('homes')
          .innerJoin('providers', 'providers.id', 'homes.provider_id')
          .select(['homes.name', 'providers.name as provider_name'])
          .where('homes.id', '=', homeId)
          .executeTakeFirst()
        if (!home) throw new NotFoundError('No such home')
        return {
          referralId,
          childId: found.child.id,
          caseReference: found.child.case_reference,
          referralStatus: found.referral.status,
          onDate,
          homeId,
          homeName: home.name,
          providerName: home.provider_name,
          slots,
          beds,
          emptyBlockBeds: emptyBlockBedsOf(c),
        }
      })
    },

    /** The matching rules in force, for those who arrange placements (and the settings page). */
    async councilRules(actor: Actor): Promise<CouncilRules & { json: string }> {
      if (!arrangesPlacements(actor)) throw new ForbiddenError('child:read')
      return ctx.run(async (tx) => {
        const c = await loadCouncilRules(tx)
        return { ...c, json: councilRulesJson(c) }
      })
    },

    /** Replaces the council's matching rules: a head of service's decision, audited with the rules before and after. */
    async setCouncilRules(actor: Actor, json: string): Promise<void> {
      if (!canSetRules(actor)) throw new ForbiddenError('child:read')
      const next = parseCouncilRulesJson(typeof json === 'string' ? json : '')
      await ctx.run(async (tx) => {
        const before = await loadCouncilRules(tx)
        const row = {
          rules_json: JSON.stringify(next.rules),
          weights_json: JSON.stringify(next.weights),
          updated_by: actor.userId,
          updated_at: ctx.now().toISOString(),
        }
        const exists = await tx.selectFrom('placement_matching_rules').select('id').where('id', '=', RULES_ROW_ID).executeTakeFirst()
        if (exists) await tx.updateTable('placement_matching_rules').set(row).where('id', '=', RULES_ROW_ID).execute()
        else
          await tx
            .insertInto('placement_matching_rules')
            .values({ id: RULES_ROW_ID, ...row })
            .execute()
        await audit.record(tx, actor, {
          action: 'update',
          entityType: 'matching_rules',
          entityId: RULES_ROW_ID,
          before: { rules: before.rules, weights: before.weights },
          after: next,
        })
      })
    },

    /**
     * Inside a booking's transaction: the feasible block beds standing empty on the day (other
     * than the bed being booked), each needing the officer's reason when the child goes elsewhere.
     */
    async emptyBlockBedsForBooking(
      tx: Db,
      actor: Actor,
      referralId: string,
      onDate: string,
      bookedBedId: string,
    ): Promise<EmptyBlockBed[]> {
      const found = await visibleReferral(ctx, tx, actor, referralId)
      const c = await compute(tx, found, onDate)
      await auditReads(tx, actor, found, c.residents, 'placement booking')
      return emptyBlockBedsOf(c, bookedBedId)
    },
  }
}
export type CascadePart = ReturnType<typeof createCascadePart>
