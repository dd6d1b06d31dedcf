import { randomUUID } from 'node:crypto'
import type { AuditService } from '../../platform/audit/auditService.js'
import type { Actor } from '../../platform/auth/actor.js'
import type { Db } from '../../platform/db/database.js'
import { inTransaction } from '../../platform/db/transaction.js'
import { UserInputError } from '../../platform/errors.js'
import { emptyUnitBatch, type PostcodeRepository, type UnitBatch } from '../postcodeRepository.js'
import { CentroidAccumulator } from './centroids.js'
import { mapColumns, type ColumnMap, type SourceSchema } from './columns.js'
import { CsvRowSplitter, type CsvRow } from './csvRows.js'
import { openTextSource, type TextSource } from './openSource.js'
import { readCentroidRow, readUnitRow, rowError, type CentroidRow } from './rows.js'

export type ImportProgress = {
  rowsRead: number
  units: number
  skippedNorthernIreland: number
  skippedNoGrid: number
}

export type ImportOptions = {
  /** Called every `progressEvery` data rows (default 250,000). */
  onProgress?: (p: ImportProgress) => void
  progressEvery?: number
  /** Stop after this many data rows: for tests over a large file. The tables then hold only those rows. */
  limit?: number
  now?: () => Date
}

export type ImportSummary = ImportProgress & {
  importId: string
  /** The file (and for a zip, 'file.zip:Data/ONSPD_….csv'). */
  file: string
  sourceSchema: SourceSchema
  sectors: number
  districts: number
  /** Unit postcodes kept although terminated (doterm set). */
  terminated: number
  seconds: number
}

export type ImportDeps = { db: Db; repo: PostcodeRepository; audit: AuditService }

/**
 * Replaces the postcode directory with a file's contents in one transaction: it all lands or,
 * on any bad row, none of it does and the tables are exactly as before.
 */
export async function importPostcodeFile(deps: ImportDeps, path: string, actor: Actor, opts: ImportOptions = {}): Promise<ImportSummary> {
  const started = performance.now()
  const now = opts.now ?? (() => new Date())
  const source = await openTextSource(path)
  try {
    const splitter = new CsvRowSplitter(source.file)
    const rows = readRows(source, splitter)
    // The header is checked before the transaction opens: a wrong file writes nothing at all.
    const first = await nextRows(rows)
    const header = first.shift()
    if (!header) throw new UserInputError(`${source.file}: the file is empty`, { file: source.file })
    const map = mapColumns(header.cells, source.file)
    splitter.want([map.key, map.easting, map.northing, map.lad, map.doterm, map.gridind, map.lat, map.count])
    // Rows already split with the header keep all their cells: harmless, there are few.
    const reader = (async function* () {
      if (first.length > 0) yield first
      yield* rows
    })()
    return await inTransaction(deps.db, async (tx) => {
      const before = { ...(await deps.repo.counts(tx)), lastImportId: (await deps.repo.latestImport(tx))?.id ?? null }
      await deps.repo.clear(tx)
      const loaded =
        map.kind === 'units'
          ? await loadUnits(tx, deps.repo, map, source.file, reader, opts)
          : await loadCentroids(tx, deps.repo, map, source.file, reader, opts)
      if (loaded.units + loaded.sectors + loaded.districts === 0) {
        // Replacing the directory with nothing is never what was meant: a header-only or all-BT file.
        throw new UserInputError(`${source.file}: no postcodes with a grid reference in the file; the postcode directory is unchanged`, {
          file: source.file,
        })
      }
      const importId = randomUUID()
      const summary: ImportSummary = {
        importId,
        file: source.file,
        sourceSchema: map.schema,
        ...loaded,
        seconds: Math.round((performance.now() - started) / 100) / 10,
      }
      await deps.repo.recordImport(tx, {
        id: importId,
        file_name: source.file,
        imported_at: now().toISOString(),
        units: summary.units,
        sectors: summary.sectors,
        districts: summary.districts,
        source_schema: map.schema,
      })
      const { seconds: _seconds, ...after } = summary
      await deps.audit.record(tx, actor, {
        action: 'postcodes.import',
        entityType: 'postcode_directory',
        entityId: importId,
        before,
        after,
      })
      return summary
    })
  } finally {
    source.close()
  }
}

type Loaded = Omit<ImportSummary, 'importId' | 'file' | 'sourceSchema' | 'seconds'>

/** Rows in blocks of a few thousand: each block handed up through the async generators costs the same, however small. */
async function* readRows(source: TextSource, splitter: CsvRowSplitter): AsyncGenerator<CsvRow[]> {
  let out: CsvRow[] = []
  let first = true
  for await (const chunk of source.chunks) {
    splitter.push(chunk, out)
    // The first rows go up at once: the header is checked before the rest is read.
    if (out.length >= (first ? 1 : 4_000)) {
      first = false
      yield out
      out = []
    }
  }
  splitter.end(out)
  if (out.length > 0) yield out
}

async function nextRows(rows: AsyncGenerator<CsvRow[]>): Promise<CsvRow[]> {
  const r = await rows.next()
  return r.done ? [] : r.value
}

