import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser } from 'playwright-core'
import { checkedPage, collectConsoleErrors, launchBrowser } from '../../../test/browser/browser.js'
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../../test/support/app.js'
import { seedMarket } from '../../market/testing/marketFixtures.js'
import { systemActor } from '../../platform/auth/actor.js'
import { settableClock } from '../../platform/clock.js'
import { child, NOW, referral } from '../placements/testing/placementWorld.js'
import { childPaths } from './paths.js'

/** The children pages, the due list, visits, travel and the panel in real Chromium, axe-core run on every page. */
describe('children, due, travel and panel pages in Chromium', () => {
  const clock = settableClock(NOW)
  let t: TestApp
  let browser: Browser
  let officerEmail = ''
  let childId = ''
  let placementId = ''
  const consoleErrors: string[][] = []

  before(async () => {
    t = await startTestApp({ clock })
    browser = await launchBrowser()
    const seeded = await seedMarket(t.database, { now: clock.now })
    const officer = await t.createUser('placement_officer')
    officerEmail = officer.email
    const sw = await t.createUser('social_worker')
    const system = systemActor('test')
    childId = await t.services.placements.createChild(system, child('BROWSER-1', { allocatedSocialWorkerUserId: sw.id }))
    placementId = await t.services.placements.book(system, {
      referralId: await t.services.placements.createReferral(system, referral(childId)),
      homeId: seeded.homes.oak.id,
      bedId: seeded.homes.oak.bedIds[1]!,
      route: 'spot',
      weeklyPricePence: 550_000,
      startDate: '2026-03-20',
    })
    const other = await t.services.placements.createChild(system, child('BROWSER-2', { needs: [], risksToChild: [] }))
    await t.services.placements.createReferral(system, referral(other))
  })
  after(async () => {
    await browser?.close()
    await t?.close()
  })

  test('every page accessible, errors included', async () => {
    const page = await (await browser.newContext()).newPage()
    consoleErrors.push(collectConsoleErrors(page))
    const p = checkedPage(page)
    await p.goto(`${t.baseUrl}/sign-in`)
    await page.getByLabel('Email address').fill(officerEmail)
    await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD)
    await p.clickAndLoad(page.getByRole('button', { name: 'Sign in' }))

    await p.goto(`${t.baseUrl}${childPaths.list()}`)
    await p.goto(`${t.baseUrl}${childPaths.child(childId)}`)
    await p.goto(`${t.baseUrl}${childPaths.create()}`)
    await p.clickAndLoad(page.getByRole('button', { name: 'Add the child' }))
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Enter the case reference/)
    await p.goto(`${t.baseUrl}${childPaths.edit(childId)}`)
    // A record made without the form has no answer on adapting the home: the form asks for one.
    await p.clickAndLoad(page.getByRole('button', { name: 'Save changes' }))
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Select whether the home needs adapting/)
    await page
      .getByRole('group', { name: /need adapting/ })
      .getByLabel('No')
      .check()
    await p.clickAndLoad(page.getByRole('button', { name: 'Save changes' }))
    assert.equal(new URL(page.url()).pathname, childPaths.child(childId))

    await p.goto(`${t.baseUrl}${childPaths.due()}`)
    await p.goto(`${t.baseUrl}${childPaths.visits(placementId)}`)
    await p.clickAndLoad(page.getByRole('button', { name: 'Record the visit' }))
    assert.match(await page.locator('.govuk-error-summary').innerText(), /visit date/)

    await p.goto(`${t.baseUrl}${childPaths.travel()}`)
    await p.goto(`${t.baseUrl}${childPaths.panel()}`)
    await page.getByLabel(/BROWSER-2/).check()
    await p.clickAndLoad(page.getByRole('button', { name: 'Propose an allocation' }))
    assert.match(await page.locator('main').innerText(), /1 of 1 child placed/)
    await p.clickAndLoad(page.getByRole('button', { name: 'Solve again with these changes' }))
    // The error pages answer 400, which Chromium logs; anything else (a script the CSP blocked) fails.
    assert.deepEqual(
      consoleErrors.flat().filter((e) => !/status of 400/.test(e)),
      [],
    )
  })
})
