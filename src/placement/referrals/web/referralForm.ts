/** The referral form: what it shows, and turning a submitted form into what the referral service takes. */
import { REGISTRATION_CATEGORIES } from '../../../market/domain/categories.js'
import { many, one, type RawFields } from '../../../market/web/query.js'
import { validateForm, type FormErrors, type FormResult } from '../../../platform/web/formErrors.js'
import {
  dateFrom,
  dateItems,
  datePartsFrom,
  datePartsOf,
  PLACEMENT_TYPE_LABELS,
  URGENCY_LABELS,
  withDateControls,
  type DateParts,
} from '../../cascade/web/common.js'
import { PLACEMENT_TYPES, ReferralSchema, URGENCIES, type ReferralChanges } from '../referralSchema.js'
import type { ReferralView } from '../referralService.js'

export type ReferralFormValues = {
  urgency: string
  placementTypes: string[]
  preferredPostcode: string
  siblings: string
  deprivationOfLiberty: string
  categories: string[]
  plannedStartDate: DateParts
}

export const newReferralValues = (): ReferralFormValues => ({
  urgency: '',
  placementTypes: ['residential'],
  preferredPostcode: '',
  siblings: '',
  deprivationOfLiberty: '',
  categories: [],
  plannedStartDate: { day: '', month: '', year: '' },
})

export const referralValuesOf = (r: ReferralView): ReferralFormValues => ({
  urgency: r.urgency,
  placementTypes: r.placementTypes,
  preferredPostcode: r.preferredPostcode ?? '',
  siblings: r.siblings ?? '',
  deprivationOfLiberty: r.deprivationOfLiberty,
  categories: r.categories,
  plannedStartDate: datePartsOf(r.plannedStartDate),
})

export const referralValuesFrom = (body: RawFields): ReferralFormValues => ({
  urgency: one(body, 'urgency'),
  placementTypes: many(body, 'placementTypes'),
  preferredPostcode: one(body, 'preferredPostcode'),
  siblings: one(body, 'siblings'),
  deprivationOfLiberty: one(body, 'deprivationOfLiberty'),
  categories: many(body, 'categories'),
  plannedStartDate: datePartsFrom(body, 'plannedStartDate'),
})

/** Every problem at once, each against its control. */
export function parseReferralForm(body: RawFields): FormResult<ReferralChanges> {
  const input = {
    urgency: one(body, 'urgency') || undefined,
    placementTypes: many(body, 'placementTypes'),
    preferredPostcode: one(body, 'preferredPostcode'),
    siblings: one(body, 'siblings'),
    deprivationOfLiberty: one(body, 'deprivationOfLiberty') || undefined,
    categories: many(body, 'categories'),
    plannedStartDate: dateFrom(body, 'plannedStartDate'),
  }
  const form = validateForm(ReferralSchema, input)
  if (!form.ok) return { ok: false, errors: withDateControls(form.errors) }
  return { ok: true, data: input as ReferralChanges }
}

/** The radios, checkboxes and date boxes, with what was chosen. */
export function referralFormChoices(v: ReferralFormValues, errors: FormErrors) {
  return {
    urgency: URGENCIES.map((u) => ({ value: u, text: URGENCY_LABELS[u], checked: v.urgency === u })),
    placementTypes: PLACEMENT_TYPES.map((t) => ({ value: t, text: PLACEMENT_TYPE_LABELS[t], checked: v.placementTypes.includes(t) })),
    deprivationOfLiberty: [
      { value: 'yes', text: 'Yes', checked: v.deprivationOfLiberty === 'yes' },
      { value: 'no', text: 'No', checked: v.deprivationOfLiberty === 'no' },
    ],
    categories: REGISTRATION_CATEGORIES.map((c) => ({ value: c.code, text: c.label, checked: v.categories.includes(c.code) })),
    plannedStartDate: dateItems(v.plannedStartDate, Boolean(errors.byField['plannedStartDate-day'])),
  }
}
