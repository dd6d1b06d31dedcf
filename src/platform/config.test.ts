import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ConfigError, loadConfig } from './config.js'

test('development defaults: embedded SQLite, the demo council, port 3000', () => {
  const c = loadConfig({})
  assert.deepEqual(c.database, { kind: 'sqlite', path: './data/placewise.db' })
  assert.equal(c.port, 3000)
  assert.equal(c.council.onsCode, 'E06000045')
  assert.ok(c.sessionSecret.length >= 32)
})

test('DATABASE_URL switches to PostgreSQL', () => {
  assert.deepEqual(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/d' }).database, { kind: 'postgres', url: 'postgres://u@h:5432/d' })
})

test('production fails fast, naming every missing setting', () => {
  assert.throws(
    () => loadConfig({ NODE_ENV: 'production' }),
    (err: unknown) => {
      assert.ok(err instanceof ConfigError)
      assert.match(err.message, /SESSION_SECRET/)
      assert.match(err.message, /DATABASE_URL/)
      return true
    },
  )
})

test('a bad value names its setting', () => {
  assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT/)
  assert.throws(() => loadConfig({ COUNCIL_ONS_CODE: 'Southampton' }), /COUNCIL_ONS_CODE/)
  assert.throws(() => loadConfig({ SESSION_SECRET: 'short' }), /SESSION_SECRET/)
})
