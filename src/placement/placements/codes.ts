/**
 * SSDA903 code lists a placement's record uses, with their meanings (specs/ssda903.md §3;
 * validator rules 144 (LS), 149 (REC), 1009 (REASON_PLACE_CHANGE)).
 */
export const LEGAL_STATUSES = {
  C1: 'Interim care order',
  C2: 'Full care order',
  D1: 'Freeing order granted',
  E1: 'Placement order granted',
  V2: 'Single period of accommodation under section 20 (Children Act 1989)',
  V3: 'Accommodated under an agreed series of short-term breaks, when individual episodes of care are recorded',
  V4: 'Accommodated under an agreed series of short-term breaks, when agreements are recorded (not individual episodes)',
  J1: 'Remanded to LA accommodation or to youth detention accommodation',
  J2: 'Placed in LA accommodation under PACE 1984, including secure accommodation',
  J3: 'Sentenced to Youth Rehabilitation Order with residence or intensive fostering requirement',
  L1: 'Under police protection and in LA accommodation',
  L2: 'Emergency protection order (EPO)',
  L3: 'Under child assessment order and in LA accommodation',
} as const
export type LegalStatus = keyof typeof LEGAL_STATUSES
export const LEGAL_STATUS_CODES = Object.keys(LEGAL_STATUSES) as [LegalStatus, ...LegalStatus[]]

/** REC: reason episode ceased. */
export const REASONS_EPISODE_CEASED = {
  E11: 'Adopted – application for an adoption order unopposed',
  E12: 'Adopted – consent dispensed with by the court',
  E13: 'Left care to live with parent(s), relative(s), or other person(s) with no parental responsibility',
  E14: 'Accommodation on remand ended',
  E15: 'Age assessment determined child is aged 18 or over',
  E16: 'Child moved abroad',
  E17: 'Aged 18 (or over) and remained with current carers (staying put)',
  E2: 'Died',
  E3: 'Care taken over by another local authority in the UK',
  E41: 'Residence order (or, from 22 April 2014, a child arrangement order) granted',
  E45: 'Special guardianship order made to former foster carer(s), who were relatives or friends',
  E46: 'Special guardianship order made to former foster carer(s), other than relatives or friends',
  E47: 'Special guardianship order made to carer(s), other than former foster carer(s), who were relatives or friends',
  E48: 'Special guardianship order made to carer(s), other than former foster carer(s), other than relatives or friends',
  E4A: 'Returned home to live with parent(s), relative(s), or other person(s) with parental responsibility as part of the care planning process',
  E4B: 'Returned home to live with parent(s), relative(s), or other person(s) with parental responsibility which was not part of the current care planning process',
  E5: 'Moved into independent living arrangement and no longer looked-after: supportive accommodation providing formalised advice/support arrangements',
  E6: 'Moved into independent living arrangement and no longer looked-after: accommodation providing no formalised advice/support arrangements',
  E7: 'Transferred to residential care funded by adult social care services',
  E8: 'Period of being looked-after ceased for any other reason',
  E9: 'Sentenced to custody',
  X1: 'Episode ceases, and new episode begins on same day, for any reason',
} as const
export type ReasonEpisodeCeased = keyof typeof REASONS_EPISODE_CEASED
export const REC_CODES = Object.keys(REASONS_EPISODE_CEASED) as [ReasonEpisodeCeased, ...ReasonEpisodeCeased[]]

/** X1: the child stays looked after and moves on the same day — a change of placement. */
export const MOVES_TO_ANOTHER_PLACEMENT: ReasonEpisodeCeased = 'X1'

/** REASON_PLACE_CHANGE: recorded on the episode that ends when the child moves placement (rule 225). */
export const REASONS_PLACE_CHANGE = {
  CARPL: 'Change to/implementation of care plan',
  CLOSE: 'Resignation/closure of provision',
  ALLEG: 'Allegation (s47)',
  STAND: 'Standards of care concern',
  APPRR: 'Approval removed',
  CREQB: 'Carer(s) request placement end due to child’s behaviour',
  CREQO: 'Carer(s) request placement end for other reasons',
  CHILD: 'Child requests placement end',
  LAREQ: 'Responsible/area authority requests placement end',
  PLACE: 'Change in the status of placement only',
  CUSTOD: 'Custody arrangement',
  OTHER: 'Other reasons',
} as const
export type ReasonPlaceChange = keyof typeof REASONS_PLACE_CHANGE
export const REASON_PLACE_CHANGE_CODES = Object.keys(REASONS_PLACE_CHANGE) as [ReasonPlaceChange, ...ReasonPlaceChange[]]
