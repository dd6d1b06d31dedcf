/**
 * What the contract room and the placement room ask of each other. Rooms talk through these
 * functions, never through each other's tables. Dates are ISO 'YYYY-MM-DD', inclusive; money is
 * integer pence. Each function that takes `tx` runs inside the caller's transaction.
 */
import type { Actor } from '../platform/auth/actor.js'
import type { Db } from '../platform/db/database.js'

// ——— Asked of the contract room (implemented in src/contract/register and src/contract/ledger) ———

/** How a bed is bought on a date: the council's own (in-house) or reserved by a block contract. Spot beds are absent. */
export type BedRoute = {
  bedId: string
  homeId: string
  route: 'in-house' | 'block'
  contractId: string
  contractReference: string
  /** The price in force on the date (for core-and-placement, core fee plus placement fee). */
  weeklyPricePence: number
}

/** Why a reserved bed stood empty: who bears the cost depends on it. */
export const EMPTY_CAUSES = ['no-referral', 'no-compatible-match', 'provider-declined', 'provider-unavailable'] as const
export type EmptyCause = (typeof EMPTY_CAUSES)[number]
export const EMPTY_CAUSE_LABELS: Record<EmptyCause, string> = {
  'no-referral': 'No referral',
  'no-compatible-match': 'No compatible match',
  'provider-declined': 'Provider declined',
  'provider-unavailable': 'Provider unavailable',
}

export type EmptyBedCause = {
  bedId: string
  /** The first day the cause applies; it applies until the bed is next occupied, held or given another cause. */
  fromDate: string
  cause: EmptyCause
  referralId: string | null
  note: string | null
}

export type ContractPort = {
  /** Every in-house or block bed reserved on the date, with its contract and price. */
  bedRoutes(tx: Db, onDate: string): Promise<Map<string, BedRoute>>
  /** Records why a reserved empty bed was not used (e.g. the child went elsewhere); audited. */
  recordEmptyBedCause(tx: Db, actor: Actor, cause: EmptyBedCause): Promise<void>
}

// ——— Asked of the placement room (implemented in src/placement/ports) ———

/** One placement's stay in a bed, as the ledger needs it: no personal data beyond the ids. */
export type BedOccupancy = {
  placementId: string
  bedId: string
  homeId: string
  childId: string
  route: 'in-house' | 'block' | 'spot'
  contractId: string | null
  weeklyPricePence: number
  startDate: string
  /** The last night in the bed is the day before; null while open. */
  endDate: string | null
}

/** A spot placement with the needs that make it comparable to a block bed (for the spot benchmark and spot fees). */
export type SpotPlacementCost = BedOccupancy & { providerId: string; needs: string[]; categories: string[] }

/** The outcomes of the children placed under a contract, for the extension decision pack. */
export type PlacementOutcomes = {
  placements: number
  children: number
  endedUnplanned: number
  /** Share of placements within 20 miles of the child's home, DfE formula; null if none located. */
  within20MilesShare: number | null
  medianMilesFromHome: number | null
  /** Placements lasting (or having lasted) 2 years or more, and the average length in days. */
  lastedTwoYears: number
  averageDays: number | null
}

export type PlacementPort = {
  /** Every placement in any of the beds that overlaps [from, to]. */
  occupancyOfBeds(tx: Db, bedIds: readonly string[], from: string, to: string): Promise<BedOccupancy[]>
  /** Every spot placement overlapping [from, to]. */
  spotPlacements(tx: Db, from: string, to: string): Promise<SpotPlacementCost[]>
  /** Outcomes of the placements made under the contract up to the date. */
  outcomesForContract(tx: Db, contractId: string, upTo: string): Promise<PlacementOutcomes>
}
