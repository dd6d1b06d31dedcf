/** A referral and its child as matching reads them: the Placements Data Standard's fields, plus where home and school are. */
import type { GridRef } from '../../geo/types.js'
import type { RegistrationCategoryCode } from '../../market/domain/categories.js'
import type { NeedCode } from '../../market/domain/needs.js'
import type { Database } from '../../platform/db/schema.js'
import { ageOn, CARED_FOR_ALONGSIDE, type CaredForAlongside, type ChildNeedsProfile } from '../domain/needsProfile.js'
import type { RiskFlag } from '../domain/riskFlags.js'

type ChildRow = Database['children']

/** 'other' sex fits only a mixed home; a profile made before "cared for alongside" was kept reads as 'No preference'. */
export function needsProfileOf(
  child: ChildRow,
  referral: { deprivationOfLiberty: 'yes' | 'no'; categories: RegistrationCategoryCode[] },
  onDate: string,
  where: { home: GridRef | null; school: GridRef | null },
): ChildNeedsProfile {
  const alongside = (CARED_FOR_ALONGSIDE as readonly string[]).includes(child.cared_for_alongside)
    ? (child.cared_for_alongside as CaredForAlongside)
    : 'No preference'
  const flags = [...(JSON.parse(child.risks_to_child_json) as RiskFlag[]), ...(JSON.parse(child.risks_to_others_json) as RiskFlag[])]
  return {
    childId: child.id,
    categories: referral.categories,
    needs: JSON.parse(child.needs_json) as NeedCode[],
    ageAtStart: ageOn(child.date_of_birth, onDate),
    sex: child.sex,
    caredForAlongside: alongside,
    deprivationOfLiberty: referral.deprivationOfLiberty === 'yes',
    riskFlags: [...new Set(flags)],
    home: where.home,
    school: where.school,
  }
}
