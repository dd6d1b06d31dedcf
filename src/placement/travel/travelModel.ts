/**
 * What a social worker's statutory visits cost in travel, pure (ADR 0017). The social worker sets
 * out from the council centre (config.council.centre: the council's offices stand in for where
 * its social workers are based) and drives there and back; distances are the DfE's straight-line
 * miles, as the SSDA903 distance indicator uses, so they understate road miles alike for every
 * placement and for the baseline. Time is at the configured average speed; cost is
 * miles × mileage rate + hours × the social worker's hourly cost, in whole pence per visit.
 */
import { dfeMiles } from '../../geo/distance.js'
import type { GridRef } from '../../geo/types.js'
import type { Config } from '../../platform/config.js'

export type TravelRates = Config['travel']

export type VisitCost = {
  /** There and back, miles (one decimal place, as DfE miles are). */
  roundTripMiles: number
  hours: number
  costPence: number
}

export type TravelTotals = { visits: number; miles: number; hours: number; costPence: number }

const round1 = (x: number) => Math.round(x * 10) / 10

/** One visit to a home `oneWayMiles` from where the social worker sets out. */
export function visitCost(oneWayMiles: number, rates: TravelRates): VisitCost {
  if (!(oneWayMiles >= 0)) throw new RangeError(`distance must be 0 miles or more; got ${oneWayMiles}`)
  const roundTripMiles = round1(2 * oneWayMiles)
  const hours = roundTripMiles / rates.averageSpeedMph
  return { roundTripMiles, hours, costPence: Math.round(roundTripMiles * rates.mileageRatePence + hours * rates.hourlyCostPence) }
}

/** `visits` visits of the same cost. */
export function totalsOf(visits: number, each: VisitCost): TravelTotals {
  return { visits, miles: round1(visits * each.roundTripMiles), hours: visits * each.hours, costPence: visits * each.costPence }
}

export function addTotals(a: TravelTotals, b: TravelTotals): TravelTotals {
  return { visits: a.visits + b.visits, miles: round1(a.miles + b.miles), hours: a.hours + b.hours, costPence: a.costPence + b.costPence }
}

export const NO_TRAVEL: TravelTotals = { visits: 0, miles: 0, hours: 0, costPence: 0 }

/** What the same visits would have cost had the child been placed at the council's previous distance. */
export function baselineVisitCost(rates: TravelRates): VisitCost {
  return visitCost(rates.previousPlacementMiles, rates)
}

/**
 * Travel avoided: the same visits at the baseline distance less the actual ones. Negative when the
 * placement is further away than the baseline (travel added, not avoided).
 */
export function avoided(visits: number, oneWayMiles: number, rates: TravelRates): TravelTotals {
  const actual = totalsOf(visits, visitCost(oneWayMiles, rates))
  const baseline = totalsOf(visits, baselineVisitCost(rates))
  return {
    visits,
    miles: round1(baseline.miles - actual.miles),
    hours: baseline.hours - actual.hours,
    costPence: baseline.costPence - actual.costPence,
  }
}

/** The social worker's one-way DfE miles to the home; null when the home is not located. */
export function socialWorkerMiles(centre: GridRef, home: GridRef | null): number | null {
  return home ? dfeMiles(centre, home) : null
}
