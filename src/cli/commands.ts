import type { Command } from 'commander'
import { registerPostcodeCommands } from '../geo/cli.js'
import { registerOfstedCommands } from '../market/ofsted/cli.js'
import { registerTenderCommands } from '../tender/cli.js'
import { registerTenderAwardCommand } from '../tender/award/cli.js'
import { registerMatchCommand } from '../placement/matching/cli.js'
import { registerRemindersCommand } from '../placement/timers/cli.js'
import { openContext } from './context.js'
import { registerAuditCommands } from './auditCommands.js'
import { registerDemoCommand } from './demoCommand.js'
import { registerServeCommand } from './serve.js'

/** Every command of `placewise`, each room adding its own. */
export function registerCommands(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending database migrations')
    .action(async () => {
      const ctx = await openContext()
      await ctx.close()
      console.log('Database is up to date.')
    })
  registerServeCommand(program)
  registerAuditCommands(program, openContext)
  registerDemoCommand(program, openContext)
  registerOfstedCommands(program, openContext)
  registerTenderAwardCommand(program)
  registerMatchCommand(program)
  registerPostcodeCommands(program, openContext)
  registerTenderCommands(program, openContext)
  registerRemindersCommand(program, openContext)
}
