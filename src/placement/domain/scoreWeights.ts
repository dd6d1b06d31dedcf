import { z } from 'zod'
import type { OfstedJudgement } from '../../market/domain/judgements.js'
import { UserInputError } from '../../platform/errors.js'

/**
 * How a council weighs a feasible home. Each part of the score runs from 0 to its weight, so
 * the weights are the most points each part can give; the parts are shown beside the total.
 */
export type ScoreWeights = {
  /** Nearer the child's home: weight × (1 − miles / distanceScaleMiles), 0 beyond the scale or when unknown. */
  homeDistance: number
  /** The same for the child's school. */
  schoolDistance: number
  /** Added in full when the home is within schoolContinuityMiles of the school: the child can stay at it. */
  schoolContinuity: number
  /** weight × cheapest feasible weekly price / this home's (at most the weight); 0 when unknown. */
  price: number
  /** weight × the judgement's share in JUDGEMENT_SHARES. */
  judgement: number
  /** weight for in-house, half for block, none for spot: the cascade's preference, within a list grouped by route anyway. */
  route: number
  distanceScaleMiles: number
  schoolContinuityMiles: number
}

export const DEFAULT_SCORE_WEIGHTS: ScoreWeights = {
  homeDistance: 30,
  schoolDistance: 10,
  schoolContinuity: 10,
  price: 25,
  judgement: 20,
  route: 5,
  distanceScaleMiles: 100,
  schoolContinuityMiles: 10,
}

/** A judgement's share of the judgement weight; never inspected sits between good and requires improvement. */
export const JUDGEMENT_SHARES: Record<OfstedJudgement, number> = {
  Outstanding: 1,
  Good: 0.75,
  'Requires improvement to be good': 0.25,
  Inadequate: 0,
  'Not yet inspected': 0.5,
}

const points = (name: string) =>
  z
    .number({ message: `${name} must be a number` })
    .finite({ message: `${name} must be a number` })
    .min(0, { message: `${name} must be 0 or more` })
    .max(1000, { message: `${name} must be 1000 or less` })
const miles = (name: string) =>
  z
    .number({ message: `${name} must be a number of miles` })
    .finite({ message: `${name} must be a number of miles` })
    .positive({ message: `${name} must be more than 0` })
    .max(1000, { message: `${name} must be 1000 or less` })

export const ScoreWeightsSchema = z
  .object({
    homeDistance: points('homeDistance'),
    schoolDistance: points('schoolDistance'),
    schoolContinuity: points('schoolContinuity'),
    price: points('price'),
    judgement: points('judgement'),
    route: points('route'),
    distanceScaleMiles: miles('distanceScaleMiles'),
    schoolContinuityMiles: miles('schoolContinuityMiles'),
  })
  .strict()

/** A council's weights: any left out keep their default. */
export function parseScoreWeights(input: unknown, file?: string): ScoreWeights {
  const base = typeof input === 'object' && input !== null && !Array.isArray(input) ? input : { _: input }
  const parsed = ScoreWeightsSchema.safeParse({ ...DEFAULT_SCORE_WEIGHTS, ...base })
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  const key = issue.path[0] ?? ('keys' in issue && Array.isArray(issue.keys) ? issue.keys[0] : 'weights')
  throw new UserInputError(`${String(key)}: ${issue.message}`, { file, field: String(key) })
}
