import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser } from 'playwright-core'
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/app.js'
import { checkedPage, collectConsoleErrors, launchBrowser } from './browser.js'

describe('signing in and managing users, in Chromium', () => {
  let t: TestApp
  let browser: Browser
  before(async () => {
    t = await startTestApp()
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    await t?.close()
  })

  test('an admin signs in after a mistake, sees the error summary, and invites a user', async () => {
    const { email } = await t.createUser('admin')
    const page = await browser.newPage()
    const errors = collectConsoleErrors(page)
    const p = checkedPage(page)
    await p.goto(`${t.baseUrl}/`)
    assert.match(page.url(), /\/sign-in$/)

    await page.getByLabel('Email address').fill(email)
    await page.getByLabel('Password', { exact: true }).fill('not my password')
    await p.clickAndLoad(page.getByRole('button', { name: 'Sign in' }))
    const summary = page.locator('.govuk-error-summary')
    assert.equal(await summary.isVisible(), true)
    // The summary links to the control it names, and focus lands on the summary.
    assert.equal(await summary.locator('a').first().getAttribute('href'), '#email')

    await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD)
    await p.clickAndLoad(page.getByRole('button', { name: 'Sign in' }))
    assert.equal(new URL(page.url()).pathname, '/')

    await p.clickAndLoad(page.getByRole('link', { name: 'Users' }).first())
    await p.clickAndLoad(page.getByRole('button', { name: 'Invite a user' }))
    await page.getByLabel('Full name').fill('Robin Example')
    await page.getByLabel('Email address').fill('robin@example.test')
    await page.getByLabel('Organisation').selectOption({ label: 'Test Council' })
    await page.getByLabel('Placement officer').check()
    await p.clickAndLoad(page.getByRole('button', { name: 'Create invitation' }))
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /robin@example\.test/)
    assert.ok(await page.getByRole('link', { name: 'Robin Example' }).isVisible())

    await p.goto(`${t.baseUrl}/audit`)
    assert.match(await page.locator('table').innerText(), /invite user/)
    await p.goto(`${t.baseUrl}/no-such-page`)
    assert.deepEqual(
      errors.filter((e) => !/status of (401|404)/.test(e)),
      [],
      'no console errors (a CSP block would show here)',
    )
  })
})
