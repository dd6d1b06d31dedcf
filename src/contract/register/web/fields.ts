/**
 * Reading the register's forms: money in pounds, rates in per cent, whole numbers and GOV.UK date
 * inputs, each problem tied to its control. Control ids are the service's field names, so a
 * service refusal lands on the same control; a date's error links to its day box.
 */
import { UserInputError } from '../../../platform/errors.js'
import { formErrors, type FormErrors } from '../../../platform/web/formErrors.js'
import { parsePounds } from '../../../platform/web/format.js'
import { one, type RawFields } from '../../../market/web/query.js'
import { datePartsOf, isoDateFromParts, noDate, type DateParts } from '../../../tender/web/time.js'

export type { DateParts }
export { datePartsOf, noDate }

export const DATE_CONTROLS = ['startDate', 'initialEndDate', 'maxExtentDate', 'extensionNoticeDate', 'effectiveDate', 'endDate'] as const

/** The control to point at for a field the service named. */
export const controlFor = (field: string | undefined, fallback: string): string => {
  if (!field || field === 'form') return fallback
  return (DATE_CONTROLS as readonly string[]).includes(field) ? `${field}-day` : field
}

export const refusalErrors = (err: UserInputError, fallback: string): FormErrors =>
  formErrors([{ field: controlFor(err.where?.field, fallback), message: err.message }])

/** Collects a form's problems while its fields are read; the first per control is kept. */
export function formReader(body: RawFields) {
  const problems: { field: string; message: string }[] = []
  const problem = (field: string, message: string) => {
    problems.push({ field, message })
    return null
  }
  return {
    problems,
    text: (name: string) => one(body, name),
    dateParts: (name: string): DateParts => ({
      day: one(body, `${name}-day`),
      month: one(body, `${name}-month`),
      year: one(body, `${name}-year`),
    }),
    pounds(name: string, what: string, required = true): number | null {
      const t = one(body, name)
      if (t === '') return required ? problem(name, `Enter ${what}`) : null
      return parsePounds(t) ?? problem(name, `Enter ${what} in pounds, like 4950.00`)
    },
    percentBps(name: string, what: string): number | null {
      const t = one(body, name).replace(/%$/, '').trim()
      if (t === '') return problem(name, `Enter ${what}`)
      if (!/^-?\d+(\.\d{1,2})?$/.test(t)) return problem(name, `Enter ${what} as a percentage, like 1.5`)
      return Math.round(Number(t) * 100)
    },
    whole(name: string, what: string, required = true): number | null {
      const t = one(body, name)
      if (t === '') return required ? problem(name, `Enter ${what}`) : null
      return /^\d+$/.test(t) ? Number(t) : problem(name, `Enter ${what} as a whole number`)
    },
    date(name: string, what: string, required = true): string | null {
      const iso = isoDateFromParts(this.dateParts(name))
      if (iso === null) return required ? problem(`${name}-day`, `Enter ${what}`) : null
      if (iso === 'invalid') return problem(`${name}-day`, `${what[0]!.toUpperCase()}${what.slice(1)} must be a real date, like 28 9 2024`)
      return iso
    },
    errors: () => formErrors(problems),
  }
}

export const pounds = (pence: number | null | undefined) => (pence == null ? '' : (pence / 100).toFixed(2))
export const percent = (bps: number | null | undefined) => (bps == null ? '' : String(bps / 100))
