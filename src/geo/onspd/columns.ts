import { UserInputError } from '../../platform/errors.js'

/** What a file holds: unit postcodes, or centroids already worked out per sector or district. */
export type SourceKind = 'units' | 'sectors' | 'districts'

/** Which of the known layouts a header is; stored with each import. */
export type SourceSchema = 'onspd-legacy' | 'onspd-2025' | 'postcode-grid' | 'sectors' | 'districts'

/** Where each field we use sits in a row (-1: the file does not have it). */
export type ColumnMap = {
  kind: SourceKind
  schema: SourceSchema
  /** The header names, as the file spells them, for error messages. */
  header: string[]
  key: number
  easting: number
  northing: number
  lad: number
  doterm: number
  gridind: number
  lat: number
  count: number
}

// Patterns, tried in order; the first that matches a column wins. Anchored, so oslaua (an old
// local code) never passes for laua, nor pcd2 for pcd.
const UNIT_KEY = [/^pcds$/, /^pcd$/, /^pcd7$/, /^pcd8$/, /^pcd2$/, /^postcode$/]
const SECTOR_KEY = [/^sector$/, /^pcd_?sector$/, /^postcode_?sector$/]
const DISTRICT_KEY = [/^outcode$/, /^district$/, /^pcd_?district$/, /^postcode_?district$/]
const EASTING = [/^oseast1m$/, /^east1m$/, /^eastings?$/]
const NORTHING = [/^osnrth1m$/, /^north1m$/, /^northings?$/]
const LAD = [/^laua$/, /^lad\d\dcd$/, /^lad$/, /^lad_?code$/]
const DOTERM = [/^doterm$/]
const GRIDIND = [/^osgrdind$/, /^gridind$/]
const LAT = [/^lat$/]
const COUNT = [/^postcodes$/, /^count$/]

function find(names: string[], patterns: RegExp[]): number {
  for (const p of patterns) {
    // Several LAD vintages (lad24cd, lad25cd): the newest is the one ONS means.
    const hits = names.map((n, i) => (p.test(n) ? i : -1)).filter((i) => i >= 0)
    if (hits.length > 0) return hits.sort((a, b) => (names[b]! > names[a]! ? 1 : -1))[0]!
  }
  return -1
}

/**
 * Reads a header row. Throws, before anything is written, naming the file, the columns it has and
 * the ones it needs, when it is not a postcode file we know.
 */
export function mapColumns(header: string[], file: string): ColumnMap {
  const names = header.map((h) => h.trim().toLowerCase())
  const unit = find(names, UNIT_KEY)
  const sector = find(names, SECTOR_KEY)
  const district = find(names, DISTRICT_KEY)
  const kind: SourceKind | null = unit >= 0 ? 'units' : sector >= 0 ? 'sectors' : district >= 0 ? 'districts' : null
  const easting = find(names, EASTING)
  const northing = find(names, NORTHING)
  const missing = [
    kind === null && 'a postcode column (pcds, pcd, pcd7 or postcode; or sector / outcode for centroid files)',
    easting < 0 && 'an easting column (oseast1m, east1m or easting)',
    northing < 0 && 'a northing column (osnrth1m, north1m or northing)',
  ].filter((m): m is string => typeof m === 'string')
  if (kind === null || missing.length > 0) {
    const found = header.length > 12 ? `${header.slice(0, 12).join(', ')} … (${header.length} columns)` : header.join(', ')
    throw new UserInputError(
      `${file}: not a postcode file we can read. It needs ${missing.join('; ')}. Its columns are: ${found || '(none)'}`,
      { file, row: 1 },
    )
  }
  const eastingName = names[easting]!
  const schema: SourceSchema =
    kind === 'sectors'
      ? 'sectors'
      : kind === 'districts'
        ? 'districts'
        : eastingName === 'oseast1m'
          ? 'onspd-legacy'
          : eastingName === 'east1m'
            ? 'onspd-2025'
            : 'postcode-grid'
  return {
    kind,
    schema,
    header,
    key: kind === 'units' ? unit : kind === 'sectors' ? sector : district,
    easting,
    northing,
    lad: find(names, LAD),
    doterm: find(names, DOTERM),
    gridind: find(names, GRIDIND),
    lat: find(names, LAT),
    count: kind === 'units' ? -1 : find(names, COUNT),
  }
}
