/**
 * Panel allocation, pure (ADR 0017): several referrals ranked against the same market become one
 * exact min-cost allocation. A feasible pair's cost is the score it misses — the most a home can
 * score (the sum of the weights) less its score — so the least total cost is the greatest total
 * score; leaving a child unplaced costs U points. Costs are scores' hundredths as whole numbers, so
 * the solver's sums are exact. Officers may fix a child's home (or leave them unplaced) and the
 * rest is solved again around it.
 */
import { solveMatch } from '../matching/solve.js'
import type { MatchProblem } from '../matching/types.js'
import type { Ranked } from '../matching/rank/index.js'
import type { ScoreWeights } from '../domain/scoreWeights.js'

/** Scores are shown to two decimal places; costs are whole hundredths of a point. */
export const COST_SCALE = 100

/** The most points a home can score: every part at its weight (compatibility only ever takes points off). */
export function maxScore(w: ScoreWeights): number {
  return w.homeDistance + w.schoolDistance + w.schoolContinuity + w.price + w.judgement + w.route
}

/** A pair's cost in hundredths of a point: the score it misses. */
export function pairCostOf(total: number, best: number): number {
  return Math.round((best - total) * COST_SCALE)
}

/** A child's fixed choice: a market slot, or null to leave them unplaced. */
export type Fixed = ReadonlyMap<number, number | null>

export type PanelInput = {
  /** One ranking per referral, all against the same market. */
  rankings: readonly Ranked[]
  weights: ScoreWeights
  /** Points it costs to leave a child unplaced. */
  unplacedCost: number
  fixed?: Fixed
}

export type PanelResult = {
  /** Per referral (in input order): the market slot chosen, or null for unplaced. */
  choice: (number | null)[]
  fixed: boolean[]
  /** The whole panel's cost in hundredths of a point (fixed pairs included). */
  totalCost: number
  /** The problem the solver was given (the children not fixed), with which referral each row is. */
  problem: MatchProblem
  rows: number[]
}

/** Whether the slot is feasible for the ranking's child and has a vacancy. */
export function isFeasible(r: Ranked, slot: number): boolean {
  return slot >= 0 && slot < r.market.size && r.market.vacantBeds[slot]! > 0 && r.reasons[slot] === 0
}

/** Beds per market slot left after the fixed choices; throws a RangeError naming the referral when a fix does not fit. */
function capacitiesAfter(rankings: readonly Ranked[], fixed: Fixed): Int32Array {
  const market = rankings[0]!.market
  const left = Int32Array.from(market.vacantBeds)
  for (const [k, slot] of fixed) {
    if (slot === null) continue
    if (!isFeasible(rankings[k]!, slot)) throw new RangeError(`referral ${k}: slot ${slot} is not a feasible home for the child`)
    if (left[slot]! <= 0) throw new RangeError(`referral ${k}: slot ${slot} has no bed left`)
    left[slot]!--
  }
  return left
}

/** The min-cost allocation problem for the referrals not fixed. */
export function panelProblem(input: PanelInput): { problem: MatchProblem; rows: number[] } {
  const { rankings, weights } = input
  const fixed = input.fixed ?? new Map()
  if (rankings.length === 0) throw new RangeError('a panel needs at least one referral')
  const market = rankings[0]!.market
  if (rankings.some((r) => r.market !== market)) throw new RangeError('every referral must be ranked against the same market')
  const capacities = capacitiesAfter(rankings, fixed)
  const best = maxScore(weights)
  const rows = rankings.map((_, k) => k).filter((k) => !fixed.has(k))
  const rowStart = new Int32Array(rows.length + 1)
  const homes: number[] = []
  const costs: number[] = []
  rows.forEach((k, i) => {
    const r = rankings[k]!
    for (const slot of r.order) {
      if (r.reasons[slot] !== 0 || capacities[slot]! <= 0) continue
      homes.push(slot)
      costs.push(pairCostOf(r.total[slot]!, best))
    }
    rowStart[i + 1] = homes.length
  })
  const problem: MatchProblem = {
    children: rows.length,
    capacities,
    rowStart,
    arcHome: Int32Array.from(homes),
    arcCost: Float64Array.from(costs),
    unassignedCost: Math.round(input.unplacedCost * COST_SCALE),
    scale: COST_SCALE,
  }
  return { problem, rows }
}

/** Solves the panel exactly: the fixed choices stand, the rest placed at the least total cost. */
export function allocatePanel(input: PanelInput): PanelResult {
  const fixed = input.fixed ?? new Map()
  const { problem, rows } = panelProblem(input)
  const solution = solveMatch(problem)
  const best = maxScore(input.weights)
  const choice: (number | null)[] = input.rankings.map(() => null)
  const isFixed = input.rankings.map((_, k) => fixed.has(k))
  let totalCost = solution.total
  for (const [k, slot] of fixed) {
    choice[k] = slot
    totalCost += slot === null ? problem.unassignedCost : pairCostOf(input.rankings[k]!.total[slot]!, best)
  }
  rows.forEach((k, i) => {
    const slot = solution.assignment[i]!
    choice[k] = slot < 0 ? null : slot
  })
  return { choice, fixed: isFixed, totalCost, problem, rows }
}
