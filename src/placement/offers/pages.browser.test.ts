import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser } from 'playwright-core'
import { launchBrowser, signedInPage } from '../../../test/browser/browser.js'
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../../test/support/app.js'
import { seedMarket } from '../../market/testing/marketFixtures.js'
import { systemActor } from '../../platform/auth/actor.js'
import { settableClock } from '../../platform/clock.js'
import { inTransaction } from '../../platform/db/transaction.js'
import { offerPaths } from './paths.js'
import { child, NOW, referral } from './testing/offerWorld.js'

/** A spot referral in real Chromium, with axe-core run on every page: sent by an officer, offered by a provider, compared. */
describe('spot referral pages in Chromium', () => {
  const clock = settableClock(NOW)
  let t: TestApp
  let browser: Browser
  let referralId = ''
  let officerEmail = ''
  let providerEmail = ''
  const consoleErrors: string[][] = []

  before(async () => {
    t = await startTestApp({ clock })
    browser = await launchBrowser()
    const seeded = await seedMarket(t.database, { now: clock.now })
    const org = await inTransaction(t.services.db, (tx) =>
      t.services.users.createOrganisation(systemActor('test'), tx, { name: 'Acme', kind: 'provider', providerId: seeded.providers.acme }),
    )
    officerEmail = (await t.createUser('placement_officer')).email
    providerEmail = (await t.createUser('provider_user', { organisationId: org })).email
    const childId = await t.services.placements.createChild(systemActor('test'), child('BROWSER-1'))
    referralId = await t.services.placements.createReferral(systemActor('test'), referral(childId))
  })
  after(async () => {
    await browser?.close()
    await t?.close()
  })

  const signedIn = (email: string) => signedInPage(browser, { baseUrl: t.baseUrl, email, password: TEST_PASSWORD, consoleErrors })

  test('send, offer, compare: every page accessible, errors included', async () => {
    const officer = await signedIn(officerEmail)
    await officer.goto(`${t.baseUrl}${offerPaths.newRequests(referralId)}`)
    await officer.clickAndLoad(officer.page.getByRole('button', { name: 'Send the referral to the chosen homes' }))
    assert.match(await officer.page.locator('.govuk-error-summary').innerText(), /Select at least one home/)
    await officer.page.getByLabel('Oak House').check()
    await officer.clickAndLoad(officer.page.getByRole('button', { name: 'Send the referral to the chosen homes' }))
    assert.equal(new URL(officer.page.url()).pathname, offerPaths.offers(referralId))

    const provider = await signedIn(providerEmail)
    await provider.goto(`${t.baseUrl}${offerPaths.portalList()}`)
    await provider.clickAndLoad(provider.page.locator('#waiting a').first())
    await provider.clickAndLoad(provider.page.getByRole('button', { name: 'Send the offer' }))
    assert.match(await provider.page.locator('.govuk-error-summary').innerText(), /weekly price/)
    await provider.page.getByLabel('Weekly price').fill('5600')
    await provider.page.getByLabel('Day').fill('8')
    await provider.page.getByLabel('Month').fill('4')
    await provider.page.getByLabel('Year').fill('2026')
    await provider.clickAndLoad(provider.page.getByRole('button', { name: 'Send the offer' }))
    assert.match(await provider.page.locator('main').innerText(), /Your answer/)

    await officer.goto(`${t.baseUrl}${offerPaths.offers(referralId)}`)
    assert.match(await officer.page.locator('#requests').innerText(), /£5,600\.00/)
    // A form with errors answers 400, which Chromium reports; anything else (a script the CSP blocked) fails.
    assert.deepEqual(
      consoleErrors.flat().filter((e) => !/status of 400/.test(e)),
      [],
    )
  })
})
