/**
 * The panel: open referrals allocated together to the market's vacancies at the least total cost
 * (panel.ts), for the placements team to accept (each pair goes to the booking page) or adjust.
 */
import { z } from 'zod'
import type { BedRoute } from '../../contract/ports.js'
import type { Actor } from '../../platform/auth/actor.js'
import { ForbiddenError } from '../../platform/auth/scope.js'
import type { Db } from '../../platform/db/database.js'
import { UserInputError } from '../../platform/errors.js'
import { loadCouncilRules } from '../cascade/councilRules.js'
import { liveVacancies, type VacancySlot } from '../cascade/liveVacancies.js'
import { needsProfileOf } from '../cascade/needsProfile.js'
import { arrangesPlacements } from '../children/access.js'
import { ageOn, type ChildNeedsProfile } from '../domain/needsProfile.js'
import { encodeMarket, encodeReferral, rankedHome, rankReferral, type RankedHome } from '../matching/rank/index.js'
import type { MatchProblem } from '../matching/types.js'
import type { PlacementContext } from '../placementService.js'
import { matchingOf } from '../referrals/referralService.js'
import type { Urgency } from '../referrals/referralSchema.js'
import { sharedHomeConflicts } from './conflicts.js'
import { allocatePanel, COST_SCALE, isFeasible, maxScore } from './panel.js'

/** The most referrals one panel takes: a page an officer can read, and an instant solve. */
export const MAX_PANEL_REFERRALS = 40
/** Homes offered per child when adjusting: the best feasible ones (and the one chosen). */
export const OPTIONS_PER_CHILD = 25

export type PanelReferral = {
  referralId: string
  childId: string
  caseReference: string
  urgency: Urgency
  age: number
  createdAt: string
}

/** A market slot: a home, the route its vacant beds are bought by, and the contract for in-house and block beds. */
export const slotKey = (s: Pick<VacancySlot, 'homeId' | 'route' | 'contractId'>) => `${s.homeId}|${s.route}|${s.contractId ?? ''}`

export type PanelRequest = {
  referralIds: readonly string[]
  /** Points it costs to leave a child unplaced. */
  unplacedCost: number
  /** Officers' adjustments: referral id → slot key, or 'unplaced'. */
  fixed?: ReadonlyMap<string, string>
}

export type PanelRow = {
  referral: PanelReferral
  chosen: RankedHome | null
  chosenKey: string | null
  fixed: boolean
  /** The cost counted for this child: points the chosen home misses, or the unplaced cost. */
  costPoints: number
  options: (RankedHome & { key: string })[]
  feasibleHomes: number
}

export type PanelChoices = { referrals: PanelReferral[]; maxScore: number }

export type PanelProposal = {
  rows: PanelRow[]
  unplacedCost: number
  maxScore: number
  totalCostPoints: number
  totalScore: number
  placed: number
  conflicts: string[]
  /** What was solved (children not fixed), for checking the proposal against an exhaustive search. */
  problem: MatchProblem
}

const PanelRequestSchema = z.object({
  referralIds: z
    .array(z.string().min(1))
    .min(1, { message: 'Select at least one referral' })
    .max(MAX_PANEL_REFERRALS, { message: `Select at most ${MAX_PANEL_REFERRALS} referrals` })
    .refine((ids) => new Set(ids).size === ids.length, { message: 'Select each referral once' }),
  unplacedCost: z
    .number({ message: 'Enter the cost of leaving a child unplaced, in points' })
    .finite({ message: 'Enter the cost of leaving a child unplaced, in points' })
    .min(0, { message: 'The cost of leaving a child unplaced must be 0 or more' })
    .max(10_000, { message: 'The cost of leaving a child unplaced must be 10,000 or less' })
    .refine((v) => Math.round(v * COST_SCALE) / COST_SCALE === v, {
      message: 'The cost of leaving a child unplaced may have at most 2 decimal places',
    }),
})

const round2 = (x: number) => Math.round(x * 100) / 100

