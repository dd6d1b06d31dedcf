// An independent proof that an allocation is optimal: the LP duals the solver returns must be
// feasible and complementary to it, and then the dual objective equals the allocation's total.
import type { MatchProblem, MatchSolution } from './types.js'

/** Every way the solution fails to be a valid, provably optimal allocation; empty when it is both. */
export function optimalityProblems(problem: MatchProblem, solution: MatchSolution): string[] {
  const { children: n, capacities, rowStart, arcHome, arcCost, unassignedCost: U } = problem
  const { assignment, childValue: u, homePrice: p } = solution
  const out: string[] = []
  const load = new Int32Array(capacities.length)
  let primal = 0
  for (let i = 0; i < n; i++) {
    if (!(u[i]! <= U)) out.push(`child ${i}: value ${u[i]} exceeds the unplaced cost ${U}`)
    const j = assignment[i]!
    let chosen = j < 0
    for (let a = rowStart[i]!; a < rowStart[i + 1]!; a++) {
      const h = arcHome[a]!
      const reduced = arcCost[a]! + p[h]! - u[i]!
      if (reduced < 0) out.push(`child ${i}, home ${h}: reduced cost ${reduced} < 0`)
      if (h === j) {
        chosen = true
        primal += arcCost[a]!
        if (reduced !== 0) out.push(`child ${i}, home ${h}: chosen with reduced cost ${reduced} ≠ 0`)
      }
    }
    if (!chosen) out.push(`child ${i}: placed in home ${j}, a forbidden pair`)
    if (j < 0) {
      primal += U
      if (u[i] !== U) out.push(`child ${i}: unplaced but valued ${u[i]} ≠ ${U}`)
    } else load[j]!++
  }
  let dual = 0
  for (let i = 0; i < n; i++) dual += u[i]!
  for (let j = 0; j < capacities.length; j++) {
    if (load[j]! > capacities[j]!) out.push(`home ${j}: ${load[j]} children in ${capacities[j]} beds`)
    if (!(p[j]! >= 0)) out.push(`home ${j}: price ${p[j]} < 0`)
    if (p[j]! > 0 && load[j]! < capacities[j]!) out.push(`home ${j}: priced ${p[j]} with a free bed`)
    dual -= capacities[j]! * p[j]!
  }
  if (primal !== solution.total) out.push(`total ${solution.total} ≠ the allocation's cost ${primal}`)
  if (out.length === 0 && primal !== dual) out.push(`primal ${primal} ≠ dual ${dual}`)
  return out
}
