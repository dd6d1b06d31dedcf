import { REGISTRATION_CATEGORY_CODES } from '../../../market/domain/categories.js'
import { OFSTED_JUDGEMENTS } from '../../../market/domain/judgements.js'
import { NEED_CODES } from '../../../market/domain/needs.js'
import { HOME_STATUSES } from '../../../market/domain/statuses.js'
import { RISK_FLAG_CODES } from '../../domain/riskFlags.js'
import { ROUTES } from '../../domain/vacancy.js'

/** Codes as bit positions (the order of each list) and small integers, shared by both encoders. */

function indexOf(list: readonly string[], what: string, code: string): number {
  const i = list.indexOf(code)
  if (i === -1) throw new RangeError(`unknown ${what} "${code}"`)
  return i
}

/** An OR of 1 << position for each code; throws on a code not in the list. */
export function maskOf(list: readonly string[], what: string, codes: readonly string[]): number {
  let m = 0
  for (const c of codes) m |= 1 << indexOf(list, what, c)
  return m >>> 0
}

/** The codes whose bits are set, in list order: for explaining, never in the hot loop. */
export function codesOf<T extends string>(list: readonly T[], mask: number): T[] {
  return list.filter((_, i) => (mask >>> i) & 1)
}

export const categoryMask = (codes: readonly string[]) => maskOf(REGISTRATION_CATEGORY_CODES, 'registration category', codes)
export const needMask = (codes: readonly string[]) => maskOf(NEED_CODES, 'Statement of Purpose need', codes)
export const riskMask = (codes: readonly string[]) => maskOf(RISK_FLAG_CODES, 'risk flag', codes)

export const DOL_BIT = needMask(['dol'])
export const SOLO_BIT = needMask(['solo'])

export const routeCode = (route: string) => indexOf(ROUTES, 'route', route)
export const statusCode = (status: string) => indexOf(HOME_STATUSES, 'home status', status)
export const STATUS_ACTIVE = statusCode('active')
export const STATUS_CLOSED = statusCode('closed')
/** 0 Outstanding … 4 not yet inspected (or nothing stored). */
export const judgementCode = (j: string | null) =>
  j === null ? OFSTED_JUDGEMENTS.length - 1 : indexOf(OFSTED_JUDGEMENTS, 'Ofsted judgement', j)

/** Sexes: a child's one bit; a home's accepted set. 'other' (or not stated) fits only a mixed home. */
export const SEX_BITS = { male: 1, female: 2, other: 4 } as const
export const SEXES_ACCEPTED_BITS = { mixed: 7, male: 1, female: 2 } as const

/** caredForAlongside as a small integer. */
export const ALONGSIDE = { solo: 0, withOthers: 1, olderOnly: 2, youngerOnly: 3, any: 4 } as const
