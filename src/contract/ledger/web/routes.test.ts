import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { Client, startTestApp, type TestApp } from '../../../../test/support/app.js'
import { freshSqlite } from '../../../../test/support/databases.js'
import { systemActor } from '../../../platform/auth/actor.js'
import type { Role } from '../../../platform/auth/roles.js'
import { settableClock } from '../../../platform/clock.js'
import { inTransaction } from '../../../platform/db/transaction.js'
import { ledgerPaths as paths } from '../paths.js'
import { LEDGER_NOW, ledgerWorld, type LedgerWorld } from '../testing/ledgerWorld.js'
import { workedExample, type WorkedExample } from '../testing/scenario.js'

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/\s+/g, ' ')
const errorLinks = (html: string) =>
  [...(/govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '').matchAll(/<a href="(#[^"]+)"/g)].map((m) => m[1])

describe('ledger pages: bed ledger, payments and value', () => {
  let app: TestApp
  let w: LedgerWorld
  let x: WorkedExample
  const january = (id: string) => `${paths.ledger(id)}?from=2026-01-01&to=2026-01-31`

  async function signedIn(role: Role, providerId?: string): Promise<Client> {
    let organisationId: string | undefined
    if (providerId)
      organisationId = await inTransaction(app.services.db, (tx) =>
        app.services.users.createOrganisation(systemActor('test'), tx, { name: `Provider ${providerId}`, kind: 'provider', providerId }),
      )
    const user = await app.createUser(role, { organisationId })
    const client = new Client(app.baseUrl)
    assert.equal((await client.signIn(user.email)).status, 302)
    return client
  }

  let commissioner: Client
  let finance: Client
  let socialWorker: Client
  let acme: Client
  let brook: Client

  before(async () => {
    const database = await freshSqlite()
    w = await ledgerWorld(database)
    x = await workedExample(w)
    app = await startTestApp({ database, clock: settableClock(LEDGER_NOW) })
    commissioner = await signedIn('commissioning_officer')
    finance = await signedIn('finance_officer')
    socialWorker = await signedIn('social_worker')
    acme = await signedIn('provider_user', w.providers.acme)
    brook = await signedIn('provider_user', w.providers.brook)
  })
  after(async () => app?.close())

  test('the ledger page shows each bed’s days, the day list and the events', async () => {
    const res = await commissioner.get(january(x.contractId))
    assert.equal(res.status, 200)
    const t = text(res.text)
    assert.match(t, /Bed ledger/)
    assert.match(t, /Bed-days, 1 January 2026 to 31 January 2026/)
    assert.match(t, /All beds 32 0 5 5 12/, 'occupied, unavailable, released, held, empty in the summary row')
    assert.match(t, /19 January 2026 Occupied/)
    assert.match(t, /Unavailable through the provider 10 January 2026 14 January 2026 Staffing/)
    assert.match(res.text, /<h2 class="govuk-heading-m" id="record">Record a bed event<\/h2>/)
  })

  test('recording a bed event: bad input names the control and keeps the period; a good one redirects back to it', async () => {
    await commissioner.get(january(x.contractId))
    const bad = await commissioner.post(paths.events(x.contractId), {
      bedId: x.bed1,
      kind: 'held',
      fromDate: '2026-02-31',
      toDate: '',
      reason: '',
      cause: '',
      note: '',
      periodFrom: '2026-01-01',
      periodTo: '2026-01-31',
    })
    assert.equal(bad.status, 400)
    assert.deepEqual(errorLinks(bad.text), ['#fromDate'])
    assert.match(text(bad.text), /Bed-days, 1 January 2026 to 31 January 2026/)
    const good = await commissioner.post(paths.events(x.contractId), {
      bedId: x.bed1,
      kind: 'held',
      fromDate: '2026-03-02',
      toDate: '2026-03-04',
      reason: '',
      cause: '',
      note: 'Planned admission',
      periodFrom: '2026-03-01',
      periodTo: '2026-03-31',
    })
    assert.equal(good.status, 302)
    assert.equal(good.location, `${paths.ledger(x.contractId)}?from=2026-03-01&to=2026-03-31`)
    const page = text((await commissioner.get(good.location!)).text)
    assert.match(page, /2 March 2026 Held for a planned admission/)
  })

  test('voiding needs a reason, shown against that event’s own control', async () => {
    const v = await w.contracts.contractLedger(w.actors.commissioner, x.contractId, { from: '2026-03-01', to: '2026-03-31' })
    const held = v.events.find((e) => e.kind === 'held')!
    await commissioner.get(january(x.contractId))
    const bad = await commissioner.post(paths.voidEvent(x.contractId, held.id), {
      voidReason: '',
      periodFrom: '2026-03-01',
      periodTo: '2026-03-31',
    })
    assert.equal(bad.status, 400)
    assert.deepEqual(errorLinks(bad.text), [`#voidReason-${held.id}`])
    const good = await commissioner.post(paths.voidEvent(x.contractId, held.id), {
      voidReason: 'Admission fell through',
      periodFrom: '2026-03-01',
      periodTo: '2026-03-31',
    })
    assert.equal(good.status, 302)
    assert.match(
      text((await commissioner.get(good.location!)).text),
      /Voided by Test commissioning_officer [^,]*, 1 July 2026: Admission fell through/,
    )
  })

  test('a provider sees and records on its own contract only; a social worker sees none of it', async () => {
    assert.equal((await acme.get(january(x.contractId))).status, 200)
    assert.equal((await brook.get(january(x.contractId))).status, 404)
    assert.equal((await socialWorker.get(january(x.contractId))).status, 403)
    await acme.get(january(x.contractId))
    const unavailable = await acme.post(paths.events(x.contractId), {
      bedId: x.bed1,
      kind: 'unavailable',
      fromDate: '2026-04-01',
      toDate: '2026-04-02',
      reason: 'repairs',
      cause: '',
      note: '',
      periodFrom: '',
      periodTo: '',
    })
    assert.equal(unavailable.status, 302)
    const held = await acme.post(paths.events(x.contractId), {
      bedId: x.bed1,
      kind: 'held',
      fromDate: '2026-04-05',
      toDate: '',
      reason: '',
      cause: '',
      note: '',
      periodFrom: '',
      periodTo: '',
    })
    assert.equal(held.status, 403)
  })

  test('finance runs payments for the next unpaid period, sees each line’s ledger days and downloads the run', async () => {
    const page = await finance.get(paths.payments())
    assert.equal(page.status, 200)
    assert.match(page.text, /name="from" type="date" value="2026-01-05"/)
    assert.match(page.text, /name="to" type="date" value="2026-01-31"/)
    await finance.post(paths.payments(), { from: '2026-01-05', to: '2026-01-31' })
    const run = await finance.post(paths.payments(), { from: '2026-02-01', to: '2026-02-28' })
    assert.equal(run.status, 302)
    const detail = text((await finance.get(run.location!)).text)
    assert.match(detail, /Payment run 2/)
    assert.match(detail, /£56,000.00 £6,000.00 £5,000.00 £45,000.00/)
    assert.match(detail, /5 January 2026 to 1 February 2026 £7,000.00 £0.00 56 33 6 5/, 'the price band behind the line')
    const runId = run.location!.split('/').at(-1)!
    const csv = await fetch(`${app.baseUrl}${paths.csv(runId)}`, { headers: { cookie: (finance as unknown as { cookie: string }).cookie } })
    assert.equal(csv.status, 200)
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/)
    assert.match(csv.headers.get('content-disposition') ?? '', /^attachment; filename="?payment-run-2-2026-02-01-to-2026-02-28\.csv"?$/)
    assert.match(await csv.text(), /,block,Acme Care Ltd,.*,56000.00,6000.00,5000.00,45000.00/)
    const xlsx = await fetch(`${app.baseUrl}${paths.xlsx(runId)}`, {
      headers: { cookie: (finance as unknown as { cookie: string }).cookie },
    })
    assert.equal(xlsx.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  })

  test('a run over a period already paid is refused on the page, and nothing is run', async () => {
    await finance.get(paths.payments())
    const again = await finance.post(paths.payments(), { from: '2026-02-15', to: '2026-03-10' })
    assert.equal(again.status, 400)
    assert.deepEqual(errorLinks(again.text), ['#from'])
    assert.match(text(again.text), /Payments for 1 February 2026 to 28 February 2026 were already run \(run 2\); nothing was changed/)
    assert.equal((await w.contracts.listPaymentRuns(w.actors.finance)).length, 2)
  })

  test('only finance runs payments; providers and social workers do not see them', async () => {
    const seen = await commissioner.get(paths.payments())
    assert.equal(seen.status, 200)
    assert.doesNotMatch(seen.text, /Start a payment run/)
    assert.equal((await commissioner.post(paths.payments(), { from: '2026-03-01', to: '2026-03-31' })).status, 403)
    assert.equal((await socialWorker.get(paths.payments())).status, 403)
    assert.equal((await acme.get(paths.payments())).status, 403)
  })

  test('the value page: the whole block over any period; bad dates name the control; providers see no benchmark', async () => {
    const res = await commissioner.get(`${paths.value()}?from=2026-01-05&to=2026-03-01`)
    assert.equal(res.status, 200)
    const t = text(res.text)
    assert.match(t, /Occupancy .*% \(\d+ of 112 reserved bed-days occupied\)/)
    assert.match(t, /Framework spot rate £5,500.00 a bed-week/)
    assert.match(t, /overspent against spot/)
    assert.match(t, /Empty bed-days by cause/)
    const bad = await commissioner.get(`${paths.value()}?from=2026-13-01&to=2026-03-01`)
    assert.equal(bad.status, 400)
    assert.deepEqual(errorLinks(bad.text), ['#from'])
    const provider = text((await acme.get(`${paths.value()}?from=2026-01-05&to=2026-03-01`)).text)
    assert.match(provider, /Framework spot rate Not available/)
    assert.match(provider, /No spot benchmark for the period/)
    assert.equal((await socialWorker.get(paths.value())).status, 403)
  })
})
