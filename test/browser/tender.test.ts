import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { DEMO_PASSWORD } from '../../src/demo/buildDemo.js'
import { settableClock } from '../../src/platform/clock.js'
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/app.js'
import { checkedPage, launchBrowser, signedInPage } from './browser.js'

/**
 * The done-when: the whole mini-competition in real Chromium on the demo council —
 * requirement, invitation, clarification, two bids, opening by two officers, scoring,
 * moderation, award, standstill, contracts — with axe-core run on every page visited.
 * The clock is the app's own (startTestApp's `clock`), moved past the deadline and standstill.
 */

/** The demo has mini-competitions of its own: every step finds this one by its title. */
const TITLE = 'Block contract: 3 to 6 beds in the Southampton area'
describe('a mini-competition from requirement to contracts, in Chromium', () => {
  const clock = settableClock('2026-03-02T09:00:00.000Z')
  let t: TestApp
  let browser: Browser
  const dir = mkdtempSync(join(tmpdir(), 'placewise-tender-'))
  const consoleErrors: string[][] = []

  before(async () => {
    t = await startTestApp({ demo: true, clock })
    browser = await launchBrowser()
    // The demo has no postcode directory; the area's centre must be in it (as after an ONSPD import).
    const db = t.services.db
    if (!(await db.selectFrom('postcode_units').select('postcode').where('postcode', '=', 'SO14 7DU').executeTakeFirst()))
      await db
        .insertInto('postcode_units')
        .values({ postcode: 'SO14 7DU', lad: 'E06000045', easting: 442_520, northing: 112_207, terminated: 0 })
        .execute()
  })
  after(async () => {
    await browser?.close()
    await t?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  /** Each person in a browser context of their own, signed in. */
  const personSignedIn = (email: string, password = DEMO_PASSWORD) =>
    signedInPage(browser, { baseUrl: t.baseUrl, email, password, consoleErrors })
  const main = (page: Page) => page.locator('main').innerText()
  const banner = (page: Page) => page.locator('.govuk-notification-banner').innerText()

  /** Scores every bid on every question with one score, each with a reason. */
  async function scoreAll(page: Page, score: number, reason: string) {
    const radios = page.locator(`input[type="radio"][name^="score-"][value="${score}"]`)
    for (let i = 0; i < (await radios.count()); i++) await radios.nth(i).check()
    const reasons = page.locator('textarea[name^="rationale-"]')
    for (let i = 0; i < (await reasons.count()); i++) await reasons.nth(i).fill(`${reason} (${i + 1})`)
    return radios.count()
  }

  async function bid(p: ReturnType<typeof checkedPage>, beds: string, costs: Record<string, string>, file?: string) {
    const { page } = p
    await p.clickAndLoad(page.getByRole('link', { name: 'Invitations' }).first())
    await p.clickAndLoad(page.locator('#invitations tbody tr', { hasText: TITLE }).locator('a').first())
    await p.clickAndLoad(page.getByRole('button', { name: 'Start your bid' }))
    await page.locator('input[id^="line-"]').first().fill(beds)
    const price = Object.values(costs).reduce((s, v) => s + Number(v), 0)
    await page.getByLabel('Price per bed per week', { exact: true }).fill(String(price))
    for (const [part, value] of Object.entries(costs)) await page.locator(`#costBreakdown-${part}`).fill(value)
    const answers = page.locator('textarea[id^="answer-"]')
    for (let i = 0; i < (await answers.count()); i++)
      await answers.nth(i).fill(`Our answer to question ${i + 1}: trained staff, local links, stable placements.`)
    await p.clickAndLoad(page.getByRole('button', { name: 'Save draft' }))
    assert.match(await banner(page), /Your draft bid is saved/)
    if (file) {
      await page.getByLabel('File to attach').setInputFiles(file)
      await page.getByLabel('What it supports').selectOption({ label: 'Question 1: Safeguarding' })
      await p.clickAndLoad(page.getByRole('button', { name: 'Attach the file' }))
      assert.match(await main(page), /safeguarding-policy\.pdf \(\d+ bytes\), for question 1/)
    }
    await p.clickAndLoad(page.getByRole('button', { name: 'Submit bid' }))
    assert.match(await banner(page), /Your bid is submitted/)
    assert.match(await main(page), /Submitted/)
    return price
  }

  test('requirement, invitation, clarification, two bids, opening, scoring, moderation, award, standstill, contracts', async () => {
    const providerName = async (id: string) =>
      (await t.services.db.selectFrom('providers').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name
    const p01 = await providerName('demo-p01')
    const p02 = await providerName('demo-p02')

    // ——— The requirement ———
    const chris = await personSignedIn('chris.commissioner@southampton.demo')
    const officer = chris.page
    await chris.clickAndLoad(officer.getByRole('link', { name: 'Mini-competitions' }).first())
    await chris.clickAndLoad(officer.getByRole('button', { name: 'Start a mini-competition' }))
    await chris.clickAndLoad(officer.getByRole('button', { name: 'Create the mini-competition' }))
    const summary = officer.locator('.govuk-error-summary')
    assert.match(await summary.innerText(), /Enter a title for the mini-competition/)
    await summary.getByRole('link', { name: 'Enter a title for the mini-competition' }).click()
    assert.equal(await officer.evaluate('document.activeElement.id'), 'title', 'the summary link moves focus to the control')

    await officer.getByLabel('Title', { exact: true }).fill(TITLE)
    await officer
      .getByLabel('Description', { exact: true })
      .fill('One or two block contracts for children with a full range of needs, including challenging behaviour.')
    await officer.getByLabel('Lot 1: Planned and same-day residential').check()
    await officer.getByLabel('Lot 2: Crisis care').check()
    await officer.getByLabel('Fewest beds', { exact: true }).fill('3')
    await officer.getByLabel('Most beds', { exact: true }).fill('6')
    await officer.getByLabel('Postcode at the centre of the area').fill('SO14 7DU')
    await officer.getByLabel('Challenging behaviour', { exact: true }).check()
    await officer.getByLabel('Youngest').fill('11')
    await officer.getByLabel('Oldest').fill('17')
    const date = async (id: string, d: string, m: string, y: string) => {
      await officer.locator(`#${id}-day`).fill(d)
      await officer.locator(`#${id}-month`).fill(m)
      await officer.locator(`#${id}-year`).fill(y)
    }
    await date('startDate', '1', '5', '2026')
    await date('clarificationDeadline', '9', '3', '2026')
    await officer.locator('#clarificationDeadline-time').fill('12:00')
    await date('submissionDeadline', '16', '3', '2026')
    await officer.locator('#submissionDeadline-time').fill('12:00')
    await date('evaluationEndDate', '31', '3', '2026')
    await officer.locator('#question-1-title').fill('Safeguarding')
    await officer.locator('#question-1-weight').fill('35')
    await officer.locator('#question-1-minimumScore').fill('2')
    await officer.locator('#question-2-title').fill('Local links')
    await officer.locator('#question-2-weight').fill('25')
    await chris.clickAndLoad(officer.getByRole('button', { name: 'Create the mini-competition' }))
    assert.match(await banner(officer), /created as a draft/)
    const overviewUrl = officer.url()
    assert.match(await main(officer), /Write the requirement\s+In progress/)

    // ——— Gateway and invitation: only P01 and P02 ———
    await chris.clickAndLoad(officer.getByRole('link', { name: 'Check eligibility and invite providers' }))
    assert.match(await main(officer), /Not eligible/, 'some providers fail the gateway, with reasons')
    const boxes = officer.locator('input[name="providerIds"]')
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).uncheck()
    await officer.getByLabel(p01, { exact: true }).check()
    await officer.getByLabel(p02, { exact: true }).check()
    await chris.clickAndLoad(officer.getByRole('button', { name: 'Publish and send the invitations' }))
    assert.match(await banner(officer), /2 providers invited/)
    assert.match(await main(officer), /Open for bids/)

    // ——— A clarification, asked and answered ———
    const pat = await personSignedIn('pat.provider@southampton.demo')
    await pat.clickAndLoad(pat.page.getByRole('link', { name: 'Invitations' }).first())
    await pat.clickAndLoad(pat.page.locator('#invitations tbody tr', { hasText: TITLE }).locator('a').first())
    await pat.page.getByLabel('Ask a question').fill('Must the home have education on site?')
    await pat.clickAndLoad(pat.page.getByRole('button', { name: 'Send the question' }))
    assert.match(await banner(pat.page), /Question sent/)

    await chris.goto(overviewUrl)
    await chris.clickAndLoad(officer.getByRole('link', { name: 'Answer clarification questions' }))
    assert.match(await main(officer), new RegExp(`Asked by\\s+${p01}`), 'officers see who asked')
    await officer
      .getByLabel('Answer to question 1')
      .fill('No. Children attend local schools; education on site is welcome but not required.')
    await chris.clickAndLoad(officer.getByRole('button', { name: /Publish the answer/ }))
    assert.match(await banner(officer), /Answer published/)

    // ——— Two bids ———
    const quinn = await personSignedIn('quinn.provider@southampton.demo')
    await quinn.clickAndLoad(quinn.page.getByRole('link', { name: 'Invitations' }).first())
    await quinn.clickAndLoad(quinn.page.locator('#invitations tbody tr', { hasText: TITLE }).locator('a').first())
    assert.match(await main(quinn.page), /education on site is welcome but not required/, 'every invitee sees the answer')
    assert.doesNotMatch(await main(quinn.page), new RegExp(p01), 'without the asker named')

    const policy = join(dir, 'safeguarding-policy.pdf')
    writeFileSync(policy, '%PDF-1.4\n% A safeguarding policy\n')
    const patPrice = await bid(
      pat,
      '3',
      { staffing: '3000', premises: '500', education: '200', therapy: '300', overheads: '250', profit: '250' },
      policy,
    )
    await quinn.goto(t.baseUrl)
    const quinnPrice = await bid(quinn, '3', {
      staffing: '3300',
      premises: '500',
      education: '200',
      therapy: '300',
      overheads: '250',
      profit: '250',
    })
    assert.deepEqual([patPrice, quinnPrice], [4500, 4800])

    await chris.goto(overviewUrl)
    await chris.clickAndLoad(officer.getByRole('link', { name: 'Receive sealed bids' }))
    const sealed = await main(officer)
    assert.match(sealed, new RegExp(p01))
    assert.match(sealed, new RegExp(p02))
    assert.doesNotMatch(sealed, /£|4,500|4,800/, 'sealed: no price on the page')

    // ——— The deadline passes; two officers open the bids ———
    clock.set('2026-03-16T12:05:00.000Z')
    await chris.goto(overviewUrl)
    await chris.clickAndLoad(officer.getByRole('link', { name: 'Open the bids (two officers)' }))
    await chris.clickAndLoad(officer.getByRole('button', { name: 'Open the bids', exact: true }))
    assert.match(await banner(officer), /stay sealed until a second officer opens them/)
    await chris.clickAndLoad(officer.getByRole('button', { name: 'Open the bids as the second officer' }))
    assert.match(await banner(officer), /a different officer must open it too/, 'the same officer cannot open twice')

    const { email: secondEmail } = await t.createUser('commissioning_officer')
    const sam = await personSignedIn(secondEmail, TEST_PASSWORD)
    await sam.goto(`${overviewUrl}/open`)
    assert.match(await main(sam.page), /Opened by officer 1 of 2/, 'who opened first is shown')
    await sam.clickAndLoad(sam.page.getByRole('button', { name: 'Open the bids as the second officer' }))
    assert.match(await banner(sam.page), /The bids are open/)
    const opened = await main(sam.page)
    assert.match(opened, /£4,500\.00/)
    assert.match(opened, /£4,800\.00/)
    assert.match(opened, /safeguarding-policy\.pdf/)

    // ——— Scoring: conflict declared first, then scores, hidden from each other until both submit ———
    for (const [p, score] of [
      [chris, 4],
      [sam, 3],
    ] as const) {
      await p.goto(`${overviewUrl}/evaluate`)
      await p.page.getByLabel('No', { exact: true }).check()
      await p.clickAndLoad(p.page.getByRole('button', { name: 'Continue' }))
      assert.doesNotMatch(await main(p.page), /Every evaluator’s scores/)
      assert.equal(await scoreAll(p.page, score, `Evidence for a ${score}`), 4, 'two bids, two questions')
      await p.clickAndLoad(p.page.getByRole('button', { name: 'Submit my scores' }))
      assert.match(await banner(p.page), /Your scores are submitted/)
    }
    await chris.goto(`${overviewUrl}/evaluate`)
    assert.match(await main(officer), /Every evaluator’s scores/, 'seen once everyone has submitted')

    // ——— Moderation ———
    await chris.goto(overviewUrl)
    await chris.clickAndLoad(officer.getByRole('link', { name: 'Moderate the scores' }))
    const moderation = await main(officer)
    assert.match(moderation, /Evidence for a 4/)
    assert.match(moderation, /Evidence for a 3/, 'every evaluator’s score and reason, side by side')
    await scoreAll(officer, 4, 'Agreed at moderation')
    await chris.clickAndLoad(officer.getByRole('button', { name: 'Record the consensus scores' }))
    assert.match(await banner(officer), /Consensus scores recorded/)

    // ——— Results and award ———
    await chris.clickAndLoad(officer.getByRole('link', { name: 'See the results' }))
    const results = await officer.locator('#results').innerText()
    assert.match(results, new RegExp(p01))
    assert.match(results, new RegExp(p02))
    await chris.clickAndLoad(officer.getByRole('button', { name: 'Go to the award' }))
    await chris.clickAndLoad(officer.getByRole('button', { name: 'Propose the award' }))
    assert.match(await banner(officer), /Award proposed/)
    const award = await main(officer)
    assert.match(award, /Proposed award/)
    assert.match(award, /Total beds\s+\d/)
    assert.match(award, /Alternatives considered/)

    // ——— Decision, notices and standstill ———
    await chris.clickAndLoad(officer.getByRole('button', { name: 'Record the decision' }))
    await officer.getByLabel('Decision maker').fill('Director of Integration and Quality')
    await officer
      .getByLabel('Consulted', { exact: true })
      .fill('Leader of the Council\nCabinet Member for Children’s Social Care\nDirector of Children’s Services')
    await officer.locator('#decidedOn-day').fill('16')
    await officer.locator('#decidedOn-month').fill('3')
    await officer.locator('#decidedOn-year').fill('2026')
    await officer.getByLabel('Reasons for the decision').fill('The best value for local beds under the published rule.')
    await chris.clickAndLoad(officer.getByRole('button', { name: 'Record the decision and send the notices' }))
    assert.match(await banner(officer), /standstill has started/)
    const standstill = await main(officer)
    const from = /Contracts can be made from\s+(\d{1,2} \w+ \d{4})/.exec(standstill)?.[1]
    assert.ok(from, 'standstill says when contracts can be made')
    await chris.clickAndLoad(officer.getByRole('link', { name: 'Read the notices sent' }))
    assert.match(await main(officer), /Award notice/)

    await pat.goto(t.baseUrl)
    await pat.clickAndLoad(pat.page.getByRole('link', { name: 'Invitations' }).first())
    await pat.clickAndLoad(pat.page.locator('#invitations tbody tr', { hasText: TITLE }).locator('a').first())
    await pat.clickAndLoad(pat.page.getByRole('link', { name: 'Read your notices' }))
    const patNotices = await main(pat.page)
    assert.match(patNotices, /Award notice/)
    assert.doesNotMatch(patNotices, new RegExp(`for ${p02}`), 'a provider reads only its own assessment summary')

    // ——— Standstill ends; the contracts are made ———
    const [day, month, year] = from.split(' ')
    const monthNumber =
      ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'].indexOf(
        month!,
      ) + 1
    clock.set(`${year}-${String(monthNumber).padStart(2, '0')}-${day!.padStart(2, '0')}T10:00:00.000Z`)
    await chris.goto(`${overviewUrl}/standstill`)
    await chris.clickAndLoad(officer.getByRole('button', { name: 'Conclude and create the contracts' }))
    assert.match(await banner(officer), /contracts? created/i)
    assert.match(await main(officer), /Concluded/)
    assert.match(await main(officer), /Standstill and contracts\s+Completed/)

    // A form sent back with its errors is answered 400 on purpose; Chromium logs that as a failed load.
    const scriptErrors = consoleErrors.flat().filter((e) => !/status of 400/.test(e))
    assert.deepEqual(scriptErrors, [], 'no script errors (the CSP blocked nothing)')
    assert.ok(chris.visited.length > 15, `axe ran on every page the officer visited (${chris.visited.length})`)
  })
})
