import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { optimalityProblems } from './certificate.js'
import { exhaustiveMinimum } from './exhaustive.js'
import { match } from './match.js'
import { parseMatchInput } from './parse.js'
import { pairCost, solveMatch } from './solve.js'
import type { MatchProblem } from './types.js'

const dense = (capacities: number[], costs: (number | null)[][], unassignedCost: number) =>
  parseMatchInput({ capacities, costs, unassignedCost })

/** The solution is a valid allocation whose cost is its stated total, and the duals prove it optimal. */
function assertOptimal(problem: MatchProblem): number {
  const solution = solveMatch(problem)
  assert.deepEqual(optimalityProblems(problem, solution), [])
  let total = 0
  const load = new Array<number>(problem.capacities.length).fill(0)
  solution.assignment.forEach((j, i) => {
    if (j < 0) total += problem.unassignedCost
    else {
      total += pairCost(problem, i, j) // throws on a forbidden pair
      load[j]!++
    }
  })
  load.forEach((l, j) => assert.ok(l <= problem.capacities[j]!, `home ${j} over capacity`))
  assert.equal(total, solution.total)
  return total
}

describe('panel allocation solver', () => {
  it('places each child where the whole panel costs least, not where each child is cheapest first', () => {
    // Child 0 alone would take home 0 (1 < 2); but child 1 needs home 0 badly (1 vs 10): 2 + 1 beats 1 + 10.
    const p = dense(
      [1, 1],
      [
        [1, 2],
        [1, 10],
      ],
      100,
    )
    assert.deepEqual(match(p), { assignment: [1, 0], total: 3 })
    assert.equal(assertOptimal(p), 3)
  })

  it('leaves a child unplaced when every bed left would cost more than U, and displaces along long chains', () => {
    const p = dense(
      [1, 1, 2],
      [
        [5, 9, null],
        [4, null, 30],
        [null, 2, 8],
        [3, 3, null],
      ],
      20,
    )
    // Only two of homes 0 and 1's beds for children 0, 1 and 3 (home 2 is dear for child 1, barred for 0
    // and 3): leaving child 0 out (20) and giving 1, 3 and 2 their cheapest beds beats every other way.
    assert.deepEqual(match(p), { assignment: [null, 0, 2, 1], total: 35 })
    assert.equal(exhaustiveMinimum(p), 35)
    assert.equal(assertOptimal(p), 35)
  })

  it('counts capacity: a home of 3 beds takes three children, a home of 0 none', () => {
    const p = dense(
      [3, 0],
      [
        [1, 0],
        [1, 0],
        [1, 0],
        [1, 0],
      ],
      5,
    )
    assert.deepEqual(match(p), { assignment: [0, 0, 0, null], total: 8 })
  })

  it('keeps decimal costs exact: 0.1 + 0.2 totals 0.3', () => {
    const p = dense(
      [1, 1],
      [
        [0.1, null],
        [null, 0.2],
      ],
      1.5,
    )
    assert.equal(p.scale, 10)
    assert.deepEqual(match(p), { assignment: [0, 1], total: 0.3 })
  })

  it('handles negative costs, no homes and no children', () => {
    assert.deepEqual(match(dense([1], [[-4], [-6]], 0)), { assignment: [null, 0], total: -6 })
    assert.deepEqual(match(dense([], [[], []], 7)), { assignment: [null, null], total: 14 })
    assert.deepEqual(match(dense([2], [], 7)), { assignment: [], total: 0 })
  })

  it('equals an exhaustive search on random small instances (forbidden pairs, ties, capacities 0–3), with duals that prove it', () => {
    const instance = fc
      .record({ children: fc.integer({ min: 0, max: 7 }), homes: fc.integer({ min: 0, max: 4 }) })
      .chain(({ children, homes }) =>
        fc.record({
          capacities: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: homes, maxLength: homes }),
          // Few distinct costs, so ties are common; null is a forbidden pair.
          costs: fc.array(
            fc.array(fc.option(fc.integer({ min: -3, max: 12 }), { nil: null, freq: 3 }), { minLength: homes, maxLength: homes }),
            {
              minLength: children,
              maxLength: children,
            },
          ),
          unassignedCost: fc.integer({ min: 0, max: 10 }),
          tenths: fc.boolean(),
        }),
      )
    fc.assert(
      fc.property(instance, ({ capacities, costs, unassignedCost, tenths }) => {
        const k = tenths ? 10 : 1
        const p = dense(
          capacities,
          costs.map((r) => r.map((c) => (c === null ? null : c / k))),
          unassignedCost,
        )
        assert.equal(assertOptimal(p), exhaustiveMinimum(p))
      }),
      { numRuns: 400, seed: 20260111 },
    )
  })

  it('stays provably optimal on a larger random market with contention for beds', () => {
    let s = 7
    const rand = () => (s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32
    const homes = 40
    const capacities = Array.from({ length: homes }, () => Math.floor(rand() * 3))
    const costs = Array.from({ length: 120 }, () => Array.from({ length: homes }, () => (rand() < 0.4 ? null : Math.floor(rand() * 50))))
    const p = dense(capacities, costs, 45)
    assertOptimal(p)
  })
})
