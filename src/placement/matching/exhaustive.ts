// Every allocation of a small problem, tried one by one: the reference the solver is tested against.
import type { MatchProblem } from './types.js'

/** The least total (scaled units) over every allocation; only for a handful of children. */
export function exhaustiveMinimum(problem: MatchProblem): number {
  const { children: n, capacities, rowStart, arcHome, arcCost, unassignedCost: U } = problem
  if (n > 10) throw new RangeError(`exhaustive search of ${n} children would take too long`)
  const left = Int32Array.from(capacities)
  let best = Infinity
  const visit = (i: number, sum: number): void => {
    if (i === n) {
      if (sum < best) best = sum
      return
    }
    visit(i + 1, sum + U)
    for (let a = rowStart[i]!; a < rowStart[i + 1]!; a++) {
      const j = arcHome[a]!
      if (left[j]! === 0) continue
      left[j]!--
      visit(i + 1, sum + arcCost[a]!)
      left[j]!++
    }
  }
  visit(0, 0)
  return best
}
