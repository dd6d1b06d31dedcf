import { sql, type ColumnDataType, type Expression, type RawBuilder } from 'kysely'
import type { Dialect } from './database.js'

type ColumnType = ColumnDataType | Expression<unknown>

/** Column types that mean the same thing on both dialects. */
export function columns(dialect: Dialect): {
  id: ColumnType
  text: ColumnType
  int: ColumnType
  pence: ColumnType
  real: ColumnType
  date: ColumnType
  timestamp: ColumnType
  json: ColumnType
  serial: ColumnType
  now: RawBuilder<string>
} {
  const pg = dialect === 'postgres'
  return {
    id: 'text',
    text: 'text',
    int: 'integer',
    pence: pg ? 'bigint' : 'integer',
    real: pg ? 'double precision' : 'real',
    date: pg ? 'date' : 'text',
    timestamp: pg ? 'timestamptz' : 'text',
    json: 'text',
    serial: pg ? sql`bigserial` : 'integer',
    now: pg ? sql<string>`now()` : sql<string>`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`,
  }
}

/** CHECK (col IN (...)); the values are our own constants, never user input. */
export function sqlIn(column: string, values: readonly string[]): RawBuilder<unknown> {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`
}

/** CHECK (col >= min). */
export function sqlGe(column: string, min: number): RawBuilder<unknown> {
  return sql`${sql.ref(column)} >= ${sql.lit(min)}`
}
