/**
 * `placewise reminders`: queues today's reminders of placement plans and social-worker visits to
 * each child's allocated social worker (see reminders.ts). Run it daily; running it again the same
 * day sends nothing more. The outbox worker in `placewise serve` delivers what it queues.
 */
import type { Command } from 'commander'
import type { CliContext } from '../../cli/context.js'
import { sendStatutoryReminders } from './reminders.js'

export function registerRemindersCommand(program: Command, open: () => Promise<CliContext>): void {
  program
    .command('reminders')
    .description('Queue today’s reminders of placement plans and social-worker visits due or overdue (idempotent; run daily)')
    .action(async () => {
      const ctx = await open()
      try {
        const report = await sendStatutoryReminders(
          { db: ctx.db, audit: ctx.audit, outbox: ctx.outbox, now: () => ctx.clock.now() },
          ctx.actor,
        )
        console.log(
          `Queued ${report.queued} reminder email${report.queued === 1 ? '' : 's'}; ${report.alreadySent} already sent today; ` +
            `${report.noSocialWorker} item${report.noSocialWorker === 1 ? '' : 's'} with no allocated social worker to remind.`,
        )
      } finally {
        await ctx.close()
      }
    })
}
