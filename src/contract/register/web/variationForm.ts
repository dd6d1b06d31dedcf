/** The forms for proposing a variation (one kind at a time) and deciding one. */
import type { FormResult } from '../../../platform/web/formErrors.js'
import { many, one, type RawFields } from '../../../market/web/query.js'
import type { ContractView } from '../contractView.js'
import type { VariationInput, VariationKind } from '../variations.js'
import { VARIATION_KINDS } from '../variations.js'
import { datePartsOf, formReader, noDate, pounds, type DateParts } from './fields.js'
import { dateItems } from '../../../platform/web/http.js'

export type VariationFormValues = {
  kind: VariationKind
  effectiveDate: DateParts
  reason: string
  bedIds: string[]
  pricePencePerBedWeek: string
  placementFeePencePerWeek: string
  endDate: DateParts
  extensionNoticeDate: DateParts
}

export const variationKindOf = (raw: unknown): VariationKind | null =>
  (VARIATION_KINDS as readonly unknown[]).includes(raw) ? (raw as VariationKind) : null

/** A new proposal starts from the contract as it is: its beds now, its price now, its dates. */
export function newVariationValues(
  kind: VariationKind,
  c: ContractView,
  bedsNow: string[],
  pricePence: number | null,
  feePence: number | null,
) {
  return {
    kind,
    effectiveDate: noDate(),
    reason: '',
    bedIds: bedsNow,
    pricePencePerBedWeek: pounds(pricePence),
    placementFeePencePerWeek: pounds(feePence),
    endDate: datePartsOf(c.endDate),
    extensionNoticeDate: datePartsOf(c.extensionNoticeDate),
  }
}

export function variationValuesFrom(kind: VariationKind, body: RawFields): VariationFormValues {
  const f = formReader(body)
  return {
    kind,
    effectiveDate: f.dateParts('effectiveDate'),
    reason: one(body, 'reason'),
    bedIds: many(body, 'bedIds'),
    pricePencePerBedWeek: one(body, 'pricePencePerBedWeek'),
    placementFeePencePerWeek: one(body, 'placementFeePencePerWeek'),
    endDate: f.dateParts('endDate'),
    extensionNoticeDate: f.dateParts('extensionNoticeDate'),
  }
}

export function parseVariationForm(kind: VariationKind, c: ContractView, body: RawFields): FormResult<VariationInput> {
  const f = formReader(body)
  const effectiveDate = f.date('effectiveDate', 'the date the variation takes effect')
  const reason = one(body, 'reason')
  if (reason === '') f.problems.push({ field: 'reason', message: 'Enter the reason for the variation' })
  let input: VariationInput
  if (kind === 'beds') {
    const bedIds = many(body, 'bedIds')
    if (bedIds.length === 0) f.problems.push({ field: 'bedIds', message: 'Select at least one bed: a contract cannot reserve none' })
    input = { kind, effectiveDate: effectiveDate!, reason, bedIds }
  } else if (kind === 'price') {
    const price = f.pounds('pricePencePerBedWeek', 'the new price per bed-week')
    const fee = f.pounds('placementFeePencePerWeek', 'the new fee per occupied bed-week', c.pricingModel === 'core-and-placement')
    input = { kind, effectiveDate: effectiveDate!, reason, pricePencePerBedWeek: price!, placementFeePencePerWeek: fee }
  } else {
    const endDate = f.date('endDate', 'the new end date')
    const notice = f.date('extensionNoticeDate', 'the latest date to give notice of the extension', c.extensionStatus === 'available')
    input = { kind, effectiveDate: effectiveDate!, reason, endDate: endDate!, extensionNoticeDate: notice }
  }
  return f.problems.length > 0 ? { ok: false, errors: f.errors() } : { ok: true, data: input }
}

export const variationDateItems = (v: VariationFormValues, errored: Record<string, unknown>) => ({
  effectiveDate: dateItems(v.effectiveDate, Boolean(errored['effectiveDate-day'])),
  endDate: dateItems(v.endDate, Boolean(errored['endDate-day'])),
  extensionNoticeDate: dateItems(v.extensionNoticeDate, Boolean(errored['extensionNoticeDate-day'])),
})
