import { z } from 'zod'
import { validateForm, type FormErrors, type FormResult } from '../../platform/web/formErrors.js'
import { REGISTRATION_CATEGORIES } from '../domain/categories.js'
import { OFSTED_JUDGEMENTS } from '../domain/judgements.js'
import { STATEMENT_OF_PURPOSE_NEEDS } from '../domain/needs.js'
import { HomeFieldsSchema, type HomeChanges } from '../domain/schemas.js'
import { HOME_STATUSES, SEXES_ACCEPTED, SEXES_LABELS, homeStatusTag } from '../domain/statuses.js'
import type { HomeDetail } from './homePage.js'
import { many, one, wholeNumberOrText, type RawFields } from './query.js'

/** The date fields on the form, each a GOV.UK date input of three boxes: `<name>-day`, `-month`, `-year`. */
export const HOME_DATE_FIELDS = ['ofstedJudgementDate', 'registrationDate'] as const

export type HomeFormValues = {
  name: string
  addressLine: string
  town: string
  postcode: string
  registeredPlaces: string
  ageMin: string
  ageMax: string
  sexesAccepted: string
  ofstedJudgement: string
  status: string
  categories: string[]
  needs: string[]
  dates: Record<(typeof HOME_DATE_FIELDS)[number], { day: string; month: string; year: string }>
}

const dateParts = (iso: string | null) => {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! } : { day: '', month: '', year: '' }
}

/** The form filled from the home as it is. */
export function homeFormValues(d: Pick<HomeDetail, 'home' | 'categories' | 'needs'>): HomeFormValues {
  const h = d.home
  const text = (v: string | number | null) => (v === null ? '' : String(v))
  return {
    name: h.name,
    addressLine: text(h.address_line),
    town: text(h.town),
    postcode: text(h.postcode),
    registeredPlaces: String(h.registered_places),
    ageMin: text(h.age_min),
    ageMax: text(h.age_max),
    sexesAccepted: h.sexes_accepted,
    ofstedJudgement: text(h.ofsted_judgement),
    status: h.status,
    categories: d.categories,
    needs: d.needs,
    dates: { ofstedJudgementDate: dateParts(h.ofsted_judgement_date), registrationDate: dateParts(h.registration_date) },
  }
}

/** The form as it was submitted, to show again with its errors. */
export function homeFormValuesFrom(body: RawFields): HomeFormValues {
  const date = (name: string) => ({ day: one(body, `${name}-day`), month: one(body, `${name}-month`), year: one(body, `${name}-year`) })
  return {
    name: one(body, 'name'),
    addressLine: one(body, 'addressLine'),
    town: one(body, 'town'),
    postcode: one(body, 'postcode'),
    registeredPlaces: one(body, 'registeredPlaces'),
    ageMin: one(body, 'ageMin'),
    ageMax: one(body, 'ageMax'),
    sexesAccepted: one(body, 'sexesAccepted'),
    ofstedJudgement: one(body, 'ofstedJudgement'),
    status: one(body, 'status'),
    categories: many(body, 'categories'),
    needs: many(body, 'needs'),
    dates: { ofstedJudgementDate: date('ofstedJudgementDate'), registrationDate: date('registrationDate') },
  }
}

/** Three boxes to an ISO date: null when all are blank; otherwise a string the schema checks is a real date. */
export function isoFromParts(p: { day: string; month: string; year: string }): string | null {
  if (!p.day && !p.month && !p.year) return null
  if (!/^\d{1,2}$/.test(p.day) || !/^\d{1,2}$/.test(p.month) || !/^\d{4}$/.test(p.year)) return 'incomplete'
  return `${p.year}-${p.month.padStart(2, '0')}-${p.day.padStart(2, '0')}`
}

const HomeForm = z.preprocess((body) => {
  const v = homeFormValuesFrom((body ?? {}) as RawFields)
  return {
    name: v.name,
    addressLine: v.addressLine || null,
    town: v.town || null,
    postcode: v.postcode || null,
    registeredPlaces: wholeNumberOrText(v.registeredPlaces),
    ageMin: wholeNumberOrText(v.ageMin) ?? null,
    ageMax: wholeNumberOrText(v.ageMax) ?? null,
    sexesAccepted: v.sexesAccepted || undefined,
    ofstedJudgement: v.ofstedJudgement || null,
    ofstedJudgementDate: isoFromParts(v.dates.ofstedJudgementDate),
    status: v.status || undefined,
    registrationDate: isoFromParts(v.dates.registrationDate),
    categories: v.categories,
    needs: v.needs,
  }
}, HomeFieldsSchema)

/** A date's error links to its first box, as the GOV.UK date input pattern asks. */
export function linkDateErrors(errors: FormErrors): FormErrors {
  return {
    byField: errors.byField,
    list: errors.list.map((e) => ((HOME_DATE_FIELDS as readonly string[]).includes(e.href.slice(1)) ? { ...e, href: `${e.href}-day` } : e)),
  }
}

/** Checks the submitted home form; on success, the complete change to hand the service. */
export function parseHomeForm(body: unknown): FormResult<HomeChanges> {
  const r = validateForm(HomeForm, body)
  return r.ok ? r : { ok: false, errors: linkDateErrors(r.errors) }
}

/** The choices of the form's radios, checkboxes and selects, marked from the values. */
export function homeFormChoices(v: HomeFormValues) {
  return {
    categories: REGISTRATION_CATEGORIES.map((c) => ({ value: c.code, text: c.label, checked: v.categories.includes(c.code) })),
    needs: STATEMENT_OF_PURPOSE_NEEDS.map((n) => ({ value: n.code, text: n.label, checked: v.needs.includes(n.code) })),
    sexesAccepted: SEXES_ACCEPTED.map((s) => ({ value: s, text: SEXES_LABELS[s], checked: v.sexesAccepted === s })),
    status: HOME_STATUSES.map((s) => ({ value: s, text: homeStatusTag(s).text, checked: v.status === s })),
    ofstedJudgement: [{ value: '', text: 'None recorded' }, ...OFSTED_JUDGEMENTS.map((j) => ({ value: j, text: j }))].map((o) => ({
      ...o,
      selected: o.value === v.ofstedJudgement,
    })),
    dateItems: (name: (typeof HOME_DATE_FIELDS)[number], errored: boolean) => {
      const p = v.dates[name]
      const err = errored ? ' govuk-input--error' : ''
      return [
        { name: 'day', label: 'Day', classes: `govuk-input--width-2${err}`, value: p.day },
        { name: 'month', label: 'Month', classes: `govuk-input--width-2${err}`, value: p.month },
        { name: 'year', label: 'Year', classes: `govuk-input--width-4${err}`, value: p.year },
      ]
    },
  }
}
