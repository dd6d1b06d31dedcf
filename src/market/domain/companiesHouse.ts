/**
 * A Companies House company number: eight characters, either eight digits (England and Wales)
 * or a two-letter prefix and six digits (SC, NI, OC, SO, LP, FC, …).
 */
const COMPANY_NUMBER = /^(?:\d{8}|[A-Z]{2}\d{6})$/

/** Uppercase, spaces removed; null when it is not a company number's shape. */
export function normaliseCompanyNumber(raw: string): string | null {
  const compact = raw.replace(/\s+/g, '').toUpperCase()
  return COMPANY_NUMBER.test(compact) ? compact : null
}
