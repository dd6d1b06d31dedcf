/** What booking, ending and impact assessment accept. */
import { z } from 'zod'
import { PASS_OVER_CAUSES } from '../cascade/passOver.js'
import { ROUTES } from '../domain/vacancy.js'
import { isoDay } from '../children/childSchema.js'
import { REASON_PLACE_CHANGE_CODES, REC_CODES } from './codes.js'

const MAX_WEEKLY_PENCE = 100_000_00 // £100,000 a week: far above any placement councils report

export const BookingSchema = z.object({
  referralId: z.string({ message: 'Select the referral' }).min(1, { message: 'Select the referral' }),
  homeId: z.string({ message: 'Select the home' }).min(1, { message: 'Select the home' }),
  bedId: z.string({ message: 'Select the bed' }).min(1, { message: 'Select the bed' }),
  /** Left out, the bed's own route on the start date (and its contract), as the contract room says. */
  route: z.enum(ROUTES, { message: 'Select the route: in-house, block or spot' }).optional(),
  contractId: z
    .string()
    .min(1)
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  weeklyPricePence: z
    .number({ message: 'Weekly price must be a whole number of pence' })
    .int({ message: 'Weekly price must be a whole number of pence' })
    .min(0, { message: 'Weekly price cannot be negative' })
    .max(MAX_WEEKLY_PENCE, { message: 'Weekly price must be £100,000 or less' }),
  startDate: isoDay('the start date'),
  plannedEndDate: isoDay('the planned end date')
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  /** Why the feasible empty block beds are not used, when the child goes elsewhere (required then, ignored otherwise). */
  emptyBedCause: z
    .enum(PASS_OVER_CAUSES, { message: 'Select why the empty block bed is not used' })
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  emptyBedNote: z
    .string()
    .trim()
    .max(1000, { message: 'The note must be 1000 characters or fewer' })
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
})
export type Booking = z.input<typeof BookingSchema>

export const EndingSchema = z.object({
  endDate: isoDay('the end date'),
  reasonEpisodeCeased: z.enum(REC_CODES, { message: 'Select the reason the episode ceased (SSDA903 REC code)' }),
  reasonPlaceChange: z
    .enum(REASON_PLACE_CHANGE_CODES, { message: 'Select the reason for the change of placement (SSDA903 REASON_PLACE_CHANGE code)' })
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  planned: z.enum(['planned', 'unplanned'], { message: 'Select whether the ending was planned or unplanned' }),
})
export type Ending = z.input<typeof EndingSchema>

export const ImpactAssessmentSchema = z.object({
  assessment: z
    .string({ message: 'Enter the impact risk assessment' })
    .trim()
    .min(1, { message: 'Enter the impact risk assessment' })
    .max(8000, { message: 'Impact risk assessment must be 8000 characters or fewer' }),
})
