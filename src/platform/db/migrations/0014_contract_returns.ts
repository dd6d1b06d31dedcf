import { sql, type ColumnDefinitionBuilder } from 'kysely'
import type { Db, Dialect } from '../database.js'
import { columns, sqlGe, sqlIn } from '../columns.js'

/**
 * Providers' monthly returns under a contract, the documents sent with them (Regulation 44
 * reports), and Ofsted alerts: per contracted home, the judgement the council last accepted and
 * each change from it until an officer acknowledges it (docs/decisions/0015-provider-returns.md).
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  const c = columns(dialect)
  const counted = (name: string) => (col: ColumnDefinitionBuilder) => col.notNull().check(sqlGe(name, 0))

  // One row per version: a correction adds a version and marks the one before superseded.
  await db.schema
    .createTable('provider_returns')
    .addColumn('id', c.id, (col) => col.primaryKey())
    .addColumn('contract_id', c.id, (col) => col.notNull().references('contracts.id'))
    .addColumn('month', c.text, (col) => col.notNull().check(sql`month like '____-__'`))
    .addColumn('version', c.int, (col) => col.notNull().check(sqlGe('version', 1)))
    .addColumn('children_accommodated', c.int, counted('children_accommodated'))
    .addColumn('incidents', c.int, counted('incidents'))
    .addColumn('missing_episodes', c.int, counted('missing_episodes'))
    // Null when no child was accommodated in the month.
    .addColumn('education_hours_per_child_week', c.real, (col) => col.check(sqlGe('education_hours_per_child_week', 0)))
    .addColumn('physical_interventions', c.int, counted('physical_interventions'))
    .addColumn('staff_hours', c.int, counted('staff_hours'))
    .addColumn('agency_staff_hours', c.int, counted('agency_staff_hours'))
    .addColumn('regulation40_notifications', c.int, counted('regulation40_notifications'))
    .addColumn('notes', c.text)
    .addColumn('submitted_by', c.text)
    .addColumn('submitted_by_label', c.text, (col) => col.notNull())
    .addColumn('submitted_at', c.timestamp, (col) => col.notNull())
    .addColumn('superseded_at', c.timestamp)
    .addCheckConstraint('provider_returns_agency', sql`agency_staff_hours <= staff_hours`)
    .addUniqueConstraint('provider_returns_version', ['contract_id', 'month', 'version'])
    .execute()
  // At most one current return per contract and month.
  await db.schema
    .createIndex('provider_returns_current')
    .unique()
    .on('provider_returns')
    .columns(['contract_id', 'month'])
    .where(sql.ref('superseded_at'), 'is', null)
    .execute()

  // Files sent with a return; kept for the month whatever later versions say. Content is base64.
  await db.schema
    .createTable('contract_return_documents')
    .addColumn('id', c.id, (col) => col.primaryKey())
    .addColumn('contract_id', c.id, (col) => col.notNull().references('contracts.id'))
    .addColumn('month', c.text, (col) => col.notNull())
    .addColumn('return_id', c.id, (col) => col.notNull().references('provider_returns.id'))
    .addColumn('kind', c.text, (col) => col.notNull().check(sqlIn('kind', ['regulation-44'])))
    .addColumn('file_name', c.text, (col) => col.notNull())
    .addColumn('content_type', c.text, (col) => col.notNull())
    .addColumn('bytes', c.int, (col) => col.notNull().check(sqlGe('bytes', 1)))
    .addColumn('sha256', c.text, (col) => col.notNull())
    .addColumn('content', c.text, (col) => col.notNull())
    .addColumn('uploaded_by', c.text)
    .addColumn('uploaded_by_label', c.text, (col) => col.notNull())
    .addColumn('uploaded_at', c.timestamp, (col) => col.notNull())
    .execute()
  await db.schema.createIndex('contract_return_documents_month').on('contract_return_documents').columns(['contract_id', 'month']).execute()

  // The judgement the council last accepted for each contracted home.
  await db.schema
    .createTable('contract_ofsted_baselines')
    .addColumn('contract_id', c.id, (col) => col.notNull().references('contracts.id'))
    .addColumn('home_id', c.id, (col) => col.notNull())
    .addColumn('judgement', c.text)
    .addColumn('judgement_date', c.date)
    .addColumn('source', c.text, (col) => col.notNull().check(sqlIn('source', ['contract-start', 'acknowledged'])))
    .addColumn('set_at', c.timestamp, (col) => col.notNull())
    .addColumn('set_by_label', c.text, (col) => col.notNull())
    .addPrimaryKeyConstraint('contract_ofsted_baselines_pk', ['contract_id', 'home_id'])
    .execute()

  // A difference from the baseline: open until acknowledged, or superseded by a later difference.
  await db.schema
    .createTable('contract_ofsted_alerts')
    .addColumn('id', c.id, (col) => col.primaryKey())
    .addColumn('contract_id', c.id, (col) => col.notNull().references('contracts.id'))
    .addColumn('home_id', c.id, (col) => col.notNull())
    .addColumn('home_name', c.text, (col) => col.notNull())
    // 0 when the home was inspected during the contract before any judgement was accepted.
    .addColumn('had_baseline', c.int, (col) => col.notNull())
    .addColumn('from_judgement', c.text)
    .addColumn('from_date', c.date)
    .addColumn('to_judgement', c.text)
    .addColumn('to_date', c.date)
    .addColumn('raised_at', c.timestamp, (col) => col.notNull())
    .addColumn('status', c.text, (col) => col.notNull().check(sqlIn('status', ['open', 'acknowledged', 'superseded'])))
    .addColumn('closed_at', c.timestamp)
    .addColumn('closed_by', c.text)
    .addColumn('closed_by_label', c.text)
    .addColumn('note', c.text)
    .execute()
  // One open alert per contracted home: a second sweep finds it there and neither raises nor emails again.
  await db.schema
    .createIndex('contract_ofsted_alerts_open')
    .unique()
    .on('contract_ofsted_alerts')
    .columns(['contract_id', 'home_id'])
    .where(sql.ref('status'), '=', 'open')
    .execute()
  await db.schema.createIndex('contract_ofsted_alerts_status').on('contract_ofsted_alerts').columns(['status', 'raised_at']).execute()
}
