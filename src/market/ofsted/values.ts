import { z } from 'zod'
import { cellText, type Cell } from './cells.js'
import { OFSTED_JUDGEMENTS, type OfstedJudgement } from '../domain/judgements.js'
import { normaliseJudgement } from './judgement.js'

/**
 * zod schemas for single cells of an Ofsted list. Each failure message reads after the cell
 * value, so validateRow can say: row 14, column "Max Users": "-2" is not a number of places.
 */
// z.custom, not a union of five: a list has ~150,000 cells and the union costs several times more per cell.
const cell = z.custom<Cell>((v) => v === null || v instanceof Date || ['string', 'number', 'boolean'].includes(typeof v))

function fail(ctx: z.RefinementCtx, message: string): never {
  ctx.addIssue({ code: 'custom', message })
  return z.NEVER as never
}

/** Social care URNs are "SC" and six digits; newer registrations have plain six- or seven-digit numbers. */
export const urnCell = cell.transform((c, ctx): string => {
  const text = cellText(c)
  if (text === null) return fail(ctx, 'is blank: every home needs its Ofsted URN')
  const urn = text.toUpperCase().replace(/\s+/g, '')
  if (/^SC\d{6}$/.test(urn) || /^\d{6,7}$/.test(urn)) return urn
  return fail(ctx, 'is not an Ofsted URN (expected SC and six digits, or a six- or seven-digit number)')
})

/** Registered places: a whole number, zero or more. Blank is null; the caller decides if that is allowed. */
export const placesCell = cell.transform((c, ctx): number | null => {
  const text = cellText(c)
  if (text === null) return null
  const n = typeof c === 'number' ? c : /^\d+(\.0+)?$/.test(text) ? Number(text) : Number.NaN
  if (!Number.isInteger(n) || n < 0) return fail(ctx, 'is not a number of places')
  return n
})

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30)
// A serial day number between 1950 and 2100: anything else in a date column is not a date.
const SERIAL_MIN = 18264
const SERIAL_MAX = 73051

/** Dates as Excel stores them, 'dd/mm/yyyy' (UK) or ISO, to 'YYYY-MM-DD'. Blank is null. */
export const dateCell = cell.transform((c, ctx): string | null => {
  if (c instanceof Date) {
    if (Number.isNaN(c.getTime())) return fail(ctx, 'is not a date')
    return c.toISOString().slice(0, 10)
  }
  const text = cellText(c)
  if (text === null) return null
  if (typeof c === 'number' || /^\d+(\.\d+)?$/.test(text)) {
    const serial = Number(text)
    if (serial < SERIAL_MIN || serial > SERIAL_MAX) return fail(ctx, 'is not a date')
    return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10)
  }
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T].*)?$/.exec(text)
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$/.exec(text)
  const parts = uk ? [uk[3], uk[2], uk[1]] : iso ? [iso[1], iso[2], iso[3]] : null
  if (!parts) return fail(ctx, 'is not a date (expected dd/mm/yyyy or yyyy-mm-dd)')
  const [y, m, d] = parts.map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return fail(ctx, 'is not a date that exists')
  }
  return date.toISOString().slice(0, 10)
})

export const judgementCell = cell.transform((c, ctx): OfstedJudgement => {
  const text = typeof c === 'number' ? String(c) : cellText(c)
  const judgement = normaliseJudgement(text)
  if (judgement) return judgement
  return fail(ctx, `is not an Ofsted judgement (expected ${OFSTED_JUDGEMENTS.slice(0, 4).join(', ')} or blank)`)
})

export type RegistrationState = 'active' | 'suspended' | 'closed'

/** "Active"/"Registered" stay open; "Suspended" is suspended; any other status (Closed, Resigned, Cancelled…) is closed. */
export const statusCell = cell.transform((c): RegistrationState | null => {
  const text = cellText(c)?.toLowerCase()
  if (!text) return null
  if (text === 'active' || text === 'registered') return 'active'
  if (text.startsWith('suspend')) return 'suspended'
  return 'closed'
})

const NO = new Set(['no', 'n', 'false', '0', 'not registered'])

/**
 * A registration-category column. The lists variously say Yes/No, 1/0, a count of places, or
 * name the detail ("Blind"); anything there that is not a "no" means registered for it.
 */
export const categoryCell = cell.transform((c): boolean => {
  if (typeof c === 'boolean') return c
  if (typeof c === 'number') return c > 0
  const text = cellText(c)?.toLowerCase()
  return text !== undefined && !NO.has(text)
})

/** Trimmed text or null; numbers (Owner IDs are numeric in some files) become their digits. */
export const textCell = cell.transform((c): string | null => cellText(c))

/** Runs a cell schema and returns the value or the message that follows the cell in a reason. */
export function parseCell<T>(schema: z.ZodType<T, Cell>, value: Cell | undefined): { ok: true; value: T } | { ok: false; message: string } {
  const result = schema.safeParse(value ?? null)
  if (result.success) return { ok: true, value: result.data }
  return { ok: false, message: result.error.issues[0]?.message ?? 'is not valid' }
}
