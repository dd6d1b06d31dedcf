/**
 * The council's matching rules in force: the compatibility rule set over the risk flags, the Ofsted
 * judgement gateway and the score weights. Kept in one row of placement_matching_rules; absent,
 * the defaults in src/placement/domain apply. Read inside the caller's transaction.
 */
import type { Db } from '../../platform/db/database.js'
import { UserInputError } from '../../platform/errors.js'
import { DEFAULT_MATCHING_RULES, parseMatchingRules, type MatchingRules } from '../domain/matchingRules.js'
import { DEFAULT_SCORE_WEIGHTS, parseScoreWeights, type ScoreWeights } from '../domain/scoreWeights.js'

export const RULES_ROW_ID = 'current'

export type CouncilRules = {
  rules: MatchingRules
  weights: ScoreWeights
  /** Null while the defaults apply. */
  updatedAt: string | null
  updatedBy: string | null
}

export async function loadCouncilRules(tx: Db): Promise<CouncilRules> {
  const row = await tx.selectFrom('placement_matching_rules').selectAll().where('id', '=', RULES_ROW_ID).executeTakeFirst()
  if (!row) return { rules: DEFAULT_MATCHING_RULES, weights: DEFAULT_SCORE_WEIGHTS, updatedAt: null, updatedBy: null }
  // Stored only after parsing, so a parse error here is a corrupted row: let it surface.
  return {
    rules: parseMatchingRules(JSON.parse(row.rules_json) as Record<string, unknown>),
    weights: parseScoreWeights(JSON.parse(row.weights_json)),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  }
}

/** A council's rules as JSON text (what the settings page edits): `{ compatibility, excludedJudgements, weights }`. */
export function parseCouncilRulesJson(text: string): { rules: MatchingRules; weights: ScoreWeights } {
  let input: unknown
  try {
    input = JSON.parse(text)
  } catch (e) {
    throw new UserInputError(`The rules are not valid JSON: ${(e as Error).message}`, { field: 'rules' })
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new UserInputError('The rules must be an object with compatibility, excludedJudgements and weights', { field: 'rules' })
  const { compatibility, excludedJudgements, weights, ...rest } = input as Record<string, unknown>
  const unknown = Object.keys(rest)
  if (unknown.length > 0)
    throw new UserInputError(`Unknown setting "${unknown[0]}": use compatibility, excludedJudgements and weights`, { field: 'rules' })
  return { rules: parseMatchingRules({ compatibility, excludedJudgements }), weights: parseScoreWeights(weights ?? {}) }
}

/** The JSON text a settings page shows for the rules in force. */
export function councilRulesJson(c: Pick<CouncilRules, 'rules' | 'weights'>): string {
  return JSON.stringify(
    { compatibility: c.rules.compatibility, excludedJudgements: c.rules.excludedJudgements, weights: c.weights },
    null,
    2,
  )
}
