/**
 * Where a postcode is, as the geo room's postcode service answers it. Shaped loosely (either
 * lad name, an explicit 'none') so the import accepts that service's locate as it is.
 */
export type PostcodeLocation = {
  easting: number | null
  northing: number | null
  precision: 'unit' | 'sector' | 'district' | 'none'
  lad?: string | null
  ladCode?: string | null
}
export type LocatePostcode = (postcode: string) => Promise<PostcodeLocation | null | undefined>
/** The batch form (the geo service's locateMany): answers in the order asked, null where unknown. */
export type LocatePostcodes = (postcodes: readonly string[]) => Promise<readonly (PostcodeLocation | null | undefined)[]>

/** The homes columns that say where a home is. */
export type HomeLocation = {
  easting: number | null
  northing: number | null
  location_precision: 'unit' | 'sector' | 'district' | 'none'
  lad_code: string | null
}

export const NO_LOCATION: HomeLocation = { easting: null, northing: null, location_precision: 'none', lad_code: null }

export function toHomeLocation(found: PostcodeLocation | null | undefined): HomeLocation {
  if (!found || found.precision === 'none' || found.easting === null || found.northing === null) return NO_LOCATION
  return {
    easting: Math.round(found.easting),
    northing: Math.round(found.northing),
    location_precision: found.precision,
    lad_code: found.ladCode ?? found.lad ?? null,
  }
}
