/**
 * The demo block contracts' two years, as a plan: invented children, their stays in the reserved
 * beds and what happened to the beds between stays. Days are counted from the contract's start
 * (day 0); a stay's `to` is the day the child left (SSDA903: the last night is the day before).
 * Pure data: contractDemo.ts plays it through the services, dropping whatever falls after today.
 */
import type { EmptyCause } from '../contract/ports.js'
import type { ChildInput } from '../placement/children/childSchema.js'
import type { ReasonEpisodeCeased, ReasonPlaceChange } from '../placement/placements/codes.js'

export type ChildPlan = Omit<ChildInput, 'dateOfBirth' | 'allocatedSocialWorkerUserId'> & {
  caseReference: string
  /** Age in whole years, and days past that birthday, on the contract's start day. */
  ageAtStart: [years: number, days: number]
}

export type StayPlan = {
  child: ChildPlan
  /** Index of the bed among the contract's reserved beds. */
  bed: number
  from: number
  to: number | null
  ending?: { rec: ReasonEpisodeCeased; placeChange?: ReasonPlaceChange; planned: 'planned' | 'unplanned' }
  /** The home's impact risk assessment, recorded the day before the child arrives. */
  assessment: string
  /** The social worker's visits stop this many days before today (a visit becomes overdue). */
  visitsStopDaysBeforeToday?: number
}

export type BedEventPlan =
  | { kind: 'held'; bed: number; from: number; to: number; note: string }
  /** Released by the provider; `to` is the last day before the bed came back. */
  | { kind: 'released'; bed: number; from: number; to: number; note: string }
  | { kind: 'unavailable'; bed: number; from: number; to: number; reason: 'staffing' | 'repairs'; note: string }
  | { kind: 'empty-cause'; bed: number; from: number; cause: EmptyCause; note: string }

export type ContractPlan = {
  stays: StayPlan[]
  events: BedEventPlan[]
  /** Month indexes (0 = the start's month) whose return came late, never came, or came without a Regulation 44 report. */
  lateReturn: number
  missingReturn: number
  noReport: number[]
  /** Months the home leant on agency staff (the staffing gap) and a bad month for going missing. */
  agencyMonths: number[]
  missingSpikeMonth: number
}

const SAFE = [
  'Reviewed with the home’s manager and the child’s social worker; no risk to the children already living there that cannot be managed.',
]
const assess = (text: string) => `${text} ${SAFE[0]}`

type ChildRow = [
  caseReference: string,
  sex: ChildPlan['sex'],
  legalStatus: ChildPlan['legalStatus'],
  years: number,
  days: number,
  homePostcode: string,
  schoolPostcode: string,
  /** Space-separated codes; the child service checks each. */
  needs: string,
  risksToChild: string,
  risksToOthers: string,
]

