import type { Command } from 'commander'
import type { CliContext } from './context.js'

export function registerDemoCommand(program: Command, open: () => Promise<CliContext>): void {
  program
    .command('demo')
    .description('Build the synthetic demo council on an empty database; on a demo database, upgrade locations after a postcode import')
    .action(async () => {
      const ctx = await open()
      try {
        const { buildDemo, printDemoLogins } = await import('../demo/buildDemo.js')
        printDemoLogins(await buildDemo(ctx))
      } finally {
        await ctx.close()
      }
    })
}
