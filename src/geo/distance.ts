import type { GridRef } from './types.js'

// The DfE's figure for the SSDA903 return: straight-line grid distance, km → miles at 1.6093, 1 dp.
const METRES_PER_MILE = 1000 * 1.6093

/** Rounds to one decimal place, half away from zero (distances are never negative). */
function round1(miles: number): number {
  return Math.round(miles * 10) / 10
}

/** DfE distance in miles between two grid references: round(sqrt(ΔE² + ΔN²) / 1000 / 1.6093, 1). */
export function dfeMiles(a: GridRef, b: GridRef): number {
  const de = a.easting - b.easting
  const dn = a.northing - b.northing
  // sqrt of the sum, not Math.hypot: for whole metres the sum is exact and sqrt correctly rounded,
  // so this and milesFrom agree to the last bit.
  return round1(Math.sqrt(de * de + dn * dn) / METRES_PER_MILE)
}

/**
 * The same distance from one origin to many points at once, for ranking every home in the market.
 * Typed arrays keep a million homes in 16 MB and the loop free of allocation; pass `out` to reuse it.
 */
export function milesFrom(
  origin: GridRef,
  eastings: Int32Array,
  northings: Int32Array,
  out: Float64Array = new Float64Array(eastings.length),
): Float64Array {
  if (northings.length !== eastings.length) {
    throw new RangeError(`eastings (${eastings.length}) and northings (${northings.length}) differ in length`)
  }
  if (out.length < eastings.length) throw new RangeError(`out holds ${out.length}, needs ${eastings.length}`)
  const e0 = origin.easting
  const n0 = origin.northing
  for (let i = 0; i < eastings.length; i++) {
    const de = eastings[i]! - e0
    const dn = northings[i]! - n0
    out[i] = round1(Math.sqrt(de * de + dn * dn) / METRES_PER_MILE)
  }
  return out
}
