/**
 * The Placements Data Standard v2's child-profile options, stored in the standard's own words so a
 * referral says the same thing whichever system sends it (specs/placements-standard.md). "Who can
 * the child be cared for alongside" lives in domain/needsProfile.ts because matching reads it.
 */

/** Foster, residential and supported accommodation suitability ("Placement recommendation"). */
export const SUITABILITY = ['Preferred', 'Suitable but not preferred', 'Unsuitable', 'Not specified'] as const
export type Suitability = (typeof SUITABILITY)[number]

/** Communication, language and learning needs. */
export const COMMUNICATION_NEEDS = ['Y', 'N', 'Not Specified'] as const
export const COMMUNICATION_NEEDS_LABELS: Record<(typeof COMMUNICATION_NEEDS)[number], string> = {
  Y: 'Yes',
  N: 'No',
  'Not Specified': 'Not specified',
}

/** Specific communication and language requirements (1..many: 'None' when there are none). */
export const LANGUAGE_REQUIREMENTS = ['ESOL', 'BSL', 'Makaton', 'Other', 'None'] as const
export const LANGUAGE_REQUIREMENT_LABELS: Record<(typeof LANGUAGE_REQUIREMENTS)[number], string> = {
  ESOL: 'English for speakers of other languages (ESOL)',
  BSL: 'British Sign Language (BSL)',
  Makaton: 'Makaton',
  Other: 'Other',
  None: 'None',
}

/** Adaptation to the home. */
export const YES_NO = ['Y', 'N'] as const
export const YES_NO_LABELS: Record<(typeof YES_NO)[number], string> = { Y: 'Yes', N: 'No' }

/** Cultural needs (for example a place of worship). */
export const CULTURAL_NEEDS = ['Required', 'Not required', 'Not Known', 'Other'] as const

/** Can the child live with pets or animals? */
export const PETS = ['Yes - must', 'Yes - can', 'No', 'Not Known'] as const

/**
 * Additional support. The standard allows one; a child often needs more than one (therapy and a
 * taxi to school), so several may be chosen; none chosen is the standard's "NA".
 */
export const ADDITIONAL_SUPPORT = [
  'additional supervision',
  'therapeutic support',
  'a worker for respite',
  'taxis to school',
  'other',
] as const

export const sentenceCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
