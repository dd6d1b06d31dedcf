import type { GridRef } from '../../../geo/types.js'
import type { ChildNeedsProfile } from '../../domain/needsProfile.js'
import { ALONGSIDE, categoryMask, DOL_BIT, needMask, riskMask, SEX_BITS } from './bits.js'

/** A referral as the hot loop reads it: masks and small integers. */
export type EncodedReferral = {
  profile: ChildNeedsProfile
  categories: number
  /** SoP needs less 'dol', which deprivationOfLiberty checks with a reason of its own. */
  needs: number
  age: number
  sex: number
  alongside: number
  dol: boolean
  flags: number
  home: GridRef | null
  school: GridRef | null
}

const ALONGSIDE_CODES: Record<ChildNeedsProfile['caredForAlongside'], number> = {
  'Solo placement recommended': ALONGSIDE.solo,
  'With other children recommended': ALONGSIDE.withOthers,
  'Only with other older children': ALONGSIDE.olderOnly,
  'Only with other younger children': ALONGSIDE.youngerOnly,
  'No preference': ALONGSIDE.any,
}

export function encodeReferral(profile: ChildNeedsProfile): EncodedReferral {
  const sex = SEX_BITS[profile.sex]
  const alongside = ALONGSIDE_CODES[profile.caredForAlongside]
  if (sex === undefined) throw new RangeError(`child ${profile.childId}: unknown sex "${profile.sex}"`)
  if (alongside === undefined)
    throw new RangeError(`child ${profile.childId}: unknown "cared for alongside" "${profile.caredForAlongside}"`)
  if (!Number.isInteger(profile.ageAtStart) || profile.ageAtStart < 0 || profile.ageAtStart > 25) {
    throw new RangeError(`child ${profile.childId}: age at start ${profile.ageAtStart}`)
  }
  const needs = needMask(profile.needs)
  return {
    profile,
    categories: categoryMask(profile.categories),
    needs: (needs & ~DOL_BIT) >>> 0,
    age: profile.ageAtStart,
    sex,
    alongside,
    dol: profile.deprivationOfLiberty || (needs & DOL_BIT) !== 0,
    flags: riskMask(profile.riskFlags),
    home: profile.home,
    school: profile.school,
  }
}
