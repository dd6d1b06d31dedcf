/**
 * The child's record form (new and change): every field of the record with GOV.UK controls, the
 * Placements Data Standard v2 choices as radios and checkboxes in the standard's own words. Read as
 * text, checked with messages naming the control, and handed to the service as a ChildInput.
 */
import { STATEMENT_OF_PURPOSE_NEEDS } from '../../../market/domain/needs.js'
import { isoFromParts } from '../../../market/web/homeForm.js'
import { many, one, type RawFields } from '../../../market/web/query.js'
import { formErrors, validateForm, type FormErrors, type FormResult } from '../../../platform/web/formErrors.js'
import { CARED_FOR_ALONGSIDE, CHILD_SEXES } from '../../domain/needsProfile.js'
import { RISK_FLAGS } from '../../domain/riskFlags.js'
import { LEGAL_STATUSES, LEGAL_STATUS_CODES } from '../../placements/codes.js'
import { ChildSchema, type ChildInput } from '../childSchema.js'
import type { ChildView } from '../childService.js'
import {
  ADDITIONAL_SUPPORT,
  COMMUNICATION_NEEDS,
  COMMUNICATION_NEEDS_LABELS,
  CULTURAL_NEEDS,
  LANGUAGE_REQUIREMENTS,
  LANGUAGE_REQUIREMENT_LABELS,
  PETS,
  sentenceCase,
  SUITABILITY,
  YES_NO,
  YES_NO_LABELS,
} from '../pdsFields.js'
import type { SocialWorker } from '../profileService.js'

export const SEX_LABELS: Record<(typeof CHILD_SEXES)[number], string> = { male: 'Male', female: 'Female', other: 'Other' }

/** Radios the form asks to be answered, though the service has a meaning for each left out. */
const REQUIRED_CHOICES = {
  caredForAlongside: 'Select who the child can be cared for alongside',
  residentialSuitability: 'Select how suitable residential care is',
  fosterSuitability: 'Select how suitable foster care is',
  supportedAccommodationSuitability: 'Select how suitable supported accommodation is',
  communicationNeeds: 'Select whether the child has communication, language and learning needs',
  adaptationNeeded: 'Select whether the home needs adapting',
  culturalNeeds: 'Select the child’s cultural needs',
  pets: 'Select whether the child can live with pets or animals',
} as const
type Choice = keyof typeof REQUIRED_CHOICES

/** The order of the controls on the page, so the error summary lists problems in that order. */
const FIELD_ORDER = [
  'caseReference',
  'dateOfBirth',
  'sex',
  'legalStatus',
  'homePostcode',
  'schoolPostcode',
  'allocatedSocialWorkerUserId',
  'residentialSuitability',
  'fosterSuitability',
  'supportedAccommodationSuitability',
  'caredForAlongside',
  'needs',
  'communicationNeeds',
  'languageRequirements',
  'adaptationNeeded',
  'culturalNeeds',
  'pets',
  'additionalSupport',
  'additionalSupportOther',
  'risksToChild',
  'risksToChildOther',
  'risksToOthers',
  'risksToOthersOther',
  'requirements',
]

export type ChildFormValues = {
  caseReference: string
  dateOfBirth: { day: string; month: string; year: string }
  sex: string
  legalStatus: string
  homePostcode: string
  schoolPostcode: string
  allocatedSocialWorkerUserId: string
  needs: string[]
  risksToChild: string[]
  risksToChildOther: string
  risksToOthers: string[]
  risksToOthersOther: string
  requirements: string
  languageRequirements: string[]
  additionalSupport: string[]
  additionalSupportOther: string
} & Record<Choice, string>

const parts = (iso: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! } : { day: '', month: '', year: '' }
}

export function newChildFormValues(socialWorkerId = ''): ChildFormValues {
  return {
    caseReference: '',
    dateOfBirth: { day: '', month: '', year: '' },
    sex: '',
    legalStatus: '',
    homePostcode: '',
    schoolPostcode: '',
    allocatedSocialWorkerUserId: socialWorkerId,
    needs: [],
    risksToChild: [],
    risksToChildOther: '',
    risksToOthers: [],
    risksToOthersOther: '',
    requirements: '',
    languageRequirements: [],
    additionalSupport: [],
    additionalSupportOther: '',
    caredForAlongside: '',
    residentialSuitability: '',
    fosterSuitability: '',
    supportedAccommodationSuitability: '',
    communicationNeeds: '',
    adaptationNeeded: '',
    culturalNeeds: '',
    pets: '',
  }
}

