import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import assert from 'node:assert/strict'
import { chromium, type Browser, type Page } from 'playwright-core'

const require = createRequire(import.meta.url)
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Real Chromium, headless, with the flags this closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

type AxeViolation = { id: string; impact: string; help: string; nodes: { target: string[] }[] }

/** Runs axe-core on the page as it is now and fails with every violation spelled out. */
export async function assertAccessible(page: Page): Promise<void> {
  // Evaluated through the DevTools protocol, so the app's CSP stays strict and is not bypassed for the page.
  await page.evaluate(axeSource)
  // A string, because this runs in the page (with its DOM), not in Node.
  const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`)) as AxeViolation[]
  const described = violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  assert.deepEqual(described, [], `axe found violations on ${page.url()}`)
}

/**
 * Every page a test visits is checked: this wraps a page so each navigation (goto, a click
 * that loads a page, a form submission) is followed by an axe run.
 */
export function checkedPage(page: Page) {
  const visited: string[] = []
  const settle = async () => {
    await page.waitForLoadState('load')
    visited.push(new URL(page.url()).pathname)
    await assertAccessible(page)
  }
  return {
    page,
    visited,
    async goto(url: string) {
      const res = await page.goto(url)
      await settle()
      return res
    },
    /** Clicks something that loads a new page, and checks that page. */
    async clickAndLoad(selector: string | ReturnType<Page['getByRole']>) {
      const target = typeof selector === 'string' ? page.locator(selector) : selector
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), target.click()])
      await settle()
    },
  }
}

/** Fails on console errors — for example scripts the CSP blocked. */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text())
  })
  page.on('pageerror', (err) => errors.push(err.message))
  return errors
}

/**
 * A person in a browser context of their own, signed in through the sign-in page: every page the
 * returned handle visits is axe-checked, and its console errors are added to `consoleErrors`.
 */
export async function signedInPage(
  browser: Browser,
  opts: { baseUrl: string; email: string; password: string; consoleErrors: string[][]; acceptDownloads?: boolean },
) {
  const page = await (await browser.newContext({ acceptDownloads: opts.acceptDownloads ?? false })).newPage()
  opts.consoleErrors.push(collectConsoleErrors(page))
  const p = checkedPage(page)
  await p.goto(`${opts.baseUrl}/sign-in`)
  await page.getByLabel('Email address').fill(opts.email)
  await page.getByLabel('Password', { exact: true }).fill(opts.password)
  await p.clickAndLoad(page.getByRole('button', { name: 'Sign in' }))
  return p
}
