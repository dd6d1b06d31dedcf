/**
 * Why a home cannot take the child, as bits of one word per home: the hot loop only ORs them;
 * explain() turns them into words for the few homes a page shows.
 */
export const REASON = {
  NOT_OPEN: 1 << 0,
  CATEGORY: 1 << 1,
  NEEDS: 1 << 2,
  AGE: 1 << 3,
  SEX: 1 << 4,
  JUDGEMENT: 1 << 5,
  DOL: 1 << 6,
  SOLO_OCCUPIED: 1 << 7,
  SOLO_NOT_IN_SOP: 1 << 8,
  SOLO_ONLY_HOME: 1 << 9,
  AGE_MIX: 1 << 10,
  INCOMPATIBLE: 1 << 11,
} as const

export type ReasonName = keyof typeof REASON
export const REASON_NAMES = Object.keys(REASON) as ReasonName[]

/** The names of the bits set, in REASON's order. */
export function reasonNames(bits: number): ReasonName[] {
  return REASON_NAMES.filter((n) => (bits & REASON[n]) !== 0)
}
