import { sql } from 'kysely'
import type { Db, Dialect } from '../database.js'
import { columns, sqlGe, sqlIn } from '../columns.js'

/**
 * The placement room: children, referrals and their timeline, placements and visits. A bed
 * holds at most one open placement, enforced here by a partial unique index as well as by the
 * service, so two officers booking the last bed at once cannot both succeed.
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  const c = columns(dialect)
  await db.schema
    .createTable('children')
    .addColumn('id', c.id, (col) => col.primaryKey())
    .addColumn('case_reference', c.text, (col) => col.notNull().unique())
    .addColumn('date_of_birth', c.date, (col) => col.notNull())
    .addColumn('sex', c.text, (col) => col.notNull().check(sqlIn('sex', ['male', 'female', 'other'])))
    .addColumn('legal_status', c.text, (col) => col.notNull())
    .addColumn('home_postcode', c.text)
    .addColumn('school_postcode', c.text)
    .addColumn('allocated_social_worker_user_id', c.text)
    .addColumn('needs_json', c.json, (col) => col.notNull())
    .addColumn('risks_to_child_json', c.json, (col) => col.notNull())
    .addColumn('risks_to_others_json', c.json, (col) => col.notNull())
    .addColumn('requirements', c.text)
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .addColumn('updated_at', c.timestamp, (col) => col.notNull())
    .execute()
  await db.schema.createIndex('children_social_worker').on('children').column('allocated_social_worker_user_id').execute()

  await db.schema
    .createTable('referrals')
    .addColumn('id', c.id, (col) => col.primaryKey())
    .addColumn('child_id', c.id, (col) => col.notNull().references('children.id'))
    .addColumn('urgency', c.text, (col) => col.notNull().check(sqlIn('urgency', ['today', 'under-5-days', 'over-5-days'])))
    .addColumn('placement_types_json', c.json, (col) => col.notNull())
    .addColumn('preferred_postcode', c.text)
    .addColumn('siblings', c.text)
    .addColumn('deprivation_of_liberty', c.text, (col) => col.notNull().check(sqlIn('deprivation_of_liberty', ['yes', 'no'])))
    .addColumn('status', c.text, (col) => col.notNull().check(sqlIn('status', ['open', 'matched', 'closed'])))
    .addColumn('created_by', c.text)
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .addColumn('updated_at', c.timestamp, (col) => col.notNull())
    .execute()
  await db.schema.createIndex('referrals_child').on('referrals').column('child_id').execute()

  await db.schema
    .createTable('referral_events')
    .addColumn('id', c.id, (col) => col.primaryKey())
    .addColumn('referral_id', c.id, (col) => col.notNull().references('referrals.id'))
    .addColumn('seq', c.int, (col) => col.notNull())
    .addColumn('at', c.timestamp, (col) => col.notNull())
    .addColumn('kind', c.text, (col) => col.notNull().check(sqlIn('kind', ['sent', 'response', 'matching-meeting', 'admission', 'closed'])))
    .addColumn('detail', c.text)
    .addColumn('by_label', c.text, (col) => col.notNull())
    .addUniqueConstraint('referral_events_order', ['referral_id', 'seq'])
    .execute()

  await db.schema
    .createTable('placements')
    .addColumn('id', c.id, (col) => col.primaryKey())
    .addColumn('child_id', c.id, (col) => col.notNull().references('children.id'))
    .addColumn('referral_id', c.id, (col) => col.notNull().references('referrals.id'))
    .addColumn('home_id', c.id, (col) => col.notNull().references('homes.id'))
    .addColumn('bed_id', c.id, (col) => col.notNull().references('beds.id'))
    .addColumn('route', c.text, (col) => col.notNull().check(sqlIn('route', ['in-house', 'block', 'spot'])))
    .addColumn('contract_id', c.id, (col) => col.references('contracts.id'))
    .addColumn('weekly_price_pence', c.pence, (col) => col.notNull().check(sqlGe('weekly_price_pence', 0)))
    .addColumn('start_date', c.date, (col) => col.notNull())
    .addColumn('planned_end_date', c.date)
    .addColumn('end_date', c.date)
    .addColumn('end_reason', c.text)
    .addColumn('reason_place_change', c.text)
    .addColumn('ended_planned', c.text, (col) =>
      col.check(sql`ended_planned is null or ${sqlIn('ended_planned', ['planned', 'unplanned'])}`),
    )
    .addColumn('impact_assessment', c.text)
    .addColumn('impact_assessed_by', c.text)
    .addColumn('impact_assessed_at', c.timestamp)
    .addColumn('created_by', c.text)
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .addCheckConstraint('placements_end_after_start', sql`end_date is null or end_date >= start_date`)
    .execute()
  // The rule that matters most: one open placement per bed.
  await sql`create unique index placements_open_bed on placements (bed_id) where end_date is null`.execute(db)
  await db.schema.createIndex('placements_child').on('placements').column('child_id').execute()
  await db.schema.createIndex('placements_home').on('placements').column('home_id').execute()

  await db.schema
    .createTable('placement_visits')
    .addColumn('id', c.id, (col) => col.primaryKey())
    .addColumn('placement_id', c.id, (col) => col.notNull().references('placements.id'))
    .addColumn('visited_on', c.date, (col) => col.notNull())
    .addColumn('by_user_id', c.text)
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .execute()
  await db.schema.createIndex('placement_visits_placement').on('placement_visits').columns(['placement_id', 'visited_on']).execute()
}
