import { UserInputError } from '../platform/errors.js'
import type { CentroidRow } from './onspd/rows.js'
import type { AuditService } from '../platform/audit/auditService.js'
import type { Actor } from '../platform/auth/actor.js'
import type { Db, Dialect } from '../platform/db/database.js'
import { importPostcodeFile, type ImportOptions, type ImportSummary } from './onspd/importer.js'
import { parsePostcodeArea, tryParsePostcodeArea, type PostcodeArea } from './postcode.js'
import { createPostcodeRepository, type StoredPoint } from './postcodeRepository.js'
import type { Location } from './types.js'

export type PostcodeStatus = {
  lastImport: {
    id: string
    fileName: string
    importedAt: string
    units: number
    sectors: number
    districts: number
    sourceSchema: string
  } | null
  counts: { units: number; sectors: number; districts: number }
}

export type PostcodeServiceDeps = { db: Db; dialect: Dialect; audit: AuditService }

export function createPostcodeService({ db, dialect, audit }: PostcodeServiceDeps) {
  const repo = createPostcodeRepository(dialect)

  /** Finds every area at the finest level held: unit, else its sector's centroid, else its district's. */
  async function resolve(conn: Db, areas: PostcodeArea[]): Promise<(Location | null)[]> {
    const units = await repo.findUnits(conn, [...new Set(areas.flatMap((a) => (a.kind === 'unit' ? [a.key] : [])))])
    const sectorOf = (a: PostcodeArea) => (a.kind === 'unit' ? a.postcode.sector : a.kind === 'sector' ? a.key : null)
    const districtOf = (a: PostcodeArea) => (a.kind === 'unit' ? a.postcode.district : a.kind === 'sector' ? a.district : a.key)
    const needSector = areas.filter((a) => a.kind !== 'district' && !units.has(a.key))
    const sectors = await repo.findSectors(conn, [...new Set(needSector.map((a) => sectorOf(a)!))])
    const needDistrict = needSector.filter((a) => !sectors.has(sectorOf(a)!)).concat(areas.filter((a) => a.kind === 'district'))
    const districts = await repo.findDistricts(conn, [...new Set(needDistrict.map(districtOf))])
    const at = (a: PostcodeArea, p: StoredPoint | undefined, precision: Location['precision']): Location | null =>
      p ? { postcode: a.key, easting: p.easting, northing: p.northing, lad: p.lad, precision } : null
    return areas.map((a) => {
      if (a.kind === 'unit' && units.has(a.key)) return at(a, units.get(a.key), 'unit')
      const s = sectorOf(a)
      if (s !== null && sectors.has(s)) return at(a, sectors.get(s), 'sector')
      return at(a, districts.get(districtOf(a)), 'district')
    })
  }

  async function locateIn(conn: Db, postcode: string): Promise<Location | null> {
    const [found] = await resolve(conn, [parsePostcodeArea(postcode)])
    return found ?? null
  }

  async function locateManyIn(conn: Db, postcodes: readonly string[]): Promise<(Location | null)[]> {
    const parsed = postcodes.map((p) => tryParsePostcodeArea(p))
    const found = await resolve(
      conn,
      parsed.filter((a): a is PostcodeArea => a !== null),
    )
    let i = 0
    return parsed.map((a) => (a ? (found[i++] ?? null) : null))
  }

  return {
    /**
     * Where a postcode is. Takes a unit postcode in any case or spacing, or a sector ('SO14 7') or
     * district ('SO14'). Null if the directory has none of them. Throws UserInputError if the
     * input is not a postcode at all.
     */
    locate: (postcode: string) => locateIn(db, postcode),

    /**
     * The same for many at once (a whole SSDA903 return), in the input's order. Entries that are not
     * postcodes give null rather than an error: bulk data is messy and one bad entry must not stop the rest.
     */
    locateMany: (postcodes: readonly string[]) => locateManyIn(db, postcodes),

    /**
     * locate on the caller's transaction. Use it inside inTransaction: on SQLite the one
     * connection is held by the transaction, so a lookup through `db` would wait on it forever.
     */
    locateIn,

    /** locateMany on the caller's transaction. */
    locateManyIn,

    /** Unit postcodes of one district, for picking real addresses (the demo council uses it). */
    async unitsInDistrict(district: string, opts: { liveOnly?: boolean; limit?: number; db?: Db } = {}) {
      const d = district.trim().toUpperCase()
      if (!/^[A-Z]{1,2}\d[A-Z\d]?$/.test(d)) throw new UserInputError(`"${district}" is not a postcode district, like SO14`)
      return repo.unitsInDistrict(opts.db ?? db, d, { liveOnly: opts.liveOnly ?? true, limit: opts.limit ?? 1000 })
    },

    /**
     * Seeds district centroids when no directory has been imported (the demo council does this
     * with its published district table), so lookups fall back to an approximate location. A
     * directory already loaded is never touched. Returns how many districts were added.
     */
    async seedDistrictCentroids(tx: Db, actor: Actor, rows: readonly CentroidRow[]): Promise<number> {
      const { districts } = await repo.counts(tx)
      if (districts > 0) return 0
      await repo.insertCentroids(tx, 'postcode_districts', [...rows])
      await audit.record(tx, actor, {
        action: 'postcodes.seed-districts',
        entityType: 'postcode_districts',
        entityId: 'all',
        after: { districts: rows.length },
      })
      return rows.length
    },

    /** Replaces the postcode directory from an ONSPD/NSPL file (.csv, .csv.gz or .zip), audited, in one transaction. */
    importFile(path: string, actor: Actor, opts: ImportOptions = {}): Promise<ImportSummary> {
      return importPostcodeFile({ db, repo, audit }, path, actor, opts)
    },

    async status(): Promise<PostcodeStatus> {
      const last = await repo.latestImport(db)
      return {
        lastImport: last && {
          id: last.id,
          fileName: last.file_name,
          importedAt: last.imported_at,
          units: last.units,
          sectors: last.sectors,
          districts: last.districts,
          sourceSchema: last.source_schema,
        },
        counts: await repo.counts(db),
      }
    },
  }
}
export type PostcodeService = ReturnType<typeof createPostcodeService>
