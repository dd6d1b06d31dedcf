import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import type { Rag } from '../../api.js'
import { ragOf, summarise, type Target } from './rag.js'

const RANK: Record<Rag, number> = { green: 0, amber: 1, red: 2, none: 3 }

const target = fc.record({
  direction: fc.constantFrom('at-most' as const, 'at-least' as const),
  target: fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
  amberMargin: fc.integer({ min: 0, max: 1_000 }).map((n) => n / 100),
})
const value = fc.integer({ min: 0, max: 20_000 }).map((n) => n / 100)

test('RAG by example: at most 2 incidents with 1 of amber, at least 25 education hours with 3', () => {
  const incidents: Target = { direction: 'at-most', target: 2, amberMargin: 1 }
  assert.deepEqual(
    [0, 2, 2.5, 3, 3.01, 9, null].map((v) => ragOf(v, incidents)),
    ['green', 'green', 'amber', 'amber', 'red', 'red', 'none'],
  )
  const education: Target = { direction: 'at-least', target: 25, amberMargin: 3 }
  assert.deepEqual(
    [30, 25, 24.9, 22, 21.9, 0].map((v) => ragOf(v, education)),
    ['green', 'green', 'amber', 'amber', 'red', 'red'],
  )
  // Decimal margins land where a person expects them: 0.1 + 0.2 is amber at 0.3.
  assert.equal(ragOf(0.3, { direction: 'at-most', target: 0.1, amberMargin: 0.2 }), 'amber')
  assert.equal(ragOf(Number.NaN, incidents), 'none')
})

test('green exactly when the target is met; never amber without a margin', () => {
  fc.assert(
    fc.property(target, value, (t, v) => {
      const meets = t.direction === 'at-most' ? v <= t.target : v >= t.target
      assert.equal(ragOf(v, t) === 'green', meets)
      assert.notEqual(ragOf(v, { ...t, amberMargin: 0 }), 'amber')
    }),
  )
})

test('a worse value never rates better, and a wider margin never rates worse', () => {
  fc.assert(
    fc.property(target, value, value, fc.integer({ min: 0, max: 500 }), (t, a, b, extra) => {
      const [better, worse] = t.direction === 'at-most' ? [Math.min(a, b), Math.max(a, b)] : [Math.max(a, b), Math.min(a, b)]
      assert.ok(RANK[ragOf(better, t)] <= RANK[ragOf(worse, t)])
      assert.ok(RANK[ragOf(a, { ...t, amberMargin: t.amberMargin + extra / 100 })] <= RANK[ragOf(a, t)])
    }),
  )
})

test('at least is at most mirrored: rating -v against -target is the same', () => {
  fc.assert(
    fc.property(target, value, (t, v) => {
      const mirrored: Target = {
        direction: t.direction === 'at-most' ? 'at-least' : 'at-most',
        target: -t.target,
        amberMargin: t.amberMargin,
      }
      assert.equal(ragOf(-v, mirrored), ragOf(v, t))
    }),
  )
})

test('a summary counts every month, takes the latest month with a value, and the mean of those', () => {
  const months = ['2026-01', '2026-02', '2026-03', '2026-04']
  const s = summarise(months, [1, null, 4, null], ['green', 'none', 'red', 'none'])
  assert.deepEqual(s.counts, { green: 1, amber: 0, red: 1, none: 2 })
  assert.deepEqual(s.latest, { month: '2026-03', value: 4, rag: 'red' })
  assert.equal(s.mean, 2.5)
  assert.deepEqual(summarise([], [], []), { counts: { green: 0, amber: 0, red: 0, none: 0 }, latest: null, mean: null })
})

test('summary counts always add up to the months, and the mean lies between the extremes', () => {
  fc.assert(
    fc.property(fc.array(fc.option(value, { nil: null }), { maxLength: 40 }), target, (values, t) => {
      const months = values.map((_, i) => `2026-${String((i % 12) + 1).padStart(2, '0')}`)
      const s = summarise(
        months,
        values,
        values.map((v) => ragOf(v, t)),
      )
      assert.equal(s.counts.green + s.counts.amber + s.counts.red + s.counts.none, values.length)
      const present = values.filter((v): v is number => v !== null)
      assert.equal(s.counts.none, values.length - present.length)
      if (present.length === 0) assert.equal(s.mean, null)
      else {
        assert.ok(s.mean! >= Math.min(...present) - 0.005 && s.mean! <= Math.max(...present) + 0.005)
        assert.equal(s.latest?.value, present.at(-1))
      }
    }),
  )
})
