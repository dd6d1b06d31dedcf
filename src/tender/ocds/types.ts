/**
 * What the OCDS builders need to know about one mini-competition (a call-off under a framework):
 * a plain record the tender service assembles from its tables. Money is integer pence, dates
 * ISO 'YYYY-MM-DD', timestamps ISO strings with an offset. `OcdsTenderRecordSchema` checks it,
 * so a bad record fails with the field at fault rather than as an invalid publication.
 */
import { z } from 'zod'

const isoDate = z.iso.date()
const timestamp = z.iso.datetime({ offset: true })
const pence = z.number().int().nonnegative()
const count = z.number().int().positive()

export const OcdsAddressSchema = z.object({
  streetAddress: z.string().min(1).optional(),
  locality: z.string().min(1).optional(),
  region: z.string().min(1).optional(),
  postalCode: z.string().min(1).optional(),
  countryName: z.string().min(1).optional(),
})

/** A provider as a party: `GB-COH-<number>` when it has a Companies House number. */
export const OcdsProviderSchema = z.object({
  id: z.string().min(1), // our provider id: the party id when there is no Companies House number
  name: z.string().min(1),
  companiesHouseNumber: z
    .string()
    .regex(/^[A-Za-z0-9]{1,8}$/, 'must be a Companies House number such as 01234567 or SC123456')
    .nullable(),
  address: OcdsAddressSchema.optional(),
})

export const OcdsAwardSchema = z.object({
  id: z.string().min(1),
  date: z.union([isoDate, timestamp]),
  status: z.enum(['pending', 'active', 'cancelled', 'unsuccessful']),
  /** The supplier(s) of this award: usually one provider. */
  providers: z.array(OcdsProviderSchema).min(1),
  /** The homes whose beds the winning bid offered. */
  homes: z.array(z.object({ id: z.string().min(1), name: z.string().min(1), urn: z.string().min(1), beds: count })).min(1),
  beds: count,
  pricePencePerBedWeek: pence,
  /** The lot(s) the award is for; by default the tender's only lot, if it has one. */
  lotIds: z.array(z.string().min(1)).optional(),
  standstill: z.object({ startDate: isoDate, endDate: isoDate }).nullable(),
})

export const OcdsContractSchema = z.object({
  id: z.string().min(1),
  awardId: z.string().min(1),
  provider: OcdsProviderSchema,
  beds: count,
  pricePencePerBedWeek: pence,
  period: z.object({ startDate: isoDate, endDate: isoDate, maxExtentDate: isoDate }),
  dateSigned: z.union([isoDate, timestamp]).nullable(),
  status: z.enum(['pending', 'active', 'cancelled', 'terminated']),
  /** Changes since it was signed (an extension taken, an approved variation), in any order. */
  amendments: z
    .array(
      z.object({
        id: z.string().min(1),
        date: z.union([isoDate, timestamp]),
        rationale: z.string().min(1),
        description: z.string().min(1),
      }),
    )
    .optional(),
})

export const OcdsTenderRecordSchema = z.object({
  framework: z.object({ ocid: z.string().min(1), name: z.string().min(1) }),
  buyer: z.object({
    /** An org-id identifier: 'GB-PPON-ABCD-1234-EFGH' (Central Digital Platform) or e.g. 'GB-LAS-STH'. */
    id: z.string().regex(/^[A-Z]{2}-[A-Z]{2,6}-\S+$/, "must be an org-id identifier such as 'GB-PPON-ABCD-1234-EFGH'"),
    name: z.string().min(1),
    address: OcdsAddressSchema.optional(),
  }),
  tender: z.object({
    id: z.string().min(1),
    ocid: z.string().min(1),
    title: z.string().min(1),
    description: z.string().min(1),
    lots: z.array(z.object({ id: z.string().min(1), number: count, title: z.string().min(1) })),
    bedsMin: count,
    bedsMax: count,
    startDate: isoDate,
    termYears: count,
    extensionYears: z.number().int().nonnegative(),
    priceMethod: z.enum(['per-bed-week', 'whole-life']),
    awardCriteria: z.object({
      pricePercent: z.number().min(0).max(100),
      questions: z.array(
        z.object({
          number: count,
          title: z.string().min(1),
          weight: z.number().min(0).max(100),
          minimumScore: z.number().min(0),
          kind: z.enum(['quality', 'social-value']),
        }),
      ),
    }),
    clarificationDeadline: timestamp,
    submissionDeadline: timestamp,
    publishedAt: timestamp.nullable(),
    status: z.enum(['draft', 'open', 'closed', 'opened', 'moderated', 'award-proposed', 'standstill', 'concluded', 'cancelled']),
    invitedProviders: z.array(OcdsProviderSchema),
    /** The providers that submitted a bid (not withdrawn). Published only from the award stage. */
    tenderers: z.array(OcdsProviderSchema),
  }),
  awards: z.array(OcdsAwardSchema),
  contracts: z.array(OcdsContractSchema),
})

