/** The booking page: one home's feasible beds for a referral, start and end, the weekly price, and why not the empty block beds. */
import { EMPTY_CAUSE_LABELS } from '../../../contract/ports.js'
import { one, type RawFields } from '../../../market/web/query.js'
import { formatDate, formatPence, parsePounds } from '../../../platform/web/format.js'
import { formErrors, type FormErrors, type FormResult } from '../../../platform/web/formErrors.js'
import type { BookingChoices } from '../../cascade/cascadeService.js'
import { PASS_OVER_CAUSES, PASS_OVER_HINTS } from '../../cascade/passOver.js'
import { dateFrom, dateItems, datePartsFrom, datePartsOf, type DateParts } from '../../cascade/web/common.js'
import { ROUTE_LABELS, type Route } from '../../domain/vacancy.js'
import { isoDay } from '../../children/childSchema.js'
import type { Booking } from '../placementSchema.js'

export type BookingValues = {
  bedId: string
  startDate: DateParts
  plannedEndDate: DateParts
  weeklyPrice: string
  emptyBedCause: string
  emptyBedNote: string
}

/** The offer a booking may start from (the offers part's OfferForBooking, as much as this page needs). */
export type OfferDefaults = { weeklyPricePence: number; startDate: string; providerName: string; note: string | null }

const pounds = (pence: number | null) => (pence === null ? '' : (pence / 100).toFixed(2))

/** The beds offered: all feasible ones, or only the route the search chose when it has any. */
export function bedsOffered(c: BookingChoices, route: Route | undefined) {
  const onRoute = route ? c.beds.filter((b) => b.route === route) : []
  return onRoute.length ? onRoute : c.beds
}

export function newBookingValues(c: BookingChoices, route: Route | undefined, offer: OfferDefaults | null): BookingValues {
  const beds = bedsOffered(c, route)
  return {
    bedId: beds.length === 1 ? beds[0]!.id : '',
    startDate: datePartsOf(offer?.startDate ?? c.onDate),
    plannedEndDate: { day: '', month: '', year: '' },
    weeklyPrice: pounds(offer?.weeklyPricePence ?? beds[0]?.weeklyPricePence ?? null),
    emptyBedCause: '',
    emptyBedNote: '',
  }
}

export const bookingValuesFrom = (body: RawFields): BookingValues => ({
  bedId: one(body, 'bedId'),
  startDate: datePartsFrom(body, 'startDate'),
  plannedEndDate: datePartsFrom(body, 'plannedEndDate'),
  weeklyPrice: one(body, 'weeklyPrice'),
  emptyBedCause: one(body, 'emptyBedCause'),
  emptyBedNote: one(body, 'emptyBedNote'),
})

/** The form's own checks (a bed, real dates, a sum of money); the service checks the rest in its transaction. */
export function parseBookingForm(body: RawFields, referralId: string, homeId: string): FormResult<Booking> {
  const problems: { field: string; message: string }[] = []
  const bedId = one(body, 'bedId')
  if (!bedId) problems.push({ field: 'bedId', message: 'Select the bed' })
  const startDate = dateFrom(body, 'startDate')
  if (startDate === null) problems.push({ field: 'startDate-day', message: 'Enter the start date' })
  else if (!isoDay('the start date').safeParse(startDate).success)
    problems.push({ field: 'startDate-day', message: 'Start date must be a real date' })
  const plannedEndDate = dateFrom(body, 'plannedEndDate')
  if (plannedEndDate !== null && !isoDay('the planned end date').safeParse(plannedEndDate).success)
    problems.push({ field: 'plannedEndDate-day', message: 'Planned end date must be a real date' })
  const priceText = one(body, 'weeklyPrice')
  const weeklyPricePence = priceText ? parsePounds(priceText) : null
  if (!priceText) problems.push({ field: 'weeklyPrice', message: 'Enter the weekly price' })
  else if (weeklyPricePence === null)
    problems.push({ field: 'weeklyPrice', message: 'Weekly price must be an amount in pounds, like 4850 or 4850.50' })
  const cause = one(body, 'emptyBedCause')
  if (problems.length) return { ok: false, errors: formErrors(problems) }
  return {
    ok: true,
    data: {
      referralId,
      homeId,
      bedId,
      startDate: startDate!,
      plannedEndDate,
      weeklyPricePence: weeklyPricePence!,
      emptyBedCause: (cause || null) as Booking['emptyBedCause'],
      emptyBedNote: one(body, 'emptyBedNote') || null,
    },
  }
}

/** Where the service's refusals are shown. */
export function bookingControl(field: string | undefined): string {
  switch (field) {
    case 'weeklyPricePence':
      return 'weeklyPrice'
    case 'startDate':
    case 'plannedEndDate':
      return `${field}-day`
    case 'emptyBedCause':
    case 'emptyBedNote':
      return field
    default:
      return 'bedId'
  }
}

export function bookingPageView(
  c: BookingChoices,
  route: Route | undefined,
  values: BookingValues,
  errors: FormErrors,
  offer: OfferDefaults | null,
) {
  const beds = bedsOffered(c, route)
  const infeasible = c.slots.filter((s) => !s.feasible)
  const routesHere = new Set(beds.map((b) => b.route))
  // A reason is asked for when a bed here is not a block bed while feasible block beds stand empty elsewhere (or here).
  const passOverBeds = c.emptyBlockBeds.filter((b) => !(beds.length === 1 && beds[0]!.id === b.bedId))
  const needsReason = passOverBeds.length > 0 && [...routesHere].some((r) => r !== 'block')
  return {
    caption: `Child ${c.caseReference}`,
    title: `Book a bed at ${c.homeName}`,
    open: c.referralStatus === 'open',
    offer: offer
      ? `${offer.providerName} offered ${formatPence(offer.weeklyPricePence)} a week from ${formatDate(offer.startDate)}${offer.note ? `: ${offer.note}` : ''}`
      : null,
    infeasible: infeasible.map((s) => ({ route: ROUTE_LABELS[s.route], reasons: s.reasons })),
    warnings: [...new Set(c.slots.filter((s) => s.feasible).flatMap((s) => s.warnings))],
    bedItems: beds.map((b) => ({
      value: b.id,
      text: b.label,
      checked: values.bedId === b.id,
      hint: {
        text: [
          ROUTE_LABELS[b.route],
          b.contractReference ? `contract ${b.contractReference}` : null,
          b.weeklyPricePence === null ? null : `${formatPence(b.weeklyPricePence)} a week`,
        ]
          .filter(Boolean)
          .join(' · '),
      },
    })),
    startDateItems: dateItems(values.startDate, Boolean(errors.byField['startDate-day'])),
    plannedEndDateItems: dateItems(values.plannedEndDate, Boolean(errors.byField['plannedEndDate-day'])),
    passOver: needsReason
      ? {
          beds: passOverBeds.map((b) => `${b.homeName}, ${b.bedLabel} (contract ${b.contractReference})`),
          onlyIfNotBlock: routesHere.has('block'),
          causeItems: PASS_OVER_CAUSES.map((k) => ({
            value: k,
            text: EMPTY_CAUSE_LABELS[k],
            hint: { text: PASS_OVER_HINTS[k] },
            checked: values.emptyBedCause === k,
          })),
        }
      : null,
  }
}
