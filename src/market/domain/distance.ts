import { dfeMiles } from '../../geo/distance.js'
import type { GridRef } from '../../geo/types.js'
import type { LocationPrecision } from './statuses.js'

/** What a home's distance from the council's centre looks like to a person. */
export type DistanceView =
  | { known: false; miles: null; withinRadius: null; approximate: false; text: 'Unknown' }
  | { known: true; miles: number; withinRadius: boolean; approximate: boolean; text: string }

/**
 * The DfE straight-line distance from the centre, and whether it is within the local radius.
 * A sector or district centroid is only an approximation, and says so.
 */
export function distanceView(
  centre: GridRef,
  home: { easting: number | null; northing: number | null; location_precision: LocationPrecision | string },
  radiusMiles: number,
): DistanceView {
  if (home.easting === null || home.northing === null || home.location_precision === 'none') {
    return { known: false, miles: null, withinRadius: null, approximate: false, text: 'Unknown' }
  }
  const miles = dfeMiles(centre, { easting: home.easting, northing: home.northing })
  const approximate = home.location_precision !== 'unit'
  return {
    known: true,
    miles,
    withinRadius: miles <= radiusMiles,
    approximate,
    text: `${approximate ? 'About ' : ''}${miles.toFixed(1)} miles`,
  }
}

// The same division dfeMiles does, so the SQL test below agrees with it to the last bit.
const METRES_PER_MILE = 1000 * 1.6093
const roundedMiles = (squaredMetres: number) => Math.round((Math.sqrt(squaredMetres) / METRES_PER_MILE) * 10) / 10

/**
 * The largest whole number of square metres whose DfE distance is still at most `miles`.
 * Grid references are whole metres, so ΔE² + ΔN² ≤ this is an exact, integer-only test that
 * the database can run and that agrees with dfeMiles(…) ≤ miles for every pair of points.
 */
export function maxSquaredMetresWithin(miles: number): number {
  if (!(miles >= 0)) return -1
  // Rounding to 0.1 means anything under miles + 0.05 counts; start there and settle on the boundary.
  let s = Math.floor(((miles + 0.05) * METRES_PER_MILE) ** 2)
  while (s >= 0 && roundedMiles(s) > miles) s--
  while (roundedMiles(s + 1) <= miles) s++
  return s
}
