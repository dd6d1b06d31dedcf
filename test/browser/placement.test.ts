import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { cascadeAppWorld } from '../../src/placement/cascade/testing/appWorld.js'
import { NOW } from '../../src/placement/placements/testing/placementWorld.js'
import { settableClock } from '../../src/platform/clock.js'
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/app.js'
import { launchBrowser, signedInPage } from './browser.js'

/**
 * The done-when: a child placed end to end in real Chromium — referral, matching meeting,
 * the cascade with the reasons homes cannot take the child, a block bed chosen and booked, the
 * provider's impact risk assessment, the placement plan and visits falling due (and overdue as the
 * app's clock moves on), and the ending that frees the bed — with axe-core run on every page.
 */
describe('a child placed end to end, in Chromium', () => {
  const clock = settableClock(NOW)
  let t: TestApp
  let w: Awaited<ReturnType<typeof cascadeAppWorld>>
  let browser: Browser
  const consoleErrors: string[][] = []

  before(async () => {
    t = await startTestApp({ clock })
    w = await cascadeAppWorld(t)
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    await t?.close()
  })

  const personSignedIn = (email: string) => signedInPage(browser, { baseUrl: t.baseUrl, email, password: TEST_PASSWORD, consoleErrors })
  const main = (page: Page) => page.locator('main').innerText()
  const banner = (page: Page) => page.locator('.govuk-notification-banner').innerText()

  test('referral, search with reasons, block bed booked, impact assessment, plan and visits due, ending', async () => {
    const childId = await t.services.placements.createChild(
      {
        userId: w.people.officer.id,
        label: 'Test officer',
        organisationId: t.councilId,
        organisationKind: 'council',
        role: 'placement_officer',
        providerId: null,
      },
      {
        caseReference: 'SCC-2041',
        dateOfBirth: '2012-05-14',
        sex: 'female',
        legalStatus: 'C2',
        homePostcode: 'SO14 7DU',
        schoolPostcode: 'SO16 3AA',
        allocatedSocialWorkerUserId: w.people.socialWorker.id,
        needs: ['self-harm'],
        risksToChild: ['going-missing'],
        risksToOthers: [],
        requirements: 'Needs to stay at her school',
      },
    )

    // ——— The referral ———
    const priya = await personSignedIn(w.people.officer.email)
    const officer = priya.page
    await priya.goto(`${t.baseUrl}/referrals/new?childId=${childId}`)
    await priya.clickAndLoad(officer.getByRole('button', { name: 'Send the referral' }))
    const summary = officer.locator('.govuk-error-summary')
    assert.match(await summary.innerText(), /Select when the placement is needed by/)
    await officer.getByLabel('Within 5 days').check()
    await officer.getByLabel('Emotional and behavioural difficulties').check()
    await officer.getByRole('group', { name: 'Is there a Deprivation of Liberty Order?' }).getByLabel('No').check()
    await priya.clickAndLoad(officer.getByRole('button', { name: 'Send the referral' }))
    assert.match(await banner(officer), /Referral sent for SCC-2041/)
    assert.match(await main(officer), /Referral sent/)

    await priya.clickAndLoad(officer.getByRole('link', { name: 'Record a matching meeting or response' }))
    await officer.getByLabel('Matching meeting').check()
    await officer.getByLabel('Detail (optional)').fill('Social worker and Oak House manager agree she can move in on Wednesday')
    await priya.clickAndLoad(officer.getByRole('button', { name: 'Record it' }))
    assert.match(await main(officer), /Matching meeting\s+Social worker and Oak House manager agree/)

    // ——— The cascade, with reasons ———
    await priya.clickAndLoad(officer.getByRole('button', { name: 'Search for a placement' }))
    const cascade = await main(officer)
    assert.ok(cascade.indexOf('1. In-house homes') < cascade.indexOf('2. Block contract beds'))
    assert.ok(cascade.indexOf('2. Block contract beds') < cascade.indexOf('3. Framework spot purchase'))
    assert.match(cascade, /Cannot take the child\s+Not registered with Ofsted for: Emotional and behavioural difficulties/)
    assert.match(cascade, /1 empty block bed fits this child/)
    await priya.clickAndLoad(officer.getByRole('link', { name: 'See the rules' }))
    assert.match(
      await main(officer),
      /A child at risk of sexual exploitation is not placed with a child who presents a risk of sexual harm/,
    )
    await officer.goBack()
    await officer.getByLabel('Route').selectOption({ label: 'Block contract' })
    await priya.clickAndLoad(officer.getByRole('button', { name: 'Apply filters' }))
    assert.doesNotMatch(await main(officer), /In-house homes/)

    // ——— Booking the block bed ———
    await priya.clickAndLoad(officer.getByRole('button', { name: 'Book a bed at Oak House (block contract)' }))
    assert.equal(await officer.getByLabel('Weekly price').inputValue(), '4800.00')
    assert.equal(await officer.locator('#emptyBedCause').count(), 0, 'booking the block bed itself needs no reason')
    await officer.getByRole('radio', { name: /Bed/ }).first().check()
    await priya.clickAndLoad(officer.getByRole('button', { name: 'Book the bed' }))
    assert.match(await banner(officer), /Placement booked/)
    const placementUrl = officer.url()
    let placement = await main(officer)
    assert.match(placement, /Route\s+Block contract/)
    assert.match(placement, /Contract\s+BLOCK-1/)
    assert.match(placement, /Weekly price\s+£4,800.00/)
    assert.match(placement, /Placement plan\s+Not recorded: due by 10 April 2026/)
    assert.match(placement, /Next social worker visit\s+Due by 8 April 2026/)
    assert.match(placement, /Impact risk assessment\s+Not recorded yet/)
    const bedId = w.beds.oakBlock
    const bedStatus = async () =>
      (await t.services.db.selectFrom('beds').select('status').where('id', '=', bedId).executeTakeFirstOrThrow()).status
    assert.equal(await bedStatus(), 'occupied')

    // ——— The provider's impact risk assessment ———
    const pat = await personSignedIn(w.people.acme.email)
    await pat.clickAndLoad(pat.page.getByRole('link', { name: 'Placements', exact: true }).first())
    assert.match(await main(pat.page), /SCC-2041\s+Oak House/)
    await pat.clickAndLoad(pat.page.getByRole('link', { name: 'Record it for SCC-2041' }))
    await pat.page.getByLabel('Your impact risk assessment').fill('Compatible with the two girls here; a key worker for her first month.')
    await pat.clickAndLoad(pat.page.getByRole('button', { name: 'Record the assessment' }))
    assert.match(await banner(pat.page), /Impact risk assessment recorded/)

    // ——— Plan and visits due, then overdue as the weeks pass ———
    clock.set('2026-04-20T09:00:00.000Z')
    await priya.goto(placementUrl)
    placement = await main(officer)
    assert.match(placement, /Impact risk assessment\s+Recorded by Test provider_user/)
    assert.match(placement, /Compatible with the two girls here/)
    assert.match(placement, /Placement plan\s+Not recorded: due by 10 April 2026 \(overdue by 10 days\)/)
    assert.match(placement, /Next social worker visit\s+Due by 8 April 2026 \(overdue by 12 days\)/)
    await priya.clickAndLoad(officer.getByRole('link', { name: 'Placements' }).first())
    assert.match(await main(officer), /SCC-2041\s+Oak House\s+Block contract/)

    // ——— Ending ———
    await priya.goto(placementUrl)
    await priya.clickAndLoad(officer.getByRole('button', { name: 'End the placement' }))
    await officer.getByLabel('Planned', { exact: true }).check()
    await officer.getByLabel('Reason the episode ceased (REC)').selectOption('X1')
    await priya.clickAndLoad(officer.getByRole('button', { name: 'End the placement' }))
    assert.match(await officer.locator('.govuk-error-summary').innerText(), /Select the reason for the change of placement/)
    await officer.getByLabel('Reason for the change of placement').selectOption('CARPL')
    await priya.clickAndLoad(officer.getByRole('button', { name: 'End the placement' }))
    assert.match(await banner(officer), /the bed is free again/)
    assert.match(await main(officer), /Ended 20 April 2026/)
    assert.equal(await bedStatus(), 'vacant')

    // The bed is back in the cascade for the next child.
    const next = await w.referred()
    await priya.goto(`${t.baseUrl}/referrals/${next.referralId}/search?route=block`)
    assert.match(await main(officer), /1 empty block bed fits this child/)

    assert.ok(priya.visited.length >= 12, `pages checked: ${priya.visited.join(', ')}`)
    // The two refused forms answer 400, which Chromium logs; anything else (a script the CSP blocked) fails.
    assert.deepEqual(
      consoleErrors.flat().filter((e) => !/status of 400/.test(e)),
      [],
    )
  })
})
