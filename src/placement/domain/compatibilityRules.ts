import { z } from 'zod'
import { UserInputError } from '../../platform/errors.js'
import { RISK_FLAG_CODES, type RiskFlag } from './riskFlags.js'

/**
 * One line of a council's compatibility rule set: if the referred child has `ifChild` and a
 * current resident has `ifResident`, the home is ruled out ('forbid') or shown with a warning
 * that costs `penalty` points of its score ('warn'). Rules are directional; write both ways
 * where the risk runs both ways.
 */
export type CompatibilityRule = {
  id: string
  description: string
  ifChild: RiskFlag
  ifResident: RiskFlag
  effect: 'forbid' | 'warn'
  /** Points off the score for a warning (ignored for forbid). */
  penalty?: number
}

/** The matcher keeps which rules a home breaks as bits of one 32-bit word. */
export const MAX_COMPATIBILITY_RULES = 32
export const DEFAULT_WARN_PENALTY = 10

/**
 * A starting rule set drawn from reg 14 practice: the home's impact risk assessment weighs the
 * children already there. Councils replace it with their own; nothing here is hard-wired.
 */
export const DEFAULT_COMPATIBILITY_RULES: CompatibilityRule[] = [
  {
    id: 'cse-with-sexual-harm',
    description: 'A child at risk of sexual exploitation is not placed with a child who presents a risk of sexual harm',
    ifChild: 'sexual-exploitation',
    ifResident: 'sexual-harm',
    effect: 'forbid',
  },
  {
    id: 'sexual-harm-with-cse',
    description: 'A child who presents a risk of sexual harm is not placed with a child at risk of sexual exploitation',
    ifChild: 'sexual-harm',
    ifResident: 'sexual-exploitation',
    effect: 'forbid',
  },
  {
    id: 'cce-with-exploiter',
    description: 'A child at risk of criminal exploitation is not placed with a child involved in exploiting others (county lines)',
    ifChild: 'criminal-exploitation',
    ifResident: 'criminal-exploitation-of-others',
    effect: 'forbid',
  },
  {
    id: 'exploiter-with-cce',
    description: 'A child involved in exploiting others is not placed with a child at risk of criminal exploitation',
    ifChild: 'criminal-exploitation-of-others',
    ifResident: 'criminal-exploitation',
    effect: 'forbid',
  },
  {
    id: 'missing-with-exploiter',
    description: 'A child who goes missing, placed with a child involved in exploiting others',
    ifChild: 'going-missing',
    ifResident: 'criminal-exploitation-of-others',
    effect: 'warn',
    penalty: 15,
  },
  {
    id: 'self-harm-with-substance-misuse',
    description: 'A child who self-harms, placed with a child who uses drugs or alcohol',
    ifChild: 'self-harm',
    ifResident: 'drug-and-alcohol-use',
    effect: 'warn',
    penalty: 10,
  },
  {
    id: 'substance-misuse-with-self-harm',
    description: 'A child who uses drugs or alcohol, placed with a child who self-harms',
    ifChild: 'drug-and-alcohol-use',
    ifResident: 'self-harm',
    effect: 'warn',
    penalty: 10,
  },
  {
    id: 'physical-harm-with-physical-harm',
    description: 'Two children who each present a risk of physical harm to others',
    ifChild: 'physical-harm',
    ifResident: 'physical-harm',
    effect: 'warn',
    penalty: 10,
  },
  {
    id: 'eating-disorder-with-self-harm',
    description: 'A child with an eating disorder, placed with a child who self-harms',
    ifChild: 'eating-disorder',
    ifResident: 'self-harm',
    effect: 'warn',
    penalty: 5,
  },
]

const flag = (field: string) => z.enum(RISK_FLAG_CODES, { message: `${field} must be one of: ${RISK_FLAG_CODES.join(', ')}` })

export const CompatibilityRuleSchema = z
  .object({
    id: z
      .string({ message: 'id must be text' })
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'id must be 1–64 lower-case letters, digits and hyphens' }),
    description: z.string({ message: 'description must be text' }).trim().min(1, { message: 'description is missing' }).max(300, {
      message: 'description must be 300 characters or fewer',
    }),
    ifChild: flag('ifChild'),
    ifResident: flag('ifResident'),
    effect: z.enum(['forbid', 'warn'], { message: "effect must be 'forbid' or 'warn'" }),
    penalty: z
      .number({ message: 'penalty must be a number' })
      .finite({ message: 'penalty must be a number' })
      .min(0, { message: 'penalty must be 0 or more' })
      .max(100, { message: 'penalty must be 100 or less' })
      .optional(),
  })
  .strict()

export const CompatibilityRulesSchema = z
  .array(CompatibilityRuleSchema, { message: 'The rules must be a list' })
  .max(MAX_COMPATIBILITY_RULES, { message: `A rule set holds at most ${MAX_COMPATIBILITY_RULES} rules` })
  .superRefine((rules, ctx) => {
    const seen = new Set<string>()
    rules.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `id "${r.id}" is used by an earlier rule` })
      seen.add(r.id)
    })
  })

/**
 * A council's own rule set, checked; a bad rule throws a UserInputError that names the rule
 * (1-based, as a person counts) and the field, e.g. "Rule 3, ifChild: ifChild must be one of: …".
 */
export function parseCompatibilityRules(input: unknown, file?: string): CompatibilityRule[] {
  const parsed = CompatibilityRulesSchema.safeParse(input)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  const [index, field] = issue.path as [number | undefined, string | undefined]
  if (typeof index !== 'number') throw new UserInputError(issue.message, { file, field: 'rules' })
  // An unknown key reports no field of its own: name the key itself.
  const key = field ?? ('keys' in issue && Array.isArray(issue.keys) ? String(issue.keys[0]) : undefined)
  const message = key ? `Rule ${index + 1}, ${key}: ${issue.message}` : `Rule ${index + 1}: ${issue.message}`
  throw new UserInputError(message, { file, row: index + 1, field: key ? `rules[${index}].${key}` : `rules[${index}]` })
}
