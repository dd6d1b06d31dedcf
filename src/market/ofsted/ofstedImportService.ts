import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { AuditService } from '../../platform/audit/auditService.js'
import type { Actor } from '../../platform/auth/actor.js'
import { authorise } from '../../platform/auth/scope.js'
import type { Selectable } from 'kysely'
import type { Db } from '../../platform/db/database.js'
import type { Database } from '../../platform/db/schema.js'
import { inTransaction } from '../../platform/db/transaction.js'
import { UserInputError } from '../../platform/errors.js'
import { mapHeaders } from './headers.js'
import { toHomeLocation, type HomeLocation, type LocatePostcode, type LocatePostcodes } from './locate.js'
import { createOfstedImportRepository } from './ofstedImportRepository.js'
import { planImport, type ImportPlan } from './planImport.js'
import { readProviderFile } from './readProviderFile.js'
import type { OfstedImportReport, RejectedRow } from './report.js'
import { validateRow, type OfstedHomeRecord } from './validateRow.js'

export const OFSTED_IMPORT_KIND = 'ofsted_providers'

export type OfstedImportDeps = {
  db: Db
  audit: AuditService
  /** The geo room's postcode locator; without it homes keep their location or have none. */
  locate?: LocatePostcode
  /** Its batch form, preferred when given: one round of queries for a whole list. */
  locateMany?: LocatePostcodes
  now?: () => Date
  newId?: () => string
  /** Told after each import commits (the contract room checks its homes' judgements for Ofsted alerts). */
  afterImport?: (actor: Actor) => Promise<unknown>
}

/**
 * Imports an Ofsted provider list (Children's Homes list, Social Care Providers list, the
 * combined list) into the market: providers, homes, registration categories and beds.
 * A bad file changes nothing; bad rows are reported and the good ones imported, in one transaction.
 */
type ImportRunRow = Selectable<Database['import_runs']>

