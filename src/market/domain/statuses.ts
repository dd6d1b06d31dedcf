/** The states of a home, a bed and a framework membership, with their labels and GOV.UK tag colours. */

export const HOME_STATUSES = ['active', 'suspended', 'closed'] as const
export type HomeStatus = (typeof HOME_STATUSES)[number]

export const BED_STATUSES = ['vacant', 'occupied', 'unavailable'] as const
export type BedStatus = (typeof BED_STATUSES)[number]

export const MEMBERSHIP_STATUSES = ['active', 'suspended', 'withdrawn'] as const
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number]

export const SEXES_ACCEPTED = ['mixed', 'male', 'female'] as const
export type SexesAccepted = (typeof SEXES_ACCEPTED)[number]

export const LOCATION_PRECISIONS = ['unit', 'sector', 'district', 'none'] as const
export type LocationPrecision = (typeof LOCATION_PRECISIONS)[number]

type Tag = { text: string; classes: string }

const HOME: Record<HomeStatus, Tag> = {
  active: { text: 'Open', classes: 'govuk-tag--green' },
  suspended: { text: 'Suspended', classes: 'govuk-tag--orange' },
  closed: { text: 'Closed', classes: 'govuk-tag--grey' },
}
const BED: Record<BedStatus, Tag> = {
  vacant: { text: 'Vacant', classes: 'govuk-tag--green' },
  occupied: { text: 'Occupied', classes: 'govuk-tag--blue' },
  unavailable: { text: 'Unavailable', classes: 'govuk-tag--grey' },
}
const MEMBERSHIP: Record<MembershipStatus, Tag> = {
  active: { text: 'Active', classes: 'govuk-tag--green' },
  suspended: { text: 'Suspended', classes: 'govuk-tag--orange' },
  withdrawn: { text: 'Withdrawn', classes: 'govuk-tag--grey' },
}
export const SEXES_LABELS: Record<SexesAccepted, string> = { mixed: 'Boys and girls', male: 'Boys only', female: 'Girls only' }

const unknown = (value: string): Tag => ({ text: value, classes: 'govuk-tag--grey' })

export const homeStatusTag = (s: string): Tag => HOME[s as HomeStatus] ?? unknown(s)
export const bedStatusTag = (s: string): Tag => BED[s as BedStatus] ?? unknown(s)
export const membershipStatusTag = (s: string): Tag => MEMBERSHIP[s as MembershipStatus] ?? unknown(s)
