// The arithmetic every award rule shares: bids in whole units, combinations, and the one order
// in which combinations are ranked, so the MILP, the exhaustive search and the page agree.
import { formatPence } from '../../platform/web/format.js'
import type { AwardAlternative, AwardBid, AwardInput } from './types.js'

/**
 * Scores are compared to two decimal places, as they are published: beds × score then becomes a
 * whole number of hundredths, exact in floating point and in the solver, so no tolerance can
 * make or break a tie.
 */
export const SCORE_UNITS = 100

export type PreparedBid = AwardBid & {
  weeklyCostPence: number
  /** beds × score, in hundredths of a point. */
  value: number
  /** 0 for the first bid submitted; equal timestamps go by bid id. */
  arrival: number
}

export type Prepared = { input: AwardInput; bids: PreparedBid[] }

export type Combination = {
  bids: PreparedBid[] // in merit order
  beds: number
  weeklyCostPence: number
  value: number
  /** The bids' arrivals, latest first: how tied combinations are told apart. */
  arrivalsLatestFirst: number[]
}

export function scoreUnits(score: number): number {
  return Math.round(score * SCORE_UNITS)
}

export function prepare(input: AwardInput): Prepared {
  const byArrival = [...input.bids].sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt) || cmp(a.id, b.id))
  const arrival = new Map(byArrival.map((b, i) => [b.id, i]))
  const bids = input.bids.map((b) => ({
    ...b,
    weeklyCostPence: b.beds * b.pricePencePerBedWeek,
    value: b.beds * scoreUnits(b.score),
    arrival: arrival.get(b.id)!,
  }))
  return { input, bids }
}

/** Higher score first, then the cheaper bid, then the one submitted first. */
export function meritOrder(a: PreparedBid, b: PreparedBid): number {
  return scoreUnits(b.score) - scoreUnits(a.score) || a.weeklyCostPence - b.weeklyCostPence || a.arrival - b.arrival
}

export function combine(bids: PreparedBid[]): Combination {
  return {
    bids: [...bids].sort(meritOrder),
    beds: sum(bids, (b) => b.beds),
    weeklyCostPence: sum(bids, (b) => b.weeklyCostPence),
    value: sum(bids, (b) => b.value),
    arrivalsLatestFirst: bids.map((b) => b.arrival).sort((x, y) => y - x),
  }
}

/** The rule's constraints, checked in whole numbers. */
export function meetsRule(p: Prepared, c: Combination): boolean {
  const { bedsMin, bedsMax, maxProviders, budgetPencePerWeek } = p.input
  const providers = new Set(c.bids.map((b) => b.provider))
  return (
    providers.size === c.bids.length &&
    c.bids.length <= maxProviders &&
    c.beds >= bedsMin &&
    c.beds <= bedsMax &&
    (budgetPencePerWeek === null || c.weeklyCostPence <= budgetPencePerWeek)
  )
}

/**
 * Negative when `a` is the better combination: the larger Σ beds × score, then the lower weekly
 * cost, then the earlier submission — the one whose latest bid came in first; if that is the same
 * bid, the one whose next latest came in first, and so on. This is a total order on sets of bids.
 */
export function compareCombinations(a: Combination, b: Combination): number {
  if (a.value !== b.value) return b.value - a.value
  if (a.weeklyCostPence !== b.weeklyCostPence) return a.weeklyCostPence - b.weeklyCostPence
  const n = Math.min(a.arrivalsLatestFirst.length, b.arrivalsLatestFirst.length)
  for (let i = 0; i < n; i++)
    if (a.arrivalsLatestFirst[i] !== b.arrivalsLatestFirst[i]) return a.arrivalsLatestFirst[i]! - b.arrivalsLatestFirst[i]!
  return a.arrivalsLatestFirst.length - b.arrivalsLatestFirst.length
}

export function objectiveOf(c: { value: number }): number {
  return c.value / SCORE_UNITS
}

export function formatObjective(value: number): string {
  return (value / SCORE_UNITS).toLocaleString('en-GB', { maximumFractionDigits: 2 })
}

export function formatPounds(pence: number): string {
  return formatPence(pence, { whole: pence % 100 === 0 })
}

/** Why `alt` lost to `chosen`, in the terms of the order above. */
export function whyNotChosen(chosen: Combination, alt: Combination): string {
  if (alt.value !== chosen.value) {
    const diff = chosen.value - alt.value
    return `objective ${formatObjective(alt.value)} is ${formatObjective(diff)} lower (fewer beds × score)`
  }
  if (alt.weeklyCostPence !== chosen.weeklyCostPence)
    return `same objective but ${formatPounds(alt.weeklyCostPence - chosen.weeklyCostPence)} a week dearer`
  const byArrival = (c: Combination) => [...c.bids].sort((x, y) => y.arrival - x.arrival)
  const [mine, theirs] = [byArrival(chosen), byArrival(alt)]
  const i = mine.findIndex((b, k) => theirs[k]?.arrival !== b.arrival)
  const [late, early] = i === -1 ? [theirs[mine.length], undefined] : [theirs[i], mine[i]]
  if (!late || !early) return `same objective and cost, but it also takes bid ${late?.id ?? '(none)'}`
  if (Date.parse(late.submittedAt) === Date.parse(early.submittedAt))
    return `same objective and cost; ${late.id} was submitted at the same moment as ${early.id}, and bid ids decide`
  return `same objective and cost but submitted later: ${late.id} came in at ${late.submittedAt}, after ${early.id} at ${early.submittedAt}`
}

export function toAlternative(chosen: Combination, alt: Combination): AwardAlternative {
  return {
    bidIds: alt.bids.map((b) => b.id),
    beds: alt.beds,
    weeklyCostPence: alt.weeklyCostPence,
    objective: objectiveOf(alt),
    whyNotChosen: whyNotChosen(chosen, alt),
  }
}

/** Why no combination meets the rule: the same words from every solver. */
export function noCombinationReason(input: AwardInput): string {
  const k = input.maxProviders
  const budget = input.budgetPencePerWeek === null ? '' : `, costing at most ${formatPounds(input.budgetPencePerWeek)} a week`
  return `no combination of bids meets the rule: at most ${k} provider${k === 1 ? '' : 's'} with one bid each, ${input.bedsMin}–${input.bedsMax} beds in all${budget}`
}

function sum<T>(xs: T[], f: (x: T) => number): number {
  return xs.reduce((s, x) => s + f(x), 0)
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
