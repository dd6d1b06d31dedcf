/** What a referral accepts, in the Placements Data Standard's terms. */
import { z } from 'zod'
import { REGISTRATION_CATEGORY_CODES, type RegistrationCategoryCode } from '../../market/domain/categories.js'
import { isoDay, optionalPostcode } from '../children/childSchema.js'

export const URGENCIES = ['today', 'under-5-days', 'over-5-days'] as const
export type Urgency = (typeof URGENCIES)[number]
export const PLACEMENT_TYPES = ['residential', 'foster', 'supported-accommodation'] as const
export const REFERRAL_EVENT_KINDS = ['sent', 'response', 'matching-meeting', 'admission', 'closed'] as const
export type ReferralEventKind = (typeof REFERRAL_EVENT_KINDS)[number]

export const ReferralSchema = z.object({
  urgency: z.enum(URGENCIES, { message: 'Select when the placement is needed by' }),
  placementTypes: z
    .array(z.enum(PLACEMENT_TYPES, { message: 'Select placement types from the list' }))
    .min(1, { message: 'Select at least one placement type' }),
  preferredPostcode: optionalPostcode('the preferred location'),
  siblings: z
    .string()
    .trim()
    .max(1000, { message: 'Siblings must be 1000 characters or fewer' })
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
  deprivationOfLiberty: z.enum(['yes', 'no'], { message: 'Select whether there is a Deprivation of Liberty Order' }),
  // What matching needs beyond the core fields and the child's profile; left out, any registration, from today.
  categories: z
    .array(
      z.enum(REGISTRATION_CATEGORY_CODES as [RegistrationCategoryCode, ...RegistrationCategoryCode[]], {
        message: 'Select registration categories from the list',
      }),
    )
    .default([]),
  plannedStartDate: isoDay('the planned start date')
    .nullable()
    .optional()
    .transform((v) => v ?? null),
})
export const NewReferralSchema = ReferralSchema.extend({
  childId: z.string({ message: 'Select the child' }).min(1, { message: 'Select the child' }),
})
export type NewReferral = z.input<typeof NewReferralSchema>
export type ReferralChanges = z.input<typeof ReferralSchema>

export const ReferralEventSchema = z.object({
  kind: z.enum(['response', 'matching-meeting'], { message: 'Select what happened' }),
  detail: z
    .string()
    .trim()
    .max(2000, { message: 'Detail must be 2000 characters or fewer' })
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
})
