import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { addMonths, monthName, monthOf } from '../../src/contract/register/dates.js'
import { DEMO_PASSWORD } from '../../src/demo/buildDemo.js'
import { addDays } from '../../src/platform/calendar/isoDate.js'
import { settableClock } from '../../src/platform/clock.js'
import { formatDate } from '../../src/platform/web/format.js'
import { startTestApp, type TestApp } from '../support/app.js'
import { launchBrowser, signedInPage } from './browser.js'

/**
 * The done-when for the register: a block contract from the demo's award walked in real
 * Chromium — its page, ledger, KPIs, returns and payments; a variation proposed by the
 * commissioning officer and approved by the head of service; the extension decision pack (page
 * and download), the decision proposed and approved and the end date moved; then, on the
 * re-issued schedule's first new anniversary, CPI entered and indexation applied. axe-core runs
 * on every page visited. The app's clock is moved by hand for the anniversary.
 */
describe('a block contract from award to extension decision, in Chromium', () => {
  const clock = settableClock(new Date())
  let t: TestApp
  let browser: Browser
  const consoleErrors: string[][] = []

  before(async () => {
    t = await startTestApp({ demo: true, clock })
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    await t?.close()
  })

  const personSignedIn = (who: string) =>
    signedInPage(browser, {
      baseUrl: t.baseUrl,
      email: `${who}@southampton.demo`,
      password: DEMO_PASSWORD,
      consoleErrors,
      acceptDownloads: true,
    })
  const main = (page: Page) => page.locator('main').innerText()
  const banner = (page: Page) => page.locator('.govuk-notification-banner--success').innerText()
  const fillDate = async (page: Page, id: string, iso: string) => {
    const [y, m, d] = iso.split('-')
    await page.locator(`#${id}-day`).fill(String(Number(d)))
    await page.locator(`#${id}-month`).fill(String(Number(m)))
    await page.locator(`#${id}-year`).fill(y!)
  }

  test('award → contract page → variation → extension decision → end moved → CPI and indexation', async () => {
    const today = clock.now().toISOString().slice(0, 10)

    // ——— The commissioning officer finds the awarded contract, its extension coming due ———
    const chris = await personSignedIn('chris.commissioner')
    const officer = chris.page
    await chris.clickAndLoad(officer.getByRole('link', { name: 'Contracts' }).first())
    assert.match(await officer.locator('#extension-due').innerText(), /Extension decision due/)
    const first = officer.locator('#contracts tbody tr').first()
    const reference = (await first.locator('a').innerText()).trim()
    await chris.clickAndLoad(first.locator('a'))
    const contract = await t.services.db.selectFrom('contracts').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow()
    const contractUrl = officer.url()
    assert.match(await main(officer), new RegExp(`Contract ${reference}`))
    assert.match(await main(officer), /Awarded from\s+PW-\d{4}-0001/)
    assert.match(await main(officer), new RegExp(`Ends \\(in force\\)\\s+${formatDate(contract.end_date)}`))
    assert.match(await officer.locator('#extension-due').innerText(), /Notice must be given by/)

    // The ledger, KPI targets, returns and payments, reached from the contract's page.
    for (const name of ['Bed ledger', 'KPI targets', 'Provider returns', 'Payments']) {
      await chris.clickAndLoad(officer.getByRole('link', { name, exact: true }))
      assert.doesNotMatch(await officer.locator('h1').innerText(), /Page not found|Sorry/, name)
      await chris.goto(contractUrl)
    }

    // The other forms the officer may use are checked too: hand entry, and the beds and dates variations.
    await chris.goto(`${t.baseUrl}/contracts`)
    await chris.clickAndLoad(officer.getByRole('button', { name: 'Enter a contract' }))
    await officer.getByLabel('In-house unit').check()
    await officer.getByLabel('Provider').selectOption({ index: 1 })
    await chris.clickAndLoad(officer.getByRole('button', { name: 'Continue' }))
    await chris.clickAndLoad(officer.getByRole('button', { name: 'Enter the contract' }))
    assert.match(await officer.locator('.govuk-error-summary').innerText(), /Select at least one bed[\s\S]*Enter the contract reference/)
    for (const name of ['Vary the reserved beds', 'Vary the end and notice dates']) {
      await chris.goto(contractUrl)
      await chris.clickAndLoad(officer.getByRole('link', { name }))
    }
    await chris.goto(contractUrl)

    // ——— A price variation: refused without its facts, then proposed ———
    await chris.clickAndLoad(officer.getByRole('link', { name: 'Vary the price' }))
    await chris.clickAndLoad(officer.getByRole('button', { name: 'Propose the variation' }))
    const summary = officer.locator('.govuk-error-summary')
    assert.match(await summary.innerText(), /Enter the date the variation takes effect/)
    await summary.getByRole('link', { name: 'Enter the reason for the variation' }).click()
    assert.equal(await officer.evaluate('document.activeElement.id'), 'reason', 'the summary link moves focus to the control')
    const effective = `${addMonths(today, 1).slice(0, 8)}01`
    await fillDate(officer, 'effectiveDate', effective)
    await officer.getByLabel('New price per bed-week').fill('5400')
    await officer.getByLabel('Reason for the variation').fill('A waking night member of staff, agreed with the provider.')
    await chris.clickAndLoad(officer.getByRole('button', { name: 'Propose the variation' }))
    assert.match(await banner(officer), /Variation proposed/)
    assert.match(await officer.locator('#variations').innerText(), /Price: £5,400\.00 per bed-week[\s\S]*Waiting for approval/)

    // ——— The head of service approves it ———
    const hari = await personSignedIn('hari.head.of.service')
    const head = hari.page
    await hari.goto(contractUrl)
    await hari.clickAndLoad(head.getByRole('button', { name: 'Record the decision' }))
    assert.match(await banner(head), /Variation approved and applied/)
    assert.match(await head.locator('#variations').innerText(), /Approved\s+Hari/)
    assert.match(await head.locator('#prices').innerText(), new RegExp(`${formatDate(effective)}\\s+£5,400\\.00\\s+Variation`))

    // ——— The extension decision pack, on a page and as a download; the decision proposed ———
    await chris.goto(contractUrl)
    await chris.clickAndLoad(officer.getByRole('link', { name: 'Read the decision pack' }))
    const pack = await main(officer)
    for (const part of [
      'Occupancy and cost',
      'Empty bed-days by cause',
      'KPIs',
      'Ofsted judgements of the homes',
      'Outcomes of the children placed',
    ])
      assert.match(pack, new RegExp(part))
    const [download] = await Promise.all([
      officer.waitForEvent('download'),
      officer.getByRole('link', { name: /Download the decision pack/ }).click(),
    ])
    assert.equal(download.suggestedFilename(), `extension-decision-pack-${reference}.xlsx`)
    await chris.clickAndLoad(officer.getByRole('button', { name: 'Propose the decision' }))
    assert.match(await officer.locator('.govuk-error-summary').innerText(), /Select whether to take the extension/)
    await officer.getByLabel(/Take the extension/).check()
    await officer
      .getByLabel('Rationale')
      .fill('Occupancy high and cost per occupied bed-week below spot; KPIs green; children stable and near home.')
    await chris.clickAndLoad(officer.getByRole('button', { name: 'Propose the decision' }))
    assert.match(await banner(officer), /Decision proposed/)

    // ——— Approved by the head of service: the end date moves ———
    await hari.goto(`${contractUrl}/extension`)
    assert.match(await main(head), /Chris Commissioner .*proposes to take the extension/)
    await hari.clickAndLoad(head.getByRole('button', { name: 'Record the approval' }))
    assert.match(await banner(head), /Decision approved/)
    assert.match(await head.locator('#terms').innerText(), new RegExp(`Ends \\(in force\\)\\s+${formatDate(contract.max_extent_date)}`))
    assert.match(await head.locator('#terms').innerText(), /Extension taken/)
    assert.match(
      await head.locator('#decisions').innerText(),
      new RegExp(`${formatDate(contract.end_date)} to ${formatDate(contract.max_extent_date)}`),
    )
    // The schedule is re-issued to the new end: the anniversaries of the extension are to come.
    const third = addMonths(contract.start_date, 36)
    assert.match(await head.locator('#schedule').innerText(), new RegExp(`${formatDate(third)}[\\s\\S]*To come`))

    // ——— The first anniversary of the extension: CPI needed, entered, and indexation applied ———
    clock.set(`${addDays(third, 1)}T09:00:00.000Z`)
    const cpiMonth = monthOf(third, -2)
    await chris.goto(contractUrl)
    await chris.clickAndLoad(officer.getByRole('button', { name: 'Apply indexation due' }))
    assert.match(
      await officer.locator('.govuk-error-summary').innerText(),
      new RegExp(`No CPI figure for ${monthName(cpiMonth)}: contract ${reference} is indexed on ${third}`),
    )
    await officer.getByLabel('Month', { exact: true }).fill(cpiMonth)
    await officer.getByLabel('12-month CPI rate').fill('2.4')
    await chris.clickAndLoad(officer.getByRole('button', { name: 'Save the CPI figure' }))
    assert.match(await banner(officer), new RegExp(`CPI for ${monthName(cpiMonth)} recorded: 2.4%`))
    await chris.goto(contractUrl)
    await chris.clickAndLoad(officer.getByRole('button', { name: 'Apply indexation due' }))
    assert.match(await banner(officer), new RegExp(`Indexation applied: ${reference} from ${formatDate(third)}$`))
    // CPI of 2.4% is above the 1.5% cap (and not above the 3% review threshold): £5,400 rises by 1.5%.
    assert.match(
      await officer.locator('#prices').innerText(),
      new RegExp(`${formatDate(third)}\\s+£5,481\\.00\\s+Indexation\\s+2\\.40%\\s+1\\.50%`),
    )

    // A form sent back with its problems is a 400, which Chromium logs; anything else (a script the CSP blocked) fails.
    assert.deepEqual(
      consoleErrors.flat().filter((e) => !/status of 400/.test(e)),
      [],
    )
    assert.ok(chris.visited.length + hari.visited.length >= 20, 'every page was checked by axe')
  })
})
