// Every combination the rule allows, ranked: the proof the MILP is checked against in tests.
// Exponential in the number of providers: only for small instances.
import {
  combine,
  compareCombinations,
  meetsRule,
  noCombinationReason,
  objectiveOf,
  prepare,
  toAlternative,
  type Combination,
  type Prepared,
  type PreparedBid,
} from './combination.js'
import type { AwardInput, AwardResult } from './types.js'

/** All combinations meeting the rule, best first. */
export function allCombinations(p: Prepared): Combination[] {
  const { bedsMax, maxProviders, budgetPencePerWeek } = p.input
  const groups = new Map<string, PreparedBid[]>()
  for (const b of p.bids) groups.set(b.provider, [...(groups.get(b.provider) ?? []), b])
  const byProvider = [...groups.values()]
  const found: Combination[] = []
  const walk = (i: number, picked: PreparedBid[], beds: number, cost: number) => {
    if (beds > bedsMax || picked.length > maxProviders || (budgetPencePerWeek !== null && cost > budgetPencePerWeek)) return
    if (i === byProvider.length) {
      const c = combine(picked)
      if (meetsRule(p, c)) found.push(c)
      return
    }
    walk(i + 1, picked, beds, cost) // none of this provider's bids
    for (const b of byProvider[i]!) walk(i + 1, [...picked, b], beds + b.beds, cost + b.weeklyCostPence)
  }
  walk(0, [], 0, 0)
  return found.sort(compareCombinations)
}

export function exhaustiveAward(input: AwardInput, alternatives = 5): AwardResult {
  const [best, ...rest] = allCombinations(prepare(input))
  if (!best) return { feasible: false, reason: noCombinationReason(input) }
  return {
    feasible: true,
    chosen: best.bids.map((b) => b.id),
    beds: best.beds,
    weeklyCostPence: best.weeklyCostPence,
    objective: objectiveOf(best),
    alternatives: rest.slice(0, alternatives).map((c) => toAlternative(best, c)),
  }
}