export function createOfstedImportService(deps: OfstedImportDeps) {
  const repo = createOfstedImportRepository()
  const now = deps.now ?? (() => new Date())
  const newId = deps.newId ?? randomUUID

  async function importBuffer(buffer: Buffer, fileName: string, actor: Actor): Promise<OfstedImportReport> {
    authorise(actor, 'import:run')
    const startedAt = now().toISOString()
    const table = await readProviderFile(buffer, fileName)
    const mapping = mapHeaders(table.headers)

    const homes: OfstedHomeRecord[] = []
    const rejected: RejectedRow[] = []
    const warnings: OfstedImportReport['warnings'] = []
    const skippedTypes: Record<string, number> = {}
    const firstRowOfUrn = new Map<string, number>()
    for (const sheetRow of table.rows) {
      const outcome = validateRow(sheetRow, mapping)
      if (outcome.kind === 'skipped') {
        skippedTypes[outcome.providerType] = (skippedTypes[outcome.providerType] ?? 0) + 1
      } else if (outcome.kind === 'rejected') {
        rejected.push({ row: outcome.row, urn: outcome.urn, reasons: outcome.reasons })
      } else {
        const { home } = outcome
        const first = firstRowOfUrn.get(home.urn)
        if (first !== undefined) {
          rejected.push({ row: home.row, urn: home.urn, reasons: [`row ${home.row}: URN ${home.urn} is already on row ${first}`] })
          continue
        }
        firstRowOfUrn.set(home.urn, home.row)
        homes.push(home)
        for (const message of outcome.warnings) warnings.push({ row: home.row, urn: home.urn, message })
      }
    }

    // Located before the transaction opens: the locator reads the database through its own handle.
    const locations = deps.locateMany || deps.locate ? await locateAll(deps, homes) : null

    const report = await inTransaction(deps.db, async (tx) => {
      const homesByUrn = await repo.homesByUrn(
        tx,
        homes.map((h) => h.urn),
      )
      const existingIds = [...homesByUrn.values()].map((h) => h.id)
      const state = {
        providers: await repo.listProviders(tx),
        homesByUrn,
        categoriesByHome: await repo.categoriesByHome(tx, existingIds),
        bedLabelsByHome: await repo.bedLabelsByHome(tx, existingIds),
      }
      const stamp = now().toISOString()
      const plan = planImport(homes, state, locations, { newId, now: stamp })
      await applyPlan(tx, plan, actor, stamp)

      const report: OfstedImportReport = {
        importRunId: newId(),
        fileName,
        sheet: table.sheet,
        rowsRead: table.rows.length,
        created: plan.homeCreates.length,
        updated: plan.homeUpdates.length,
        unchanged: plan.unchanged,
        skipped: Object.values(skippedTypes).reduce((a, b) => a + b, 0),
        skippedTypes,
        rejected,
        warnings,
        providers: { created: plan.providerCreates.length, updated: plan.providerUpdates.length },
        bedsAdded: [...plan.homeCreates, ...plan.homeUpdates].reduce((n, h) => n + h.beds.length, 0),
        ignoredColumns: mapping.ignored,
      }
      await repo.insertImportRun(tx, {
        id: report.importRunId,
        kind: OFSTED_IMPORT_KIND,
        file_name: fileName,
        started_at: startedAt,
        finished_at: now().toISOString(),
        status: 'succeeded',
        created_count: report.created,
        updated_count: report.updated,
        unchanged_count: report.unchanged,
        rejected_count: report.rejected.length,
        report_json: JSON.stringify(report),
        actor_label: actor.label,
      })
      await deps.audit.record(tx, actor, {
        action: 'import',
        entityType: 'import_run',
        entityId: report.importRunId,
        after: {
          kind: OFSTED_IMPORT_KIND,
          fileName,
          created: report.created,
          updated: report.updated,
          unchanged: report.unchanged,
          skipped: report.skipped,
          rejected: report.rejected.length,
        },
      })
      return report
    })
    await deps.afterImport?.(actor)
    return report
  }

  async function applyPlan(tx: Db, plan: ImportPlan, actor: Actor, stamp: string): Promise<void> {
    await repo.insertProviders(tx, plan.providerCreates)
    for (const provider of plan.providerCreates) {
      await deps.audit.record(tx, actor, { action: 'create', entityType: 'provider', entityId: provider.id, after: provider })
    }
    for (const change of plan.providerUpdates) {
      await repo.updateProvider(tx, change.id, { ...change.after, updated_at: stamp })
      await deps.audit.record(tx, actor, {
        action: 'update',
        entityType: 'provider',
        entityId: change.id,
        before: change.before,
        after: change.after,
      })
    }

    await repo.insertHomes(
      tx,
      plan.homeCreates.map((c) => c.home),
    )
    await repo.addCategories(
      tx,
      plan.homeCreates.flatMap((c) => c.categories.map((category) => ({ home_id: c.home.id, category }))),
    )
    await repo.insertBeds(
      tx,
      plan.homeCreates.flatMap((c) => c.beds),
    )
    for (const c of plan.homeCreates) {
      await deps.audit.record(tx, actor, {
        action: 'create',
        entityType: 'home',
        entityId: c.home.id,
        after: { ...c.home, categories: c.categories, beds: c.beds.map((b) => b.label) },
      })
    }

    for (const u of plan.homeUpdates) {
      if (Object.keys(u.patch).length) await repo.updateHome(tx, u.id, u.patch)
      await repo.removeCategories(tx, u.id, u.removeCategories)
      await repo.addCategories(
        tx,
        u.addCategories.map((category) => ({ home_id: u.id, category })),
      )
      await repo.insertBeds(tx, u.beds)
      await deps.audit.record(tx, actor, { action: 'update', entityType: 'home', entityId: u.id, before: u.before, after: u.after })
    }
  }

  return {
    importBuffer,

    /** The latest Ofsted imports, newest first, for the imports page. */
    async recentRuns(actor: Actor, limit = 10) {
      authorise(actor, 'import:run')
      return repo.recentRuns(deps.db, OFSTED_IMPORT_KIND, limit)
    },

    /** One import's full report, as kept when it ran. */
    async findRun(actor: Actor, id: string): Promise<{ run: ImportRunRow; report: OfstedImportReport } | undefined> {
      authorise(actor, 'import:run')
      const run = await repo.findRun(deps.db, OFSTED_IMPORT_KIND, id)
      return run && { run, report: JSON.parse(run.report_json) as OfstedImportReport }
    },

    /** Reads the file at path; the name in messages and the run record is fileName, or the path's own name. */
    async importFile(path: string, actor: Actor, opts: { fileName?: string } = {}): Promise<OfstedImportReport> {
      authorise(actor, 'import:run')
      const fileName = opts.fileName ?? basename(path)
      let buffer: Buffer
      try {
        buffer = await readFile(path)
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code
        const why = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder, not a file' : 'cannot be read'
        throw new UserInputError(`${fileName} ${why} (${path}).`, { file: fileName })
      }
      return importBuffer(buffer, fileName, actor)
    },
  }
}
export type OfstedImportService = ReturnType<typeof createOfstedImportService>

async function locateAll(
  deps: Pick<OfstedImportDeps, 'locate' | 'locateMany'>,
  homes: readonly OfstedHomeRecord[],
): Promise<Map<string, HomeLocation>> {
  const postcodes = [...new Set(homes.flatMap((h) => (h.postcode ? [h.postcode] : [])))]
  const found = new Map<string, HomeLocation>()
  if (deps.locateMany) {
    const answers = await deps.locateMany(postcodes)
    postcodes.forEach((p, i) => found.set(p, toHomeLocation(answers[i])))
  } else if (deps.locate) {
    for (const p of postcodes) found.set(p, toHomeLocation(await deps.locate(p)))
  }
  return found
}
