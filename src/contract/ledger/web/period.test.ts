import assert from 'node:assert/strict'
import { test } from 'node:test'
import { periodFrom } from './period.js'

test('a chosen period: none when blank, checked dates otherwise, each problem on its control', () => {
  assert.equal(periodFrom({}).period, undefined)
  assert.deepEqual(periodFrom({ from: '2026-01-01', to: '2026-01-31' }).period, { from: '2026-01-01', to: '2026-01-31' })
  assert.deepEqual(Object.keys(periodFrom({ from: '2026-02-30', to: 'soon' }).errors.byField), ['from', 'to'])
  const backwards = periodFrom({ from: '2026-02-01', to: '2026-01-01' })
  assert.equal(backwards.period, undefined)
  assert.match(backwards.errors.byField.to!.text, /on or after the first day/)
})
