/** What the placement room accepts for a child's record. Field names are the form controls' ids. */
import { z } from 'zod'
import { tryParsePostcode } from '../../geo/postcode.js'
import { toEpochDay } from '../../platform/calendar/isoDate.js'
import { NEED_CODES } from '../../market/domain/needs.js'
import { CARED_FOR_ALONGSIDE, CHILD_SEXES } from '../domain/needsProfile.js'
import { RISK_FLAGS, type RiskFlag } from '../domain/riskFlags.js'
import { LEGAL_STATUS_CODES } from '../placements/codes.js'
import { ADDITIONAL_SUPPORT, COMMUNICATION_NEEDS, CULTURAL_NEEDS, LANGUAGE_REQUIREMENTS, PETS, SUITABILITY, YES_NO } from './pdsFields.js'

function isRealDate(v: string): boolean {
  try {
    toEpochDay(v)
    return true
  } catch {
    return false
  }
}

export const isoDay = (what: string) =>
  z.string({ message: `Enter ${what}` }).refine(isRealDate, {
    message: `${what[0]!.toUpperCase()}${what.slice(1)} must be a real date`,
  })

export const optionalPostcode = (what: string) =>
  z
    .string()
    .trim()
    .nullable()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null
      const p = tryParsePostcode(v)
      if (!p) {
        ctx.addIssue({ code: 'custom', message: `Enter ${what} as a full UK postcode, like SO14 7DU` })
        return z.NEVER
      }
      return p.postcode
    })

/** Optional free text: blank becomes null. */
const optionalText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `${what} must be ${max} characters or fewer` })
    .nullable()
    .optional()
    .transform((v) => (v ? v : null))

const flagsOf = (group: 'to-child' | 'to-others') =>
  RISK_FLAGS.filter((r) => r.group === group).map((r) => r.code) as [RiskFlag, ...RiskFlag[]]

export const ChildSchema = z.object({
  caseReference: z
    .string({ message: 'Enter the case reference' })
    .trim()
    .min(1, { message: 'Enter the case reference' })
    .max(40, { message: 'Case reference must be 40 characters or fewer' }),
  dateOfBirth: isoDay('the date of birth'),
  sex: z.enum(CHILD_SEXES, { message: 'Select the child’s sex' }),
  legalStatus: z.enum(LEGAL_STATUS_CODES, { message: 'Select a legal status (SSDA903 LS code, e.g. C2 or V2)' }),
  homePostcode: optionalPostcode('the home postcode'),
  schoolPostcode: optionalPostcode('the school postcode'),
  allocatedSocialWorkerUserId: z
    .string()
    .min(1)
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  needs: z.array(z.enum(NEED_CODES, { message: 'Select needs from the list' })).default([]),
  risksToChild: z.array(z.enum(flagsOf('to-child'), { message: 'Select risks to the child from the list' })).default([]),
  risksToOthers: z.array(z.enum(flagsOf('to-others'), { message: 'Select risks to others from the list' })).default([]),
  risksToChildOther: optionalText('Other risks to the child', 1000),
  risksToOthersOther: optionalText('Other risks to others or property', 1000),
  requirements: optionalText('Requirements', 4000),
  // The rest of the Placements Data Standard v2; left out, each is what a record made without it means.
  caredForAlongside: z.enum(CARED_FOR_ALONGSIDE, { message: 'Select who the child can be cared for alongside' }).default('No preference'),
  fosterSuitability: z.enum(SUITABILITY, { message: 'Select how suitable foster care is' }).default('Not specified'),
  residentialSuitability: z.enum(SUITABILITY, { message: 'Select how suitable residential care is' }).default('Not specified'),
  supportedAccommodationSuitability: z
    .enum(SUITABILITY, { message: 'Select how suitable supported accommodation is' })
    .default('Not specified'),
  communicationNeeds: z
    .enum(COMMUNICATION_NEEDS, { message: 'Select whether the child has communication, language and learning needs' })
    .default('Not Specified'),
  languageRequirements: z
    .array(z.enum(LANGUAGE_REQUIREMENTS, { message: 'Select communication and language requirements from the list' }))
    .default([])
    .refine((v) => !(v.includes('None') && v.length > 1), { message: 'Select “None” on its own, or the requirements the child has' }),
  adaptationNeeded: z
    .enum(YES_NO, { message: 'Select whether the home needs adapting' })
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  culturalNeeds: z.enum(CULTURAL_NEEDS, { message: 'Select the child’s cultural needs' }).default('Not Known'),
  pets: z.enum(PETS, { message: 'Select whether the child can live with pets or animals' }).default('Not Known'),
  additionalSupport: z.array(z.enum(ADDITIONAL_SUPPORT, { message: 'Select additional support from the list' })).default([]),
  additionalSupportOther: optionalText('Other additional support', 1000),
})
export type ChildInput = z.input<typeof ChildSchema>
export type ChildFields = z.output<typeof ChildSchema>
