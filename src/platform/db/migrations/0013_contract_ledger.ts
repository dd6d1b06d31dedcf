import { sql } from 'kysely'
import type { Db, Dialect } from '../database.js'
import { columns, sqlIn } from '../columns.js'

/**
 * The bed ledger (ADR 0013): dated bed events (held, released, unavailable, why empty) that are
 * voided, never deleted; and payment runs whose lines are unique per contract (or spot
 * placement) and period, so a period cannot be paid twice even by two runs at once.
 * Placements are the placement room's (created later, 0020): lines name them without a key.
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  const c = columns(dialect)
  await db.schema
    .createTable('bed_events')
    .addColumn('id', c.id, (col) => col.primaryKey())
    .addColumn('contract_id', c.id, (col) => col.notNull().references('contracts.id'))
    .addColumn('bed_id', c.id, (col) => col.notNull().references('beds.id'))
    .addColumn('kind', c.text, (col) => col.notNull().check(sqlIn('kind', ['held', 'released', 'unavailable', 'empty-cause'])))
    .addColumn('from_date', c.date, (col) => col.notNull())
    .addColumn('to_date', c.date)
    .addColumn('reason', c.text, (col) =>
      col.check(sql`reason is null or ${sqlIn('reason', ['staffing', 'ofsted-restriction', 'repairs'])}`),
    )
    .addColumn('cause', c.text, (col) =>
      col.check(
        sql`cause is null or ${sqlIn('cause', ['no-referral', 'no-compatible-match', 'provider-declined', 'provider-unavailable'])}`,
      ),
    )
    .addColumn('referral_id', c.text)
    .addColumn('note', c.text)
    .addColumn('seq', c.int, (col) => col.notNull())
    .addColumn('recorded_by', c.text, (col) => col.notNull())
    .addColumn('recorded_by_label', c.text, (col) => col.notNull())
    .addColumn('recorded_by_provider_id', c.text)
    .addColumn('recorded_at', c.timestamp, (col) => col.notNull())
    .addColumn('ended_by_label', c.text)
    .addColumn('ended_at', c.timestamp)
    .addColumn('voided_by', c.text)
    .addColumn('voided_by_label', c.text)
    .addColumn('voided_at', c.timestamp)
    .addColumn('void_reason', c.text)
    .addCheckConstraint('bed_events_dates', sql`to_date is null or to_date >= from_date`)
    .addCheckConstraint('bed_events_reason', sql`(kind = 'unavailable') = (reason is not null)`)
    .addCheckConstraint('bed_events_cause', sql`(kind = 'empty-cause') = (cause is not null)`)
    .addCheckConstraint('bed_events_void', sql`(voided_at is null) = (void_reason is null)`)
    .execute()
  await db.schema.createIndex('bed_events_contract').on('bed_events').columns(['contract_id', 'bed_id', 'from_date']).execute()

  await db.schema
    .createTable('payment_runs')
    .addColumn('id', c.id, (col) => col.primaryKey())
    .addColumn('number', c.int, (col) => col.notNull().unique())
    .addColumn('period_from', c.date, (col) => col.notNull().unique())
    .addColumn('period_to', c.date, (col) => col.notNull().unique())
    .addColumn('line_count', c.int, (col) => col.notNull())
    .addColumn('gross_pence', c.pence, (col) => col.notNull())
    .addColumn('credit_pence', c.pence, (col) => col.notNull())
    .addColumn('deduction_pence', c.pence, (col) => col.notNull())
    .addColumn('net_pence', c.pence, (col) => col.notNull())
    .addColumn('run_by', c.text, (col) => col.notNull())
    .addColumn('run_by_label', c.text, (col) => col.notNull())
    .addColumn('run_at', c.timestamp, (col) => col.notNull())
    .addCheckConstraint('payment_runs_dates', sql`period_to >= period_from`)
    .execute()

  await db.schema
    .createTable('payment_lines')
    .addColumn('id', c.id, (col) => col.primaryKey())
    .addColumn('run_id', c.id, (col) => col.notNull().references('payment_runs.id'))
    .addColumn('kind', c.text, (col) => col.notNull().check(sqlIn('kind', ['block', 'spot'])))
    .addColumn('contract_id', c.id, (col) => col.references('contracts.id'))
    .addColumn('placement_id', c.id)
    .addColumn('provider_id', c.id, (col) => col.notNull().references('providers.id'))
    .addColumn('period_from', c.date, (col) => col.notNull())
    .addColumn('period_to', c.date, (col) => col.notNull())
    .addColumn('gross_pence', c.pence, (col) => col.notNull())
    .addColumn('credit_pence', c.pence, (col) => col.notNull())
    .addColumn('deduction_pence', c.pence, (col) => col.notNull())
    .addColumn('net_pence', c.pence, (col) => col.notNull())
    .addColumn('explanation_json', c.json, (col) => col.notNull())
    .addCheckConstraint('payment_lines_dates', sql`period_to >= period_from`)
    .addCheckConstraint(
      'payment_lines_kind',
      sql`(kind = 'block' and contract_id is not null and placement_id is null) or (kind = 'spot' and placement_id is not null and contract_id is null)`,
    )
    .addCheckConstraint('payment_lines_net', sql`net_pence = gross_pence - credit_pence - deduction_pence`)
    // Paying a period twice is impossible: one line per contract (or spot placement) and period start.
    .addUniqueConstraint('payment_lines_contract_period', ['contract_id', 'period_from'])
    .addUniqueConstraint('payment_lines_placement_period', ['placement_id', 'period_from'])
    .execute()
  await db.schema.createIndex('payment_lines_run').on('payment_lines').column('run_id').execute()
}
