/**
 * What a bid must be. A draft may be incomplete (answers blank, breakdown not yet adding up); a
 * submitted bid must be whole: see `completenessProblem`. Field ids follow fields.ts.
 */
import { z } from 'zod'
import { UserInputError } from '../../platform/errors.js'
import type { BidInput, CostBreakdown, Question } from '../tenderApi.js'
import { answerField, costField, lineField } from './fields.js'
import { MAX_PENCE_PER_WEEK } from './requirementSchema.js'

export const COST_PARTS = [
  'staffing',
  'premises',
  'education',
  'therapy',
  'overheads',
  'profit',
] as const satisfies readonly (keyof CostBreakdown)[]
export const MAX_ANSWER_CHARS = 20_000

const pence = (label: string) =>
  z
    .number({ message: `Enter the ${label} as an amount of money, like 4250.00` })
    .int({ message: `Enter the ${label} in pounds and pence, like 4250.00` })
    .min(0, { message: `The ${label} must be £0 or more` })
    .max(MAX_PENCE_PER_WEEK, { message: `The ${label} must be £1,000,000 or less` })

const BidSchema = z.object({
  lines: z
    .array(
      z.object({
        homeId: z.string().min(1, { message: 'Select a home' }),
        beds: z
          .number({ message: 'Beds must be a whole number' })
          .int({ message: 'Beds must be a whole number' })
          .min(1, { message: 'Beds must be 1 or more' })
          .max(100, { message: 'Beds must be 100 or fewer' }),
      }),
      { message: 'Offer beds in at least one home' },
    )
    .min(1, { message: 'Offer beds in at least one home' }),
  pricePencePerBedWeek: pence('price per bed-week').min(1, { message: 'The price per bed-week must be more than £0' }),
  coreFeePencePerWeek: pence('core fee').nullable(),
  perPlacementFeePencePerWeek: pence('fee per placement').nullable(),
  costBreakdown: z.object(
    Object.fromEntries(COST_PARTS.map((p) => [p, pence(`${p} cost`)])) as Record<(typeof COST_PARTS)[number], ReturnType<typeof pence>>,
  ),
  answers: z.array(
    z.object({
      questionId: z.string().min(1),
      text: z
        .string({ message: 'Enter your answer' })
        .max(MAX_ANSWER_CHARS, { message: `An answer must be ${MAX_ANSWER_CHARS.toLocaleString('en-GB')} characters or fewer` }),
    }),
  ),
})

function bidField(path: readonly PropertyKey[], input: BidInput): string {
  const [head, index, part] = path
  if (head === 'lines') {
    const homeId = typeof index === 'number' ? input.lines?.[index]?.homeId : undefined
    return homeId ? lineField(homeId) : 'lines'
  }
  if (head === 'costBreakdown') return costField(typeof index === 'string' ? index : 'staffing')
  if (head === 'answers') {
    const questionId = typeof index === 'number' ? input.answers?.[index]?.questionId : undefined
    return questionId ? answerField(questionId) : 'answers'
  }
  void part
  return String(head ?? 'pricePencePerBedWeek')
}

/** The bid's shape and numbers, normalised (answers trimmed, one line per home); UserInputError naming the field otherwise. */
export function parseBid(input: BidInput, questions: Pick<Question, 'id'>[]): BidInput {
  const parsed = BidSchema.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new UserInputError(issue.message, { field: bidField(issue.path, input) })
  }
  const bid = parsed.data
  const seenHomes = new Set<string>()
  for (const l of bid.lines) {
    if (seenHomes.has(l.homeId))
      throw new UserInputError('Each home can be offered once; give its beds in one line', { field: lineField(l.homeId) })
    seenHomes.add(l.homeId)
  }
  if ((bid.coreFeePencePerWeek === null) !== (bid.perPlacementFeePencePerWeek === null)) {
    const field = bid.coreFeePencePerWeek === null ? 'coreFeePencePerWeek' : 'perPlacementFeePencePerWeek'
    throw new UserInputError('Give both a core fee and a fee per placement, or neither', { field })
  }
  const known = new Set(questions.map((q) => q.id))
  const seenAnswers = new Set<string>()
  for (const a of bid.answers) {
    if (!known.has(a.questionId) || seenAnswers.has(a.questionId))
      throw new UserInputError('Answer each question of this tender once', { field: answerField(a.questionId) })
    seenAnswers.add(a.questionId)
  }
  return { ...bid, answers: bid.answers.map((a) => ({ questionId: a.questionId, text: a.text.trim() })) }
}

export const bedsOf = (bid: Pick<BidInput, 'lines'>) => bid.lines.reduce((s, l) => s + l.beds, 0)

/**
 * What stops a saved bid from being submitted, or null: every question answered, the open-book
 * breakdown adding up to the price, and core-plus-placement fees that come to the price when full.
 */
export function completenessProblem(bid: BidInput, questions: Pick<Question, 'id' | 'number'>[]): UserInputError | null {
  for (const q of questions) {
    const a = bid.answers.find((x) => x.questionId === q.id)
    if (!a || a.text === '') return new UserInputError(`Answer question ${q.number}`, { field: answerField(q.id) })
  }
  const total = COST_PARTS.reduce((s, p) => s + bid.costBreakdown[p], 0)
  if (total !== bid.pricePencePerBedWeek) {
    return new UserInputError(
      `The cost breakdown adds up to ${pounds(total)}; it must add up to the price per bed-week, ${pounds(bid.pricePencePerBedWeek)}`,
      { field: costField('staffing') },
    )
  }
  if (bid.coreFeePencePerWeek !== null && bid.perPlacementFeePencePerWeek !== null) {
    const beds = bedsOf(bid)
    const full = bid.coreFeePencePerWeek + bid.perPlacementFeePencePerWeek * beds
    // A penny per bed either way: a fee split into whole pence cannot always divide exactly.
    if (Math.abs(full - bid.pricePencePerBedWeek * beds) > beds) {
      return new UserInputError(
        `With every bed filled, the core fee and fees per placement come to ${pounds(full)} a week; at the price per bed-week, ${beds} beds cost ${pounds(bid.pricePencePerBedWeek * beds)}`,
        { field: 'coreFeePencePerWeek' },
      )
    }
  }
  return null
}

export function pounds(pence: number): string {
  return `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
}