export function createPanelPart(ctx: PlacementContext) {
  const { audit } = ctx.deps

  async function bedRoutes(tx: Db, today: string): Promise<ReadonlyMap<string, BedRoute>> {
    return ctx.deps.contracts ? ctx.deps.contracts.bedRoutes(tx, today) : new Map()
  }

  /** Open referrals with their children (all of them: only the placements team arranges a panel). */
  async function openReferrals(tx: Db, ids?: readonly string[]) {
    let q = tx
      .selectFrom('referrals')
      .innerJoin('children', 'children.id', 'referrals.child_id')
      .selectAll('children')
      .select([
        'referrals.id as referral_id',
        'referrals.urgency',
        'referrals.preferred_postcode',
        'referrals.deprivation_of_liberty',
        'referrals.created_at as referral_created_at',
      ])
      .where('referrals.status', '=', 'open')
    if (ids) q = q.where('referrals.id', 'in', [...ids])
    return q.orderBy('referrals.created_at').orderBy('referrals.id').execute()
  }
  type ReferralRow = Awaited<ReturnType<typeof openReferrals>>[number]

  const referralOf = (r: ReferralRow, today: string): PanelReferral => ({
    referralId: r.referral_id,
    childId: r.id,
    caseReference: r.case_reference,
    urgency: r.urgency,
    age: ageOn(r.date_of_birth, today),
    createdAt: r.referral_created_at,
  })

  /** What matching knows of each child, as the cascade reads it: distances from home, else the preferred location. */
  async function profilesOf(tx: Db, rows: readonly ReferralRow[], today: string): Promise<ChildNeedsProfile[]> {
    const matching = rows.length
      ? await tx
          .selectFrom('referral_matching')
          .selectAll()
          .where(
            'referral_id',
            'in',
            rows.map((r) => r.referral_id),
          )
          .execute()
      : []
    const postcodes = rows.flatMap((r) => [r.home_postcode ?? '', r.preferred_postcode ?? '', r.school_postcode ?? ''])
    const found = ctx.deps.postcodes ? await ctx.deps.postcodes.locateManyIn(tx, postcodes) : postcodes.map(() => null)
    return rows.map((r, k) => {
      const [home, preferred, school] = [found[3 * k], found[3 * k + 1], found[3 * k + 2]]
      const m = matchingOf(matching.find((x) => x.referral_id === r.referral_id))
      return needsProfileOf(r, { deprivationOfLiberty: r.deprivation_of_liberty, categories: m.categories }, today, {
        home: home ?? preferred ?? null,
        school: school ?? null,
      })
    })
  }

  return {
    /** The open referrals a panel may take, and the best score a home can have; each child listed is an audited read. */
    async panelReferrals(actor: Actor): Promise<PanelChoices> {
      if (!arrangesPlacements(actor)) throw new ForbiddenError('child:read')
      return ctx.run(async (tx) => {
        const today = ctx.today()
        const rows = await openReferrals(tx)
        for (const r of rows) await audit.recordChildRead(tx, actor, r.id, 'panel allocation')
        return { referrals: rows.map((r) => referralOf(r, today)), maxScore: maxScore((await loadCouncilRules(tx)).weights) }
      })
    },

    /**
     * The exact least-cost allocation of the chosen referrals to today's live vacancies (the
     * cascade's: in-house, block and framework spot), by the council's rules and weights, around the
     * officer's fixed choices. Changes nothing; each child read, and each resident whose risk flags
     * were weighed, is audited.
     */
    async proposePanel(actor: Actor, request: PanelRequest): Promise<PanelProposal> {
      if (!arrangesPlacements(actor)) throw new ForbiddenError('child:read')
      const parsed = PanelRequestSchema.safeParse({ referralIds: [...request.referralIds], unplacedCost: request.unplacedCost })
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!
        throw new UserInputError(issue.message, { field: String(issue.path[0] ?? 'referralIds') })
      }
      return ctx.run(async (tx) => {
        const today = ctx.today()
        const found = await openReferrals(tx, parsed.data.referralIds)
        const byId = new Map(found.map((r) => [r.referral_id, r]))
        const missing = parsed.data.referralIds.find((id) => !byId.has(id))
        if (missing) throw new UserInputError('Select open referrals only: one of those chosen is no longer open', { field: 'referralIds' })
        const rows = parsed.data.referralIds.map((id) => byId.get(id)!)

        const live = await liveVacancies(tx, await bedRoutes(tx, today), today)
        const { rules, weights } = await loadCouncilRules(tx)
        for (const r of rows) await audit.recordChildRead(tx, actor, r.id, 'panel allocation')
        for (const id of live.residentChildIds) await audit.recordChildRead(tx, actor, id, 'compatibility check for panel allocation')
        const market = encodeMarket(live.homes)
        const profiles = await profilesOf(tx, rows, today)
        const rankings = profiles.map((p) => rankReferral(market, encodeReferral(p), rules, weights))
        const keys = live.slots.map(slotKey)

        const fixed = new Map<number, number | null>()
        const capacityLeft = Int32Array.from(market.vacantBeds)
        rows.forEach((r, k) => {
          const want = request.fixed?.get(r.referral_id)
          if (want === undefined || want === '' || want === 'auto') return
          if (want === 'unplaced') return void fixed.set(k, null)
          const slot = keys.indexOf(want)
          const field = `home-${r.referral_id}`
          if (slot < 0 || !isFeasible(rankings[k]!, slot))
            throw new UserInputError(`${r.case_reference}: choose a home that can take the child and has a vacancy`, { field })
          if (capacityLeft[slot]! <= 0)
            throw new UserInputError(`${r.case_reference}: that home has no bed left after the other choices you fixed`, { field })
          capacityLeft[slot]!--
          fixed.set(k, slot)
        })

        const result = allocatePanel({ rankings, weights, unplacedCost: parsed.data.unplacedCost, fixed })
        const best = maxScore(weights)
        const panelRows: PanelRow[] = rows.map((r, k) => {
          const ranked = rankings[k]!
          const slot = result.choice[k]!
          const feasible = [...ranked.order].filter((i) => isFeasible(ranked, i))
          const shown = feasible.slice(0, OPTIONS_PER_CHILD)
          if (slot !== null && !shown.includes(slot)) shown.push(slot)
          return {
            referral: referralOf(r, today),
            chosen: slot === null ? null : rankedHome(ranked, slot),
            chosenKey: slot === null ? null : keys[slot]!,
            fixed: result.fixed[k]!,
            costPoints: slot === null ? parsed.data.unplacedCost : round2(best - ranked.total[slot]!),
            options: shown.map((i) => ({ ...rankedHome(ranked, i), key: keys[i]! })),
            feasibleHomes: feasible.length,
          }
        })
        const placedRows = panelRows.filter((p) => p.chosen !== null)
        return {
          rows: panelRows,
          unplacedCost: parsed.data.unplacedCost,
          maxScore: best,
          totalCostPoints: result.totalCost / COST_SCALE,
          totalScore: round2(placedRows.reduce((s, p) => s + p.chosen!.score.total, 0)),
          placed: placedRows.length,
          conflicts: sharedHomeConflicts(
            rows.map((r, k) => ({
              label: r.case_reference,
              slot: result.choice[k]!,
              profile: profiles[k]!,
              homeName: panelRows[k]!.chosen?.name ?? '',
            })),
            rules,
          ),
          problem: result.problem,
        }
      })
    },
  }
}
