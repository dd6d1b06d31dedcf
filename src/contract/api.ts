/**
 * What the contract room's parts ask of one another (the register's pages and the extension
 * pack show the ledger's value figures and the returns' scorecard). Money is integer pence,
 * dates ISO 'YYYY-MM-DD' inclusive.
 */
import type { EmptyCause } from './ports.js'

export type Period = { from: string; to: string }

/** The value figures for a contract (or the whole block) over a period: issue #4 §4. */
export type ContractValue = {
  period: Period
  /** Bed-days reserved in the period, and how each was spent. */
  reservedBedDays: number
  occupiedBedDays: number
  heldBedDays: number
  releasedBedDays: number
  unavailableBedDays: number
  emptyBedDays: number
  /** Occupied ÷ reserved, 0–1; null when nothing was reserved. */
  occupancy: number | null
  emptyByCause: { cause: EmptyCause; bedDays: number; costPence: number }[]
  /** What was (or falls to be) paid for the period: block fees less credits and deductions. */
  paidPence: number
  /** paidPence ÷ (occupiedBedDays ÷ 7); null when no bed was occupied. */
  costPerOccupiedBedWeekPence: number | null
  /** The lot's framework spot rate (mean over the contract's lots' active members), per bed-week. */
  frameworkSpotRatePence: number | null
  /** The council's actual spot placements of comparable needs in the period, mean weekly fee. */
  actualSpotRatePence: number | null
  actualSpotPlacements: number
  /** What the occupied bed-weeks would have cost at the spot benchmark, less what was paid: positive is a saving. */
  savingPence: number | null
}

export type Rag = 'red' | 'amber' | 'green' | 'none'

/**
 * The KPI scorecard for a contract: issue #4 §5. Months are 'YYYY-MM', oldest first, from the
 * contract's start to the last full month; values[i] and rag[i] are for months[i]
 * (docs/decisions/0015-provider-returns.md).
 */
export type Scorecard = {
  contractId: string
  months: string[]
  rows: {
    measure: string
    label: string
    direction: 'at-most' | 'at-least'
    target: number
    /** How far past the target is amber rather than red, in the measure's units. */
    amberMargin: number
    values: (number | null)[]
    rag: Rag[]
  }[]
  /** Open alerts: the judgement changed from `from` (null: nothing accepted before) to `to`, made `on`; raised at `raisedAt`. */
  ofstedAlerts: {
    id: string
    homeId: string
    homeName: string
    from: string | null
    to: string | null
    on: string | null
    raisedAt: string
  }[]
  /** Months whose return is past its due date and not submitted. */
  returnsMissing: string[]
}
