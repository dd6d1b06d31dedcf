import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { runCli } from '../support/cli.js'

const dir = mkdtempSync(join(tmpdir(), 'placewise-match-'))
after(() => rmSync(dir, { recursive: true, force: true }))

function run(name: string, json: unknown) {
  const file = join(dir, `${name}.json`)
  const out = join(dir, `${name}.out.json`)
  writeFileSync(file, typeof json === 'string' ? json : JSON.stringify(json))
  return { out, ...runCli(['match', '--input', file, '--output', out], {}) }
}

test('`placewise match` writes the exact least-cost allocation, dense or sparse, and the same for both', () => {
  const costs = [
    [5, 9, null],
    [4, null, 30],
    [null, 2, 8.5],
    [3, 3, null],
  ]
  const dense = run('dense', { capacities: [1, 1, 2], costs, unassignedCost: 20 })
  assert.equal(dense.status, 0, dense.stderr)
  assert.deepEqual(JSON.parse(readFileSync(dense.out, 'utf8')), { assignment: [null, 0, 2, 1], total: 35.5 })
  assert.match(dense.stdout, /Allocated 3 of 4 children \(1 unplaced\), total 35\.5/)

  const arcs = costs.flatMap((row, i) => row.flatMap((c, j) => (c === null ? [] : [[i, j, c]])))
  const sparse = run('sparse', { children: 4, capacities: [1, 1, 2], arcs, unassignedCost: 20 })
  assert.equal(sparse.status, 0, sparse.stderr)
  assert.deepEqual(JSON.parse(readFileSync(sparse.out, 'utf8')), { assignment: [null, 0, 2, 1], total: 35.5 })
})

// Each run starts Node and tsx afresh (seconds on a loaded machine), so the other refusals (duplicate
// arcs, ranges, decimals…) are checked in-process by src/placement/matching/parse.test.ts.
test('malformed or inconsistent input exits 1 with a message naming the field, and writes nothing', () => {
  const ragged = run('ragged', { capacities: [1, 1], costs: [[1, 2], [3]], unassignedCost: 5 })
  assert.equal(ragged.status, 1)
  assert.match(ragged.stderr, /ragged\.json: costs\[1\]: has 1 entries; expected 2, one per home in capacities/)
  assert.equal(existsSync(ragged.out), false)
})
