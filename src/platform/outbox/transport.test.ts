import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { ConfigError, loadConfig } from '../config.js'
import { exponentialBackoff } from './backoff.js'
import { createLogTransport, transportFromConfig } from './transport.js'

describe('mail transports and settings', () => {
  test('without SMTP_HOST, emails are written out rather than sent', async () => {
    const out: string[] = []
    await createLogTransport((t) => out.push(t)).send({ to: 'a@example.com', subject: 'Hello', text: 'Body text' })
    assert.match(out.join(''), /To: a@example\.com\nSubject: Hello\n\nBody text/)
    assert.equal(transportFromConfig(null).name, 'log')
    assert.equal(loadConfig({ NODE_ENV: 'test' }).smtp, null)
  })

  test('SMTP settings: defaults, TLS on 465, auth only with both user and password', () => {
    const base = { NODE_ENV: 'test', SMTP_HOST: 'mail.council.example', SMTP_FROM: 'Placewise <placewise@council.example>' } as const
    assert.deepEqual(loadConfig(base).smtp, {
      host: 'mail.council.example',
      port: 587,
      secure: false,
      from: 'Placewise <placewise@council.example>',
      auth: null,
    })
    assert.equal(loadConfig({ ...base, SMTP_PORT: '465' }).smtp?.secure, true)
    assert.equal(loadConfig({ ...base, SMTP_PORT: '465', SMTP_SECURE: 'false' }).smtp?.secure, false)
    assert.deepEqual(loadConfig({ ...base, SMTP_USER: 'u', SMTP_PASSWORD: 'p' }).smtp?.auth, { user: 'u', pass: 'p' })
    assert.throws(
      () => loadConfig({ ...base, SMTP_USER: 'u' }),
      (e: unknown) => e instanceof ConfigError && /SMTP_USER and SMTP_PASSWORD/.test(e.message),
    )
    assert.throws(() => loadConfig({ NODE_ENV: 'test', SMTP_HOST: 'mail' }), /SMTP_FROM: required/)
    assert.equal(transportFromConfig(loadConfig(base).smtp).name, 'smtp://mail.council.example:587')
  })

  test('OCDS prefix: a placeholder by default, checked when set', () => {
    assert.equal(loadConfig({ NODE_ENV: 'test' }).ocds.prefix, 'ocds-placewise')
    assert.equal(loadConfig({ NODE_ENV: 'test', OCDS_PREFIX: 'ocds-abc123' }).ocds.prefix, 'ocds-abc123')
    assert.throws(() => loadConfig({ NODE_ENV: 'test', OCDS_PREFIX: 'abc' }), /OCDS_PREFIX/)
  })

  test('backoff doubles from the base and stops at the cap', () => {
    const b = exponentialBackoff({ baseMs: 1000, maxMs: 5000 })
    assert.deepEqual([1, 2, 3, 4, 10].map(b), [1000, 2000, 4000, 5000, 5000])
    assert.throws(() => exponentialBackoff({ baseMs: 0 }), /baseMs/)
  })
})
