import type { Db, Dialect } from '../database.js'
import { columns } from '../columns.js'

export async function up(db: Db, dialect: Dialect): Promise<void> {
  const c = columns(dialect)
  await db.schema
    .createTable('postcode_units')
    .addColumn('postcode', c.text, (col) => col.primaryKey())
    .addColumn('lad', c.text)
    .addColumn('easting', c.int, (col) => col.notNull())
    .addColumn('northing', c.int, (col) => col.notNull())
    .addColumn('terminated', c.int, (col) => col.notNull().defaultTo(0))
    .execute()
  for (const [table, key] of [
    ['postcode_sectors', 'sector'],
    ['postcode_districts', 'district'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn(key, c.text, (col) => col.primaryKey())
      .addColumn('lad', c.text)
      .addColumn('easting', c.int, (col) => col.notNull())
      .addColumn('northing', c.int, (col) => col.notNull())
      .addColumn('postcodes', c.int, (col) => col.notNull())
      .execute()
  }
  await db.schema
    .createTable('postcode_imports')
    .addColumn('id', c.id, (col) => col.primaryKey())
    .addColumn('file_name', c.text, (col) => col.notNull())
    .addColumn('imported_at', c.timestamp, (col) => col.notNull())
    .addColumn('units', c.int, (col) => col.notNull())
    .addColumn('sectors', c.int, (col) => col.notNull())
    .addColumn('districts', c.int, (col) => col.notNull())
    .addColumn('source_schema', c.text, (col) => col.notNull())
    .execute()
}
