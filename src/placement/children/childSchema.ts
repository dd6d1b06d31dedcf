/** What the placement room accepts for a child's record. Field names are the form controls' ids. */
import { z } from 'zod'
import { tryParsePostcode } from '../../geo/postcode.js'
import { toEpochDay } from '../../platform/calendar/isoDate.js'
import { NEED_CODES } from '../../market/domain/needs.js'
import { CHILD_SEXES } from '../domain/needsProfile.js'
import { RISK_FLAGS, type RiskFlag } from '../domain/riskFlags.js'
import { LEGAL_STATUS_CODES } from '../placements/codes.js'

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
  requirements: z
    .string()
    .trim()
    .max(4000, { message: 'Requirements must be 4000 characters or fewer' })
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
})
export type ChildInput = z.input<typeof ChildSchema>
export type ChildFields = z.output<typeof ChildSchema>
