import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { UserInputError } from '../../platform/errors.js'
import { decimalsOf, parseMatchInput } from './parse.js'

const rejects = (json: unknown, message: RegExp) =>
  assert.throws(
    () => parseMatchInput(json, 'in.json'),
    (e: unknown) => e instanceof UserInputError && message.test(e.message),
  )

describe('match input', () => {
  it('reads the dense form into rows of allowed pairs', () => {
    const p = parseMatchInput({
      capacities: [2, 1],
      costs: [
        [3, null],
        [null, null],
        [1.25, 4],
      ],
      unassignedCost: 9,
    })
    assert.equal(p.children, 3)
    assert.deepEqual([...p.capacities], [2, 1])
    assert.deepEqual([...p.rowStart], [0, 1, 1, 3])
    assert.deepEqual([...p.arcHome], [0, 0, 1])
    assert.equal(p.scale, 100)
    assert.deepEqual([...p.arcCost], [300, 125, 400])
    assert.equal(p.unassignedCost, 900)
  })

  it('reads the sparse form, in any order, into the same rows', () => {
    const p = parseMatchInput({
      children: 3,
      capacities: [2, 1],
      arcs: [
        [2, 1, 4],
        [0, 0, 3],
        [2, 0, 1.25],
      ],
      unassignedCost: 9,
    })
    assert.deepEqual([...p.rowStart], [0, 1, 1, 3])
    assert.deepEqual([...p.arcHome].slice(0, 1), [0])
    assert.deepEqual([...p.arcHome.slice(1)].map((h, k) => [h, p.arcCost[1 + k]]).sort(), [
      [0, 125],
      [1, 400],
    ])
  })

  it('takes each cost as the decimal it prints as, to 6 places', () => {
    assert.deepEqual([0, 12, 0.1, 1.005, -2.5, 0.000001, 0.1 + 0.2].map(decimalsOf), [0, 0, 1, 3, 1, 6, -1])
  })

  it('names every problem by its JSON path', () => {
    const ok = {
      capacities: [1, 2],
      costs: [
        [1, 2],
        [3, null],
      ],
      unassignedCost: 5,
    }
    rejects([1, 2], /in\.json: \(the whole input\): must be a JSON object/)
    rejects({ capacities: [1], unassignedCost: 5 }, /costs: is required \(or give children and arcs instead\)/)
    rejects({ ...ok, arcs: [] }, /arcs: give either costs \(dense\) or children and arcs \(sparse\), not both/)
    rejects({ ...ok, capacites: [1] }, /capacites: is not a field of a match input/)
    rejects({ ...ok, costs: [[1, 2], [3]] }, /costs\[1\]: has 1 entries; expected 2, one per home in capacities/)
    rejects({ ...ok, costs: [[1, 2], 'x'] }, /costs\[1\]: must be a list of costs/)
    rejects({ ...ok, capacities: [1, -1] }, /capacities\[1\]: must be a whole number of free beds, 0 or more/)
    rejects({ ...ok, capacities: [1, 1.5] }, /capacities\[1\]: must be a whole number of free beds/)
    rejects(
      {
        ...ok,
        costs: [
          [1, '2'],
          [3, null],
        ],
      },
      /costs\[0\]\[1\]: must be a finite number \(or null where the pair is forbidden\)/,
    )
    rejects(
      {
        ...ok,
        costs: [
          [1, Infinity],
          [3, null],
        ],
      },
      /costs\[0\]\[1\]: must be a finite number/,
    )
    rejects(
      {
        ...ok,
        costs: [
          [1, 0.1234567],
          [3, null],
        ],
      },
      /costs\[0\]\[1\]: 0\.1234567 has more than 6 decimal places; round it/,
    )
    rejects({ capacities: [1], costs: [] }, /unassignedCost: is required/)
    rejects({ ...ok, unassignedCost: -1 }, /unassignedCost: must be a number, 0 or more/)
    rejects(
      {
        ...ok,
        costs: [
          [1e15, 2],
          [3, null],
        ],
      },
      /costs: costs up to 1000000000000000 .* too large to add up exactly/,
    )
  })

  it('refuses arcs out of range and duplicate pairs in the sparse form', () => {
    const ok = {
      children: 2,
      capacities: [1, 1],
      arcs: [
        [0, 0, 1],
        [1, 1, 2],
      ],
      unassignedCost: 5,
    }
    assert.equal(parseMatchInput(ok).children, 2)
    rejects({ ...ok, children: -1 }, /children: must be a whole number of children, 0 or more/)
    rejects(
      {
        ...ok,
        arcs: [
          [0, 0, 1],
          [2, 1, 2],
        ],
      },
      /arcs\[1\]\[0\]: must be a child index from 0 to 1 \(children is 2\)/,
    )
    rejects(
      {
        ...ok,
        arcs: [
          [0, 0, 1],
          [1, 2, 2],
        ],
      },
      /arcs\[1\]\[1\]: must be a home index from 0 to 1 \(capacities lists 2\)/,
    )
    rejects(
      {
        ...ok,
        arcs: [
          [0, 0, 1],
          [1, 1],
        ],
      },
      /arcs\[1\]: must be \[child, home, cost\]/,
    )
    rejects(
      {
        ...ok,
        arcs: [
          [0, 0, 1],
          [1, 1, null],
        ],
      },
      /arcs\[1\]\[2\]: must be a finite number/,
    )
    rejects(
      {
        ...ok,
        arcs: [
          [0, 1, 1],
          [1, 1, 2],
          [0, 1, 0.5],
        ],
      },
      /arcs\[2\]: repeats the pair child 0, home 1 \(also arcs\[0\]\); give each pair once/,
    )
  })
})
