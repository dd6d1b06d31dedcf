/**
 * Variations of a contract (beds, price, dates), pure: what one asks for, how it is told in words.
 * One officer proposes, a different one holding contract:approve approves (ADR 0014).
 */
import { z } from 'zod'
import { formatDate, formatPence } from '../../platform/web/format.js'

export const VARIATION_KINDS = ['beds', 'price', 'dates'] as const
export type VariationKind = (typeof VARIATION_KINDS)[number]
export const VARIATION_LABELS: Record<VariationKind, string> = {
  beds: 'Reserved beds',
  price: 'Price',
  dates: 'End and notice dates',
}

const reason = z
  .string({ message: 'Enter the reason for the variation' })
  .trim()
  .min(1, { message: 'Enter the reason for the variation' })
  .max(5_000, { message: 'The reason must be 5,000 characters or fewer' })
const effectiveDate = z.iso.date({ message: 'Enter the date the variation takes effect as a real date' })
const money = (what: string) =>
  z
    .number({ message: `Enter ${what} in pounds, like 4950.00` })
    .int()
    .min(0, { message: `Enter ${what} in pounds, like 4950.00` })

/** A proposal as the service takes it; field names are the form's control ids. */
export const VariationInputSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('beds'),
      effectiveDate,
      reason,
      bedIds: z.array(z.string().min(1)).min(1, { message: 'Select at least one bed: a contract cannot reserve none' }),
    }),
    z.object({
      kind: z.literal('price'),
      effectiveDate,
      reason,
      pricePencePerBedWeek: money('the new price per bed-week'),
      placementFeePencePerWeek: money('the new fee per occupied bed-week').nullable(),
    }),
    z.object({
      kind: z.literal('dates'),
      effectiveDate,
      reason,
      endDate: z.iso.date({ message: 'Enter the new end date as a real date' }),
      extensionNoticeDate: z.iso.date({ message: 'Enter the new notice date as a real date' }).nullable(),
    }),
  ],
  { message: 'Select what the variation changes' },
)
export type VariationInput = z.infer<typeof VariationInputSchema>

/** What is stored (change_json) and applied on approval. */
export type VariationChange =
  | { kind: 'beds'; add: string[]; remove: string[] }
  | { kind: 'price'; pricePencePerBedWeek: number; placementFeePencePerWeek: number | null }
  | { kind: 'dates'; endDate: string; extensionNoticeDate: string | null }

/** The beds to add and remove for the reserved set to become `wanted` (each list in the order given). */
export function bedChanges(current: readonly string[], wanted: readonly string[]): { add: string[]; remove: string[] } {
  const now = new Set(current)
  const next = new Set(wanted)
  return { add: [...next].filter((b) => !now.has(b)), remove: [...now].filter((b) => !next.has(b)) }
}

/** The change in words, with beds named by their labels. */
export function describeChange(change: VariationChange, bedLabel: (bedId: string) => string): string {
  switch (change.kind) {
    case 'beds': {
      const parts = []
      if (change.add.length) parts.push(`add ${change.add.map(bedLabel).join(', ')}`)
      if (change.remove.length) parts.push(`remove ${change.remove.map(bedLabel).join(', ')}`)
      return `Beds: ${parts.join('; ')}`
    }
    case 'price':
      return `Price: ${formatPence(change.pricePencePerBedWeek)} per bed-week${
        change.placementFeePencePerWeek === null ? '' : `, plus ${formatPence(change.placementFeePencePerWeek)} per occupied bed-week`
      }`
    case 'dates':
      return `End date: ${formatDate(change.endDate)}${change.extensionNoticeDate ? `; notice date: ${formatDate(change.extensionNoticeDate)}` : ''}`
  }
}
