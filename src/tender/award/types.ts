import type { AwardRule } from '../tenderApi.js'

/** One bid as the award engine sees it: its score already computed (out of 100). */
export type AwardBid = {
  id: string
  provider: string
  beds: number
  pricePencePerBedWeek: number
  score: number
  submittedAt: string // ISO timestamp
}

/** What the award command reads: the published rule and the scored bids. */
export type AwardInput = {
  rule: AwardRule
  bedsMin: number
  bedsMax: number
  /** K: at most this many providers (one bid each) are chosen. */
  maxProviders: number
  budgetPencePerWeek: number | null
  /** Rank rule only: keep adding bids until the maximum, not just the minimum. */
  fillToMax: boolean
  bids: AwardBid[]
}

/** A combination not chosen, and why the chosen one beats it (or, for rank, a runner-up bid). */
export type AwardAlternative = {
  bidIds: string[]
  beds: number
  weeklyCostPence: number
  objective: number
  whyNotChosen: string
}

/** The command's output, field for field. `objective` = Σ beds × score over the chosen bids. */
export type AwardChoice = {
  chosen: string[]
  beds: number
  weeklyCostPence: number
  objective: number
  alternatives: AwardAlternative[]
}

export type AwardResult = ({ feasible: true } & AwardChoice) | { feasible: false; reason: string }
