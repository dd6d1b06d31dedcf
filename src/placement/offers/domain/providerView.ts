/**
 * What a provider sees of a referral sent to one of its homes: only what it needs to answer
 * (Placements Data Standard fields, the child's age rather than date of birth, the preferred area
 * as a postcode district). Never the child's name, case reference, date of birth, address, school
 * or social worker. Built from the rows by naming each field it keeps, so a new column on the
 * child's record is not shared until someone decides it should be.
 */
import { districtOf } from '../../../geo/postcode.js'
import { needLabel } from '../../../market/domain/needs.js'
import type { Database } from '../../../platform/db/schema.js'
import { ageOn } from '../../domain/needsProfile.js'
import { riskFlagLabel } from '../../domain/riskFlags.js'
import { LEGAL_STATUSES } from '../../placements/codes.js'
import type { Urgency } from '../../referrals/referralSchema.js'

export type ProviderReferralView = {
  /** Whole years on the day it is read. */
  age: number
  sex: 'male' | 'female' | 'other'
  legalStatus: { code: string; label: string }
  needs: string[]
  risksToChild: string[]
  risksToOthers: string[]
  requirements: string | null
  urgency: Urgency
  placementTypes: string[]
  deprivationOfLiberty: 'yes' | 'no'
  /** Postcode district, like 'SO15'; null when none was given. */
  preferredArea: string | null
}

const labels = (json: string, label: (code: string) => string) => (JSON.parse(json) as string[]).map(label)

export function providerReferralView(
  child: Pick<
    Database['children'],
    'date_of_birth' | 'sex' | 'legal_status' | 'needs_json' | 'risks_to_child_json' | 'risks_to_others_json' | 'requirements'
  >,
  referral: Pick<Database['referrals'], 'urgency' | 'placement_types_json' | 'deprivation_of_liberty' | 'preferred_postcode'>,
  today: string,
): ProviderReferralView {
  return {
    age: ageOn(child.date_of_birth, today),
    sex: child.sex,
    legalStatus: {
      code: child.legal_status,
      label: LEGAL_STATUSES[child.legal_status as keyof typeof LEGAL_STATUSES] ?? child.legal_status,
    },
    needs: labels(child.needs_json, needLabel),
    risksToChild: labels(child.risks_to_child_json, riskFlagLabel),
    risksToOthers: labels(child.risks_to_others_json, riskFlagLabel),
    requirements: child.requirements,
    urgency: referral.urgency,
    placementTypes: JSON.parse(referral.placement_types_json) as string[],
    deprivationOfLiberty: referral.deprivation_of_liberty,
    preferredArea: referral.preferred_postcode ? districtOf(referral.preferred_postcode) : null,
  }
}

/** A short reference providers and officers can quote, from the request's id; it says nothing about the child. */
export const requestReference = (requestId: string) => `RR-${requestId.replace(/-/g, '').slice(0, 8).toUpperCase()}`
