import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { DEMO_PASSWORD } from '../../src/demo/buildDemo.js'
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/app.js'
import { checkedPage, launchBrowser } from './browser.js'

describe('the market register on the demo council, in Chromium', () => {
  let t: TestApp
  let browser: Browser
  const dir = mkdtempSync(join(tmpdir(), 'placewise-browser-'))
  before(async () => {
    t = await startTestApp({ demo: true })
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    await t?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
    const p = checkedPage(page)
    await p.goto(`${t.baseUrl}/sign-in`)
    await page.getByLabel('Email address').fill(email)
    await page.getByLabel('Password', { exact: true }).fill(password)
    await p.clickAndLoad(page.getByRole('button', { name: 'Sign in' }))
    return p
  }

  test('a commissioning officer searches homes, opens one and corrects it', async () => {
    const page = await browser.newPage()
    const p = await signIn(page, 'chris.commissioner@southampton.demo')
    const open = await t.services.db
      .selectFrom('homes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '!=', 'closed')
      .executeTakeFirstOrThrow()
    assert.match(
      await page.locator('main').innerText(),
      new RegExp(`Homes\\s+${Number(open.n)}\\b`),
      'the home page counts the open demo homes',
    )

    await p.clickAndLoad(page.getByRole('link', { name: 'Homes', exact: true }).first())
    const total = await page.locator('main').innerText()
    assert.match(total, /of 150 homes/)

    // Local, good or better, with a vacancy: the question behind the block contract.
    await page.getByLabel('Within').fill('20')
    await page.getByLabel('Ofsted judgement').selectOption({ label: 'Good' })
    await page.getByLabel('Only homes with a vacant bed').check()
    await p.clickAndLoad(page.getByRole('button', { name: 'Apply filters' }))
    const rows = page.locator('table tbody tr')
    const count = await rows.count()
    assert.ok(count > 0 && count < 150, `filtered to ${count} homes`)
    const firstRow = await rows.first().innerText()
    assert.match(firstRow, /Good/)
    const miles = Number(/(\d+(\.\d)?) miles/.exec(firstRow)?.[1])
    assert.ok(miles <= 20, `first home is ${miles} miles away`)

    // Sort by distance, then open the nearest.
    await p.clickAndLoad(page.locator('thead').getByRole('link', { name: /Distance/ }))
    const nearest = rows.first().locator('a').first()
    const name = await nearest.innerText()
    await p.clickAndLoad(nearest)
    assert.equal(await page.locator('h1').innerText(), name)
    assert.match(await page.locator('main').innerText(), /approximate/i, 'no directory loaded: the location is a district centroid')

    await p.clickAndLoad(page.getByRole('button', { name: 'Change home details' }))
    await page.getByLabel('Name', { exact: true }).fill('')
    await p.clickAndLoad(page.getByRole('button', { name: 'Save changes' }))
    const summary = page.locator('.govuk-error-summary')
    assert.match(await summary.innerText(), /Enter the home’s name/)
    await summary.getByRole('link').first().click()
    assert.equal(await page.evaluate('document.activeElement.id'), 'name', 'the summary link moves focus to the control')
    await page.getByLabel('Name', { exact: true }).fill(`${name} (renamed)`)
    await p.clickAndLoad(page.getByRole('button', { name: 'Save changes' }))
    assert.equal(await page.locator('h1').innerText(), `${name} (renamed)`)
    assert.ok(await page.locator('.govuk-notification-banner').isVisible())
  })

  test('an officer imports an Ofsted list: good rows land, a bad row is reported with its reason', async () => {
    const csv = [
      'URN,Setting Name,Provider Type,Owner Name,Owner ID,Setting Address Postcode,Max Users,Overall Effectiveness,Full Inspection Start Date,Provider Status,Emotional and Behavioural Difficulties',
      "SC990901,Sea View House,Children's home,Testbay Care Ltd,OWN-1,SO14 7DU,4,Good,12/03/2025,Active,Y",
      "SC990902,Cliff Top Lodge,Children's home,Testbay Care Ltd,OWN-1,SO15 2AA,-2,Good,12/03/2025,Active,Y",
    ].join('\n')
    const file = join(dir, 'ofsted-list.csv')
    writeFileSync(file, csv)
    const { email } = await t.createUser('commissioning_officer')
    const page = await browser.newPage()
    const p = await signIn(page, email, TEST_PASSWORD)
    await p.clickAndLoad(page.getByRole('link', { name: 'Imports' }).first())
    await p.clickAndLoad(page.getByRole('button', { name: 'Import the list' }))
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Select an Ofsted list/)
    await page.getByLabel('Ofsted list').setInputFiles(file)
    await p.clickAndLoad(page.getByRole('button', { name: 'Import the list' }))
    const main = await page.locator('main').innerText()
    assert.match(main, /Homes created\s+1/)
    assert.match(main, /Rows rejected\s+1/)
    assert.match(main, /SC990902/)
    assert.match(main, /Max Users/)
    await p.goto(`${t.baseUrl}/market/homes?q=SC990901`)
    assert.match(await page.locator('table').innerText(), /Sea View House/)
  })

  test('a provider’s user sees only its own homes, and another provider’s home is not found', async () => {
    const page = await browser.newPage()
    const p = await signIn(page, 'pat.provider@southampton.demo')
    await p.clickAndLoad(page.getByRole('link', { name: 'Homes', exact: true }).first())
    const providers = await page.locator('table tbody tr td:nth-child(3)').allInnerTexts()
    assert.ok(providers.length > 0)
    assert.equal(new Set(providers).size, 1, `only one provider’s homes: ${[...new Set(providers)].join(', ')}`)
    const other = await t.services.db
      .selectFrom('homes')
      .innerJoin('organisations', 'organisations.provider_id', 'homes.provider_id')
      .select('homes.id')
      .where('organisations.id', '!=', 'demo-org-p01')
      .executeTakeFirstOrThrow()
    const res = await p.goto(`${t.baseUrl}/market/homes/${other.id}`)
    assert.equal(res?.status(), 404)
    assert.equal(await page.getByRole('link', { name: 'Imports' }).count(), 0)
  })
})