/** The invented children: case reference, sex, legal status (SSDA903), age at the start, home and school postcodes, needs and risks. */
const CHILD_ROWS: ChildRow[] = [
  ['DEMO-B001', 'female', 'C2', 14, 120, 'SO16 4GX', 'SO16 3DA', 'self-harm mental-health', 'self-harm', ''],
  ['DEMO-B002', 'male', 'V2', 16, 40, 'SO19 7BN', 'SO19 8PY', 'substance-misuse', 'drug-and-alcohol-use', 'physical-harm'],
  ['DEMO-B003', 'female', 'C2', 12, 200, 'SO14 0JT', 'SO14 6TB', 'cse missing', 'sexual-exploitation going-missing', ''],
  ['DEMO-B004', 'male', 'C1', 13, 300, 'SO15 3DQ', 'SO15 5QF', 'challenging-behaviour cce', 'criminal-exploitation', 'physical-harm'],
  ['DEMO-B005', 'female', 'V2', 15, 10, 'SO18 2NU', 'SO18 4RD', 'self-harm missing', 'self-harm going-missing', ''],
  ['DEMO-B006', 'male', 'C2', 11, 250, 'SO17 1XR', 'SO17 3LE', 'autism challenging-behaviour', '', 'physical-harm'],
  ['DEMO-B007', 'female', 'C2', 13, 30, 'SO16 9QP', 'SO16 6BU', 'mental-health self-harm', 'self-harm eating-disorder', ''],
  ['DEMO-B008', 'male', 'C1', 12, 90, 'SO19 9LF', 'SO19 0NL', 'challenging-behaviour missing', 'going-missing', 'fire-setting'],
  ['DEMO-B009', 'female', 'C2', 12, 330, 'SO18 5RH', 'SO18 6HW', 'cse substance-misuse', 'sexual-exploitation drug-and-alcohol-use', ''],
  ['DEMO-B010', 'male', 'V2', 14, 280, 'SO15 8AZ', 'SO15 2PU', 'challenging-behaviour', '', 'physical-harm'],
  ['DEMO-B011', 'female', 'C1', 11, 60, 'SO14 6PB', 'SO14 0YG', 'missing mental-health', 'going-missing', ''],
]
const REQUIREMENTS: Record<string, string> = {
  'DEMO-B001': 'To stay at her school in Shirley and keep weekly CAMHS sessions.',
  'DEMO-B002': 'Needs help to prepare for independence at 18; college place in Southampton.',
  'DEMO-B003': 'Contact with her younger brother every week; missing-from-care protocol.',
  'DEMO-B004': 'Keep away from the city centre groups he was exploited by; education with a tutor at first.',
  'DEMO-B005': 'Wants to go home to her mother; family time twice a week.',
  'DEMO-B006': 'A predictable routine and a quiet bedroom; speech and language therapy.',
  'DEMO-B007': 'Eating disorder plan agreed with CAMHS; stay at her secondary school.',
  'DEMO-B008': 'Fire-setting risk plan; staff to accompany him to football on Saturdays.',
  'DEMO-B009': 'Safety plan shared with Hampshire and Isle of Wight Constabulary.',
  'DEMO-B010': 'Plan to move to his uncle in Eastleigh once assessed.',
  'DEMO-B011': 'Keep her in the same school as her sister.',
}

const codes = (list: string) => list.split(' ').filter(Boolean)

/** A child's plan from its row; the child service checks every code when the record is made. */
function childOf([
  caseReference,
  sex,
  legalStatus,
  years,
  days,
  homePostcode,
  schoolPostcode,
  needs,
  toChild,
  toOthers,
]: ChildRow): ChildPlan {
  return {
    caseReference,
    sex,
    legalStatus,
    ageAtStart: [years, days],
    homePostcode,
    schoolPostcode,
    needs: codes(needs) as ChildPlan['needs'],
    risksToChild: codes(toChild) as ChildPlan['risksToChild'],
    risksToOthers: codes(toOthers) as ChildPlan['risksToOthers'],
    requirements: REQUIREMENTS[caseReference] ?? null,
  }
}
const CHILDREN = new Map(CHILD_ROWS.map((row) => [row[0], childOf(row)]))
const kid = (caseReference: string): ChildPlan => CHILDREN.get(caseReference)!

