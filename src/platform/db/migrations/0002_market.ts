import type { Db, Dialect } from '../database.js'
import { columns, sqlGe, sqlIn } from '../columns.js'

export async function up(db: Db, dialect: Dialect): Promise<void> {
  const c = columns(dialect)
  await db.schema
    .createTable('frameworks')
    .addColumn('id', c.id, (col) => col.primaryKey())
    .addColumn('name', c.text, (col) => col.notNull())
    .addColumn('legal_regime', c.text, (col) => col.notNull().check(sqlIn('legal_regime', ['PCR2015', 'PA2023'])))
    .addColumn('starts_on', c.date, (col) => col.notNull())
    .addColumn('ends_on', c.date, (col) => col.notNull())
    .addColumn('ocid', c.text)
    .addColumn('lead_organisation_id', c.text, (col) => col.notNull().references('organisations.id'))
    .addColumn('created_at', c.timestamp, (col) => col.notNull().defaultTo(c.now))
    .addColumn('updated_at', c.timestamp, (col) => col.notNull().defaultTo(c.now))
    .execute()

  await db.schema
    .createTable('lots')
    .addColumn('id', c.id, (col) => col.primaryKey())
    .addColumn('framework_id', c.text, (col) => col.notNull().references('frameworks.id'))
    .addColumn('number', c.int, (col) => col.notNull())
    .addColumn('code', c.text, (col) => col.notNull())
    .addColumn('name', c.text, (col) => col.notNull())
    .addUniqueConstraint('lots_framework_number', ['framework_id', 'number'])
    .execute()

  await db.schema
    .createTable('providers')
    .addColumn('id', c.id, (col) => col.primaryKey())
    .addColumn('name', c.text, (col) => col.notNull())
    .addColumn('companies_house_number', c.text)
    .addColumn('ofsted_owner_id', c.text, (col) => col.unique())
    .addColumn('created_at', c.timestamp, (col) => col.notNull().defaultTo(c.now))
    .addColumn('updated_at', c.timestamp, (col) => col.notNull().defaultTo(c.now))
    .execute()
  await db.schema.createIndex('providers_name').on('providers').column('name').execute()

  await db.schema
    .createTable('provider_lots')
    .addColumn('provider_id', c.text, (col) => col.notNull().references('providers.id'))
    .addColumn('lot_id', c.text, (col) => col.notNull().references('lots.id'))
    .addColumn('status', c.text, (col) => col.notNull().check(sqlIn('status', ['active', 'suspended', 'withdrawn'])))
    .addColumn('spot_rate_pence_per_week', c.pence, (col) => col.check(sqlGe('spot_rate_pence_per_week', 0)))
    .addPrimaryKeyConstraint('provider_lots_pk', ['provider_id', 'lot_id'])
    .execute()

  await db.schema
    .createTable('homes')
    .addColumn('id', c.id, (col) => col.primaryKey())
    .addColumn('urn', c.text, (col) => col.notNull().unique())
    .addColumn('name', c.text, (col) => col.notNull())
    .addColumn('provider_id', c.text, (col) => col.notNull().references('providers.id'))
    .addColumn('address_line', c.text)
    .addColumn('town', c.text)
    .addColumn('postcode', c.text)
    .addColumn('easting', c.int)
    .addColumn('northing', c.int)
    .addColumn('location_precision', c.text, (col) =>
      col.notNull().check(sqlIn('location_precision', ['unit', 'sector', 'district', 'none'])),
    )
    .addColumn('lad_code', c.text)
    .addColumn('registered_places', c.int, (col) => col.notNull().check(sqlGe('registered_places', 0)))
    .addColumn('age_min', c.int)
    .addColumn('age_max', c.int)
    .addColumn('sexes_accepted', c.text, (col) => col.notNull().check(sqlIn('sexes_accepted', ['mixed', 'male', 'female'])))
    .addColumn('ofsted_judgement', c.text)
    .addColumn('ofsted_judgement_date', c.date)
    .addColumn('status', c.text, (col) => col.notNull().check(sqlIn('status', ['active', 'suspended', 'closed'])))
    .addColumn('registration_date', c.date)
    .addColumn('created_at', c.timestamp, (col) => col.notNull().defaultTo(c.now))
    .addColumn('updated_at', c.timestamp, (col) => col.notNull().defaultTo(c.now))
    .execute()
  await db.schema.createIndex('homes_provider').on('homes').column('provider_id').execute()

  await db.schema
    .createTable('home_categories')
    .addColumn('home_id', c.text, (col) => col.notNull().references('homes.id').onDelete('cascade'))
    .addColumn('category', c.text, (col) => col.notNull())
    .addPrimaryKeyConstraint('home_categories_pk', ['home_id', 'category'])
    .execute()
  await db.schema
    .createTable('home_needs')
    .addColumn('home_id', c.text, (col) => col.notNull().references('homes.id').onDelete('cascade'))
    .addColumn('need', c.text, (col) => col.notNull())
    .addPrimaryKeyConstraint('home_needs_pk', ['home_id', 'need'])
    .execute()
  await db.schema
    .createTable('beds')
    .addColumn('id', c.id, (col) => col.primaryKey())
    .addColumn('home_id', c.text, (col) => col.notNull().references('homes.id').onDelete('cascade'))
    .addColumn('label', c.text, (col) => col.notNull())
    .addColumn('status', c.text, (col) => col.notNull().check(sqlIn('status', ['vacant', 'occupied', 'unavailable'])))
    .addColumn('updated_at', c.timestamp, (col) => col.notNull().defaultTo(c.now))
    .addUniqueConstraint('beds_home_label', ['home_id', 'label'])
    .execute()
}
