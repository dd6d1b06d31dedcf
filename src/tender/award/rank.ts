// The rank rule: the highest scoring bid wins; the next best from other providers are added
// while the beds are short of the target, never past the maximum, K or the budget.
import { combine, formatPounds, meritOrder, objectiveOf, prepare, type PreparedBid } from './combination.js'
import type { AwardAlternative, AwardInput, AwardResult } from './types.js'

export function rankAward(input: AwardInput, runnersUp = 5): AwardResult {
  const { bedsMin, bedsMax, maxProviders, budgetPencePerWeek, fillToMax } = input
  const ordered = prepare(input).bids.sort(meritOrder)
  const target = fillToMax ? bedsMax : bedsMin
  const chosen: PreparedBid[] = []
  const passedOver: { bid: PreparedBid; place: number; why: string }[] = []
  let beds = 0
  let cost = 0

  const whyNot = (bid: PreparedBid): string | null => {
    if (beds >= target)
      return `not needed: the bids above already give ${beds} beds, reaching the ${fillToMax ? 'maximum' : 'minimum'} of ${target}`
    const sameProvider = chosen.find((c) => c.provider === bid.provider)
    if (sameProvider) return `provider ${bid.provider} already has bid ${sameProvider.id} chosen`
    if (chosen.length >= maxProviders) return `the limit of ${maxProviders} provider${maxProviders === 1 ? '' : 's'} was already reached`
    if (beds + bid.beds > bedsMax) return `would take the beds to ${beds + bid.beds}, over the maximum of ${bedsMax}`
    if (budgetPencePerWeek !== null && cost + bid.weeklyCostPence > budgetPencePerWeek)
      return `would take the weekly cost to ${formatPounds(cost + bid.weeklyCostPence)}, over the budget of ${formatPounds(budgetPencePerWeek)}`
    return null
  }

  for (const [i, bid] of ordered.entries()) {
    const why = whyNot(bid)
    if (why !== null) {
      passedOver.push({ bid, place: i + 1, why })
      continue
    }
    chosen.push(bid)
    beds += bid.beds
    cost += bid.weeklyCostPence
  }

  if (beds < bedsMin) {
    const reached =
      chosen.length === 0 ? 'no bid can be chosen' : `the rank rule reaches only ${beds} beds (${chosen.map((b) => b.id).join(', ')})`
    const limits = [`the maximum of ${bedsMax} beds`, `${maxProviders} provider${maxProviders === 1 ? '' : 's'}`]
    if (budgetPencePerWeek !== null) limits.push(`the budget of ${formatPounds(budgetPencePerWeek)} a week`)
    return {
      feasible: false,
      reason: `${reached} within ${limits.slice(0, -1).join(', ')} and ${limits.at(-1)}; the minimum is ${bedsMin}`,
    }
  }
  const c = combine(chosen)
  const alternatives: AwardAlternative[] = passedOver.slice(0, runnersUp).map(({ bid, place, why }) => ({
    bidIds: [bid.id],
    beds: bid.beds,
    weeklyCostPence: bid.weeklyCostPence,
    objective: objectiveOf(bid),
    whyNotChosen: `ranked ${place}${ordinal(place)} (score ${bid.score}): ${why}`,
  }))
  return {
    feasible: true,
    chosen: chosen.map((b) => b.id),
    beds: c.beds,
    weeklyCostPence: c.weeklyCostPence,
    objective: objectiveOf(c),
    alternatives,
  }
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13
  return teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')
}
