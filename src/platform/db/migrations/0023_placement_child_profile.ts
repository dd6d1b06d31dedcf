import { sql } from 'kysely'
import type { Db, Dialect } from '../database.js'
import { columns, sqlIn } from '../columns.js'

const SUITABILITY = ['Preferred', 'Suitable but not preferred', 'Unsuitable', 'Not specified']

/**
 * The child profile's remaining Placements Data Standard v2 fields, the placement plan's
 * preparation, and the statutory reminders sent (one per item per reminder day: the unique key
 * makes sending them idempotent, even when two runs race).
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  const c = columns(dialect)
  const alter = () => db.schema.alterTable('children')
  // Defaults describe records made before this migration: nothing known beyond what they held.
  await alter()
    .addColumn('cared_for_alongside', c.text, (col) =>
      col
        .notNull()
        .defaultTo('No preference')
        .check(
          sqlIn('cared_for_alongside', [
            'Solo placement recommended',
            'With other children recommended',
            'Only with other older children',
            'Only with other younger children',
            'No preference',
          ]),
        ),
    )
    .execute()
  for (const name of ['foster_suitability', 'residential_suitability', 'supported_accommodation_suitability']) {
    await alter()
      .addColumn(name, c.text, (col) => col.notNull().defaultTo('Not specified').check(sqlIn(name, SUITABILITY)))
      .execute()
  }
  await alter()
    .addColumn('communication_needs', c.text, (col) =>
      col
        .notNull()
        .defaultTo('Not Specified')
        .check(sqlIn('communication_needs', ['Y', 'N', 'Not Specified'])),
    )
    .execute()
  await alter()
    .addColumn('language_requirements_json', c.json, (col) => col.notNull().defaultTo('[]'))
    .execute()
  await alter()
    .addColumn('adaptation_needed', c.text, (col) => col.check(sql`adaptation_needed is null or ${sqlIn('adaptation_needed', ['Y', 'N'])}`))
    .execute()
  await alter()
    .addColumn('cultural_needs', c.text, (col) =>
      col
        .notNull()
        .defaultTo('Not Known')
        .check(sqlIn('cultural_needs', ['Required', 'Not required', 'Not Known', 'Other'])),
    )
    .execute()
  await alter()
    .addColumn('pets', c.text, (col) =>
      col
        .notNull()
        .defaultTo('Not Known')
        .check(sqlIn('pets', ['Yes - must', 'Yes - can', 'No', 'Not Known'])),
    )
    .execute()
  await alter()
    .addColumn('additional_support_json', c.json, (col) => col.notNull().defaultTo('[]'))
    .execute()
  await alter().addColumn('additional_support_other', c.text).execute()
  await alter().addColumn('risks_to_child_other', c.text).execute()
  await alter().addColumn('risks_to_others_other', c.text).execute()

  await db.schema
    .createTable('placement_plans')
    .addColumn('placement_id', c.id, (col) => col.primaryKey().references('placements.id'))
    .addColumn('prepared_on', c.date, (col) => col.notNull())
    .addColumn('recorded_by', c.text)
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .execute()

  await db.schema
    .createTable('statutory_reminders')
    .addColumn('id', c.id, (col) => col.primaryKey())
    .addColumn('placement_id', c.id, (col) => col.notNull().references('placements.id'))
    .addColumn('kind', c.text, (col) => col.notNull().check(sqlIn('kind', ['placement-plan', 'visit'])))
    .addColumn('due_on', c.date, (col) => col.notNull())
    .addColumn('remind_on', c.date, (col) => col.notNull())
    .addColumn('to_user_id', c.text, (col) => col.notNull())
    .addColumn('outbox_id', c.text, (col) => col.notNull())
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .addUniqueConstraint('statutory_reminders_once', ['placement_id', 'kind', 'due_on', 'remind_on'])
    .execute()
}
