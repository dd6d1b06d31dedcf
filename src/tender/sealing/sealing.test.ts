import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { ConfigError, loadConfig } from '../../platform/config.js'
import { binding, newDataKey, seal, unseal, unwrapDataKey, wrapDataKey } from './bidCipher.js'
import { bidMasterKeyFor, readOrCreateKeyFile } from './masterKey.js'

test('sealed content opens only with its key and its binding, and any changed bit is detected', () => {
  const key = newDataKey()
  const plain = Buffer.from('{"pricePencePerBedWeek":487913}')
  const sealed = seal(key, binding.bid('t1', 'b1'), plain)
  assert.ok(!Buffer.from(sealed.ciphertext, 'base64').includes(plain))
  assert.deepEqual(unseal(key, binding.bid('t1', 'b1'), sealed), plain)
  // Copied onto another bid's row, it does not open.
  assert.throws(() => unseal(key, binding.bid('t1', 'b2'), sealed))
  assert.throws(() => unseal(newDataKey(), binding.bid('t1', 'b1'), sealed))
  const flipped = Buffer.from(sealed.ciphertext, 'base64')
  flipped[0]! ^= 1
  assert.throws(() => unseal(key, binding.bid('t1', 'b1'), { ...sealed, ciphertext: flipped.toString('base64') }))
  // Two seals of the same content differ (a fresh IV each time).
  assert.notEqual(seal(key, 'x', plain).ciphertext, seal(key, 'x', plain).ciphertext)
})

test('a tender key is wrapped by the master key and bound to its tender', () => {
  const master = randomBytes(32)
  const dataKey = newDataKey()
  const wrapped = wrapDataKey(master, 'tender-1', dataKey)
  assert.deepEqual(unwrapDataKey(master, 'tender-1', wrapped), dataKey)
  assert.throws(() => unwrapDataKey(master, 'tender-2', wrapped))
  assert.throws(() => unwrapDataKey(randomBytes(32), 'tender-1', wrapped))
  assert.throws(() => wrapDataKey(randomBytes(16), 'tender-1', dataKey), /32 bytes/)
})

test('BID_MASTER_KEY: required in production, checked when given, and otherwise kept in a 0600 file beside the database', () => {
  const prod = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), DATABASE_URL: 'postgres://db/placewise' }
  assert.throws(
    () => loadConfig(prod),
    (e: unknown) => e instanceof ConfigError && /BID_MASTER_KEY/.test(e.message),
  )
  assert.throws(() => loadConfig({ ...prod, BID_MASTER_KEY: randomBytes(16).toString('base64') }), /32 random bytes/)
  const key = randomBytes(32)
  const config = loadConfig({ ...prod, BID_MASTER_KEY: key.toString('base64') })
  assert.deepEqual(config.bidMasterKey, key)
  assert.deepEqual(bidMasterKeyFor(config), key)

  const dir = mkdtempSync(join(tmpdir(), 'placewise-key-'))
  try {
    const dev = loadConfig({ NODE_ENV: 'development', SQLITE_PATH: join(dir, 'placewise.db') })
    assert.equal(dev.bidMasterKey, null)
    const first = bidMasterKeyFor(dev)
    const file = join(dir, 'bid-master.key')
    assert.equal(statSync(file).mode & 0o777, 0o600)
    assert.deepEqual(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'), first)
    assert.deepEqual(bidMasterKeyFor(dev), first) // the same key next time
    assert.deepEqual(readOrCreateKeyFile(file), first)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
