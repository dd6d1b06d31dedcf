/** A period chosen on a page (from and to in the query string), checked; none when both are blank. */
import { toEpochDay } from '../../../platform/calendar/isoDate.js'
import { formErrors, noErrors, type FormErrors } from '../../../platform/web/formErrors.js'
import { one, type RawFields } from '../../../market/web/query.js'
import type { Period } from '../../api.js'

const real = (s: string) => {
  try {
    toEpochDay(s)
    return true
  } catch {
    return false
  }
}

export function periodFrom(query: RawFields): { period: Period | undefined; values: { from: string; to: string }; errors: FormErrors } {
  const values = { from: one(query, 'from'), to: one(query, 'to') }
  if (!values.from && !values.to) return { period: undefined, values, errors: noErrors() }
  const problems: { field: string; message: string }[] = []
  if (!real(values.from)) problems.push({ field: 'from', message: 'Enter the first day as a real date, such as 2026-04-01' })
  if (!real(values.to)) problems.push({ field: 'to', message: 'Enter the last day as a real date, such as 2026-04-30' })
  if (problems.length === 0 && values.from > values.to)
    problems.push({ field: 'to', message: 'The last day must be on or after the first day' })
  return problems.length ? { period: undefined, values, errors: formErrors(problems) } : { period: values, values, errors: noErrors() }
}
