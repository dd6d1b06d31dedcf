/**
 * The travel of one placement, as the placement page shows it (placement/travel/_travel.njk, which
 * reads a variable `travel` holding what travelFor returns). Pure: give it the locations and rates.
 */
import { dfeMiles } from '../../geo/distance.js'
import type { GridRef } from '../../geo/types.js'
import { addDays } from '../../platform/calendar/isoDate.js'
import { addMonths, statutoryVisitDates } from '../timers/statutoryTimers.js'
import {
  avoided,
  baselineVisitCost,
  socialWorkerMiles,
  totalsOf,
  visitCost,
  type TravelRates,
  type TravelTotals,
  type VisitCost,
} from './travelModel.js'

export type TravelInput = {
  placement: { startDate: string; endDate: string | null }
  /** The placement's home; null when it is not located. */
  home: GridRef | null
  /** Where the child lived (their home postcode), for the DfE distance home ↔ placement; null if unknown. */
  childHome: GridRef | null
  /** Where the social worker sets out: config.council.centre. */
  centre: GridRef & { label: string }
  rates: TravelRates
  today: string
}

export type TravelView = {
  /** DfE miles from the child's home to the placement. */
  milesFromChildHome: number | null
  centreLabel: string
  /** One way, from the centre to the home. */
  socialWorkerMiles: number | null
  perVisit: VisitCost | null
  baselineMiles: number
  baselinePerVisit: VisitCost
  /** The statutory visits in the period (the next 12 months while open; the placement's life once ended). */
  period: { from: string; to: string; label: string }
  visitDates: string[]
  actual: TravelTotals | null
  baseline: TravelTotals
  avoided: TravelTotals | null
  rates: TravelRates
}

/** The next 12 months from today while the placement is open; from its start to its end once ended. */
export function travelPeriod(placement: TravelInput['placement'], today: string): TravelView['period'] {
  if (placement.endDate !== null && placement.endDate <= today)
    return { from: placement.startDate, to: placement.endDate, label: 'over the placement' }
  const from = today > placement.startDate ? today : placement.startDate
  return { from, to: addDays(addMonths(from, 12), -1), label: 'in the next 12 months' }
}

export function travelFor(input: TravelInput): TravelView {
  const { placement, rates } = input
  const oneWay = socialWorkerMiles(input.centre, input.home)
  const period = travelPeriod(placement, input.today)
  const visitDates = statutoryVisitDates(placement, period.from, period.to)
  const n = visitDates.length
  const baselinePerVisit = baselineVisitCost(rates)
  return {
    milesFromChildHome: input.home && input.childHome ? dfeMiles(input.childHome, input.home) : null,
    centreLabel: input.centre.label,
    socialWorkerMiles: oneWay,
    perVisit: oneWay === null ? null : visitCost(oneWay, rates),
    baselineMiles: rates.previousPlacementMiles,
    baselinePerVisit,
    period,
    visitDates,
    actual: oneWay === null ? null : totalsOf(n, visitCost(oneWay, rates)),
    baseline: totalsOf(n, baselinePerVisit),
    avoided: oneWay === null ? null : avoided(n, oneWay, rates),
    rates,
  }
}
