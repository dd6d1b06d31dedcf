import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { Client } from '../../../../test/support/app.js'
import { systemActor } from '../../../platform/auth/actor.js'
import { returnsPaths as paths } from '../paths.js'
import { returnsApp, type ReturnsApp } from '../testing/returnsApp.js'
import { samplePdf } from '../testing/sampleDocuments.js'

/** The error summary's links, in order. */
const errorLinks = (html: string) => {
  const summary = /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? ''
  return [...summary.matchAll(/<a href="(#[^"]+)"/g)].map((m) => m[1])
}
const system = systemActor('test')
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

const FORM = {
  childrenAccommodated: '3',
  incidents: '2',
  missingEpisodes: '1',
  educationHoursPerChildPerWeek: '24.5',
  physicalInterventions: '0',
  staffHours: '2000',
  agencyStaffHours: '300',
  regulation40Notifications: '1',
  notes: 'A quiet month',
}

/** Posts a multipart form as a browser does, with the client's session cookie and CSRF token. */
async function postMultipart(
  app: ReturnsApp,
  client: Client,
  path: string,
  fields: Record<string, string>,
  file?: { name: string; bytes: Buffer; type?: string },
  opts: { csrf?: boolean } = {},
) {
  const body = new FormData()
  if (opts.csrf !== false) body.append('_csrf', client.csrf)
  for (const [k, v] of Object.entries(fields)) body.append(k, v)
  if (file) body.append('regulation44Report', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/pdf' }), file.name)
  // The test client keeps its cookie to itself; a multipart post needs it too.
  const cookie = (client as unknown as { cookie: string }).cookie
  const res = await fetch(app.t.baseUrl + path, { method: 'POST', headers: { cookie }, body, redirect: 'manual' })
  return { status: res.status, text: await res.text(), location: res.headers.get('location') }
}

describe('returns pages', () => {
  let app: ReturnsApp
  let acme: Client
  let brook: Client
  let officer: Client
  const signIn = async (email: string) => {
    const c = new Client(app.t.baseUrl)
    assert.equal((await c.signIn(email)).status, 302)
    return c
  }

  before(async () => {
    app = await returnsApp()
    acme = await signIn(app.emails.acme)
    brook = await signIn(app.emails.brook)
    officer = await signIn(app.emails.commissioner)
  })
  after(() => app.t.close())

  test('a provider sees its own contracts and months; another provider’s contract is not found', async () => {
    const list = await acme.get(paths.portal())
    assert.equal(list.status, 200)
    assert.match(list.text, /PW-C-ACME/)
    assert.doesNotMatch(list.text, /PW-C-BROOK/)
    const page = await acme.get(paths.portalContract(app.contracts.acme))
    assert.equal(page.status, 200)
    assert.match(text(page.text), /April 2026 Missing/)
    assert.match(text(page.text), /November 2025 Missing/)
    for (const path of [paths.portalContract(app.contracts.brook), paths.portalMonth(app.contracts.brook, '2026-03')])
      assert.equal((await acme.get(path)).status, 404, path)
    assert.equal((await acme.get(paths.portalMonth(app.contracts.acme, '2026-05'))).status, 404, 'the month is not over')
    assert.equal((await acme.get(paths.portalMonth(app.contracts.acme, 'March'))).status, 404)
    // The council's pages do not exist for a provider; the portal is not the council's.
    assert.equal((await acme.get(paths.returns(app.contracts.acme))).status, 404)
    assert.equal((await acme.get(paths.alerts())).status, 404)
    assert.equal((await officer.get(paths.portal())).status, 403)
  })

  test('a provider sends a return with its Regulation 44 report, then corrects it', async () => {
    const month = paths.portalMonth(app.contracts.acme, '2026-03')
    await acme.get(month)
    const sent = await postMultipart(app, acme, month, FORM, { name: 'march-visit.pdf', bytes: samplePdf() })
    assert.equal(sent.status, 302, sent.text.slice(0, 2000))
    assert.equal(sent.location, paths.portalContract(app.contracts.acme))
    const done = await acme.get(sent.location!)
    assert.match(text(done.text), /Your return for March 2026 is sent/)
    assert.match(text(done.text), /March 2026 Submitted/)

    const again = await acme.get(month)
    assert.match(again.text, /value="24.5"/, 'the form holds the current figures to correct')
    assert.match(again.text, /march-visit\.pdf/)
    const corrected = await postMultipart(app, acme, month, { ...FORM, incidents: '3' })
    assert.equal(corrected.status, 302)
    const detail = await app.t.services.contracts.returnMonth(system, app.contracts.acme, '2026-03')
    assert.deepEqual(
      detail.versions.map((v) => [v.version, v.figures.incidents]),
      [
        [2, 3],
        [1, 2],
      ],
    )
    assert.equal(detail.documents.length, 1, 'the report stays with the month')
  })

  test('bad figures and a bad file are named, and nothing is written', async () => {
    const month = paths.portalMonth(app.contracts.acme, '2026-02')
    await acme.get(month)
    const bad = await postMultipart(app, acme, month, {
      ...FORM,
      incidents: 'two',
      agencyStaffHours: '2500',
      educationHoursPerChildPerWeek: '',
    })
    assert.equal(bad.status, 400)
    assert.deepEqual(errorLinks(bad.text), ['#incidents', '#educationHoursPerChildPerWeek', '#agencyStaffHours'])
    assert.match(bad.text, /value="two"/, 'what was typed comes back')
    const html = await postMultipart(app, acme, month, FORM, {
      name: 'report.pdf',
      bytes: Buffer.from('<html><script>alert(1)</script>'),
      type: 'application/pdf',
    })
    assert.equal(html.status, 400)
    assert.deepEqual(errorLinks(html.text), ['#regulation44Report'])
    assert.match(html.text, /must be a PDF, a Word document \(DOCX\) or an OpenDocument text \(ODT\)/)
    const withFile = await postMultipart(app, acme, month, { ...FORM, incidents: '' }, { name: 'visit.pdf', bytes: samplePdf() })
    assert.deepEqual(errorLinks(withFile.text), ['#incidents', '#regulation44Report'], 'asked to choose the file again')
    const noToken = await postMultipart(app, acme, month, FORM, undefined, { csrf: false })
    assert.equal(noToken.status, 403)
    await brook.get(paths.portalMonth(app.contracts.brook, '2026-03'))
    const other = await postMultipart(app, brook, paths.portalMonth(app.contracts.acme, '2026-02'), FORM)
    assert.equal(other.status, 404, 'another provider cannot send it')
    const months = await app.t.services.contracts.returnMonths(system, app.contracts.acme)
    assert.equal(months.months.find((m) => m.month === '2026-02')?.versions, 0)
  })

  test('the council reads the returns, the scorecard and the report, whose download is audited and never inline', async () => {
    assert.equal((await officer.get(paths.kpis(app.contracts.acme))).status, 200)
    const saved = await officer.post(paths.kpis(app.contracts.acme), {
      measure: 'incidents',
      direction: 'at-most',
      target: '2',
      amberMargin: '0.5',
    })
    assert.equal(saved.status, 302)
    const page = await officer.get(paths.returns(app.contracts.acme))
    assert.equal(page.status, 200)
    assert.match(text(page.text), /Incidents \(at most 2\)/)
    assert.match(text(page.text), /March 2026 3 Red/, 'the corrected figure, rated in words')
    assert.match(text(page.text), /February 2026 No data/)
    const month = await officer.get(paths.month(app.contracts.acme, '2026-03'))
    const href = /href="(\/contracts\/[^"]+\/documents\/[^"]+)"/.exec(month.text)?.[1]
    assert.ok(href, 'the report is linked')
    const res = await fetch(app.t.baseUrl + href, { headers: { cookie: (officer as unknown as { cookie: string }).cookie } })
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('content-type'), 'application/pdf')
    assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="?march-visit\.pdf"?$/)
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff')
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), samplePdf())
    const documentId = href.split('/').at(-1)!
    const audit = await app.t.services.audit.list({ entityType: 'contract_return_document', entityId: documentId, limit: 5, offset: 0 })
    assert.deepEqual(
      audit.rows.map((r) => r.action),
      ['download'],
    )
    assert.equal((await brook.get(paths.portalDocument(app.contracts.acme, documentId))).status, 404)
    const social = await signIn(await app.councilUser('social_worker'))
    assert.equal((await social.get(paths.returns(app.contracts.acme))).status, 403)
  })

  test('KPI targets: only contract editors; a bad target names its control', async () => {
    const finance = await signIn(await app.councilUser('finance_officer'))
    assert.equal((await finance.get(paths.kpis(app.contracts.acme))).status, 403)
    assert.equal((await finance.get(paths.returns(app.contracts.acme))).status, 200, 'finance reads the scorecard')
    await officer.get(paths.kpis(app.contracts.acme))
    const bad = await officer.post(paths.kpis(app.contracts.acme), {
      measure: 'agency-staff-share',
      direction: '',
      target: '120',
      amberMargin: 'x',
    })
    assert.equal(bad.status, 400)
    assert.deepEqual(errorLinks(bad.text), ['#direction', '#amberMargin'])
    const tooHigh = await officer.post(paths.kpis(app.contracts.acme), {
      measure: 'agency-staff-share',
      direction: 'at-most',
      target: '120',
      amberMargin: '0',
    })
    assert.deepEqual(errorLinks(tooHigh.text), ['#target'])
    const change = await officer.get(`${paths.kpis(app.contracts.acme)}?measure=incidents`)
    assert.match(change.text, /Change a target/)
    assert.match(change.text, /name="amberMargin"[^>]*value="0.5"/)
    assert.equal((await officer.post(paths.removeKpi(app.contracts.acme, 'incidents'), {})).status, 302)
    const { targets } = await app.t.services.contracts.kpiTargets(system, app.contracts.acme)
    assert.deepEqual(targets, [])
  })

  test('an Ofsted change shows as an alert; an officer acknowledges it with a note', async () => {
    await app.t.services.market.updateHome(system, app.homes.oak, {
      ofstedJudgement: 'Inadequate',
      ofstedJudgementDate: '2026-05-12',
    })
    const list = await officer.get(paths.alerts())
    assert.equal(list.status, 200)
    assert.match(text(list.text), /Oak House PW-C-ACME, Acme Care Ltd Good to Inadequate 12 May 2026/)
    const href = /href="(\/contracts\/alerts\/[^"]+)"/.exec(list.text)?.[1]
    assert.ok(href)
    await officer.get(href)
    const empty = await officer.post(href, { note: ' ' })
    assert.equal(empty.status, 400)
    assert.deepEqual(errorLinks(empty.text), ['#note'])
    assert.equal((await officer.post(href, { note: 'Placements paused; visit booked' })).status, 302)
    const after = await officer.get(paths.alerts())
    assert.match(text(after.text), /There are no open alerts/)
    assert.match(text(after.text), /Recently closed/)
    const finance = await signIn(await app.councilUser('finance_officer'))
    const view = await finance.get(href)
    assert.match(text(view.text), /Placements paused; visit booked/)
    assert.doesNotMatch(view.text, /Acknowledge the alert/, 'finance cannot acknowledge')
  })
})