/** The first contract (by reference): a held bed, a release, a provider's refusal and a staffing gap. */
const FIRST: ContractPlan = {
  stays: [
    {
      child: kid('DEMO-B001'),
      bed: 0,
      from: 10,
      to: 400,
      ending: { rec: 'E4A', planned: 'planned' },
      assessment: assess('Settled well on an introductory visit; will share with two older girls.'),
    },
    {
      child: kid('DEMO-B006'),
      bed: 0,
      from: 431,
      to: null,
      assessment: assess('Needs a quiet room at the end of the corridor; staff briefed on his routine.'),
    },
    {
      child: kid('DEMO-B004'),
      bed: 1,
      from: 135,
      to: 300,
      ending: { rec: 'X1', placeChange: 'CREQB', planned: 'unplanned' },
      assessment: assess('Exploitation risk reviewed with the police; one-to-one staffing for the first four weeks.'),
    },
    {
      child: kid('DEMO-B008'),
      bed: 1,
      from: 341,
      to: null,
      assessment: assess('Fire-setting risk plan agreed; no lighters or matches in the home.'),
    },
    {
      child: kid('DEMO-B002'),
      bed: 2,
      from: 5,
      to: 560,
      ending: { rec: 'E5', planned: 'planned' },
      assessment: assess('Substance misuse worker to visit weekly.'),
    },
    {
      child: kid('DEMO-B009'),
      bed: 2,
      from: 615,
      to: null,
      assessment: assess('Safety plan in place; staff trained in contextual safeguarding.'),
    },
  ],
  events: [
    { kind: 'held', bed: 0, from: 3, to: 9, note: 'Held for the planned admission of a girl from a foster placement ending.' },
    { kind: 'released', bed: 1, from: 45, to: 119, note: 'Offered to Portsmouth City Council after 28 days empty.' },
    {
      kind: 'empty-cause',
      bed: 1,
      from: 120,
      cause: 'no-compatible-match',
      note: 'Two referrals this month, neither compatible with the children living there.',
    },
    {
      kind: 'empty-cause',
      bed: 1,
      from: 301,
      cause: 'provider-declined',
      note: 'The home declined a 15-year-old after its impact risk assessment.',
    },
    {
      kind: 'unavailable',
      bed: 2,
      from: 561,
      to: 600,
      reason: 'staffing',
      note: 'Two care staff left; the home could not staff a third bed.',
    },
  ],
  lateReturn: 7,
  missingReturn: -1,
  noReport: [3, 15],
  agencyMonths: [17, 18, 19],
  missingSpikeMonth: 5,
}

/** The second contract: one child there the whole two years, repairs, an unplanned ending and a bed empty today. */
const SECOND: ContractPlan = {
  stays: [
    {
      child: kid('DEMO-B003'),
      bed: 0,
      from: 20,
      to: null,
      assessment: assess('Missing-from-care protocol agreed with the police before she arrives.'),
      visitsStopDaysBeforeToday: 110,
    },
    {
      child: kid('DEMO-B005'),
      bed: 1,
      from: 60,
      to: 250,
      ending: { rec: 'E4B', planned: 'unplanned' },
      assessment: assess('Family time twice a week at the contact centre.'),
    },
    {
      child: kid('DEMO-B007'),
      bed: 1,
      from: 331,
      to: 700,
      ending: { rec: 'E4A', planned: 'planned' },
      assessment: assess('Meal plan agreed with CAMHS; a member of staff trained in eating disorders on each shift.'),
    },
    {
      child: kid('DEMO-B010'),
      bed: 2,
      from: 31,
      to: 480,
      ending: { rec: 'E13', planned: 'planned' },
      assessment: assess('Boxing club twice a week; de-escalation plan agreed.'),
    },
    {
      child: kid('DEMO-B011'),
      bed: 2,
      from: 550,
      to: null,
      assessment: assess('Room next to the staff sleep-in room for the first month.'),
    },
  ],
  events: [
    { kind: 'unavailable', bed: 1, from: 251, to: 290, reason: 'repairs', note: 'Water damage to the bedroom after a burst pipe.' },
    {
      kind: 'empty-cause',
      bed: 2,
      from: 481,
      cause: 'provider-declined',
      note: 'The home declined a referral: the boy’s risks to younger children.',
    },
    { kind: 'held', bed: 2, from: 540, to: 549, note: 'Held for a planned move from a spot placement in Reading.' },
    {
      kind: 'empty-cause',
      bed: 1,
      from: 730,
      cause: 'no-compatible-match',
      note: 'The only referral was for a child needing a solo placement.',
    },
  ],
  lateReturn: 11,
  missingReturn: 14,
  noReport: [9],
  agencyMonths: [],
  missingSpikeMonth: 2,
}

export const CONTRACT_PLANS: readonly ContractPlan[] = [FIRST, SECOND]
