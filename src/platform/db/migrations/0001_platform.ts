import type { Db, Dialect } from '../database.js'
import { columns, sqlIn } from '../columns.js'

export async function up(db: Db, dialect: Dialect): Promise<void> {
  const c = columns(dialect)
  await db.schema
    .createTable('organisations')
    .addColumn('id', c.id, (col) => col.primaryKey())
    .addColumn('kind', c.text, (col) => col.notNull().check(sqlIn('kind', ['council', 'provider'])))
    .addColumn('name', c.text, (col) => col.notNull())
    .addColumn('ons_code', c.text)
    .addColumn('provider_id', c.text)
    .addColumn('created_at', c.timestamp, (col) => col.notNull().defaultTo(c.now))
    .execute()

  await db.schema
    .createTable('users')
    .addColumn('id', c.id, (col) => col.primaryKey())
    .addColumn('email', c.text, (col) => col.notNull().unique())
    .addColumn('display_name', c.text, (col) => col.notNull())
    .addColumn('organisation_id', c.text, (col) => col.notNull().references('organisations.id'))
    .addColumn('role', c.text, (col) => col.notNull())
    .addColumn('status', c.text, (col) => col.notNull().check(sqlIn('status', ['invited', 'active', 'disabled'])))
    .addColumn('password_hash', c.text)
    .addColumn('invite_token_hash', c.text)
    .addColumn('invite_expires_at', c.timestamp)
    .addColumn('failed_logins', c.int, (col) => col.notNull().defaultTo(0))
    .addColumn('locked_until', c.timestamp)
    .addColumn('last_login_at', c.timestamp)
    .addColumn('created_at', c.timestamp, (col) => col.notNull().defaultTo(c.now))
    .execute()
  await db.schema.createIndex('users_organisation').on('users').column('organisation_id').execute()

  await db.schema
    .createTable('sessions')
    .addColumn('sid', c.text, (col) => col.primaryKey())
    .addColumn('data', c.text, (col) => col.notNull())
    .addColumn('expires_at', c.timestamp, (col) => col.notNull())
    .execute()
  await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', c.serial, (col) => col.primaryKey())
    .addColumn('at', c.timestamp, (col) => col.notNull())
    .addColumn('actor_user_id', c.text)
    .addColumn('actor_label', c.text, (col) => col.notNull())
    .addColumn('action', c.text, (col) => col.notNull())
    .addColumn('entity_type', c.text, (col) => col.notNull())
    .addColumn('entity_id', c.text, (col) => col.notNull())
    .addColumn('before_json', c.json)
    .addColumn('after_json', c.json)
    .addColumn('prev_hash', c.text, (col) => col.notNull())
    .addColumn('hash', c.text, (col) => col.notNull())
    .execute()
  await db.schema.createIndex('audit_entity').on('audit_log').columns(['entity_type', 'entity_id']).execute()

  await db.schema
    .createTable('import_runs')
    .addColumn('id', c.id, (col) => col.primaryKey())
    .addColumn('kind', c.text, (col) => col.notNull())
    .addColumn('file_name', c.text, (col) => col.notNull())
    .addColumn('started_at', c.timestamp, (col) => col.notNull())
    .addColumn('finished_at', c.timestamp, (col) => col.notNull())
    .addColumn('status', c.text, (col) => col.notNull())
    .addColumn('created_count', c.int, (col) => col.notNull())
    .addColumn('updated_count', c.int, (col) => col.notNull())
    .addColumn('unchanged_count', c.int, (col) => col.notNull())
    .addColumn('rejected_count', c.int, (col) => col.notNull())
    .addColumn('report_json', c.json, (col) => col.notNull())
    .addColumn('actor_label', c.text, (col) => col.notNull())
    .execute()
}
