import type { Command } from 'commander'
import { z } from 'zod'
import type { AuditService } from '../../platform/audit/auditService.js'
import { systemActor, type Actor } from '../../platform/auth/actor.js'
import type { Db, Dialect } from '../../platform/db/database.js'
import { UserInputError } from '../../platform/errors.js'
import type { LocatePostcode, LocatePostcodes } from './locate.js'
import { createOfstedImportService } from './ofstedImportService.js'
import { formatReport } from './report.js'

/** What a command needs from the opened database; actor and locate are optional extras. */
export type OfstedCliContext = {
  db: Db
  dialect: Dialect
  audit: AuditService
  close(): Promise<void>
  actor?: Actor
  locate?: LocatePostcode
  locateMany?: LocatePostcodes
}

const fileArg = z.string().trim().min(1, 'give the path of the Ofsted list to import')

/** Adds `ofsted import <file>`. Errors of the file come out as UserInputError for main to print. */
export function registerOfstedCommands(
  program: Command,
  open: () => Promise<OfstedCliContext>,
  io: { out?: (text: string) => void } = {},
): void {
  const out = io.out ?? ((text: string) => console.log(text))
  const ofsted = program.commands.find((c) => c.name() === 'ofsted') ?? program.command('ofsted').description('Ofsted provider lists')
  ofsted
    .command('import')
    .description("Import an Ofsted Children's Homes, Social Care Providers or combined list (.xlsx or .csv)")
    .argument('<file>', 'the list as Ofsted sent it')
    .action(async (file: string) => {
      const parsed = fileArg.safeParse(file)
      if (!parsed.success) throw new UserInputError(parsed.error.issues[0]!.message, { field: 'file' })
      const ctx = await open()
      try {
        const service = createOfstedImportService({ db: ctx.db, audit: ctx.audit, locate: ctx.locate, locateMany: ctx.locateMany })
        const report = await service.importFile(parsed.data, ctx.actor ?? systemActor('cli:ofsted import'))
        out(formatReport(report))
      } finally {
        await ctx.close()
      }
    })
}