export type OcdsAddress = z.infer<typeof OcdsAddressSchema>
export type OcdsProvider = z.infer<typeof OcdsProviderSchema>
export type OcdsAward = z.infer<typeof OcdsAwardSchema>
export type OcdsContract = z.infer<typeof OcdsContractSchema>
export type OcdsTenderRecord = z.infer<typeof OcdsTenderRecordSchema>

export type OcdsStage = 'tender' | 'award' | 'contract'

export type OcdsPublishOptions = {
  publisher: { name: string; scheme?: string; uid?: string; uri?: string }
  /** Where this package will be published. */
  uri: string
  /** When the package is published: an ISO timestamp. */
  publishedDate: string
  /** Bumped when a stage is republished with changes: release id `${ocid}-${stage}-${n}`. 1 by default. */
  releaseNumber?: number
  /** The data licence; the Open Government Licence v3.0 by default. */
  license?: string
  publicationPolicy?: string
}

// ——— output: the parts of OCDS 1.1 (with the lots, techniques, renewal, awardCriteria and UK extensions) we write ———

export type OcdsValue = { amount: number; currency: 'GBP' }
export type OcdsPeriod = { startDate?: string; endDate?: string; maxExtentDate?: string; durationInDays?: number }
export type OcdsOrganizationReference = { id: string; name: string }
export type OcdsClassification = { scheme: string; id: string; description: string }
export type OcdsItem = {
  id: string
  description: string
  classification: OcdsClassification
  additionalClassifications: OcdsClassification[]
  quantity: number
  unit: { scheme: 'UNCEFACT'; id: 'WEE'; name: 'bed-week'; value?: OcdsValue }
  relatedLot?: string
}
export type OcdsRenewal = { description: string; maximumRenewals: number; period: { durationInDays: number } }
export type OcdsParty = {
  id: string
  name: string
  identifier?: { scheme: string; id: string; legalName: string }
  address?: OcdsAddress
  roles: string[]
}
export type OcdsCriterion = {
  type: 'price' | 'cost' | 'quality'
  name: string
  description?: string
  numbers: ({ number: number; weight: 'percentageExact' } | { number: number; threshold: 'minimumScore' })[]
}
export type OcdsLot = {
  id: string
  title: string
  status: string
  awardCriteria: { criteria: OcdsCriterion[] }
}
export type OcdsTender = {
  id: string
  title: string
  description: string
  status: 'planning' | 'active' | 'cancelled' | 'complete'
  procuringEntity: OcdsOrganizationReference
  items: OcdsItem[]
  procurementMethod: 'selective'
  procurementMethodDetails: string
  mainProcurementCategory: 'services'
  awardCriteria: 'ratedCriteria'
  awardCriteriaDetails: string
  submissionMethod: ['electronicSubmission']
  tenderPeriod?: OcdsPeriod
  enquiryPeriod?: OcdsPeriod
  contractPeriod: OcdsPeriod
  numberOfTenderers?: number
  tenderers?: OcdsOrganizationReference[]
  lots: OcdsLot[]
  techniques: { hasFrameworkAgreement: true; frameworkAgreement: { method: 'withReopeningCompetition' } }
  competitive: true
  hasRenewal: boolean
  renewal?: OcdsRenewal
}
export type OcdsAwardRelease = {
  id: string
  title: string
  status: OcdsAward['status']
  date: string
  value: OcdsValue
  suppliers: OcdsOrganizationReference[]
  items: OcdsItem[]
  contractPeriod: OcdsPeriod
  relatedLots?: string[]
  standstillPeriod?: OcdsPeriod
}
export type OcdsAmendment = { id: string; date: string; rationale: string; description: string; amendsReleaseID: string; releaseID: string }
export type OcdsContractRelease = {
  id: string
  awardID: string
  title: string
  status: OcdsContract['status']
  period: OcdsPeriod
  value: OcdsValue
  items: OcdsItem[]
  dateSigned?: string
  hasRenewal: boolean
  renewal?: OcdsRenewal
  amendments?: OcdsAmendment[]
}
/** A contract release once a contract has changed is a 'contractAmendment'. */
export type OcdsTag = OcdsStage | 'contractAmendment'
export type OcdsRelease = {
  ocid: string
  id: string
  date: string
  tag: [OcdsTag]
  initiationType: 'tender'
  language: 'en'
  parties: OcdsParty[]
  buyer: OcdsOrganizationReference
  relatedProcesses: { id: '1'; relationship: ['framework']; scheme: 'ocid'; identifier: string; title: string }[]
  tender: OcdsTender
  awards?: OcdsAwardRelease[]
  contracts?: OcdsContractRelease[]
}
export type OcdsReleasePackage = {
  uri: string
  version: '1.1'
  publishedDate: string
  publisher: OcdsPublishOptions['publisher']
  license: string
  publicationPolicy?: string
  extensions: string[]
  releases: [OcdsRelease]
}
