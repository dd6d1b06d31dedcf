import type { Command } from 'commander'
import { startExtensionReminders } from '../contract/register/reminderWorker.js'
import { startOutboxWorker } from '../platform/outbox/worker.js'
import { createApp } from '../platform/web/createApp.js'
import { openContext } from './context.js'

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Run the web app')
    .option('--demo-if-empty', 'build the demo council first when the database has no organisations')
    .action(async (opts: { demoIfEmpty?: boolean }) => {
      const ctx = await openContext()
      if (opts.demoIfEmpty) {
        const { count } = await ctx.db
          .selectFrom('organisations')
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .executeTakeFirstOrThrow()
        const { buildDemo, demoLogins, printDemoLogins } = await import('../demo/buildDemo.js')
        if (Number(count) === 0) printDemoLogins(await buildDemo(ctx))
        else {
          const logins = await demoLogins(ctx.db)
          if (logins.length > 0) {
            console.log(`Demo sign-ins (every password is "placewise-demo"; the data is synthetic):`)
            for (const l of logins) console.log(`  ${l.role.padEnd(22)} ${l.email}  (${l.organisation})`)
          }
        }
      }
      const app = createApp(ctx)
      // Emails queued by any change are sent in the background, retried with backoff.
      const stopOutbox = startOutboxWorker(ctx.outbox, 30_000, { onError: (err) => console.error('Outbox delivery failed:', err) })
      // Reminders of extension decisions coming due: checked hourly, each sent once.
      const stopReminders = startExtensionReminders(ctx.contracts, 60 * 60 * 1000)
      const server = app.listen(ctx.config.port, () => {
        const where = ctx.config.database.kind === 'sqlite' ? `SQLite at ${ctx.config.database.path}` : 'PostgreSQL'
        console.log(`Placewise for ${ctx.config.council.name} is running at http://localhost:${ctx.config.port}/ (${where})`)
      })
      const stop = () =>
        server.close(() => {
          stopReminders()
          void stopOutbox()
            .then(() => ctx.close())
            .then(() => process.exit(0))
        })
      process.on('SIGINT', stop)
      process.on('SIGTERM', stop)
    })
}
