import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { canonicalJson, chainHash, findChainBreak, GENESIS_HASH, type AuditFields } from './hashChain.js'

function chain(fields: AuditFields[]) {
  let prev = GENESIS_HASH
  return fields.map((f, i) => {
    const hash = chainHash(prev, f)
    const row = { ...f, seq: i + 1, prev_hash: prev, hash }
    prev = hash
    return row
  })
}

const fieldsArb = fc.record({
  at: fc.constant('2026-01-01T00:00:00.000Z'),
  actor_user_id: fc.option(fc.uuid(), { nil: null }),
  actor_label: fc.string(),
  action: fc.constantFrom('create', 'update', 'read'),
  entity_type: fc.constantFrom('home', 'provider', 'child'),
  entity_id: fc.string({ minLength: 1 }),
  before_json: fc.option(fc.json(), { nil: null }),
  after_json: fc.option(fc.json(), { nil: null }),
})

test('any untouched chain verifies; changing any one field of any row is found at that row', () => {
  fc.assert(
    fc.property(
      fc.array(fieldsArb, { minLength: 1, maxLength: 12 }),
      fc.nat(),
      fc.constantFrom<keyof AuditFields>('actor_label', 'action', 'entity_id', 'after_json'),
      (rows, pick, field) => {
        const c = chain(rows)
        assert.equal(findChainBreak(c), null)
        const i = pick % c.length
        const edited = c.map((r) => ({ ...r }))
        edited[i] = { ...edited[i]!, [field]: `${String(edited[i]![field])}x` }
        assert.deepEqual(findChainBreak(edited), { seq: i + 1, reason: 'edited' })
      },
    ),
  )
})

test('canonical JSON ignores key order', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: 2, c: 3 } }), canonicalJson({ a: { c: 3, d: 2 }, b: 1 }))
  assert.equal(canonicalJson(undefined), null)
})
