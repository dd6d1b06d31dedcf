import { sql } from 'kysely'
import type { Db, Dialect } from '../database.js'
import { columns, sqlGe, sqlIn } from '../columns.js'

/**
 * The full contract register. Contracts may now be entered by hand (in-house units, framework
 * spot arrangements, block contracts let elsewhere), so tender and bid become optional; the terms
 * that drive the bed ledger, payments and the extension decision are added; and the reserved
 * beds, variations, KPI targets and the council's CPI series get tables of their own.
 *
 * SQLite cannot drop NOT NULL, so there the table is rebuilt (SQLite's documented 12-step
 * procedure, with foreign keys deferred to the migration's commit).
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  const c = columns(dialect)
  if (dialect === 'postgres') {
    await sql`alter table contracts alter column tender_id drop not null`.execute(db)
    await sql`alter table contracts alter column bid_id drop not null`.execute(db)
  } else {
    await sql`pragma defer_foreign_keys = on`.execute(db)
    await db.schema
      .createTable('contracts_rebuilt')
      .addColumn('id', c.id, (col) => col.primaryKey())
      .addColumn('reference', c.text, (col) => col.notNull().unique())
      .addColumn('tender_id', c.text, (col) => col.references('tenders.id'))
      .addColumn('bid_id', c.text, (col) => col.references('tender_bids.id'))
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
    await sql`insert into contracts_rebuilt select id, reference, tender_id, bid_id, provider_id, home_ids_json, beds,
      price_pence_per_bed_week, start_date, end_date, max_extent_date, status, created_at from contracts`.execute(db)
    await sql`drop table contracts`.execute(db)
    await sql`alter table contracts_rebuilt rename to contracts`.execute(db)
    await db.schema.createIndex('contracts_provider').on('contracts').column('provider_id').execute()
    await db.schema.createIndex('contracts_tender').on('contracts').column('tender_id').execute()
  }

  // The terms. Defaults describe the contracts awards made before this migration.
  const alter = () => db.schema.alterTable('contracts')
  await alter()
    .addColumn('kind', c.text, (col) =>
      col
        .notNull()
        .defaultTo('block')
        .check(sqlIn('kind', ['block', 'in-house', 'spot-arrangement'])),
    )
    .execute()
  await alter()
    .addColumn('pricing_model', c.text, (col) =>
      col
        .notNull()
        .defaultTo('block')
        .check(sqlIn('pricing_model', ['block', 'core-and-placement'])),
    )
    .execute()
  // Core-and-placement: price_pence_per_bed_week is the core fee for every reserved bed; this is added per occupied bed-week.
  await alter().addColumn('placement_fee_pence_per_week', c.pence).execute()
  await alter().addColumn('initial_end_date', c.date).execute()
  await alter().addColumn('extension_months', c.int).execute()
  await alter().addColumn('extension_notice_date', c.date).execute()
  await alter()
    .addColumn('extension_status', c.text, (col) =>
      col
        .notNull()
        .defaultTo('none')
        .check(sqlIn('extension_status', ['none', 'available', 'taken', 'declined'])),
    )
    .execute()
  await alter()
    .addColumn('payment_frequency', c.text, (col) =>
      col
        .notNull()
        .defaultTo('4-weekly')
        .check(sqlIn('payment_frequency', ['4-weekly', 'monthly'])),
    )
    .execute()
  // Void rule: after this many consecutive empty days the provider may release the bed; null for none.
  await alter().addColumn('void_release_after_days', c.int).execute()
  // Indexation: on each anniversary, the lower of the cap and CPI (lagged), flagged for review above the threshold.
  await alter()
    .addColumn('indexation_kind', c.text, (col) =>
      col
        .notNull()
        .defaultTo('none')
        .check(sqlIn('indexation_kind', ['none', 'lower-of-cap-and-cpi'])),
    )
    .execute()
  await alter().addColumn('indexation_cap_bps', c.int).execute()
  await alter().addColumn('indexation_review_bps', c.int).execute()
  await alter().addColumn('indexation_cpi_lag_months', c.int).execute()
  await alter().addColumn('updated_at', c.timestamp).execute()
  await sql`update contracts set initial_end_date = end_date, updated_at = created_at`.execute(db)

  // Which market beds a contract reserves, and from when to when (a variation can add or remove one).
  await db.schema
    .createTable('contract_beds')
    .addColumn('id', c.id, (col) => col.primaryKey())
    .addColumn('contract_id', c.id, (col) => col.notNull().references('contracts.id'))
    .addColumn('bed_id', c.id, (col) => col.notNull().references('beds.id'))
    .addColumn('from_date', c.date, (col) => col.notNull())
    .addColumn('to_date', c.date)
    .addCheckConstraint('contract_beds_dates', sql`to_date is null or to_date >= from_date`)
    .execute()
  await db.schema.createIndex('contract_beds_contract').on('contract_beds').columns(['contract_id', 'from_date']).execute()
  await db.schema.createIndex('contract_beds_bed').on('contract_beds').column('bed_id').execute()

  // Variations (beds, price, dates): proposed by one officer, approved or rejected by another.
  await db.schema
    .createTable('contract_variations')
    .addColumn('id', c.id, (col) => col.primaryKey())
    .addColumn('contract_id', c.id, (col) => col.notNull().references('contracts.id'))
    .addColumn('kind', c.text, (col) => col.notNull().check(sqlIn('kind', ['beds', 'price', 'dates'])))
    .addColumn('effective_date', c.date, (col) => col.notNull())
    .addColumn('change_json', c.json, (col) => col.notNull())
    .addColumn('reason', c.text, (col) => col.notNull())
    .addColumn('status', c.text, (col) => col.notNull().check(sqlIn('status', ['proposed', 'approved', 'rejected'])))
    .addColumn('proposed_by', c.text, (col) => col.notNull())
    .addColumn('proposed_by_label', c.text, (col) => col.notNull())
    .addColumn('proposed_at', c.timestamp, (col) => col.notNull())
    .addColumn('decided_by', c.text)
    .addColumn('decided_by_label', c.text)
    .addColumn('decided_at', c.timestamp)
    .addColumn('decision_note', c.text)
    .execute()
  await db.schema.createIndex('contract_variations_contract').on('contract_variations').column('contract_id').execute()

  // Price changes in force from a date: the award price, indexations and approved price variations.
  await db.schema
    .createTable('contract_prices')
    .addColumn('id', c.id, (col) => col.primaryKey())
    .addColumn('contract_id', c.id, (col) => col.notNull().references('contracts.id'))
    .addColumn('from_date', c.date, (col) => col.notNull())
    .addColumn('price_pence_per_bed_week', c.pence, (col) => col.notNull().check(sqlGe('price_pence_per_bed_week', 0)))
    .addColumn('placement_fee_pence_per_week', c.pence)
    .addColumn('source', c.text, (col) => col.notNull().check(sqlIn('source', ['contract', 'indexation', 'variation'])))
    .addColumn('cpi_bps', c.int)
    .addColumn('applied_bps', c.int)
    .addColumn('review_flag', c.int, (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .addUniqueConstraint('contract_prices_from', ['contract_id', 'from_date', 'source'])
    .execute()

  // KPI targets: a measure from the provider's monthly return, a target and which side of it is good.
  await db.schema
    .createTable('contract_kpis')
    .addColumn('id', c.id, (col) => col.primaryKey())
    .addColumn('contract_id', c.id, (col) => col.notNull().references('contracts.id'))
    .addColumn('measure', c.text, (col) => col.notNull())
    .addColumn('direction', c.text, (col) => col.notNull().check(sqlIn('direction', ['at-most', 'at-least'])))
    .addColumn('target', c.real, (col) => col.notNull())
    // How far past the target is amber rather than red, in the measure's units.
    .addColumn('amber_margin', c.real, (col) => col.notNull().defaultTo(0))
    .addUniqueConstraint('contract_kpis_measure', ['contract_id', 'measure'])
    .execute()

  // The council's CPI series: the ONS 12-month rate for a month, in basis points (1.7% = 170).
  await db.schema
    .createTable('cpi_figures')
    .addColumn('month', c.text, (col) => col.primaryKey())
    .addColumn('rate_bps', c.int, (col) => col.notNull())
    .addColumn('entered_by', c.text, (col) => col.notNull())
    .addColumn('entered_at', c.timestamp, (col) => col.notNull())
    .execute()

  await sql`insert into contract_prices (id, contract_id, from_date, price_pence_per_bed_week, source, review_flag, created_at)
    select id || '-price', id, start_date, price_pence_per_bed_week, 'contract', 0, created_at from contracts`.execute(db)

  // The extension decision: recorded by one officer, approved by another; a taken one moves end_date.
  await db.schema
    .createTable('contract_extension_decisions')
    .addColumn('id', c.id, (col) => col.primaryKey())
    .addColumn('contract_id', c.id, (col) => col.notNull().references('contracts.id'))
    .addColumn('decision', c.text, (col) => col.notNull().check(sqlIn('decision', ['extend', 'do-not-extend'])))
    .addColumn('rationale', c.text, (col) => col.notNull())
    .addColumn('status', c.text, (col) => col.notNull().check(sqlIn('status', ['proposed', 'approved', 'rejected'])))
    .addColumn('proposed_by', c.text, (col) => col.notNull())
    .addColumn('proposed_by_label', c.text, (col) => col.notNull())
    .addColumn('proposed_at', c.timestamp, (col) => col.notNull())
    .addColumn('approved_by', c.text)
    .addColumn('approved_by_label', c.text)
    .addColumn('approved_at', c.timestamp)
    .addColumn('previous_end_date', c.date)
    .addColumn('new_end_date', c.date)
    .execute()
}
