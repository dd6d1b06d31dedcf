import { sql } from 'kysely'
import type { Db, Dialect } from '../database.js'
import { columns, sqlIn } from '../columns.js'

/**
 * The placement cascade: what matching needs of a referral beyond the core fields, the council's
 * own matching rules (compatibility rule set, judgement gateway, score weights), and each empty
 * block bed an officer passed over with the reason given (the same reason goes to the contract
 * room's void causes).
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  const c = columns(dialect)
  // Who the child can be cared for alongside is on the child's profile (0023); what the home must be registered for is here.
  await db.schema
    .createTable('referral_matching')
    .addColumn('referral_id', c.id, (col) => col.primaryKey().references('referrals.id'))
    .addColumn('categories_json', c.json, (col) => col.notNull())
    .addColumn('planned_start_date', c.date)
    .execute()

  // One row: the rule set in force. Absent, the defaults in src/placement/domain apply.
  await db.schema
    .createTable('placement_matching_rules')
    .addColumn('id', c.id, (col) => col.primaryKey())
    .addColumn('rules_json', c.json, (col) => col.notNull())
    .addColumn('weights_json', c.json, (col) => col.notNull())
    .addColumn('updated_by', c.text)
    .addColumn('updated_at', c.timestamp, (col) => col.notNull())
    .execute()

  await db.schema
    .createTable('block_bed_passovers')
    .addColumn('id', c.id, (col) => col.primaryKey())
    .addColumn('referral_id', c.id, (col) => col.notNull().references('referrals.id'))
    .addColumn('placement_id', c.id, (col) => col.notNull().references('placements.id'))
    .addColumn('bed_id', c.id, (col) => col.notNull().references('beds.id'))
    .addColumn('home_id', c.id, (col) => col.notNull().references('homes.id'))
    .addColumn('contract_id', c.id, (col) => col.notNull().references('contracts.id'))
    .addColumn('cause', c.text, (col) =>
      col.notNull().check(sqlIn('cause', ['no-referral', 'no-compatible-match', 'provider-declined', 'provider-unavailable'])),
    )
    .addColumn('note', c.text)
    .addColumn('from_date', c.date, (col) => col.notNull())
    .addColumn('recorded_by', c.text)
    .addColumn('recorded_at', c.timestamp, (col) => col.notNull())
    .execute()
  await db.schema.createIndex('block_bed_passovers_referral').on('block_bed_passovers').column('referral_id').execute()
  await sql`create index block_bed_passovers_contract on block_bed_passovers (contract_id, from_date)`.execute(db)
}
