/**
 * `placewise ocds export --tender ID [--stage tender|award|contract|all] [--output DIR]`: writes
 * one OCDS 1.1 release package file per stage, `<ocid>-<stage>.json`. With `all`, every stage the
 * tender has reached (tender once published, award once decided, contract once concluded).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Command } from 'commander'
import { z } from 'zod'
import { createAwardRegisterPart } from '../contract/contractService.js'
import type { PostcodeService } from '../geo/postcodeService.js'
import type { MarketService } from '../market/marketService.js'
import type { AuditService } from '../platform/audit/auditService.js'
import { systemActor, type Actor } from '../platform/auth/actor.js'
import type { Config } from '../platform/config.js'
import type { Db, Dialect } from '../platform/db/database.js'
import { UserInputError } from '../platform/errors.js'
import { buildReleasePackage } from './ocds/releasePackage.js'
import type { OcdsStage } from './ocds/types.js'
import { bidMasterKeyFor } from './sealing/masterKey.js'
import type { TenderService, TenderServiceExtras } from './tenderApi.js'
import { createTenderService } from './tenderService.js'

export type TenderCliContext = {
  db: Db
  dialect: Dialect
  audit: AuditService
  market: MarketService
  postcodes: Pick<PostcodeService, 'locate'>
  config: Config
  close(): Promise<void>
  actor?: Actor
  /** The app's tender service, when the services already hold one. */
  tender?: TenderService & TenderServiceExtras
}

const Args = z.object({
  tender: z.string({ message: 'give the tender: --tender ID' }).trim().min(1, { message: 'give the tender: --tender ID' }),
  stage: z.enum(['tender', 'award', 'contract', 'all'], { message: '--stage must be tender, award, contract or all' }).default('all'),
  output: z.string().trim().min(1).default('.'),
  uriBase: z.string().url({ message: '--uri-base must be a URL' }).default('https://placewise.invalid/ocds/'),
})

export function tenderServiceFrom(ctx: TenderCliContext): TenderService & TenderServiceExtras {
  if (ctx.tender) return ctx.tender
  return createTenderService({
    db: ctx.db,
    dialect: ctx.dialect,
    audit: ctx.audit,
    market: ctx.market,
    postcodes: ctx.postcodes,
    contracts: createAwardRegisterPart({ db: ctx.db, audit: ctx.audit }),
    masterKey: () => bidMasterKeyFor(ctx.config),
    config: ctx.config,
  })
}

export function registerTenderCommands(
  program: Command,
  open: () => Promise<TenderCliContext>,
  io: { out?: (text: string) => void } = {},
): void {
  const out = io.out ?? ((text: string) => console.log(text))
  const ocds =
    program.commands.find((c) => c.name() === 'ocds') ?? program.command('ocds').description('Open Contracting Data Standard publication')
  ocds
    .command('export')
    .description('Write a mini-competition’s OCDS release packages, one file per stage')
    .requiredOption('--tender <id>', 'the tender’s id or reference (PW-2026-0001)')
    .option('--stage <stage>', 'tender, award, contract or all', 'all')
    .option('--output <dir>', 'the folder to write to', '.')
    .option('--uri-base <url>', 'where the files will be published (each package’s uri)', 'https://placewise.invalid/ocds/')
    .action(async (opts: Record<string, unknown>) => {
      const parsed = Args.safeParse(opts)
      if (!parsed.success)
        throw new UserInputError(parsed.error.issues[0]!.message, { field: String(parsed.error.issues[0]!.path[0] ?? 'tender') })
      const args = parsed.data
      const ctx = await open()
      try {
        const actor = ctx.actor ?? systemActor('cli:ocds export')
        const service = tenderServiceFrom(ctx)
        const id = await resolveTender(ctx.db, args.tender)
        const record = await service.ocdsRecord(actor, id)
        const reached: OcdsStage[] = [
          ...(record.tender.publishedAt ? (['tender'] as const) : []),
          ...(record.awards.length > 0 ? (['award'] as const) : []),
          ...(record.contracts.length > 0 ? (['contract'] as const) : []),
        ]
        const stages = args.stage === 'all' ? reached : [args.stage]
        if (stages.length === 0)
          throw new UserInputError(`Tender ${record.tender.id} has not been published, so it has nothing to export`, { field: 'tender' })
        const dir = resolve(args.output)
        mkdirSync(dir, { recursive: true })
        const publishedDate = new Date().toISOString()
        for (const stage of stages) {
          if (!reached.includes(stage))
            throw new UserInputError(`Tender ${record.tender.id} has no ${stage} stage to export yet`, { field: 'stage' })
          const name = `${record.tender.ocid}-${stage}.json`
          const pkg = buildReleasePackage(record, stage, {
            publisher: { name: ctx.config.council.name },
            uri: new URL(name, args.uriBase).toString(),
            publishedDate,
          })
          writeFileSync(join(dir, name), `${JSON.stringify(pkg, null, 2)}\n`)
          out(`Wrote ${join(dir, name)}`)
        }
      } finally {
        await ctx.close()
      }
    })
}

/** A tender by id or by reference. */
async function resolveTender(db: Db, idOrReference: string): Promise<string> {
  const row = await db
    .selectFrom('tenders')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', idOrReference), eb('reference', '=', idOrReference.toUpperCase())]))
    .executeTakeFirst()
  if (!row) throw new UserInputError(`No tender ${idOrReference}`, { field: 'tender' })
  return row.id
}
