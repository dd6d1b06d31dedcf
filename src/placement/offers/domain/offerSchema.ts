/** What sending a referral to chosen homes and a provider's answer accept. Field names are the form controls' ids. */
import { z } from 'zod'
import { isoDay } from '../../children/childSchema.js'
import { DECLINE_REASON_CODES } from './requestStatus.js'

/** A targeted referral, not a broadcast: never "send all". */
export const MAX_HOMES_PER_SENDING = 10
const MAX_WEEKLY_PENCE = 100_000_00 // £100,000 a week, as booking allows

const optionalText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `${what} must be ${max} characters or fewer` })
    .nullable()
    .optional()
    .transform((v) => (v ? v : null))

export const SendRequestsSchema = z.object({
  homeIds: z
    .array(z.string().min(1), { message: 'Select at least one home to send the referral to' })
    .min(1, { message: 'Select at least one home to send the referral to' })
    .transform((ids) => [...new Set(ids)])
    .refine((ids) => ids.length <= MAX_HOMES_PER_SENDING, {
      message: `Select at most ${MAX_HOMES_PER_SENDING} homes: send the referral only to homes that could meet the child’s needs`,
    }),
  /** ISO timestamp; null or absent for the default by urgency. */
  deadline: z
    .string()
    .refine((v) => !Number.isNaN(Date.parse(v)) && /^\d{4}-\d{2}-\d{2}T/.test(v), { message: 'Deadline must be a real date and time' })
    .nullable()
    .optional()
    .transform((v) => (v ? new Date(v).toISOString() : null)),
})
export type SendRequests = z.input<typeof SendRequestsSchema>

export const OfferSchema = z.object({
  kind: z.literal('offer'),
  weeklyPricePence: z
    .number({ message: 'Enter the weekly price in pounds, like 4500 or 4,500.00' })
    .int({ message: 'Weekly price must be a whole number of pence' })
    .min(1, { message: 'Weekly price must be more than £0' })
    .max(MAX_WEEKLY_PENCE, { message: 'Weekly price must be £100,000 or less' }),
  startDate: isoDay('the start date'),
  note: optionalText('Note', 2000),
})

export const DeclineSchema = z
  .object({
    kind: z.literal('decline'),
    reason: z.enum(DECLINE_REASON_CODES, { message: 'Select the reason you cannot offer a place' }),
    detail: optionalText('Detail', 2000),
  })
  .refine((d) => d.reason !== 'other' || d.detail !== null, { message: 'Say why you cannot offer a place', path: ['detail'] })

export const ResponseSchema = z.discriminatedUnion('kind', [OfferSchema, DeclineSchema], {
  message: 'Select whether you can offer a place',
})
export type ResponseInput = z.input<typeof ResponseSchema>
export type Response = z.output<typeof ResponseSchema>
