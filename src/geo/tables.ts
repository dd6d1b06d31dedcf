/** The geo room's tables: the imported postcode directory and its derived centroids. */
export interface GeoTables {
  postcode_units: {
    postcode: string // display form, e.g. 'SO14 7DU'
    lad: string | null
    easting: number
    northing: number
    terminated: number // 0 live, 1 terminated (kept: old addresses still need a location)
  }
  postcode_sectors: {
    sector: string // 'SO14 7'
    lad: string | null
    easting: number
    northing: number
    postcodes: number
  }
  postcode_districts: {
    district: string // 'SO14'
    lad: string | null
    easting: number
    northing: number
    postcodes: number
  }
  postcode_imports: {
    id: string
    file_name: string
    imported_at: string
    units: number
    sectors: number
    districts: number
    source_schema: string
  }
}
