/**
 * A panel allocation problem, ready for the solver: children against homes with free beds, the allowed
 * pairs as compressed rows (one row per child), every cost already a whole number of `1 / scale` units so
 * that the solver's sums are exact (see ADR 0011).
 */
export type MatchProblem = {
  children: number
  /** Free beds per home. */
  capacities: Int32Array
  /** Child i's allowed pairs are arcs rowStart[i] … rowStart[i + 1] - 1. */
  rowStart: Int32Array
  /** The home of each arc. */
  arcHome: Int32Array
  /** The cost of each arc, in whole units of 1 / scale. */
  arcCost: Float64Array
  /** The cost of leaving one child unplaced, in whole units of 1 / scale. */
  unassignedCost: number
  /** 10^k: the input's costs are exact decimals with at most k places. */
  scale: number
}

/** An optimal allocation, with the dual prices that prove it optimal. */
export type MatchSolution = {
  /** The home of each child, or -1 when the child stays unplaced. */
  assignment: Int32Array
  /** The total cost, in whole units of 1 / scale. */
  total: number
  /** u[i]: what placing child i is worth at the optimum (never more than the unplaced cost). */
  childValue: Float64Array
  /** p[j] ≥ 0: the shadow price of a bed in home j (0 while it has a free bed). */
  homePrice: Float64Array
}

/** What `placewise match` writes. */
export type MatchOutput = { assignment: (number | null)[]; total: number }
