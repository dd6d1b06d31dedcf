import type { Db, Dialect } from '../database.js'
import { columns, sqlGe, sqlIn } from '../columns.js'

/** The email outbox (src/platform/outbox). */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  const c = columns(dialect)
  await db.schema
    .createTable('outbox')
    .addColumn('id', c.id, (col) => col.primaryKey())
    .addColumn('to_address', c.text, (col) => col.notNull())
    .addColumn('subject', c.text, (col) => col.notNull())
    .addColumn('body_text', c.text, (col) => col.notNull())
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .addColumn('status', c.text, (col) => col.notNull().check(sqlIn('status', ['pending', 'sending', 'sent', 'failed'])))
    .addColumn('attempts', c.int, (col) => col.notNull().defaultTo(0).check(sqlGe('attempts', 0)))
    .addColumn('next_attempt_at', c.timestamp, (col) => col.notNull())
    .addColumn('claimed_at', c.timestamp)
    .addColumn('last_error', c.text)
    .addColumn('sent_at', c.timestamp)
    .addColumn('purpose', c.text, (col) => col.notNull())
    .addColumn('related_id', c.text)
    .execute()
  // The worker's question: what is pending and due?
  await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute()
  await db.schema.createIndex('outbox_related').on('outbox').column('related_id').execute()
}
