/**
 * Reminders of statutory items to each child's allocated social worker: one email per item per
 * reminder day (3 days before, on the day, the day after, then weekly while overdue). Run by
 * `placewise reminders`, daily (cron or any scheduler). Idempotent: statutory_reminders' unique key
 * (placement, kind, due date, reminder day) lets a second run, or a racing one, send nothing more.
 */
import { randomUUID } from 'node:crypto'
import type { AuditService } from '../../platform/audit/auditService.js'
import type { Actor } from '../../platform/auth/actor.js'
import type { Db } from '../../platform/db/database.js'
import { inTransaction } from '../../platform/db/transaction.js'
import type { OutboxService } from '../../platform/outbox/outboxService.js'
import { formatDate } from '../../platform/web/format.js'
import { DUE_KIND_LABELS, latestReminderDay, timerItems, type TimerItem } from './dueItems.js'
import { openPlacementTimers } from './openPlacements.js'

export type ReminderDeps = { db: Db; audit: AuditService; outbox: Pick<OutboxService, 'enqueue'>; now: () => Date }
export type ReminderReport = {
  /** Emails queued by this run. */
  queued: number
  /** Reminders already sent for today's reminder day (by an earlier run). */
  alreadySent: number
  /** Items whose child has no active allocated social worker to remind. */
  noSocialWorker: number
}

export const REMINDER_PURPOSE = 'statutory-reminder'

function reminderText(item: TimerItem, caseReference: string, homeName: string, placementId: string) {
  const what = DUE_KIND_LABELS[item.kind].toLowerCase()
  const state = item.overdue
    ? `is overdue: it was due by ${formatDate(item.dueOn)} (${item.daysOverdue} day${item.daysOverdue === 1 ? '' : 's'} ago)`
    : `is due by ${formatDate(item.dueOn)}`
  return {
    subject: `Placewise: ${what} ${item.overdue ? 'overdue' : 'due'} (${formatDate(item.dueOn)})`,
    body: [
      `The ${what} for the child with case reference ${caseReference}, placed at ${homeName}, ${state}.`,
      '',
      `Record it in Placewise at /placements/${placementId}/visits, or see everything due at /placements/due.`,
      '',
      'You receive this because you are the child’s allocated social worker.',
    ].join('\n'),
  }
}

/** Queues today's reminders; one transaction, so a failure sends nothing and a re-run starts clean. */
export async function sendStatutoryReminders(deps: ReminderDeps, actor: Actor): Promise<ReminderReport> {
  const today = deps.now().toISOString().slice(0, 10)
  return inTransaction(deps.db, async (tx) => {
    const rows = await openPlacementTimers(tx)
    const report: ReminderReport = { queued: 0, alreadySent: 0, noSocialWorker: 0 }
    for (const p of rows) {
      for (const item of timerItems({ startDate: p.start_date, endDate: p.end_date }, p.visits, p.prepared_on, today)) {
        const remindOn = latestReminderDay(item.dueOn, today)
        if (remindOn === null) continue
        if (!p.user_id || !p.email || p.user_status !== 'active') {
          report.noSocialWorker++
          continue
        }
        // Claim the (item, reminder day) first: of two runs, only one inserts, and only it queues the email.
        const id = randomUUID()
        const claimed = await tx
          .insertInto('statutory_reminders')
          .values({
            id,
            placement_id: p.placement_id,
            kind: item.kind,
            due_on: item.dueOn,
            remind_on: remindOn,
            to_user_id: p.user_id,
            outbox_id: '',
            created_at: deps.now().toISOString(),
          })
          .onConflict((oc) => oc.columns(['placement_id', 'kind', 'due_on', 'remind_on']).doNothing())
          .executeTakeFirst()
        if (Number(claimed.numInsertedOrUpdatedRows ?? 0) !== 1) {
          report.alreadySent++
          continue
        }
        await deps.audit.recordChildRead(tx, actor, p.child_id, 'statutory reminder')
        const text = reminderText(item, p.case_reference, p.home_name, p.placement_id)
        const outboxId = await deps.outbox.enqueue(tx, { to: p.email, ...text, purpose: REMINDER_PURPOSE, relatedId: p.placement_id })
        await tx.updateTable('statutory_reminders').set({ outbox_id: outboxId }).where('id', '=', id).execute()
        await deps.audit.record(tx, actor, {
          action: 'remind',
          entityType: 'placement',
          entityId: p.placement_id,
          after: { kind: item.kind, dueOn: item.dueOn, remindOn, toUserId: p.user_id, outboxId },
        })
        report.queued++
      }
    }
    return report
  })
}
