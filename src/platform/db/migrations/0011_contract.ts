import type { Db, Dialect } from '../database.js'
import { columns, sqlGe, sqlIn } from '../columns.js'

/** The contract register: block contracts made from an award (the full capability comes later). */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  const c = columns(dialect)
  await db.schema
    .createTable('contracts')
    .addColumn('id', c.id, (col) => col.primaryKey())
    .addColumn('reference', c.text, (col) => col.notNull().unique())
    .addColumn('tender_id', c.text, (col) => col.notNull().references('tenders.id'))
    .addColumn('bid_id', c.text, (col) => col.notNull().references('tender_bids.id'))
    .addColumn('provider_id', c.text, (col) => col.notNull().references('providers.id'))
    .addColumn('home_ids_json', c.json, (col) => col.notNull())
    .addColumn('beds', c.int, (col) => col.notNull().check(sqlGe('beds', 1)))
    .addColumn('price_pence_per_bed_week', c.pence, (col) => col.notNull().check(sqlGe('price_pence_per_bed_week', 0)))
    .addColumn('start_date', c.date, (col) => col.notNull())
    .addColumn('end_date', c.date, (col) => col.notNull())
    .addColumn('max_extent_date', c.date, (col) => col.notNull())
    .addColumn('status', c.text, (col) => col.notNull().check(sqlIn('status', ['active', 'ended', 'terminated'])))
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .addUniqueConstraint('contracts_bid', ['bid_id'])
    .execute()
  await db.schema.createIndex('contracts_provider').on('contracts').column('provider_id').execute()
  await db.schema.createIndex('contracts_tender').on('contracts').column('tender_id').execute()
}
