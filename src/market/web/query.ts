/** Reading a query string or form body the way Express hands it over: a string, a list of them, or nothing. */

export type RawFields = Record<string, unknown>

/** The first value of a field, trimmed; '' when absent. */
export function one(raw: RawFields, name: string): string {
  const v = raw[name]
  const first = Array.isArray(v) ? v[0] : v
  return typeof first === 'string' ? first.trim() : ''
}

/** Every value of a repeated field (checkboxes), without blanks. */
export function many(raw: RawFields, name: string): string[] {
  const v = raw[name]
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v]
  return list.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim())
}

/** A whole number when the text is one; the text itself otherwise (so the schema can say what is wrong); undefined when blank. */
export function wholeNumberOrText(text: string): number | string | undefined {
  if (text === '') return undefined
  return /^-?\d+$/.test(text) ? Number(text) : text
}
