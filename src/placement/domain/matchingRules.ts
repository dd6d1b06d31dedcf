import { z } from 'zod'
import { OFSTED_JUDGEMENTS, type OfstedJudgement } from '../../market/domain/judgements.js'
import { UserInputError } from '../../platform/errors.js'
import { DEFAULT_COMPATIBILITY_RULES, parseCompatibilityRules, type CompatibilityRule } from './compatibilityRules.js'

/** The council's matching rules: who it will not place with whom, and which judgements it will not place at. */
export type MatchingRules = {
  compatibility: CompatibilityRule[]
  /** The judgement gateway: a home with one of these is not feasible. */
  excludedJudgements: OfstedJudgement[]
}

export const DEFAULT_MATCHING_RULES: MatchingRules = {
  compatibility: DEFAULT_COMPATIBILITY_RULES,
  excludedJudgements: ['Inadequate'],
}

const GatewaySchema = z.array(z.enum(OFSTED_JUDGEMENTS, { message: `must be one of: ${OFSTED_JUDGEMENTS.join(', ')}` }), {
  message: 'must be a list of judgements',
})

/** A council's matching rules, checked: `{ compatibility?: [...], excludedJudgements?: [...] }`, defaults for what is left out. */
export function parseMatchingRules(input: { compatibility?: unknown; excludedJudgements?: unknown }, file?: string): MatchingRules {
  const compatibility = input.compatibility === undefined ? DEFAULT_COMPATIBILITY_RULES : parseCompatibilityRules(input.compatibility, file)
  if (input.excludedJudgements === undefined) return { compatibility, excludedJudgements: DEFAULT_MATCHING_RULES.excludedJudgements }
  const gateway = GatewaySchema.safeParse(input.excludedJudgements)
  if (!gateway.success) {
    const issue = gateway.error.issues[0]!
    const at = typeof issue.path[0] === 'number' ? `[${issue.path[0]}]` : ''
    throw new UserInputError(`excludedJudgements${at} ${issue.message}`, { file, field: `excludedJudgements${at}` })
  }
  return { compatibility, excludedJudgements: [...new Set(gateway.data)] }
}
