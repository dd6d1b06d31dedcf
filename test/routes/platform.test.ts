import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { Client, startTestApp, type TestApp } from '../support/app.js'

describe('the web shell', () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp()
  })
  after(() => t.close())

  test('an anonymous visitor is sent to sign in, and the page is branded for the council with no crown', async () => {
    const c = new Client(t.baseUrl)
    const home = await c.get('/')
    assert.equal(home.status, 302)
    assert.equal(home.location, '/sign-in')
    const page = await c.get('/sign-in')
    assert.equal(page.status, 200)
    assert.match(page.text, /Southampton City Council/)
    assert.match(page.text, /govuk-generic-header/)
    assert.doesNotMatch(page.text, /Crown copyright|govuk-crest|GDS Transport|govuk-logo/i)
  })

  test('strict security headers: a CSP with a nonce and no unsafe-inline', async () => {
    const res = await fetch(`${t.baseUrl}/sign-in`)
    const csp = res.headers.get('content-security-policy') ?? ''
    assert.match(csp, /script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/)
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/)
    assert.equal(res.headers.get('x-powered-by'), null)
    assert.equal(res.headers.get('x-frame-options'), 'SAMEORIGIN')
  })

  test('a form posted without its CSRF token is refused', async () => {
    const { email } = await t.createUser('commissioning_officer')
    const c = new Client(t.baseUrl)
    await c.get('/sign-in')
    const res = await c.post('/sign-in', { email, password: 'whatever it is' }, { csrf: null })
    assert.equal(res.status, 403)
    const wrong = await c.post('/sign-in', { email, password: 'whatever it is' }, { csrf: 'f'.repeat(64) })
    assert.equal(wrong.status, 403)
  })

  test('sign in with the right password; wrong ones are told which control to fix', async () => {
    const { email } = await t.createUser('commissioning_officer')
    const c = new Client(t.baseUrl)
    await c.get('/sign-in')
    const bad = await c.post('/sign-in', { email, password: 'not the password' })
    assert.equal(bad.status, 401)
    assert.match(bad.text, /href="#email"/)
    const empty = await c.post('/sign-in', { email: '', password: '' })
    assert.equal(empty.status, 400)
    assert.match(empty.text, /Enter your email address/)
    assert.match(empty.text, /Enter your password/)
    const ok = await c.signIn(email)
    assert.equal(ok.status, 302)
    const home = await c.get('/')
    assert.equal(home.status, 200)
    assert.match(home.text, /Signed in as Test commissioning_officer/)
  })

  test('five wrong passwords lock the account, even against the right one', async () => {
    const { email } = await t.createUser('finance_officer')
    const c = new Client(t.baseUrl)
    await c.get('/sign-in')
    for (let i = 0; i < 5; i++) await c.post('/sign-in', { email, password: `wrong password ${i}` })
    const res = await c.signIn(email)
    assert.equal(res.status, 401)
    assert.match(res.text, /locked/)
  })

  test('unknown pages are a plain 404 that leaks nothing', async () => {
    const { email } = await t.createUser('social_worker')
    const c = new Client(t.baseUrl)
    await c.signIn(email)
    const res = await c.get('/no/such/page')
    assert.equal(res.status, 404)
    assert.match(res.text, /Page not found/)
    assert.doesNotMatch(res.text, /at .*\.ts|Error:|stack/i)
  })

  test('an unexpected failure is a plain 500 with a reference, and no internals', async () => {
    const { email } = await t.createUser('finance_officer')
    const c = new Client(t.baseUrl)
    await c.signIn(email)
    const original = t.services.market.summary
    t.services.market.summary = async () => {
      throw new Error('connection to database lost at /srv/placewise/src/secret.ts:42')
    }
    try {
      const res = await c.get('/')
      assert.equal(res.status, 500)
      assert.match(res.text, /Sorry, there is a problem with the service/)
      assert.match(res.text, /quote reference <strong>[0-9a-f]{8}<\/strong>/)
      assert.doesNotMatch(res.text, /secret\.ts|connection to database|stack/i)
    } finally {
      t.services.market.summary = original
    }
  })

  test('a social worker cannot reach user administration or the audit trail', async () => {
    const { email } = await t.createUser('social_worker')
    const c = new Client(t.baseUrl)
    await c.signIn(email)
    assert.equal((await c.get('/admin/users')).status, 403)
    assert.equal((await c.get('/audit')).status, 403)
  })
})
