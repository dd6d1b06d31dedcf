/**
 * What a mini-competition's requirement must be. Checked once at the edge; every problem names the
 * control to fix (see fields.ts). Rules that need the clock or the database (deadline in the
 * future, lots of the framework, the postcode in the directory) are checked by the service.
 */
import { z } from 'zod'
import { tryParsePostcode } from '../../geo/postcode.js'
import { OFSTED_JUDGEMENTS } from '../../market/domain/judgements.js'
import { NEED_CODES } from '../../market/domain/needs.js'
import { UserInputError } from '../../platform/errors.js'
import type { RequirementInput } from '../tenderApi.js'
import { questionField } from './fields.js'

export const MAX_PENCE_PER_WEEK = 100_000_000 // £1m a week: far above any block, and every total stays a safe integer

function realDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])
}

const text = (label: string, max: number) =>
  z
    .string({ message: `Enter the ${label}` })
    .trim()
    .min(1, { message: `Enter the ${label}` })
    .max(max, { message: `The ${label} must be ${max.toLocaleString('en-GB')} characters or fewer` })

const whole = (label: string, min: number, max: number) =>
  z
    .number({ message: `${label} must be a whole number` })
    .int({ message: `${label} must be a whole number` })
    .min(min, { message: `${label} must be ${min} or more` })
    .max(max, { message: `${label} must be ${max.toLocaleString('en-GB')} or fewer` })

const date = (label: string) =>
  z.string({ message: `Enter the ${label}` }).refine(realDate, { message: `The ${label} must be a real date` })

const instant = (label: string) =>
  z
    .string({ message: `Enter the ${label}` })
    .refine((v) => /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)), { message: `The ${label} must be a real date and time` })
    .transform((v) => new Date(v).toISOString())

const QuestionSchema = z.object({
  title: text('question', 300),
  guidance: z.string().trim().max(5000, { message: 'Guidance must be 5,000 characters or fewer' }).optional().default(''),
  weight: whole('Weight', 0, 100),
  minimumScore: whole('Minimum score', 0, 5),
  kind: z.enum(['quality', 'social-value'], { message: 'Select quality or social value' }),
  descriptors: z
    .tuple(
      [0, 1, 2, 3, 4, 5].map(() => z.string().trim().max(500, { message: 'A descriptor must be 500 characters or fewer' })) as [
        z.ZodString,
        z.ZodString,
        z.ZodString,
        z.ZodString,
        z.ZodString,
        z.ZodString,
      ],
      { message: 'Give a descriptor for each score from 0 to 5' },
    )
    .optional(),
})

const RequirementObject = z.object({
  frameworkId: z.string({ message: 'Select the framework' }).min(1, { message: 'Select the framework' }),
  title: text('title', 300),
  description: text('description', 20_000),
  lotIds: z
    .array(z.string().min(1), { message: 'Select at least one lot' })
    .min(1, { message: 'Select at least one lot' })
    .transform((l) => [...new Set(l)]),
  bedsMin: whole('Fewest beds', 1, 100),
  bedsMax: whole('Most beds', 1, 100),
  areaPostcode: z.string({ message: 'Enter the area’s postcode' }).transform((v, ctx) => {
    const p = tryParsePostcode(v)
    if (!p) {
      ctx.addIssue({ code: 'custom', message: 'Enter a real postcode, like SO14 7DU' })
      return z.NEVER
    }
    return p.postcode
  }),
  areaMiles: z
    .number({ message: 'Distance must be a number of miles' })
    .gt(0, { message: 'Distance must be more than 0 miles' })
    .max(500, { message: 'Distance must be 500 miles or fewer' }),
  needs: z.array(z.enum(NEED_CODES, { message: 'Select needs from the list' })).transform((l) => [...new Set(l)].sort()),
  ageMin: whole('Youngest age', 0, 25),
  ageMax: whole('Oldest age', 0, 25),
  startDate: date('start date'),
  termYears: whole('Term', 1, 10),
  extensionYears: whole('Extension', 0, 5),
  pricePercent: whole('Price weight', 0, 100),
  priceMethod: z.enum(['per-bed-week', 'whole-life'], { message: 'Select how price is scored' }),
  awardRule: z.enum(['rank', 'optimal'], { message: 'Select the award rule' }),
  maxProviders: whole('Most providers', 1, 10),
  fillToMax: z.boolean({ message: 'Say whether to keep adding bids up to the most beds' }),
  budgetPencePerWeek: whole('Budget', 1, MAX_PENCE_PER_WEEK).nullable(),
  excludedJudgements: z.array(z.enum(OFSTED_JUDGEMENTS, { message: 'Select judgements from the list' })).transform((l) => [...new Set(l)]),
  abnormallyLowPercent: z
    .number({ message: 'Abnormally low threshold must be a percentage' })
    .min(0, { message: 'Abnormally low threshold must be 0% or more' })
    .max(100, { message: 'Abnormally low threshold must be 100% or less' }),
  abnormallyLowBasis: z.enum(['median-of-bids', 'framework-spot-rate'], { message: 'Select what a price is compared with' }),
  clarificationDeadline: instant('deadline for questions'),
  submissionDeadline: instant('deadline for bids'),
  evaluationEndDate: date('evaluation end date'),
  /** Standstill in days: PCR2015 calendar days (10 if not given), PA2023 8 working days (the Act); 0 for none. */
  standstillDays: whole('Standstill', 0, 30).nullable().optional(),
  questions: z.array(QuestionSchema, { message: 'Add at least one question' }).min(1, { message: 'Add at least one question' }).max(30, {
    message: 'A tender can have at most 30 questions',
  }),
})

export const RequirementSchema = RequirementObject.superRefine((r, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message })
  if (r.bedsMax < r.bedsMin) issue(['bedsMax'], 'Most beds must be the same as or more than the fewest beds')
  if (r.ageMax < r.ageMin) issue(['ageMax'], 'Oldest age must be the same as or more than the youngest age')
  if (r.maxProviders > r.bedsMax) issue(['maxProviders'], 'Most providers cannot be more than the most beds')
  const questionWeights = r.questions.reduce((s, q) => s + q.weight, 0)
  if (questionWeights + r.pricePercent !== 100) {
    issue(
      ['pricePercent'],
      `The question weights (${questionWeights}) and the price weight (${r.pricePercent}) must add up to 100; they add up to ${questionWeights + r.pricePercent}`,
    )
  }
  if (r.clarificationDeadline >= r.submissionDeadline)
    issue(['clarificationDeadline'], 'The deadline for questions must be before the deadline for bids')
  if (r.evaluationEndDate <= r.submissionDeadline.slice(0, 10))
    issue(['evaluationEndDate'], 'The evaluation end date must be after the deadline for bids')
  if (r.startDate <= r.evaluationEndDate) issue(['startDate'], 'The start date must be after the evaluation end date')
})

export type Requirement = z.output<typeof RequirementSchema>

/** A zod path to the control's id: ['questions', 2, 'weight'] → 'question-3-weight'. */
export function requirementField(path: readonly PropertyKey[]): string {
  if (path[0] === 'questions' && typeof path[1] === 'number') {
    const part =
      path[2] === 'descriptors' ? (typeof path[3] === 'number' ? `descriptor-${path[3]}` : 'descriptor-0') : String(path[2] ?? 'title')
    return questionField(path[1], part)
  }
  return String(path[0] ?? 'title')
}

/** Parses a requirement, or throws a UserInputError naming the first field at fault. */
export function parseRequirement(input: RequirementInput): Requirement {
  const parsed = RequirementSchema.safeParse(input)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  throw new UserInputError(issue.message, { field: requirementField(issue.path) })
}
