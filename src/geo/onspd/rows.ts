import { UserInputError } from '../../platform/errors.js'
import { isNorthernIreland, tryParsePostcode, tryParsePostcodeArea } from '../postcode.js'
import type { ColumnMap } from './columns.js'

/** One unit postcode as stored. */
export type UnitRow = {
  postcode: string
  sector: string
  district: string
  lad: string | null
  easting: number
  northing: number
  terminated: 0 | 1
}

/** One sector's or district's centroid as stored. */
export type CentroidRow = { key: string; lad: string | null; easting: number; northing: number; postcodes: number }

/** Rows we leave out on purpose, and count. */
export type Skip = 'northern-ireland' | 'no-grid'

// The British National Grid runs 0–700 km east and 0–1,300 km north.
const MAX_EASTING = 700_000
const MAX_NORTHING = 1_300_000
const NUMBER = /^-?\d+(\.\d+)?$/
const ONS_CODE = /^[A-Z]\d{8}$/
// ONSPD marks a postcode with no grid reference three ways; any one is enough.
const NO_GRID_QUALITY = '9'
const NO_GRID_LAT = '99.999999'

export function rowError(file: string, line: number, column: string, message: string): UserInputError {
  return new UserInputError(`${file}: line ${line}, column ${column}: ${message}`, { file, row: line, column })
}

function checkWidth(cells: string[], map: ColumnMap, line: number, file: string): void {
  if (cells.length !== map.header.length) {
    throw new UserInputError(`${file}: line ${line} has ${cells.length} fields where the header has ${map.header.length}`, {
      file,
      row: line,
    })
  }
}

function hasNoGrid(cells: string[], map: ColumnMap): boolean {
  if (map.gridind >= 0 && cells[map.gridind]!.trim() === NO_GRID_QUALITY) return true
  if (map.lat >= 0 && cells[map.lat]!.trim() === NO_GRID_LAT) return true
  return cells[map.easting]!.trim() === '' || cells[map.northing]!.trim() === ''
}

function metres(cells: string[], col: number, max: number, what: string, map: ColumnMap, line: number, file: string): number {
  const raw = cells[col]!.trim()
  const n = NUMBER.test(raw) ? Math.round(Number(raw)) : NaN
  if (!(n >= 0 && n <= max)) {
    throw rowError(file, line, map.header[col]!, `'${raw}' is not ${what} in metres (a number from 0 to ${max.toLocaleString('en-GB')})`)
  }
  return n
}

function ladOf(cells: string[], map: ColumnMap, line: number, file: string): string | null {
  if (map.lad < 0) return null
  const raw = cells[map.lad]!.trim()
  if (raw === '') return null
  if (!ONS_CODE.test(raw)) throw rowError(file, line, map.header[map.lad]!, `'${raw}' is not an ONS local authority code (like E06000045)`)
  return raw
}

/** Reads one ONSPD/NSPL (or postcode,lad,easting,northing) row; throws naming line and column if it is malformed. */
export function readUnitRow(cells: string[], map: ColumnMap, line: number, file: string): UnitRow | Skip {
  checkWidth(cells, map, line, file)
  const raw = cells[map.key]!
  const pc = tryParsePostcode(raw)
  if (!pc) throw rowError(file, line, map.header[map.key]!, `'${raw.trim()}' is not a UK postcode`)
  if (isNorthernIreland(pc.outward)) return 'northern-ireland'
  if (hasNoGrid(cells, map)) return 'no-grid'
  return {
    postcode: pc.postcode,
    sector: pc.sector,
    district: pc.district,
    lad: ladOf(cells, map, line, file),
    easting: metres(cells, map.easting, MAX_EASTING, 'an easting', map, line, file),
    northing: metres(cells, map.northing, MAX_NORTHING, 'a northing', map, line, file),
    terminated: map.doterm >= 0 && cells[map.doterm]!.trim() !== '' ? 1 : 0,
  }
}

/** Reads one row of a sectors.csv or districts.csv shaped file. */
export function readCentroidRow(cells: string[], map: ColumnMap, line: number, file: string): CentroidRow | Skip {
  checkWidth(cells, map, line, file)
  const raw = cells[map.key]!
  const area = tryParsePostcodeArea(raw)
  const want = map.kind === 'sectors' ? 'sector' : 'district'
  if (!area || area.kind !== want) {
    const example = want === 'sector' ? 'SO14 7' : 'SO14'
    throw rowError(file, line, map.header[map.key]!, `'${raw.trim()}' is not a postcode ${want} (like ${example})`)
  }
  if (isNorthernIreland(area.key)) return 'northern-ireland'
  if (hasNoGrid(cells, map)) return 'no-grid'
  let postcodes = 0
  if (map.count >= 0) {
    const c = cells[map.count]!.trim()
    postcodes = /^\d+$/.test(c) ? Number(c) : NaN
    if (!Number.isSafeInteger(postcodes)) throw rowError(file, line, map.header[map.count]!, `'${c}' is not a count of postcodes`)
  }
  return {
    key: area.key,
    lad: ladOf(cells, map, line, file),
    easting: metres(cells, map.easting, MAX_EASTING, 'an easting', map, line, file),
    northing: metres(cells, map.northing, MAX_NORTHING, 'a northing', map, line, file),
    postcodes,
  }
}
