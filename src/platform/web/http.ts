/** What every room's routes share: reading a request, a flash, refusals shown on the form, date boxes. */
import type { Request } from 'express'
import type { RawFields } from '../../market/web/query.js'
import { UserInputError } from '../errors.js'

export const param = (req: Request, name: string): string => String(req.params[name] ?? '')
export const bodyOf = (req: Request): RawFields => (req.body ?? {}) as RawFields
export const queryOf = (req: Request): RawFields => (req.query ?? {}) as RawFields
export const success = (req: Request, text: string) => (req.session.flash = { type: 'success', title: 'Success', text })

/** Runs a command; a refusal (bad input, wrong moment) comes back as itself rather than a 500. */
export async function refusal(fn: () => Promise<unknown>): Promise<UserInputError | null> {
  try {
    await fn()
    return null
  } catch (err) {
    if (err instanceof UserInputError) return err
    throw err
  }
}

/** The three boxes of a GOV.UK date input, marked when in error. */
export function dateItems(p: { day: string; month: string; year: string }, errored: boolean) {
  const err = errored ? ' govuk-input--error' : ''
  return [
    { name: 'day', label: 'Day', classes: `govuk-input--width-2${err}`, value: p.day },
    { name: 'month', label: 'Month', classes: `govuk-input--width-2${err}`, value: p.month },
    { name: 'year', label: 'Year', classes: `govuk-input--width-4${err}`, value: p.year },
  ]
}
