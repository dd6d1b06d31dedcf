import { z } from 'zod'
import { tryParsePostcode } from '../../geo/postcode.js'
import { UserInputError } from '../../platform/errors.js'
import { REGISTRATION_CATEGORY_CODES, type RegistrationCategoryCode } from './categories.js'
import { normaliseCompanyNumber } from './companiesHouse.js'
import { OFSTED_JUDGEMENTS } from './judgements.js'
import { LEGAL_REGIME_CODES } from './lots.js'
import { NEED_CODES } from './needs.js'
import { HOME_STATUSES, MEMBERSHIP_STATUSES, SEXES_ACCEPTED, BED_STATUSES } from './statuses.js'

/**
 * What the market accepts when a person or a program edits it. Field names are the form
 * controls' ids, so a UserInputError's field links straight to the control to fix.
 */

const MAX_RATE_PENCE = 100_000_00 // £100,000 a week: far above the highest placement councils report (£63,000)

function realDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])
}

const isoDate = (what: string) =>
  z.string({ message: `Enter ${what}` }).refine(realDate, { message: `${what[0]!.toUpperCase()}${what.slice(1)} must be a real date` })

const optionalText = (label: string, max = 200) =>
  z
    .string()
    .trim()
    .max(max, { message: `${label} must be ${max} characters or fewer` })
    .nullable()
    .optional()
    .transform((v) => (v ? v : null))

const wholeNumber = (label: string, min: number, max: number) =>
  z
    .number({ message: `${label} must be a whole number` })
    .int({ message: `${label} must be a whole number` })
    .min(min, { message: `${label} must be ${min} or more` })
    .max(max, { message: `${label} must be ${max} or fewer` })

const age = (label: string) =>
  wholeNumber(label, 0, 25)
    .nullable()
    .optional()
    .transform((v) => v ?? null)

const postcode = z
  .string()
  .nullable()
  .optional()
  .transform((v, ctx) => {
    if (!v || !v.trim()) return null
    const parsed = tryParsePostcode(v)
    if (!parsed) {
      ctx.addIssue({ code: 'custom', message: 'Enter a real postcode, like SO14 7DU' })
      return z.NEVER
    }
    return parsed.postcode
  })

const uniqueList = <T extends string>(values: readonly [T, ...T[]], message: string) =>
  z.array(z.enum(values, { message }), { message }).transform((list) => [...new Set(list)].sort())

export const categoriesSchema = uniqueList(
  REGISTRATION_CATEGORY_CODES as [RegistrationCategoryCode, ...RegistrationCategoryCode[]],
  'Select registration categories from the list',
)
export const needsSchema = uniqueList(NEED_CODES, 'Select needs from the list')

/** Everything about a home a person may change. */
const homeFieldsObject = z.object({
  name: z
    .string({ message: 'Enter the home’s name' })
    .trim()
    .min(1, { message: 'Enter the home’s name' })
    .max(200, { message: 'Name must be 200 characters or fewer' }),
  addressLine: optionalText('Address'),
  town: optionalText('Town'),
  postcode,
  registeredPlaces: wholeNumber('Registered places', 0, 100),
  ageMin: age('Youngest age'),
  ageMax: age('Oldest age'),
  sexesAccepted: z.enum(SEXES_ACCEPTED, { message: 'Select who the home accepts' }),
  ofstedJudgement: z
    .enum(OFSTED_JUDGEMENTS, { message: 'Select the latest Ofsted judgement' })
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  ofstedJudgementDate: isoDate('the date of the judgement')
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  status: z.enum(HOME_STATUSES, { message: 'Select the home’s status' }),
  registrationDate: isoDate('the registration date')
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  categories: categoriesSchema,
  needs: needsSchema,
})

type HomeRuleInput = { ageMin: number | null; ageMax: number | null; ofstedJudgement: string | null; ofstedJudgementDate: string | null }

function homeRules(h: HomeRuleInput, ctx: z.RefinementCtx): void {
  if (h.ageMin !== null && h.ageMax !== null && h.ageMax < h.ageMin) {
    ctx.addIssue({ code: 'custom', path: ['ageMax'], message: 'Oldest age must be the same as or more than the youngest age' })
  }
  if (h.ofstedJudgementDate && (!h.ofstedJudgement || h.ofstedJudgement === 'Not yet inspected')) {
    ctx.addIssue({ code: 'custom', path: ['ofstedJudgement'], message: 'Select the judgement the home was given on that date' })
  }
}

export const HomeFieldsSchema = homeFieldsObject.superRefine(homeRules)
export type HomeFields = z.infer<typeof HomeFieldsSchema>
/** A change to some of a home's fields; the service checks the result as a whole. */
export const HomeChangesSchema = homeFieldsObject.partial()
export type HomeChanges = z.input<typeof HomeChangesSchema>

