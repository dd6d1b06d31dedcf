/** The outbox table: Kysely queries only, the same on SQLite and PostgreSQL. */
import type { Selectable } from 'kysely'
import type { Db } from '../db/database.js'
import type { OutboxTables } from './tables.js'

export type OutboxRow = Selectable<OutboxTables['outbox']>
export type OutboxStatus = OutboxRow['status']
export type OutboxFilter = { status?: OutboxStatus; purpose?: string; relatedId?: string; to?: string; limit?: number }

export function createOutboxRepository() {
  return {
    async insert(tx: Db, row: OutboxRow): Promise<void> {
      await tx.insertInto('outbox').values(row).execute()
    },

    /** Ids of pending messages that are due, oldest first. */
    async dueIds(db: Db, nowIso: string, limit: number): Promise<string[]> {
      const rows = await db
        .selectFrom('outbox')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', nowIso)
        .orderBy('next_attempt_at')
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit)
        .execute()
      return rows.map((r) => r.id)
    },

    /**
     * Takes a pending message for sending. The status test in the WHERE makes this a compare-and-set:
     * of two workers racing for the same message, exactly one updates the row and gets it back.
     */
    async claim(db: Db, id: string, nowIso: string): Promise<OutboxRow | null> {
      const result = await db
        .updateTable('outbox')
        .set({ status: 'sending', claimed_at: nowIso })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', nowIso)
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) !== 1) return null
      return (await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst()) ?? null
    },

    async markSent(tx: Db, id: string, nowIso: string, attempts: number): Promise<void> {
      await tx
        .updateTable('outbox')
        .set({ status: 'sent', sent_at: nowIso, attempts, last_error: null, claimed_at: null })
        .where('id', '=', id)
        .where('status', '=', 'sending')
        .execute()
    },

    /** A failed attempt: back to pending until `nextAttemptAt`, or 'failed' for good (nextAttemptAt null). */
    async markAttemptFailed(tx: Db, id: string, attempts: number, error: string, nextAttemptAt: string | null): Promise<void> {
      await tx
        .updateTable('outbox')
        .set({
          status: nextAttemptAt ? 'pending' : 'failed',
          attempts,
          last_error: error,
          claimed_at: null,
          ...(nextAttemptAt ? { next_attempt_at: nextAttemptAt } : {}),
        })
        .where('id', '=', id)
        .where('status', '=', 'sending')
        .execute()
    },

    /** Messages claimed before `beforeIso` and never finished: the process died mid-send. */
    async abandon(tx: Db, beforeIso: string, error: string): Promise<number> {
      const result = await tx
        .updateTable('outbox')
        .set({ status: 'failed', last_error: error, claimed_at: null })
        .where('status', '=', 'sending')
        .where('claimed_at', '<', beforeIso)
        .executeTakeFirst()
      return Number(result.numUpdatedRows)
    },

    async requeue(tx: Db, id: string, nowIso: string): Promise<boolean> {
      const result = await tx
        .updateTable('outbox')
        .set({ status: 'pending', attempts: 0, next_attempt_at: nowIso, last_error: null })
        .where('id', '=', id)
        .where('status', '=', 'failed')
        .executeTakeFirst()
      return Number(result.numUpdatedRows) === 1
    },

    async list(db: Db, f: OutboxFilter): Promise<OutboxRow[]> {
      let q = db.selectFrom('outbox').selectAll()
      if (f.status) q = q.where('status', '=', f.status)
      if (f.purpose) q = q.where('purpose', '=', f.purpose)
      if (f.relatedId) q = q.where('related_id', '=', f.relatedId)
      if (f.to) q = q.where('to_address', '=', f.to)
      return q
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(f.limit ?? 100)
        .execute()
    },
  }
}
export type OutboxRepository = ReturnType<typeof createOutboxRepository>
