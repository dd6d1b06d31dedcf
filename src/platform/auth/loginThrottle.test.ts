import assert from 'node:assert/strict'
import { test } from 'node:test'
import { afterFailedLogin, createAddressLimiter, isLocked, MAX_FAILED_LOGINS } from './loginThrottle.js'

test('the fifth failure locks the account for fifteen minutes', () => {
  const now = new Date('2026-01-01T09:00:00Z')
  let state = { failed_logins: 0, locked_until: null as string | null }
  for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
    state = afterFailedLogin(state.failed_logins, now)
    assert.equal(state.locked_until, null)
  }
  state = afterFailedLogin(state.failed_logins, now)
  assert.equal(state.locked_until, '2026-01-01T09:15:00.000Z')
  assert.equal(isLocked(state.locked_until, new Date('2026-01-01T09:14:59Z')), true)
  assert.equal(isLocked(state.locked_until, new Date('2026-01-01T09:15:01Z')), false)
})

test('an address is limited within its window and freed after it', () => {
  let t = 0
  const limiter = createAddressLimiter(3, 1000, () => t)
  assert.deepEqual(
    [1, 2, 3, 4].map(() => limiter.allow('a')),
    [true, true, true, false],
  )
  assert.equal(limiter.allow('b'), true)
  t = 1001
  assert.equal(limiter.allow('a'), true)
})
