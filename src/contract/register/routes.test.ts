import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import ExcelJS from 'exceljs'
import { Client, startTestApp, type TestApp } from '../../../test/support/app.js'
import { DEMO_PASSWORD } from '../../demo/buildDemo.js'
import { formatDate } from '../../platform/web/format.js'
import { monthName, monthOf } from './dates.js'

/**
 * The register's pages on the demo council (its completed mini-competition's two block contracts,
 * two years into their term): the real app, sessions, CSRF and error pages.
 */
describe('contract register pages', () => {
  let t: TestApp
  const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
  /** The error summary's links: where each points, and what it says. */
  const errorLinks = (html: string) =>
    [...(/govuk-error-summary[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '').matchAll(/<a href="#([\w-]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => [
      m[1],
      m[2]!.trim(),
    ])
  const as = async (who: string) => {
    const c = new Client(t.baseUrl)
    const res = await c.signIn(`${who}@southampton.demo`, DEMO_PASSWORD)
    assert.equal(res.status, 302)
    return c
  }
  const contractIds = async () =>
    (
      await t.services.db
        .selectFrom('contracts')
        .select(['id', 'provider_id'])
        .where('tender_id', 'is not', null)
        .orderBy('reference')
        .execute()
    ).map((r) => ({
      id: r.id,
      providerId: r.provider_id,
    }))

  before(async () => {
    t = await startTestApp({ demo: true })
  })
  after(async () => {
    await t?.close()
  })

  test('the list: each contract with its price today, and the extension decision coming due; a provider sees only its own', async () => {
    const chris = await as('chris.commissioner')
    const list = await chris.get('/contracts')
    assert.equal(list.status, 200)
    const body = text(list.text)
    assert.match(body, /Extension decision due Notice must be given soon/)
    assert.equal((body.match(/Extension decision due/g) ?? []).length, 3, 'the banner and a tag for each contract')
    const [first, second] = await contractIds()
    const pat = await as('pat.provider')
    const own = [first, second].find((c) => c!.providerId === 'demo-p01')!
    const other = [first, second].find((c) => c!.providerId !== 'demo-p01')!
    const theirs = await pat.get('/contracts')
    assert.match(theirs.text, new RegExp(own.id))
    assert.doesNotMatch(theirs.text, new RegExp(other.id))
    assert.doesNotMatch(text(theirs.text), /Extension decision due Notice/)
    assert.equal((await pat.get(`/contracts/${other.id}`)).status, 404)
    assert.equal((await pat.get(`/contracts/${own.id}/extension`)).status, 404)
    assert.equal((await pat.get('/contracts/new')).status, 403)
  })

  test('hand entry: problems named by their controls, then an in-house unit entered', async () => {
    const chris = await as('chris.commissioner')
    const start = await chris.get('/contracts/new')
    assert.equal(start.status, 200)
    const provider = /<option value="(demo-p0[3-9])">/.exec(start.text)![1]!
    const form = await chris.get(`/contracts/new?kind=in-house&providerId=${provider}`)
    assert.equal(form.status, 200)
    const bed = /name="bedIds" type="checkbox" value="([^"]+)"/.exec(form.text)![1]!
    const base = {
      kind: 'in-house',
      providerId: provider,
      pricingModel: 'block',
      paymentFrequency: 'monthly',
      indexation: 'yes',
      capBps: '1.5',
      reviewBps: '3',
      cpiLagMonths: '2',
    }
    const bad = await chris.post('/contracts/new', { ...base, 'startDate-day': '31', 'startDate-month': '2', 'startDate-year': '2026' })
    assert.equal(bad.status, 400)
    assert.deepEqual(
      errorLinks(bad.text).map(([href]) => href),
      ['bedIds', 'reference', 'pricePencePerBedWeek', 'startDate-day', 'initialEndDate-day', 'maxExtentDate-day'],
    )
    assert.match(bad.text, /The start date must be a real date, like 28 9 2024/)
    const dates = {
      'startDate-day': '1',
      'startDate-month': '4',
      'startDate-year': '2026',
      'initialEndDate-day': '31',
      'initialEndDate-month': '3',
      'initialEndDate-year': '2029',
    }
    const filled = {
      ...base,
      ...dates,
      reference: 'IH-2026-01',
      bedIds: bed,
      pricePencePerBedWeek: '4,200',
      'maxExtentDate-day': '31',
      'maxExtentDate-month': '3',
    }
    // A latest end after the initial term, with no extension to reach it.
    const refused = await chris.post('/contracts/new', { ...filled, 'maxExtentDate-year': '2030' })
    assert.equal(refused.status, 400)
    assert.deepEqual(errorLinks(refused.text), [
      ['extensionMonths', 'Enter the extension’s length, or make the latest end the end of the initial term'],
    ])
    const made = await chris.post('/contracts/new', { ...filled, 'maxExtentDate-year': '2029' })
    assert.equal(made.status, 302)
    const page = await chris.get(made.location!)
    assert.match(text(page.text), /Contract IH-2026-01 .*Kind In-house unit .*Price per bed-week today £4,200\.00/)
  })

  test('a variation: proposed by an officer, refused without a reason for rejecting, approved by a head of service', async () => {
    const { id } = (await contractIds())[0]!
    const chris = await as('chris.commissioner')
    assert.equal((await chris.get(`/contracts/${id}/variations/new?kind=price`)).status, 200)
    const blank = await chris.post(`/contracts/${id}/variations`, { kind: 'price', pricePencePerBedWeek: 'lots' })
    assert.equal(blank.status, 400)
    assert.deepEqual(
      errorLinks(blank.text).map(([href]) => href),
      ['effectiveDate-day', 'reason', 'pricePencePerBedWeek'],
    )
    const proposed = await chris.post(`/contracts/${id}/variations`, {
      kind: 'price',
      'effectiveDate-day': '1',
      'effectiveDate-month': '12',
      'effectiveDate-year': '2026',
      reason: 'A waking night member of staff',
      pricePencePerBedWeek: '5300',
    })
    assert.equal(proposed.status, 302)
    const finance = await as('fran.finance')
    assert.equal((await finance.post(`/contracts/${id}/variations`, { kind: 'price' })).status, 403)
    const hari = await as('hari.head.of.service')
    const page = await hari.get(`/contracts/${id}`)
    const variationId = /action="\/contracts\/[^/]+\/variations\/([0-9a-f-]{36})"/.exec(page.text)![1]!
    const noNote = await hari.post(`/contracts/${id}/variations/${variationId}`, { decision: 'reject', note: '' })
    assert.equal(noNote.status, 400)
    assert.deepEqual(errorLinks(noNote.text), [[`note-${variationId}`, 'Enter why the variation is rejected']])
    assert.equal((await hari.post(`/contracts/${id}/variations/${variationId}`, { decision: 'approve', note: '' })).status, 302)
    const after = text((await hari.get(`/contracts/${id}`)).text)
    assert.match(after, /Price: £5,300\.00 per bed-week .*Approved .*Hari/)
  })

  test('CPI: a bad month is named; a figure used by an indexation cannot be corrected', async () => {
    const chris = await as('chris.commissioner')
    assert.equal((await chris.get('/contracts/cpi')).status, 200)
    const bad = await chris.post('/contracts/cpi', { month: 'July', rateBps: '1.7' })
    assert.equal(bad.status, 400)
    assert.deepEqual(errorLinks(bad.text), [['month', 'Enter the month as year and month, like 2027-07']])
    // The demo's contracts were indexed on their anniversaries by the CPI of two months before.
    const indexed = await t.services.db
      .selectFrom('contract_prices')
      .innerJoin('contracts', 'contracts.id', 'contract_prices.contract_id')
      .select(['contracts.reference', 'contract_prices.from_date'])
      .where('source', '=', 'indexation')
      .orderBy('from_date', 'desc')
      .executeTakeFirstOrThrow()
    const month = monthOf(indexed.from_date, -2)
    const used = await chris.post('/contracts/cpi', { month, rateBps: '9' })
    assert.equal(used.status, 400)
    assert.match(
      text(used.text),
      new RegExp(`The CPI for ${monthName(month)} was used to index contract PW-\\d{4}-0001-C\\d from ${formatDate(indexed.from_date)}`),
    )
    assert.equal((await chris.post('/contracts/cpi', { month: '2030-01', rateBps: '2.1' })).status, 302)
    assert.match(text((await chris.get('/contracts/cpi')).text), /January 2030 2.1%/)
  })

  test('the extension decision: the pack as a page and a workbook; proposed, approved, the end moved', async () => {
    const { id } = (await contractIds())[1]!
    const chris = await as('chris.commissioner')
    const pack = await chris.get(`/contracts/${id}/extension`)
    assert.equal(pack.status, 200)
    assert.match(
      text(pack.text),
      /Occupancy and cost.*Empty bed-days by cause.*KPIs.*Ofsted judgements of the homes.*Outcomes of the children placed/,
    )
    // The test client reads pages as text; the workbook is fetched with its session cookie.
    const xlsx = await fetch(`${t.baseUrl}/contracts/${id}/extension.xlsx`, {
      headers: { cookie: (chris as unknown as { cookie: string }).cookie },
    })
    assert.equal(xlsx.status, 200)
    assert.match(xlsx.headers.get('content-disposition') ?? '', /extension-decision-pack-PW-\d{4}-0001-C2\.xlsx/)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer)
    assert.deepEqual(
      book.worksheets.map((w) => w.name.split(',')[0]),
      [
        'The contract',
        'Occupancy and cost',
        'Empty bed-days by cause',
        'KPIs',
        'Ofsted judgements of the homes',
        'Outcomes of the children placed',
      ],
    )
    const missing = await chris.post(`/contracts/${id}/extension`, { decision: 'extend', rationale: '' })
    assert.equal(missing.status, 400)
    assert.deepEqual(errorLinks(missing.text), [['rationale', 'Enter the reasons for the decision']])
    assert.equal(
      (await chris.post(`/contracts/${id}/extension`, { decision: 'extend', rationale: 'Occupancy high, cost below spot.' })).status,
      302,
    )
    const hari = await as('hari.head.of.service')
    assert.match(text((await hari.get(`/contracts/${id}/extension`)).text), /Chris .* proposes to take the extension/)
    assert.equal((await hari.post(`/contracts/${id}/extension/decision`, { approve: 'yes', note: '' })).status, 302)
    const { max_extent_date } = await t.services.db
      .selectFrom('contracts')
      .select('max_extent_date')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    assert.match(
      text((await hari.get(`/contracts/${id}`)).text),
      new RegExp(`Ends \\(in force\\) ${formatDate(max_extent_date)} .*Extension taken`),
    )
  })
})
