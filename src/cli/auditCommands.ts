import type { Command } from 'commander'
import type { CliContext } from './context.js'

export function registerAuditCommands(program: Command, open: () => Promise<CliContext>): void {
  const audit = program.command('audit').description('The audit trail')
  audit
    .command('verify')
    .description('Check the hash chain; report the first entry that was edited, deleted or reordered')
    .action(async () => {
      const ctx = await open()
      try {
        const result = await ctx.audit.verify()
        if (result.break) {
          console.error(`Audit trail BROKEN at entry ${result.break.seq}: ${result.break.reason}. ${result.rows} entries read.`)
          process.exitCode = 3
        } else {
          console.log(`Audit trail intact: ${result.rows} entries verified.`)
        }
      } finally {
        await ctx.close()
      }
    })
}