async function loadUnits(
  tx: Db,
  repo: PostcodeRepository,
  map: ColumnMap,
  file: string,
  reader: AsyncIterable<CsvRow[]>,
  opts: ImportOptions,
): Promise<Loaded> {
  const sectors = new CentroidAccumulator()
  const districts = new CentroidAccumulator()
  const p: ImportProgress = { rowsRead: 0, units: 0, skippedNorthernIreland: 0, skippedNoGrid: 0 }
  let terminated = 0
  let batch = emptyUnitBatch()
  const every = opts.progressEvery ?? 250_000
  const limit = opts.limit ?? Infinity
  const flush = async () => {
    try {
      await repo.insertUnits(tx, batch)
    } catch (e) {
      throw await explainDuplicate(e, tx, repo, 'postcode_units', batch.postcode, batch.line, file, map.header[map.key]!)
    }
    batch = emptyUnitBatch()
  }
  outer: for await (const chunk of reader) {
    for (const { cells, line } of chunk) {
      if (p.rowsRead >= limit) break outer
      p.rowsRead++
      const u = readUnitRow(cells, map, line, file)
      if (u === 'northern-ireland') p.skippedNorthernIreland++
      else if (u === 'no-grid') p.skippedNoGrid++
      else {
        sectors.add(u.sector, u.easting, u.northing, u.lad)
        districts.add(u.district, u.easting, u.northing, u.lad)
        pushUnit(batch, u.postcode, u.lad, u.easting, u.northing, u.terminated, line)
        terminated += u.terminated
        p.units++
        if (batch.postcode.length >= repo.unitBatchSize) await flush()
      }
      if (opts.onProgress && p.rowsRead % every === 0) opts.onProgress({ ...p })
    }
  }
  await flush()
  const sectorRows = sectors.rows()
  const districtRows = districts.rows()
  await repo.insertCentroids(tx, 'postcode_sectors', sectorRows)
  await repo.insertCentroids(tx, 'postcode_districts', districtRows)
  return { ...p, terminated, sectors: sectorRows.length, districts: districtRows.length }
}

function pushUnit(
  b: UnitBatch,
  postcode: string,
  lad: string | null,
  easting: number,
  northing: number,
  terminated: number,
  line: number,
): void {
  b.postcode.push(postcode)
  b.lad.push(lad)
  b.easting.push(easting)
  b.northing.push(northing)
  b.terminated.push(terminated)
  b.line.push(line)
}

/** A sectors file also gives districts (the postcode-weighted mean of their sectors); a districts file only districts. */
async function loadCentroids(
  tx: Db,
  repo: PostcodeRepository,
  map: ColumnMap,
  file: string,
  reader: AsyncIterable<CsvRow[]>,
  opts: ImportOptions,
): Promise<Loaded> {
  const table = map.kind === 'sectors' ? 'postcode_sectors' : 'postcode_districts'
  const districts = new CentroidAccumulator()
  const p: ImportProgress = { rowsRead: 0, units: 0, skippedNorthernIreland: 0, skippedNoGrid: 0 }
  let stored = 0
  let batch: CentroidRow[] = []
  let lines: number[] = []
  const limit = opts.limit ?? Infinity
  const flush = async () => {
    try {
      await repo.insertCentroids(tx, table, batch)
    } catch (e) {
      throw await explainDuplicate(
        e,
        tx,
        repo,
        table,
        batch.map((r) => r.key),
        lines,
        file,
        map.header[map.key]!,
      )
    }
    stored += batch.length
    batch = []
    lines = []
  }
  outer: for await (const chunk of reader) {
    for (const { cells, line } of chunk) {
      if (p.rowsRead >= limit) break outer
      p.rowsRead++
      const r = readCentroidRow(cells, map, line, file)
      if (r === 'northern-ireland') p.skippedNorthernIreland++
      else if (r === 'no-grid') p.skippedNoGrid++
      else {
        if (map.kind === 'sectors') districts.add(r.key.split(' ')[0]!, r.easting, r.northing, r.lad, Math.max(r.postcodes, 1), r.postcodes)
        batch.push(r)
        lines.push(line)
        if (batch.length >= 1_000) await flush()
      }
    }
  }
  await flush()
  let districtCount = map.kind === 'districts' ? stored : 0
  if (map.kind === 'sectors') {
    const rows = districts.rows()
    await repo.insertCentroids(tx, 'postcode_districts', rows)
    districtCount = rows.length
  }
  return { ...p, terminated: 0, sectors: map.kind === 'sectors' ? stored : 0, districts: districtCount }
}

/**
 * The database refused a batch: if it is because a key repeats, say which and on what line. The
 * key is found without holding every key of a 2.6-million-row file in memory.
 */
async function explainDuplicate(
  error: unknown,
  tx: Db,
  repo: PostcodeRepository,
  table: 'postcode_units' | 'postcode_sectors' | 'postcode_districts',
  keys: string[],
  lines: number[],
  file: string,
  column: string,
): Promise<unknown> {
  const e = error as { code?: string; detail?: string }
  const unique = e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e.code === 'SQLITE_CONSTRAINT_UNIQUE'
  if (!unique) return error
  const dup = (i: number) => rowError(file, lines[i]!, column, `'${keys[i]}' appears more than once in the file`)
  const seen = new Set<string>()
  for (let i = 0; i < keys.length; i++) {
    if (seen.has(keys[i]!)) return dup(i)
    seen.add(keys[i]!)
  }
  // PostgreSQL names the key, and its aborted transaction could not be asked; SQLite's still can.
  const named = /\)=\((.*)\) already exists/.exec(e.detail ?? '')?.[1]
  const existing =
    named !== undefined ? new Set([named]) : e.code === '23505' ? new Set<string>() : await repo.existingKeys(tx, table, keys)
  const i = keys.findIndex((k) => existing.has(k))
  return i >= 0 ? dup(i) : error
}