export const LocationSchema = z.object({
  easting: wholeNumber('Easting', 0, 700_000),
  northing: wholeNumber('Northing', 0, 1_300_000),
  precision: z.enum(['unit', 'sector', 'district'], { message: 'Location precision must be unit, sector or district' }),
  lad: z
    .string()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
})
export type HomeLocation = z.input<typeof LocationSchema>

export const NewHomeSchema = homeFieldsObject
  .extend({
    id: z.string().min(1).optional(),
    urn: z
      .string({ message: 'Enter the Ofsted URN' })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{6,10}$/, { message: 'Ofsted URN must be 6 to 10 letters and digits, like SC123456 or 1234567' }),
    providerId: z.string({ message: 'Select a provider' }).min(1, { message: 'Select a provider' }),
    location: LocationSchema.nullable()
      .optional()
      .transform((v) => v ?? null),
    beds: wholeNumber('Beds', 0, 100).optional().default(0),
    categories: categoriesSchema.optional().default([]),
    needs: needsSchema.optional().default([]),
  })
  .superRefine(homeRules)
export type NewHome = z.input<typeof NewHomeSchema>

export const ProviderFieldsSchema = z.object({
  name: z
    .string({ message: 'Enter the provider’s name' })
    .trim()
    .min(1, { message: 'Enter the provider’s name' })
    .max(200, { message: 'Name must be 200 characters or fewer' }),
  companiesHouseNumber: z
    .string()
    .nullable()
    .optional()
    .transform((v, ctx) => {
      if (!v || !v.trim()) return null
      const n = normaliseCompanyNumber(v)
      if (!n) {
        ctx.addIssue({
          code: 'custom',
          message: 'Companies House number must be 8 characters: 8 digits, or 2 letters and 6 digits, like 01234567 or SC123456',
        })
        return z.NEVER
      }
      return n
    }),
})

/** One provider's place on one lot; the id of the lot's controls on the provider form. */
export const membershipField = (lotId: string, part: 'status' | 'rate') => `lot-${lotId}-${part}`

export const MembershipChangeSchema = z.object({
  lotId: z.string().min(1),
  status: z.enum(MEMBERSHIP_STATUSES, { message: 'Select a membership status' }),
  spotRatePencePerWeek: z
    .number({ message: 'Enter the spot rate as an amount of money, like 4250.00' })
    .int({ message: 'Enter the spot rate in pounds and pence, like 4250.00' })
    .min(0, { message: 'Spot rate must be £0 or more' })
    .max(MAX_RATE_PENCE, { message: 'Spot rate must be £100,000 a week or less' })
    .nullable(),
})
export type MembershipChange = z.input<typeof MembershipChangeSchema>

export const NewProviderSchema = ProviderFieldsSchema.extend({
  id: z.string().min(1).optional(),
  ofstedOwnerId: z
    .string()
    .trim()
    .min(1)
    .nullable()
    .optional()
    .transform((v) => v ?? null),
})
export type NewProvider = z.input<typeof NewProviderSchema>

export const ProviderChangesSchema = ProviderFieldsSchema.partial().extend({
  memberships: z.array(MembershipChangeSchema).optional(),
})
export type ProviderChanges = z.input<typeof ProviderChangesSchema>

const LotSchema = z.object({
  number: wholeNumber('Lot number', 1, 99),
  code: z.string().trim().min(1, { message: 'Enter the lot’s code' }).max(20),
  name: z.string().trim().min(1, { message: 'Enter the lot’s name' }).max(200),
})

export const NewFrameworkSchema = z
  .object({
    id: z.string().min(1).optional(),
    name: z.string({ message: 'Enter the framework’s name' }).trim().min(1, { message: 'Enter the framework’s name' }).max(300),
    legalRegime: z.enum(LEGAL_REGIME_CODES, {
      message: 'Select the legal regime: Public Contracts Regulations 2015 or Procurement Act 2023',
    }),
    startsOn: isoDate('the start date'),
    endsOn: isoDate('the end date'),
    ocid: optionalText('OCID'),
    leadOrganisationId: z.string({ message: 'Select the lead organisation' }).min(1, { message: 'Select the lead organisation' }),
    lots: z.array(LotSchema).min(1, { message: 'A framework needs at least one lot' }).optional(),
  })
  .superRefine((f, ctx) => {
    if (f.endsOn <= f.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'End date must be after the start date' })
    const numbers = (f.lots ?? []).map((l) => l.number)
    if (new Set(numbers).size !== numbers.length) ctx.addIssue({ code: 'custom', path: ['lots'], message: 'Each lot needs its own number' })
  })
export type NewFramework = z.input<typeof NewFrameworkSchema>

export const BedStatusSchema = z.enum(BED_STATUSES, { message: 'Select vacant, occupied or unavailable' })

/** Parses with a schema, or throws a UserInputError naming the first field at fault. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  fieldFor: (path: PropertyKey[]) => string = (p) => String(p[0] ?? 'form'),
): z.output<S> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  throw new UserInputError(issue.message, { field: fieldFor(issue.path) })
}
