import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { runCli } from '../support/cli.js'

const dir = mkdtempSync(join(tmpdir(), 'placewise-award-'))
after(() => rmSync(dir, { recursive: true, force: true }))

const bids = [
  { id: 'B1', provider: 'P1', beds: 4, pricePencePerBedWeek: 520000, score: 81.25, submittedAt: '2026-01-10T12:00:00Z' },
  { id: 'B2', provider: 'P2', beds: 2, pricePencePerBedWeek: 480000, score: 77, submittedAt: '2026-01-10T11:00:00Z' },
  { id: 'B3', provider: 'P3', beds: 3, pricePencePerBedWeek: 500000, score: 79, submittedAt: '2026-01-10T10:00:00Z' },
]
const input = { rule: 'optimal', bedsMin: 3, bedsMax: 6, maxProviders: 2, budgetPencePerWeek: null, fillToMax: false, bids }

function award(name: string, json: unknown | string) {
  const file = join(dir, `${name}.json`)
  const out = join(dir, `${name}.out.json`)
  writeFileSync(file, typeof json === 'string' ? json : JSON.stringify(json))
  return { file, out, ...runCli(['tender', 'award', '--input', file, '--output', out], {}) }
}

test('`placewise tender award` writes the optimal award with its alternatives', () => {
  const r = award('optimal', input)
  assert.equal(r.status, 0, r.stderr)
  const written = JSON.parse(readFileSync(r.out, 'utf8'))
  assert.deepEqual(Object.keys(written), ['chosen', 'beds', 'weeklyCostPence', 'objective', 'alternatives'])
  assert.deepEqual([written.chosen, written.beds, written.weeklyCostPence, written.objective], [['B1', 'B2'], 6, 3_040_000, 479])
  assert.deepEqual(written.alternatives[0], {
    bidIds: ['B3', 'B2'],
    beds: 5,
    weeklyCostPence: 2_460_000,
    objective: 391,
    whyNotChosen: 'objective 391 is 88 lower (fewer beds × score)',
  })
  assert.match(r.stdout, /Award \(optimal\): B1, B2: 6 beds, £30,400 a week, objective 479/)
})

test('the rank rule is run by the same command', () => {
  const r = award('rank', { ...input, rule: 'rank' })
  assert.equal(r.status, 0, r.stderr)
  const written = JSON.parse(readFileSync(r.out, 'utf8'))
  assert.deepEqual(written.chosen, ['B1'])
  assert.equal(written.objective, 325)
})

test('an infeasible or malformed input exits 1 with a clear message and writes nothing', () => {
  const infeasible = award('infeasible', { ...input, bedsMin: 10, bedsMax: 12 })
  assert.equal(infeasible.status, 1)
  assert.match(infeasible.stderr, /infeasible\.json: no award is possible: no combination of bids meets the rule: at most 2 providers/)
  assert.equal(existsSync(infeasible.out), false)

  const malformed = award('malformed', { ...input, bids: [bids[0], { ...bids[1], beds: 'two' }] })
  assert.equal(malformed.status, 1)
  assert.match(malformed.stderr, /malformed\.json: bids\[1\]\.beds: must be a whole number of 1 or more/)

  const notJson = award('broken', '{"rule": "optimal",')
  assert.equal(notJson.status, 1)
  assert.match(notJson.stderr, /broken\.json: not valid JSON/)

  const missing = runCli(['tender', 'award', '--input', join(dir, 'nowhere.json'), '--output', join(dir, 'x.json')], {})
  assert.equal(missing.status, 1)
  assert.match(missing.stderr, /nowhere\.json: no such file/)
})
