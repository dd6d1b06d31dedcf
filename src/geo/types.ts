/** A point on the British National Grid, in metres. */
export type GridRef = { easting: number; northing: number }

/** How exactly a location is known: the unit postcode itself, or only its sector's or district's centroid. */
export type Precision = 'unit' | 'sector' | 'district'

/** Where a postcode is. Anything but 'unit' precision is an approximation and must be shown as one. */
export type Location = GridRef & {
  /** The normalised query: 'SO14 7DU', or 'SO14 7' / 'SO14' when only that much was given. */
  postcode: string
  lad: string | null
  precision: Precision
}