/** The form filled from the record as it is. */
export function childFormValues(c: ChildView): ChildFormValues {
  return {
    caseReference: c.caseReference,
    dateOfBirth: parts(c.dateOfBirth),
    sex: c.sex,
    legalStatus: c.legalStatus,
    homePostcode: c.homePostcode ?? '',
    schoolPostcode: c.schoolPostcode ?? '',
    allocatedSocialWorkerUserId: c.allocatedSocialWorkerUserId ?? '',
    needs: [...c.needs],
    risksToChild: [...c.risksToChild],
    risksToChildOther: c.risksToChildOther ?? '',
    risksToOthers: [...c.risksToOthers],
    risksToOthersOther: c.risksToOthersOther ?? '',
    requirements: c.requirements ?? '',
    languageRequirements: [...c.languageRequirements],
    additionalSupport: [...c.additionalSupport],
    additionalSupportOther: c.additionalSupportOther ?? '',
    caredForAlongside: c.caredForAlongside,
    residentialSuitability: c.residentialSuitability,
    fosterSuitability: c.fosterSuitability,
    supportedAccommodationSuitability: c.supportedAccommodationSuitability,
    communicationNeeds: c.communicationNeeds,
    adaptationNeeded: c.adaptationNeeded ?? '',
    culturalNeeds: c.culturalNeeds,
    pets: c.pets,
  }
}

/** The form as submitted, to show again with its errors. */
export function childFormValuesFrom(body: RawFields): ChildFormValues {
  const choices = Object.fromEntries(Object.keys(REQUIRED_CHOICES).map((k) => [k, one(body, k)])) as Record<Choice, string>
  return {
    caseReference: one(body, 'caseReference'),
    dateOfBirth: { day: one(body, 'dateOfBirth-day'), month: one(body, 'dateOfBirth-month'), year: one(body, 'dateOfBirth-year') },
    sex: one(body, 'sex'),
    legalStatus: one(body, 'legalStatus'),
    homePostcode: one(body, 'homePostcode'),
    schoolPostcode: one(body, 'schoolPostcode'),
    allocatedSocialWorkerUserId: one(body, 'allocatedSocialWorkerUserId'),
    needs: many(body, 'needs'),
    risksToChild: many(body, 'risksToChild'),
    risksToChildOther: one(body, 'risksToChildOther'),
    risksToOthers: many(body, 'risksToOthers'),
    risksToOthersOther: one(body, 'risksToOthersOther'),
    requirements: one(body, 'requirements'),
    languageRequirements: many(body, 'languageRequirements'),
    additionalSupport: many(body, 'additionalSupport'),
    additionalSupportOther: one(body, 'additionalSupportOther'),
    ...choices,
  }
}

const orderOf = (field: string) => {
  const i = FIELD_ORDER.indexOf(field)
  return i < 0 ? FIELD_ORDER.length : i
}

/** A date's error links to its first box, as the GOV.UK date input pattern asks. */
function linkDate(errors: FormErrors): FormErrors {
  return { byField: errors.byField, list: errors.list.map((e) => (e.href === '#dateOfBirth' ? { ...e, href: '#dateOfBirth-day' } : e)) }
}

/**
 * Checks the submitted form: every control the page shows, the social worker one of the council's,
 * the date of birth not after today. On success, the record to hand the service.
 */
export function parseChildForm(body: unknown, socialWorkers: readonly SocialWorker[], today: string): FormResult<ChildInput> {
  const v = childFormValuesFrom((body ?? {}) as RawFields)
  const problems: { field: string; message: string }[] = []
  for (const [field, message] of Object.entries(REQUIRED_CHOICES)) if (!v[field as Choice]) problems.push({ field, message })
  if (v.allocatedSocialWorkerUserId && !socialWorkers.some((s) => s.id === v.allocatedSocialWorkerUserId))
    problems.push({ field: 'allocatedSocialWorkerUserId', message: 'Select a social worker from the list' })
  const dob = isoFromParts(v.dateOfBirth)
  if (dob && dob !== 'incomplete' && /^\d{4}-\d{2}-\d{2}$/.test(dob) && dob > today)
    problems.push({ field: 'dateOfBirth', message: 'Date of birth must be today or in the past' })
  const input = {
    caseReference: v.caseReference,
    dateOfBirth: dob ?? undefined,
    sex: v.sex || undefined,
    legalStatus: v.legalStatus || undefined,
    homePostcode: v.homePostcode || null,
    schoolPostcode: v.schoolPostcode || null,
    allocatedSocialWorkerUserId: v.allocatedSocialWorkerUserId || null,
    needs: v.needs,
    risksToChild: v.risksToChild,
    risksToChildOther: v.risksToChildOther || null,
    risksToOthers: v.risksToOthers,
    risksToOthersOther: v.risksToOthersOther || null,
    requirements: v.requirements || null,
    caredForAlongside: v.caredForAlongside || undefined,
    residentialSuitability: v.residentialSuitability || undefined,
    fosterSuitability: v.fosterSuitability || undefined,
    supportedAccommodationSuitability: v.supportedAccommodationSuitability || undefined,
    communicationNeeds: v.communicationNeeds || undefined,
    languageRequirements: v.languageRequirements,
    adaptationNeeded: v.adaptationNeeded || null,
    culturalNeeds: v.culturalNeeds || undefined,
    pets: v.pets || undefined,
    additionalSupport: v.additionalSupport,
    additionalSupportOther: v.additionalSupportOther || null,
  }
  const checked = validateForm(ChildSchema, input)
  if (!checked.ok) for (const e of checked.errors.list) problems.push({ field: e.href.slice(1), message: e.text })
  if (problems.length === 0 && checked.ok) return { ok: true, data: input as ChildInput }
  problems.sort((a, b) => orderOf(a.field) - orderOf(b.field))
  return { ok: false, errors: linkDate(formErrors(problems)) }
}

