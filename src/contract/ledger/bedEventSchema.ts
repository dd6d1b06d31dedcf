/** What a bed event must say, checked before anything is read; each problem names its form control. */
import { z } from 'zod'
import { toEpochDay } from '../../platform/calendar/isoDate.js'
import { EMPTY_CAUSES } from '../ports.js'
import { EVENT_KINDS, UNAVAILABILITY_REASONS } from './domain/codes.js'

const realDate = (s: string) => {
  try {
    return toEpochDay(s) >= 0
  } catch {
    return false
  }
}
export const isoDate = (what: string) =>
  z.string({ error: `Enter ${what}` }).refine(realDate, `Enter ${what} as a real date, such as 2026-04-01`)
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' || v === undefined ? null : v), schema.nullable())

export const BedEventSchema = z
  .object({
    bedId: z.string({ error: 'Select a bed' }).min(1, 'Select a bed'),
    kind: z.enum(EVENT_KINDS, { error: 'Select what happened to the bed' }),
    fromDate: isoDate('the date it starts'),
    toDate: optional(isoDate('the last day it applies')),
    reason: optional(z.enum(UNAVAILABILITY_REASONS, { error: 'Select why the bed is unavailable' })),
    cause: optional(z.enum(EMPTY_CAUSES, { error: 'Select why the bed is empty' })),
    referralId: optional(z.string().max(100)),
    note: optional(z.string().max(1000, 'The note must be 1,000 characters or fewer')),
  })
  .superRefine((e, ctx) => {
    if (e.toDate !== null && e.toDate < e.fromDate)
      ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'The last day must be on or after the start date' })
    if (e.kind === 'unavailable' && e.reason === null)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Select why the bed is unavailable' })
    if (e.kind !== 'unavailable' && e.reason !== null)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Give a reason only for unavailability' })
    if (e.kind === 'empty-cause' && e.cause === null)
      ctx.addIssue({ code: 'custom', path: ['cause'], message: 'Select why the bed is empty' })
    if (e.kind !== 'empty-cause' && e.cause !== null)
      ctx.addIssue({ code: 'custom', path: ['cause'], message: 'Give a cause only when saying why the bed is empty' })
  })
/** As a form or another room gives it: blanks for what does not apply. */
export type BedEventInput = {
  bedId: string
  kind: string
  fromDate: string
  toDate?: string | null
  reason?: string | null
  cause?: string | null
  referralId?: string | null
  note?: string | null
}
export type BedEvent = z.output<typeof BedEventSchema>

export const VoidSchema = z.object({
  voidReason: z.string({ error: 'Say why this event is being voided' }).trim().min(1, 'Say why this event is being voided').max(1000),
})

export const EndSchema = z.object({ toDate: isoDate('the last day it applies') })
