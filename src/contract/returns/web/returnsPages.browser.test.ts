import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser } from 'playwright-core'
import { launchBrowser, signedInPage } from '../../../../test/browser/browser.js'
import { TEST_PASSWORD } from '../../../../test/support/app.js'
import { systemActor } from '../../../platform/auth/actor.js'
import { returnsPaths as paths } from '../paths.js'
import { returnsApp, type ReturnsApp } from '../testing/returnsApp.js'
import { samplePdf } from '../testing/sampleDocuments.js'

/**
 * The returns pages in real Chromium, with axe-core on every page visited: a provider sends a
 * return with its report (and first gets a problem named), the council sets a target, reads the
 * scorecard and acknowledges an Ofsted alert.
 */
describe('returns pages in Chromium', () => {
  let app: ReturnsApp
  let browser: Browser
  const consoleErrors: string[][] = []

  before(async () => {
    app = await returnsApp()
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    await app?.t.close()
  })

  const signedIn = (email: string) => signedInPage(browser, { baseUrl: app.t.baseUrl, email, password: TEST_PASSWORD, consoleErrors })

  test('a provider sends March’s return with its Regulation 44 report', async () => {
    const p = await signedIn(app.emails.acme)
    const { page } = p
    await p.goto(app.t.baseUrl + paths.portal())
    await p.clickAndLoad(page.getByRole('link', { name: 'PW-C-ACME' }))
    await p.clickAndLoad(page.getByRole('link', { name: 'Send return for March 2026' }))
    await page.getByLabel('Children accommodated').fill('3')
    await page.getByLabel('Incidents', { exact: true }).fill('lots')
    await p.clickAndLoad(page.getByRole('button', { name: 'Send the return' }))
    assert.match(await page.locator('.govuk-error-summary').innerText(), /number of incidents as a whole number/)
    const fill: [string, string][] = [
      ['Incidents', '2'],
      ['Missing-from-care episodes', '0'],
      ['Education hours per child per week', '25'],
      ['Physical interventions', '1'],
      ['Care staff hours worked', '2000'],
      ['Of which by agency staff', '150'],
      ['Regulation 40 notifications', '0'],
    ]
    for (const [label, value] of fill) await page.getByLabel(label, { exact: true }).fill(value)
    await page
      .getByLabel('Regulation 44 visit report')
      .setInputFiles({ name: 'march-visit.pdf', mimeType: 'application/pdf', buffer: samplePdf() })
    await p.clickAndLoad(page.getByRole('button', { name: 'Send the return' }))
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /Your return for March 2026 is sent/)
    await p.clickAndLoad(page.getByRole('link', { name: 'View or correct for March 2026' }))
    assert.match(await page.locator('main').innerText(), /march-visit\.pdf/)
  })

  test('the council sets a target, reads the scorecard and acknowledges an Ofsted alert', async () => {
    await app.t.services.market.updateHome(systemActor('test'), app.homes.oak, {
      ofstedJudgement: 'Requires improvement to be good',
      ofstedJudgementDate: '2026-05-12',
    })
    const p = await signedIn(app.emails.commissioner)
    const { page } = p
    await p.goto(app.t.baseUrl + paths.kpis(app.contracts.acme))
    await page.getByLabel('Measure').selectOption('incidents')
    await page.getByLabel('At most').check()
    await page.getByLabel('Target', { exact: true }).fill('1')
    await page.getByLabel('Amber margin').fill('0.5')
    await p.clickAndLoad(page.getByRole('button', { name: 'Save target' }))
    await p.clickAndLoad(page.getByRole('link', { name: 'Back to returns and performance' }))
    const main = await page.locator('main').innerText()
    assert.match(main, /March 2026\s+2 Red/)
    assert.match(main, /Oak House: now Requires improvement to be good/)
    await p.clickAndLoad(page.getByRole('link', { name: 'View for March 2026' }))
    await p.goto(app.t.baseUrl + paths.alerts())
    await p.clickAndLoad(page.getByRole('link', { name: 'Review the alert for Oak House' }))
    await page.getByLabel('What the council has done about it').fill('Visit booked; provider’s action plan requested')
    await p.clickAndLoad(page.getByRole('button', { name: 'Acknowledge the alert' }))
    assert.match(await page.locator('main').innerText(), /There are no open alerts/)
    // The one 400 is the form sent back with its problem named, on purpose.
    assert.deepEqual(
      consoleErrors.flat().filter((e) => !/status of 400/.test(e)),
      [],
    )
  })
})
