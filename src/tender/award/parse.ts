// The award command's input, checked at the edge: every problem named by its JSON path.
import { z } from 'zod'
import { UserInputError } from '../../platform/errors.js'
import type { AwardInput } from './types.js'

/** A message for a field, or "is required" when the field is missing. */
const says = (text: string) => ({ error: (iss: { input?: unknown }) => (iss.input === undefined ? 'is required' : text) })

function whole(min: number, max: number, text = `must be a whole number of ${min} or more`) {
  return z
    .number(says(text))
    .int(says(text))
    .min(min, says(text))
    .max(max, says(`must be at most ${max.toLocaleString('en-GB')}`))
}

const MAX_BEDS = 10_000
const MAX_PENCE = 100_000_000 // £1m: far above any bed-week, and keeps every total a safe integer

const Bid = z.strictObject({
  id: z.string(says('must be a bid id (text)')).regex(/\S/, says('must not be empty')),
  provider: z.string(says('must be a provider id (text)')).regex(/\S/, says('must not be empty')),
  beds: whole(1, MAX_BEDS),
  pricePencePerBedWeek: whole(1, MAX_PENCE, 'must be a whole number of pence, 1 or more'),
  score: z
    .number(says('must be a number from 0 to 100'))
    .min(0, says('must be a number from 0 to 100'))
    .max(100, says('must be a number from 0 to 100')),
  submittedAt: z.iso.datetime({ offset: true, ...says('must be an ISO timestamp such as 2026-01-10T12:00:00Z') }),
})

const Input = z
  .strictObject(
    {
      rule: z.enum(['optimal', 'rank'], says('must be "optimal" or "rank"')),
      bedsMin: whole(1, MAX_BEDS),
      bedsMax: whole(1, MAX_BEDS),
      maxProviders: whole(1, MAX_BEDS).default(2),
      budgetPencePerWeek: whole(0, Number.MAX_SAFE_INTEGER, 'must be null or a whole number of pence, 0 or more').nullable().default(null),
      fillToMax: z.boolean(says('must be true or false')).default(false),
      bids: z.array(Bid, says('must be a list of bids')).min(1, says('must list at least one bid')),
    },
    says('must be a JSON object with rule, bedsMin, bedsMax and bids'),
  )
  .superRefine((input, ctx) => {
    if (input.bedsMax < input.bedsMin)
      ctx.addIssue({ code: 'custom', path: ['bedsMax'], message: `must be at least bedsMin (${input.bedsMin})` })
    const seen = new Map<string, number>()
    input.bids.forEach((b, i) => {
      const first = seen.get(b.id)
      if (first === undefined) seen.set(b.id, i)
      else ctx.addIssue({ code: 'custom', path: ['bids', i, 'id'], message: `duplicate bid id "${b.id}" (also bids[${first}].id)` })
    })
  })

/** `bids[3].beds` from zod's path. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('')
}

/** Parses the award input (already JSON-decoded); throws UserInputError naming the first bad field. */
export function parseAwardInput(json: unknown, file?: string): AwardInput {
  const parsed = Input.safeParse(json)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  const path = [...issue.path]
  let message = issue.message
  // An unknown field is named by its own path: usually a misspelling of a real one.
  if (issue.code === 'unrecognized_keys') {
    path.push(issue.keys[0]!)
    message = 'is not a field of an award input'
  }
  const field = path.length > 0 ? jsonPath(path) : '(the whole input)'
  const more =
    parsed.error.issues.length > 1
      ? ` (and ${parsed.error.issues.length - 1} more problem${parsed.error.issues.length > 2 ? 's' : ''})`
      : ''
  throw new UserInputError(`${file ? `${file}: ` : ''}${field}: ${message}${more}`, { ...(file ? { file } : {}), field })
}