const radios = (values: readonly string[], chosen: string, label: (v: string) => string = (x) => x) =>
  values.map((value) => ({ value, text: label(value), checked: chosen === value }))
const boxes = (values: readonly { value: string; text: string }[], chosen: readonly string[]) =>
  values.map((o) => ({ ...o, checked: chosen.includes(o.value) }))

/** The choices of the form's radios, checkboxes and selects, marked from the values. */
export function childFormChoices(v: ChildFormValues, socialWorkers: readonly SocialWorker[], dateErrored: boolean) {
  const err = dateErrored ? ' govuk-input--error' : ''
  const flag = (group: 'to-child' | 'to-others') =>
    RISK_FLAGS.filter((r) => r.group === group).map((r) => ({ value: r.code, text: r.label }))
  return {
    sex: radios(CHILD_SEXES, v.sex, (s) => SEX_LABELS[s as keyof typeof SEX_LABELS]),
    legalStatus: [
      { value: '', text: 'Select a legal status', selected: v.legalStatus === '' },
      ...LEGAL_STATUS_CODES.map((c) => ({ value: c, text: `${c} – ${LEGAL_STATUSES[c]}`, selected: v.legalStatus === c })),
    ],
    socialWorkers: [
      { value: '', text: 'Not allocated', selected: v.allocatedSocialWorkerUserId === '' },
      ...socialWorkers.map((s) => ({ value: s.id, text: s.name, selected: v.allocatedSocialWorkerUserId === s.id })),
    ],
    dateItems: [
      { name: 'day', label: 'Day', classes: `govuk-input--width-2${err}`, value: v.dateOfBirth.day },
      { name: 'month', label: 'Month', classes: `govuk-input--width-2${err}`, value: v.dateOfBirth.month },
      { name: 'year', label: 'Year', classes: `govuk-input--width-4${err}`, value: v.dateOfBirth.year },
    ],
    needs: boxes(
      STATEMENT_OF_PURPOSE_NEEDS.map((n) => ({ value: n.code, text: n.label })),
      v.needs,
    ),
    risksToChild: boxes(flag('to-child'), v.risksToChild),
    risksToOthers: boxes(flag('to-others'), v.risksToOthers),
    caredForAlongside: radios(CARED_FOR_ALONGSIDE, v.caredForAlongside),
    residentialSuitability: radios(SUITABILITY, v.residentialSuitability),
    fosterSuitability: radios(SUITABILITY, v.fosterSuitability),
    supportedAccommodationSuitability: radios(SUITABILITY, v.supportedAccommodationSuitability),
    communicationNeeds: radios(
      COMMUNICATION_NEEDS,
      v.communicationNeeds,
      (c) => COMMUNICATION_NEEDS_LABELS[c as keyof typeof COMMUNICATION_NEEDS_LABELS],
    ),
    languageRequirements: boxes(
      LANGUAGE_REQUIREMENTS.map((l) => ({ value: l, text: LANGUAGE_REQUIREMENT_LABELS[l] })),
      v.languageRequirements,
    ),
    adaptationNeeded: radios(YES_NO, v.adaptationNeeded, (c) => YES_NO_LABELS[c as keyof typeof YES_NO_LABELS]),
    culturalNeeds: radios(CULTURAL_NEEDS, v.culturalNeeds),
    pets: radios(PETS, v.pets),
    additionalSupport: boxes(
      ADDITIONAL_SUPPORT.map((a) => ({ value: a, text: sentenceCase(a) })),
      v.additionalSupport,
    ),
  }
}
