import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser } from 'playwright-core'
import { launchBrowser, signedInPage } from '../../../../test/browser/browser.js'
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../../../test/support/app.js'
import { freshSqlite } from '../../../../test/support/databases.js'
import { settableClock } from '../../../platform/clock.js'
import { ledgerPaths as paths } from '../paths.js'
import { LEDGER_NOW, ledgerWorld } from '../testing/ledgerWorld.js'
import { workedExample, type WorkedExample } from '../testing/scenario.js'

/**
 * The ledger pages in real Chromium, with axe-core on every page visited: a commissioner reads a
 * contract's ledger and records an event (first getting a problem named), finance runs a payment
 * and reads its lines, and the whole block's value is shown.
 */
describe('ledger pages in Chromium', () => {
  let app: TestApp
  let browser: Browser
  let x: WorkedExample
  const consoleErrors: string[][] = []

  before(async () => {
    const database = await freshSqlite()
    x = await workedExample(await ledgerWorld(database))
    app = await startTestApp({ database, clock: settableClock(LEDGER_NOW) })
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    await app?.close()
  })

  async function signedIn(role: 'commissioning_officer' | 'finance_officer') {
    const { email } = await app.createUser(role)
    return signedInPage(browser, { baseUrl: app.baseUrl, email, password: TEST_PASSWORD, consoleErrors })
  }

  test('a commissioner reads the ledger and records why a bed is empty', async () => {
    const p = await signedIn('commissioning_officer')
    const { page } = p
    await p.goto(`${app.baseUrl}${paths.ledger(x.contractId)}?from=2026-02-01&to=2026-02-28`)
    await page.getByLabel('Bed', { exact: true }).selectOption({ index: 1 })
    await page.getByLabel('Why the bed is empty').check()
    await p.clickAndLoad(page.getByRole('button', { name: 'Record the event' }))
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Enter the date it starts/)
    await page.getByLabel('From', { exact: true }).fill('2026-02-10')
    await page.getByLabel('Why empty').selectOption('no-compatible-match')
    await p.clickAndLoad(page.getByRole('button', { name: 'Record the event' }))
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /The bed event is recorded/)
    assert.match(await page.locator('main').innerText(), /No compatible match/)
  })

  test('finance runs a payment and reads each line’s ledger days; the block’s value is shown', async () => {
    const p = await signedIn('finance_officer')
    const { page } = p
    await p.goto(app.baseUrl + paths.payments())
    await p.clickAndLoad(page.getByRole('button', { name: 'Run payments' }))
    assert.match(await page.locator('h1').innerText(), /Payment run 1/)
    await p.goto(`${app.baseUrl}${paths.value()}?from=2026-01-05&to=2026-03-01`)
    assert.match(await page.locator('main').innerText(), /Cost per occupied bed-week/)
    // A refused form answers 400, which Chromium logs; anything else would be a script error.
    assert.deepEqual(
      consoleErrors.flat().filter((e) => !/status of 400/.test(e)),
      [],
    )
  })
})
