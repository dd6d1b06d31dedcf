/** What the referral, search, booking and placement pages share: reading requests, refusals, dates and labels. */
import type { NextFunction, Request, Response } from 'express'
import type { Actor } from '../../../platform/auth/actor.js'
import { UserInputError } from '../../../platform/errors.js'
import { formErrors, type FormErrors } from '../../../platform/web/formErrors.js'
import { ForbiddenPageError } from '../../../platform/web/setUpAuthentication.js'
import type { RawFields } from '../../../market/web/query.js'
import { datePartsOf, isoDateFromParts } from '../../../tender/web/time.js'
import { arrangesPlacements, childReadRule } from '../../children/access.js'
import { ROUTE_LABELS, type Route } from '../../domain/vacancy.js'

export { bodyOf, dateItems, param, queryOf, refusal, success } from '../../../platform/web/http.js'

/** Date fields are three boxes; errors point at the first. */
export const DATE_FIELDS = new Set(['plannedStartDate', 'startDate', 'plannedEndDate', 'endDate'])
export const controlOf = (field: string) => (DATE_FIELDS.has(field) ? `${field}-day` : field)

/** A service's refusal shown against the control it names, or the fallback control. */
export const errorsFrom = (err: UserInputError, fallback: string): FormErrors =>
  formErrors([{ field: controlOf(err.where?.field ?? fallback), message: err.message }])

/** Form errors from validateForm, with date fields pointed at their first box. */
export const withDateControls = (errors: FormErrors): FormErrors =>
  formErrors(errors.list.map((e) => ({ field: controlOf(e.href.slice(1)), message: e.text })))

export type DateParts = { day: string; month: string; year: string }

export const datePartsFrom = (body: RawFields, name: string): DateParts => ({
  day: String(body[`${name}-day`] ?? '').trim(),
  month: String(body[`${name}-month`] ?? '').trim(),
  year: String(body[`${name}-year`] ?? '').trim(),
})

/** Three boxes as the schemas take them: an ISO date, null when blank, or text the schema refuses as not a real date. */
export function dateFrom(body: RawFields, name: string): string | null {
  const iso = isoDateFromParts(datePartsFrom(body, name))
  return iso === 'invalid' ? 'not a date' : iso
}

export { datePartsOf }

/** Council staff who read children's records (placement officers, heads of service, social workers); providers use the portal. */
export function councilChildReaders(_req: Request, res: Response, next: NextFunction) {
  const actor = res.locals.actor as Actor | undefined
  const rule = actor ? childReadRule(actor) : { kind: 'none' }
  if (!actor || rule.kind === 'none' || rule.kind === 'provider') return next(new ForbiddenPageError('child:read'))
  next()
}

/** Placement officers and heads of service: search, book, end. */
export function placementArrangers(_req: Request, res: Response, next: NextFunction) {
  const actor = res.locals.actor as Actor | undefined
  if (!actor || !arrangesPlacements(actor)) return next(new ForbiddenPageError('child:read'))
  next()
}

/** A provider organisation's users. */
export function providerUsers(_req: Request, res: Response, next: NextFunction) {
  const actor = res.locals.actor as Actor | undefined
  if (!actor || childReadRule(actor).kind !== 'provider') return next(new ForbiddenPageError('provider'))
  next()
}

const ROUTE_TAGS: Record<Route, string> = { 'in-house': 'govuk-tag--purple', block: 'govuk-tag--blue', spot: 'govuk-tag--grey' }
export const routeTag = (route: Route) => ({ text: ROUTE_LABELS[route], classes: ROUTE_TAGS[route] })

export const URGENCY_LABELS = { today: 'Today', 'under-5-days': 'Within 5 days', 'over-5-days': 'In more than 5 days' } as const
export const PLACEMENT_TYPE_LABELS = {
  residential: 'Residential care',
  foster: 'Foster care',
  'supported-accommodation': 'Supported accommodation',
} as const
