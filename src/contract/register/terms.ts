/**
 * A contract's terms as the register takes them, from an award or by hand: checked here, pure, so
 * the same rules hold for both. Each problem names the form control a person must fix.
 */
import { z } from 'zod'
import { extendEnd } from './dates.js'

export const CONTRACT_KINDS = ['block', 'in-house', 'spot-arrangement'] as const
export type ContractKind = (typeof CONTRACT_KINDS)[number]
export const KIND_LABELS: Record<ContractKind, string> = {
  block: 'Block contract',
  'in-house': 'In-house unit',
  'spot-arrangement': 'Framework spot arrangement',
}
export const PRICING_MODELS = ['block', 'core-and-placement'] as const
export const PRICING_LABELS: Record<(typeof PRICING_MODELS)[number], string> = {
  block: 'Pure block: a price for every reserved bed',
  'core-and-placement': 'Core fee for every reserved bed, plus a fee per occupied bed-week',
}
export const PAYMENT_FREQUENCIES = ['4-weekly', 'monthly'] as const

const isoDate = (what: string) => z.iso.date({ message: `Enter ${what} as a real date` })
const pence = (what: string) =>
  z
    .number({ message: `Enter ${what} in pounds, like 4950.00` })
    .int({ message: `Enter ${what} in pounds and pence` })
    .min(0, { message: `${what[0]!.toUpperCase()}${what.slice(1)} cannot be negative` })
const bps = (what: string, min: number, max: number) =>
  z
    .number({ message: `Enter ${what} as a percentage, like 1.5` })
    .int({ message: `Enter ${what} to two decimal places at most` })
    .min(min, { message: `${what[0]!.toUpperCase()}${what.slice(1)} must be ${min / 100}% or more` })
    .max(max, { message: `${what[0]!.toUpperCase()}${what.slice(1)} must be ${max / 100}% or less` })

export const IndexationSchema = z.object({
  capBps: bps('the indexation cap', 0, 2_000),
  reviewBps: bps('the review threshold', 0, 5_000),
  cpiLagMonths: z
    .number({ message: 'Enter how many months before the anniversary the CPI month is' })
    .int({ message: 'Enter whole months' })
    .min(0, { message: 'The CPI month cannot be after the anniversary' })
    .max(12, { message: 'The CPI month must be 12 months before the anniversary or fewer' }),
})
export type Indexation = z.infer<typeof IndexationSchema>

/** The terms; `bedIds` are the beds reserved from the start. Field names are the form's control ids. */
export const ContractTermsSchema = z.object({
  reference: z
    .string({ message: 'Enter the contract reference' })
    .trim()
    .min(1, { message: 'Enter the contract reference' })
    .max(60, { message: 'The reference must be 60 characters or fewer' }),
  kind: z.enum(CONTRACT_KINDS, { message: 'Select the kind of contract' }),
  providerId: z.string({ message: 'Select the provider' }).min(1, { message: 'Select the provider' }),
  bedIds: z.array(z.string().min(1)).min(1, { message: 'Select at least one bed' }),
  pricePencePerBedWeek: pence('the price per bed-week'),
  pricingModel: z.enum(PRICING_MODELS, { message: 'Select the pricing model' }),
  placementFeePencePerWeek: pence('the fee per occupied bed-week').nullable(),
  startDate: isoDate('the start date'),
  initialEndDate: isoDate('the end of the initial term'),
  maxExtentDate: isoDate('the latest end if every extension is taken'),
  extensionMonths: z
    .number({ message: 'Enter the extension in whole months' })
    .int({ message: 'Enter the extension in whole months' })
    .min(1, { message: 'The extension must be 1 month or more' })
    .max(120, { message: 'The extension must be 120 months or fewer' })
    .nullable(),
  extensionNoticeDate: isoDate('the latest date to give notice of the extension').nullable(),
  paymentFrequency: z.enum(PAYMENT_FREQUENCIES, { message: 'Select how often the provider is paid' }),
  voidReleaseAfterDays: z
    .number({ message: 'Enter the void rule in whole days' })
    .int({ message: 'Enter the void rule in whole days' })
    .min(1, { message: 'The void rule must be 1 day or more' })
    .max(365, { message: 'The void rule must be 365 days or fewer' })
    .nullable(),
  indexation: IndexationSchema.nullable(),
})
export type ContractTerms = z.infer<typeof ContractTermsSchema>

/** The rules between fields; each problem names its control. Empty when the terms hang together. */
export function termsProblems(t: Omit<ContractTerms, 'bedIds'>): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = []
  if (t.initialEndDate <= t.startDate) out.push({ field: 'initialEndDate', message: 'The initial term must end after the start date' })
  if (t.maxExtentDate < t.initialEndDate)
    out.push({ field: 'maxExtentDate', message: 'The latest end must be on or after the end of the initial term' })
  if (t.pricingModel === 'core-and-placement' && t.placementFeePencePerWeek === null)
    out.push({ field: 'placementFeePencePerWeek', message: 'Enter the fee per occupied bed-week for core-and-placement pricing' })
  if (t.pricingModel === 'block' && t.placementFeePencePerWeek !== null)
    out.push({ field: 'placementFeePencePerWeek', message: 'A pure block price has no fee per occupied bed-week: leave it blank' })
  if (t.extensionMonths === null) {
    if (t.maxExtentDate > t.initialEndDate)
      out.push({ field: 'extensionMonths', message: 'Enter the extension’s length, or make the latest end the end of the initial term' })
    if (t.extensionNoticeDate !== null)
      out.push({ field: 'extensionNoticeDate', message: 'There is no extension to give notice of: leave the notice date blank' })
  } else {
    if (t.maxExtentDate === t.initialEndDate)
      out.push({ field: 'maxExtentDate', message: 'With an extension, the latest end must be after the end of the initial term' })
    else if (extendEnd(t.initialEndDate, t.extensionMonths) > t.maxExtentDate)
      out.push({ field: 'extensionMonths', message: 'The extension would run past the latest end' })
    if (t.extensionNoticeDate === null)
      out.push({ field: 'extensionNoticeDate', message: 'Enter the latest date to give notice of the extension' })
    else if (t.extensionNoticeDate < t.startDate || t.extensionNoticeDate > t.initialEndDate)
      out.push({ field: 'extensionNoticeDate', message: 'The notice date must fall within the initial term' })
  }
  if (t.indexation && t.indexation.reviewBps < t.indexation.capBps)
    out.push({ field: 'reviewBps', message: 'The review threshold must be at or above the cap' })
  return out
}
