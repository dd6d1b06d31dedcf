// One entry point for both published rules, and the shapes the command and the tender room use.
import type { AwardOutcome } from '../tenderApi.js'
import { optimalAward } from './optimal.js'
import { rankAward } from './rank.js'
import type { AwardChoice, AwardInput, AwardResult } from './types.js'

export async function awardFromInput(input: AwardInput): Promise<AwardResult> {
  return input.rule === 'optimal' ? optimalAward(input) : rankAward(input)
}

/** The command's output: exactly these fields, in this order. */
export function awardJson(result: AwardChoice): AwardChoice {
  const { chosen, beds, weeklyCostPence, objective, alternatives } = result
  return { chosen, beds, weeklyCostPence, objective, alternatives }
}

/** For the tender service's `proposeAward`. */
export function toAwardOutcome(input: AwardInput, result: AwardChoice): AwardOutcome {
  return {
    rule: input.rule,
    chosenBidIds: result.chosen,
    beds: result.beds,
    weeklyCostPence: result.weeklyCostPence,
    objective: result.objective,
    alternatives: result.alternatives,
  }
}
