import type { GridRef } from '../../geo/types.js'
import type { RegistrationCategoryCode } from '../../market/domain/categories.js'
import type { NeedCode } from '../../market/domain/needs.js'
import type { RiskFlag } from './riskFlags.js'

/** "Who can the child be cared for alongside", in the Placements Data Standard's own words. */
export const CARED_FOR_ALONGSIDE = [
  'Solo placement recommended',
  'With other children recommended',
  'Only with other older children',
  'Only with other younger children',
  'No preference',
] as const
export type CaredForAlongside = (typeof CARED_FOR_ALONGSIDE)[number]

/** The child's sex as a home's "sexes accepted" is checked against; 'other' fits only a mixed home. */
export const CHILD_SEXES = ['male', 'female', 'other'] as const
export type ChildSex = (typeof CHILD_SEXES)[number]

/**
 * What matching needs to know about the child in a referral: the Placements Data Standard's
 * fields, turned into what a home's registration and Statement of Purpose are checked against,
 * plus what the standard leaves out (age at the planned start, sex, where home and school are).
 */
export type ChildNeedsProfile = {
  childId: string
  /** Ofsted registration categories the child's needs fall under: the home must be registered for all. */
  categories: RegistrationCategoryCode[]
  /** Statement of Purpose needs the home must cover, all of them. 'dol' is better said by deprivationOfLiberty. */
  needs: NeedCode[]
  /** Whole years on the planned start date. */
  ageAtStart: number
  sex: ChildSex
  caredForAlongside: CaredForAlongside
  /** Deprivation of Liberty Order: the home's Statement of Purpose must cover 'dol'. */
  deprivationOfLiberty: boolean
  /** Risks to the child and risks the child presents to others, "Risk Present" only. */
  riskFlags: RiskFlag[]
  /** Where the child lives now (the DfE measures placement distance from here); null if unknown. */
  home: GridRef | null
  school: GridRef | null
}

/** Whole years old on a date, both 'YYYY-MM-DD': the child's age at the planned start. */
export function ageOn(dateOfBirth: string, date: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number]
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

// A risk to the child is a need the home's Statement of Purpose must say it can meet.
const IMPLIED: Partial<Record<RiskFlag, NeedCode>> = {
  'self-harm': 'self-harm',
  'sexual-exploitation': 'cse',
  'criminal-exploitation': 'cce',
  'drug-and-alcohol-use': 'substance-misuse',
  'going-missing': 'missing',
  'sexual-harm': 'harmful-sexual-behaviour',
}

/**
 * The Statement of Purpose needs a referral's risk flags suggest, for the referral form to
 * pre-fill. The matcher itself uses only the needs the referral states: the social worker decides.
 */
export function needsImpliedByRisks(flags: readonly RiskFlag[]): NeedCode[] {
  const out: NeedCode[] = []
  for (const f of flags) {
    const need = IMPLIED[f]
    if (need && !out.includes(need)) out.push(need)
  }
  return out
}
