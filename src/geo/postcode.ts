import { UserInputError } from '../platform/errors.js'

/** A parsed unit postcode, e.g. 'SO14 7DU' → outward 'SO14', inward '7DU', sector 'SO14 7'. */
export type Postcode = { postcode: string; outward: string; inward: string; sector: string; district: string }

/** What a possibly shortened postcode names: a unit, a sector ('SO14 7') or a district ('SO14'). */
export type PostcodeArea =
  { kind: 'unit'; key: string; postcode: Postcode } | { kind: 'sector'; key: string; district: string } | { kind: 'district'; key: string }

// Outward code: A9, A99, A9A, AA9, AA99, AA9A; plus two retired non-standard ones that ONSPD still
// lists as terminated (NPT: Newport before 1984; GIR: Girobank).
const OUTWARD = /^(?:[A-Z]{1,2}[0-9][0-9A-Z]?|NPT|GIR)$/
const INWARD = /^[0-9][A-Z]{2}$/
const WHITESPACE = /\s+/g
// Most input (every ONSPD pcds) is already in display form: one regex settles it.
const DISPLAY = /^((?:[A-Z]{1,2}[0-9][0-9A-Z]?|NPT|GIR) ([0-9])[A-Z]{2})$/

/** Uppercase with every space removed: the form we compare on. */
export function compactPostcode(input: string): string {
  return input.replace(WHITESPACE, '').toUpperCase()
}

/** Parses a full unit postcode in any case or spacing; null if it is not one. */
export function tryParsePostcode(input: string): Postcode | null {
  const display = DISPLAY.exec(input)
  if (display) {
    const space = input.indexOf(' ')
    const outward = input.slice(0, space)
    return { postcode: input, outward, inward: input.slice(space + 1), sector: `${outward} ${display[2]}`, district: outward }
  }
  const compact = compactPostcode(input)
  if (compact.length < 5 || compact.length > 7) return null
  const outward = compact.slice(0, -3)
  const inward = compact.slice(-3)
  if (!OUTWARD.test(outward) || !INWARD.test(inward)) return null
  return {
    postcode: `${outward} ${inward}`,
    outward,
    inward,
    sector: `${outward} ${inward[0]}`,
    district: outward,
  }
}

/** Parses a full unit postcode, or throws a UserInputError saying what a postcode looks like. */
export function parsePostcode(input: string, field = 'postcode'): Postcode {
  const parsed = tryParsePostcode(input)
  if (!parsed) {
    throw new UserInputError(`'${input.trim()}' is not a UK postcode (expected something like SO14 7DU)`, { field })
  }
  return parsed
}

/** Display form: 'so147du' → 'SO14 7DU'. Throws on anything that is not a postcode. */
export function normalisePostcode(input: string): string {
  return parsePostcode(input).postcode
}

/** 'SO14 7DU' → 'SO14 7'. */
export function sectorOf(input: string): string {
  return parsePostcode(input).sector
}

/** 'SO14 7DU' → 'SO14' (the outward code, which ONS calls the postcode district). */
export function districtOf(input: string): string {
  return parsePostcode(input).district
}

/** Parses a unit postcode, a sector ('SO14 7', 'so147') or a district ('SO14'); null if none of them. */
export function tryParsePostcodeArea(input: string): PostcodeArea | null {
  const unit = tryParsePostcode(input)
  if (unit) return { kind: 'unit', key: unit.postcode, postcode: unit }
  const parts = input.trim().toUpperCase().split(WHITESPACE)
  if (parts.length === 2) {
    // A space says where the outward code ends: 'W1 1' is sector W1 1, whereas 'W11' is district W11.
    const [outward = '', digit = ''] = parts
    if (OUTWARD.test(outward) && /^[0-9]$/.test(digit)) return { kind: 'sector', key: `${outward} ${digit}`, district: outward }
    return null
  }
  if (parts.length !== 1) return null
  const compact = parts[0] ?? ''
  if (OUTWARD.test(compact)) return { kind: 'district', key: compact }
  const outward = compact.slice(0, -1)
  if (outward.length >= 2 && OUTWARD.test(outward) && /[0-9]$/.test(compact)) {
    return { kind: 'sector', key: `${outward} ${compact.slice(-1)}`, district: outward }
  }
  return null
}

/** Like tryParsePostcodeArea, but throws a UserInputError naming the field. */
export function parsePostcodeArea(input: string, field = 'postcode'): PostcodeArea {
  const parsed = tryParsePostcodeArea(input)
  if (!parsed) {
    throw new UserInputError(
      `'${input.trim()}' is not a UK postcode, postcode sector or postcode district (expected something like SO14 7DU, SO14 7 or SO14)`,
      { field },
    )
  }
  return parsed
}

/** Northern Ireland postcodes (BT) are outside the Open Government Licence, so we do not hold them. */
export function isNorthernIreland(outwardOrPostcode: string): boolean {
  return outwardOrPostcode.startsWith('BT')
}
