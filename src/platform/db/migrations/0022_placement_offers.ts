import { sql } from 'kysely'
import type { Db, Dialect } from '../database.js'
import { columns, sqlGe, sqlIn } from '../columns.js'

const STATUSES = ['sent', 'offered', 'declined', 'withdrawn', 'expired', 'accepted']
const DECLINE_REASONS = ['no-vacancy', 'cannot-meet-needs', 'impact-on-residents', 'staffing', 'other']

/**
 * Spot referral requests (one referral sent to one chosen home) and the providers' answers. The
 * child is copied onto each request so that a partial unique index can refuse a second open
 * request for the same child and home across all of the child's referrals: two officers sending
 * at once cannot both succeed, whatever the service checked first.
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  const c = columns(dialect)
  await db.schema
    .createTable('referral_requests')
    .addColumn('id', c.id, (col) => col.primaryKey())
    .addColumn('referral_id', c.id, (col) => col.notNull().references('referrals.id'))
    .addColumn('child_id', c.id, (col) => col.notNull().references('children.id'))
    .addColumn('home_id', c.id, (col) => col.notNull().references('homes.id'))
    .addColumn('provider_id', c.id, (col) => col.notNull().references('providers.id'))
    .addColumn('deadline', c.timestamp, (col) => col.notNull())
    .addColumn('status', c.text, (col) => col.notNull().check(sqlIn('status', STATUSES)))
    .addColumn('sent_by', c.text)
    .addColumn('sent_by_label', c.text, (col) => col.notNull())
    .addColumn('sent_at', c.timestamp, (col) => col.notNull())
    .addColumn('closed_at', c.timestamp)
    .addColumn('closed_by_label', c.text)
    .execute()
  // The rule: one open request per child and home.
  await sql`create unique index referral_requests_open_child_home on referral_requests (child_id, home_id) where status in ('sent', 'offered')`.execute(
    db,
  )
  await db.schema.createIndex('referral_requests_referral').on('referral_requests').column('referral_id').execute()
  await db.schema.createIndex('referral_requests_provider').on('referral_requests').columns(['provider_id', 'status']).execute()

  await db.schema
    .createTable('referral_responses')
    .addColumn('id', c.id, (col) => col.primaryKey())
    .addColumn('request_id', c.id, (col) => col.notNull().unique().references('referral_requests.id'))
    .addColumn('kind', c.text, (col) => col.notNull().check(sqlIn('kind', ['offer', 'decline'])))
    .addColumn('home_id', c.id, (col) => col.notNull().references('homes.id'))
    .addColumn('weekly_price_pence', c.pence, (col) => col.check(sql`weekly_price_pence is null or ${sqlGe('weekly_price_pence', 0)}`))
    .addColumn('start_date', c.date)
    .addColumn('note', c.text)
    .addColumn('decline_reason', c.text, (col) => col.check(sql`decline_reason is null or ${sqlIn('decline_reason', DECLINE_REASONS)}`))
    .addColumn('decline_detail', c.text)
    .addColumn('responded_by', c.text)
    .addColumn('responded_by_label', c.text, (col) => col.notNull())
    .addColumn('responded_at', c.timestamp, (col) => col.notNull())
    // An offer has a price and a start date and no reason; a decline a reason and no price.
    .addCheckConstraint(
      'referral_responses_shape',
      sql`(kind = 'offer' and weekly_price_pence is not null and start_date is not null and decline_reason is null) or (kind = 'decline' and decline_reason is not null and weekly_price_pence is null and start_date is null)`,
    )
    .execute()
}
