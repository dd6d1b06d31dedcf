// From a parsed problem to what the command writes: the allocation and its exact total.
import { solveMatch } from './solve.js'
import type { MatchOutput, MatchProblem, MatchSolution } from './types.js'

/** The solution as the command writes it: home index or null per child, total in the input's units. */
export function matchOutput(problem: MatchProblem, solution: MatchSolution): MatchOutput {
  return {
    assignment: Array.from(solution.assignment, (j) => (j < 0 ? null : j)),
    // A whole number of 1/10^k units divided once: the nearest double to the exact decimal total.
    total: solution.total / problem.scale,
  }
}

/** Solves a parsed problem: the exact minimum-cost allocation. */
export function match(problem: MatchProblem): MatchOutput {
  return matchOutput(problem, solveMatch(problem))
}
