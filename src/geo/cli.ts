import type { Command } from 'commander'
import { z } from 'zod'
import type { AuditService } from '../platform/audit/auditService.js'
import { systemActor, type Actor } from '../platform/auth/actor.js'
import type { Db, Dialect } from '../platform/db/database.js'
import { UserInputError } from '../platform/errors.js'
import { postcodeAttribution } from './attribution.js'
import type { ImportProgress, ImportSummary } from './onspd/importer.js'
import { createPostcodeService } from './postcodeService.js'
import type { Location } from './types.js'

/** What the postcode commands need from the opened database. */
export type PostcodeCliContext = { db: Db; dialect: Dialect; audit: AuditService; close(): Promise<void>; actor?: Actor }

export type PostcodeCliIo = { out?: (text: string) => void; err?: (text: string) => void }

const ImportArgs = z.object({
  file: z.string().trim().min(1, 'give the path of the ONSPD or NSPL file (.zip, .csv or .csv.gz)'),
  limit: z
    .string()
    .regex(/^[1-9]\d*$/, '--limit must be a whole number of rows, at least 1')
    .transform(Number)
    .optional(),
})
const LookupArgs = z.object({ postcode: z.string().trim().min(1, 'give a postcode, such as SO14 7DU') })

function parseArgs<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new UserInputError(issue.message, { field: String(issue.path[0] ?? '') })
  }
  return parsed.data
}

const n = (v: number) => v.toLocaleString('en-GB')

export function formatProgress(p: ImportProgress, seconds: number): string {
  return `  ${n(p.rowsRead)} rows read, ${n(p.units)} postcodes kept (${seconds.toFixed(0)} s)`
}

export function formatSummary(s: ImportSummary): string {
  return [
    `Imported ${s.file} (${s.sourceSchema})`,
    `  unit postcodes        ${n(s.units)} (of which terminated, kept: ${n(s.terminated)})`,
    `  sectors               ${n(s.sectors)}`,
    `  districts             ${n(s.districts)}`,
    `  skipped BT (NI)       ${n(s.skippedNorthernIreland)}`,
    `  skipped, no grid ref  ${n(s.skippedNoGrid)}`,
    `  seconds               ${s.seconds.toFixed(1)}`,
    ...postcodeAttribution(),
  ].join('\n')
}

export function formatLocation(l: Location): string {
  const how = l.precision === 'unit' ? 'exact (unit postcode)' : `approximate (${l.precision} centroid)`
  return [
    `${l.postcode}`,
    `  easting    ${l.easting}`,
    `  northing   ${l.northing}`,
    `  LAD        ${l.lad ?? 'unknown'}`,
    `  precision  ${l.precision}: ${how}`,
  ].join('\n')
}

/** Adds `postcodes import <file>`, `postcodes lookup <postcode>` and `postcodes status`. */
export function registerPostcodeCommands(program: Command, open: () => Promise<PostcodeCliContext>, io: PostcodeCliIo = {}): void {
  const out = io.out ?? ((text: string) => console.log(text))
  const err = io.err ?? ((text: string) => console.error(text))
  const postcodes =
    program.commands.find((c) => c.name() === 'postcodes') ??
    program.command('postcodes').description('The postcode directory (ONSPD/NSPL)')

  async function withService<T>(work: (svc: ReturnType<typeof createPostcodeService>, ctx: PostcodeCliContext) => Promise<T>): Promise<T> {
    const ctx = await open()
    try {
      return await work(createPostcodeService({ db: ctx.db, dialect: ctx.dialect, audit: ctx.audit }), ctx)
    } finally {
      await ctx.close()
    }
  }

  postcodes
    .command('import')
    .description('Replace the postcode directory from an ONSPD or NSPL release (.zip as the ONS ships it, .csv or .csv.gz)')
    .argument('<file>', 'the ONSPD/NSPL file')
    .option('--limit <rows>', 'read only the first ROWS data rows (for trying a file out)')
    .action(async (file: string, opts: { limit?: string }) => {
      const args = parseArgs(ImportArgs, { file, limit: opts.limit })
      await withService(async (svc, ctx) => {
        const started = performance.now()
        const summary = await svc.importFile(args.file, ctx.actor ?? systemActor('cli:postcodes import'), {
          limit: args.limit,
          onProgress: (p) => err(formatProgress(p, (performance.now() - started) / 1000)),
        })
        out(formatSummary(summary))
      })
    })

  postcodes
    .command('lookup')
    .description('Where a postcode is (a sector such as "SO14 7" or a district such as SO14 also works)')
    .argument('<postcode>', 'the postcode')
    .action(async (postcode: string) => {
      const args = parseArgs(LookupArgs, { postcode })
      await withService(async (svc) => {
        const found = await svc.locate(args.postcode)
        if (!found) {
          const { counts } = await svc.status()
          const hint =
            counts.units + counts.sectors + counts.districts === 0
              ? ' The directory is empty: run `placewise postcodes import <file>` first.'
              : ''
          throw new UserInputError(`No location known for '${args.postcode.trim()}'.${hint}`, { field: 'postcode' })
        }
        out(formatLocation(found))
      })
    })

  postcodes
    .command('status')
    .description('The last postcode import and what the directory holds')
    .action(async () => {
      await withService(async (svc) => {
        const s = await svc.status()
        const last = s.lastImport
        out(
          [
            last ? `Last import: ${last.fileName} (${last.sourceSchema}) at ${last.importedAt}` : 'No postcode import yet.',
            `  unit postcodes  ${n(s.counts.units)}`,
            `  sectors         ${n(s.counts.sectors)}`,
            `  districts       ${n(s.counts.districts)}`,
          ].join('\n'),
        )
      })
    })
}
