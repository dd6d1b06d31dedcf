import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { Client, startTestApp, type TestApp } from '../../test/support/app.js'
import { describeEachDialect } from '../../test/support/databases.js'
import { systemActor } from '../platform/auth/actor.js'
import { createUserRepository } from '../platform/auth/userRepository.js'
import { toActor } from '../platform/auth/userService.js'
import { fromEpochDay, toEpochDay } from '../platform/calendar/isoDate.js'
import type { Db } from '../platform/db/database.js'
import { inTransaction } from '../platform/db/transaction.js'
import { formatDate, formatNumber, formatPence } from '../platform/web/format.js'
import { buildDemo, DEMO_PASSWORD } from './buildDemo.js'
import { buildContractDemo, FIRST_DEMO_CASE } from './contractDemo.js'

const CAUSES = ['no-referral', 'no-compatible-match', 'provider-declined', 'provider-unavailable'] as const
type Cause = (typeof CAUSES)[number]
const CAUSE_LABELS: Record<Cause, string> = {
  'no-referral': 'No referral',
  'no-compatible-match': 'No compatible match',
  'provider-declined': 'Provider declined',
  'provider-unavailable': 'Provider unavailable',
}

type Recomputed = {
  reserved: number
  occupied: number
  held: number
  released: number
  unavailable: number
  empty: number
  byCause: Record<Cause, { days: number; sevenths: number }>
  /** Everything owed for the days, in sevenths of a penny: reserved days at the price, less released and provider-unavailable days. */
  netSevenths: number
}

/**
 * The ledger worked out again, day by day and bed by bed, straight from the rows: a placement
 * fills its bed from its start to the day before its end; otherwise the provider's unavailability
 * beats a release, a release beats a hold; an empty day's cause is the latest-dated cause
 * recorded for it that no placement or hold has lapsed since; left unsaid, no referral.
 */
async function recompute(db: Db, contractId: string, from: string, to: string): Promise<Recomputed> {
  const c = await db.selectFrom('contracts').selectAll().where('id', '=', contractId).executeTakeFirstOrThrow()
  const reservations = await db.selectFrom('contract_beds').selectAll().where('contract_id', '=', contractId).execute()
  const bedIds = [...new Set(reservations.map((r) => r.bed_id))]
  const stays = await db.selectFrom('placements').select(['bed_id', 'start_date', 'end_date']).where('bed_id', 'in', bedIds).execute()
  const events = await db
    .selectFrom('bed_events')
    .selectAll()
    .where('contract_id', '=', contractId)
    .where('voided_at', 'is', null)
    .orderBy('seq')
    .execute()
  const prices = await db.selectFrom('contract_prices').selectAll().where('contract_id', '=', contractId).execute()
  const rank = { contract: 0, indexation: 1, variation: 2 } as const
  prices.sort((a, b) => a.from_date.localeCompare(b.from_date) || rank[a.source] - rank[b.source])
  const priceOn = (day: string) => prices.filter((p) => p.from_date <= day).at(-1)?.price_pence_per_bed_week ?? c.price_pence_per_bed_week
  const fee = (day: string) =>
    c.pricing_model === 'core-and-placement'
      ? (prices.filter((p) => p.from_date <= day && p.placement_fee_pence_per_week !== null).at(-1)?.placement_fee_pence_per_week ??
        c.placement_fee_pence_per_week ??
        0)
      : 0
  const covers = (e: { from_date: string; to_date: string | null }, day: string) =>
    e.from_date <= day && (e.to_date === null || e.to_date >= day)
  const occupiedOn = (bed: string, day: string) =>
    stays.some((p) => p.bed_id === bed && p.start_date <= day && (p.end_date === null || p.end_date > day))
  const heldOn = (bed: string, day: string) => events.some((e) => e.bed_id === bed && e.kind === 'held' && covers(e, day))
  const filledBetween = (bed: string, a: string, b: string) => {
    for (let d = toEpochDay(a); d <= toEpochDay(b); d++) if (occupiedOn(bed, fromEpochDay(d)) || heldOn(bed, fromEpochDay(d))) return true
    return false
  }

  const r: Recomputed = {
    reserved: 0,
    occupied: 0,
    held: 0,
    released: 0,
    unavailable: 0,
    empty: 0,
    byCause: Object.fromEntries(CAUSES.map((k) => [k, { days: 0, sevenths: 0 }])) as Recomputed['byCause'],
    netSevenths: 0,
  }
  const lo = from > c.start_date ? from : c.start_date
  const hi = to < c.end_date ? to : c.end_date
  for (const bed of bedIds) {
    for (let n = toEpochDay(lo); n <= toEpochDay(hi); n++) {
      const day = fromEpochDay(n)
      if (!reservations.some((x) => x.bed_id === bed && x.from_date <= day && (x.to_date ?? c.end_date) >= day)) continue
      const price = priceOn(day)
      r.reserved++
      r.netSevenths += price
      const on = (kind: string) => events.some((e) => e.bed_id === bed && e.kind === kind && covers(e, day))
      let cause: Cause | null = null
      if (occupiedOn(bed, day)) {
        r.occupied++
        r.netSevenths += fee(day)
      } else if (on('unavailable')) {
        r.unavailable++
        cause = 'provider-unavailable'
      } else if (on('released')) {
        r.released++
        r.netSevenths -= price
      } else if (on('held')) r.held++
      else {
        r.empty++
        const said = events.filter(
          (e) => e.bed_id === bed && e.kind === 'empty-cause' && covers(e, day) && !filledBetween(bed, e.from_date, day),
        )
        said.sort((a, b) => a.from_date.localeCompare(b.from_date) || a.seq - b.seq)
        cause = (said.at(-1)?.cause as Cause | undefined) ?? 'no-referral'
      }
      if (cause) {
        r.byCause[cause].days++
        r.byCause[cause].sevenths += price
        if (cause === 'provider-unavailable') r.netSevenths -= price
      }
    }
  }
  return r
}

const pence = (sevenths: number) => Math.round(sevenths / 7)

/** The text of each summary-list row of the page, by its key. */
function summaryRows(html: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const m of html.matchAll(
    /<dt class="govuk-summary-list__key">\s*([\s\S]*?)\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*([\s\S]*?)\s*<\/dd>/g,
  ))
    out.set(m[1]!.trim(), m[2]!.replace(/\s+/g, ' ').trim())
  return out
}

/** The "Empty bed-days by cause" table: label → [bed-days, cost]. */
function causeRows(html: string): Map<string, [string, string]> {
  const table = /Empty bed-days by cause<\/caption>([\s\S]*?)<\/table>/.exec(html)?.[1] ?? ''
  const out = new Map<string, [string, string]>()
  for (const m of table.matchAll(/<th scope="row"[^>]*>([^<]*)<\/th>\s*<td[^>]*>([^<]*)<\/td>\s*<td[^>]*>([^<]*)<\/td>/g))
    out.set(m[1]!.trim(), [m[2]!.trim(), m[3]!.trim()])
  return out
}

const unescape = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')

async function counts(db: Db): Promise<Record<string, number>> {
  const tables = [
    'children',
    'referrals',
    'placements',
    'placement_visits',
    'bed_events',
    'cpi_figures',
    'contract_prices',
    'contract_kpis',
    'provider_returns',
    'contract_return_documents',
    'payment_runs',
    'payment_lines',
    'audit_log',
  ] as const
  const out: Record<string, number> = {}
  for (const t of tables) {
    const row = await db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    out[t] = Number(row.n)
  }
  return out
}

describeEachDialect('the demo’s block contracts’ two years', (database) => {
  let app: TestApp
  let db: Db
  let contracts: { id: string; reference: string; start_date: string; end_date: string }[]
  const today = new Date().toISOString().slice(0, 10)

  before(async () => {
    // The suite's database outlives the app: closing the app must not close it.
    app = await startTestApp({ database: { ...database(), close: async () => undefined }, demo: true })
    db = app.services.db
    contracts = await db
      .selectFrom('contracts')
      .innerJoin('tenders', 'tenders.id', 'contracts.tender_id')
      .select(['contracts.id', 'contracts.reference', 'contracts.start_date', 'contracts.end_date'])
      .where('tenders.framework_id', '=', 'demo-framework')
      .where('contracts.kind', '=', 'block')
      .orderBy('contracts.reference')
      .execute()
  })
  after(async () => app?.close())

  test('each contract page shows value figures equal to a recomputation from the raw ledger', async () => {
    assert.equal(contracts.length, 2)
    const client = new Client(app.baseUrl)
    await client.signIn('chris.commissioner@southampton.demo', DEMO_PASSWORD)
    for (const c of contracts) {
      const page = await client.get(`/contracts/${c.id}`)
      assert.equal(page.status, 200, `the page of ${c.reference}`)
      const rows = summaryRows(page.text)
      const to = today < c.end_date ? today : c.end_date
      const r = await recompute(db, c.id, c.start_date, to)
      assert.ok(r.occupied > 0 && r.empty > 0, `${c.reference} has occupied and empty days`)
      const paid = pence(r.netSevenths)
      assert.equal(rows.get('Period'), `${formatDate(c.start_date)} to ${formatDate(to)}`)
      assert.equal(
        rows.get('Occupancy'),
        `${formatNumber((r.occupied / r.reserved) * 100, 1)}% (${formatNumber(r.occupied)} of ${formatNumber(r.reserved)} reserved bed-days occupied)`,
        `${c.reference} occupancy`,
      )
      assert.equal(
        rows.get('Empty bed-days'),
        `${formatNumber(r.empty + r.unavailable)}, of which ${formatNumber(r.unavailable)} the provider made unavailable`,
      )
      assert.equal(
        rows.get('Held or released'),
        `${formatNumber(r.held)} held for planned admissions, ${formatNumber(r.released)} released to other councils`,
      )
      assert.equal(rows.get('Paid for the period'), formatPence(paid), `${c.reference} paid`)
      assert.equal(
        rows.get('Cost per occupied bed-week'),
        formatPence(Math.round((paid * 7) / r.occupied)),
        `${c.reference} cost per occupied bed-week`,
      )
      const byCause = causeRows(page.text)
      for (const cause of CAUSES) {
        const want = r.byCause[cause]
        assert.deepEqual(
          byCause.get(CAUSE_LABELS[cause]),
          [formatNumber(want.days), formatPence(pence(want.sevenths))],
          `${c.reference}: ${cause}`,
        )
      }
    }
  })

  test('what was paid in the payment runs is the ledger recomputed over the periods run, to the penny on each line', async () => {
    for (const c of contracts) {
      const lines = await db
        .selectFrom('payment_lines')
        .select(['period_from', 'period_to', 'net_pence'])
        .where('contract_id', '=', c.id)
        .orderBy('period_from')
        .execute()
      assert.ok(lines.length >= 20, `${c.reference}: a line for each 4-weekly period of two years`)
      assert.equal(lines[0]!.period_from, c.start_date)
      for (const [i, l] of lines.entries()) {
        if (i > 0) assert.equal(toEpochDay(l.period_from), toEpochDay(lines[i - 1]!.period_to) + 1, 'the periods run end to end')
        assert.equal(
          l.net_pence,
          pence((await recompute(db, c.id, l.period_from, l.period_to)).netSevenths),
          `${c.reference} ${l.period_from}`,
        )
      }
      assert.ok(
        lines.at(-1)!.period_to < today && toEpochDay(today) - toEpochDay(lines.at(-1)!.period_to) <= 28,
        'paid up to the last complete period',
      )
    }
  })

  test('the history is there: placements ended and open, a release, unavailability, causes, indexation, returns and payments', async () => {
    const ids = contracts.map((c) => c.id)
    const cases = new Map((await db.selectFrom('children').select(['id', 'case_reference']).execute()).map((c) => [c.id, c.case_reference]))
    const placements = await db.selectFrom('placements').selectAll().where('contract_id', 'in', ids).execute()
    const demo = placements
      .map((p) => ({ ...p, case_reference: cases.get(p.child_id)! }))
      .filter((p) => p.case_reference.startsWith('DEMO-B'))
    assert.ok(demo.length >= 10, 'about ten children placed in the block beds')
    assert.ok(
      demo.some((p) => p.case_reference === FIRST_DEMO_CASE),
      'the first demo child',
    )
    assert.ok(
      demo.every((p) => p.impact_assessed_by !== null),
      'every admission had the home’s impact risk assessment',
    )
    const ended = demo.filter((p) => p.end_date !== null)
    assert.ok(
      ended.some((p) => p.ended_planned === 'planned') && ended.some((p) => p.ended_planned === 'unplanned'),
      'planned and unplanned endings',
    )
    assert.ok(
      ended.every((p) => p.end_reason !== null),
      'every ending has its REC code',
    )
    assert.ok(demo.filter((p) => p.end_date === null).length >= 3, 'children in the beds today')

    const events = await db.selectFrom('bed_events').selectAll().where('contract_id', 'in', ids).execute()
    const released = events.filter((e) => e.kind === 'released')
    assert.ok(
      released.length >= 1 && released.every((e) => e.to_date !== null && e.recorded_by_provider_id !== null),
      'a bed released by its provider came back',
    )
    assert.deepEqual([...new Set(events.filter((e) => e.kind === 'unavailable').map((e) => e.reason))].sort(), ['repairs', 'staffing'])
    assert.ok(
      events.some((e) => e.kind === 'held'),
      'a bed held for a planned admission',
    )
    for (const cause of ['no-compatible-match', 'provider-declined'])
      assert.ok(
        events.some((e) => e.kind === 'empty-cause' && e.cause === cause),
        cause,
      )

    const indexed = await db
      .selectFrom('contract_prices')
      .selectAll()
      .where('contract_id', 'in', ids)
      .where('source', '=', 'indexation')
      .execute()
    assert.ok(indexed.length >= 2, 'each contract indexed on its first anniversary')
    assert.ok(
      indexed.some((p) => p.review_flag === 1 && p.applied_bps === 150),
      'capped at 1.5% and flagged for review when CPI was above 3%',
    )

    const chris = toActor((await createUserRepository().findByEmail(db, 'chris.commissioner@southampton.demo'))!)
    let rags = ''
    for (const c of contracts) {
      const { months } = await app.services.contracts.returnMonths(chris, c.id)
      assert.ok(months.length >= 24, `${c.reference}: a return owed for each month of two years`)
      assert.ok(months.filter((m) => m.status === 'submitted').length >= months.length - 3, `${c.reference}: most returns on time`)
      assert.ok(
        months.some((m) => m.documents > 0),
        `${c.reference}: Regulation 44 reports`,
      )
      const card = await app.services.contracts.scorecard(chris, c.id)
      rags += card.rows.flatMap((row) => row.rag).join(' ')
    }
    const statuses = (await Promise.all(contracts.map((c) => app.services.contracts.returnMonths(chris, c.id)))).flatMap((x) =>
      x.months.map((m) => m.status),
    )
    assert.ok(statuses.includes('late') && statuses.includes('missing'), 'one return came late and one never came')
    assert.match(rags, /amber/)
    assert.match(rags, /red/)

    const runs = await db.selectFrom('payment_runs').selectAll().orderBy('number').execute()
    assert.ok(runs.length >= 25, 'a payment run for each 4-weekly period')
    assert.ok(
      runs.every((r) => r.run_by_label.startsWith('Fran Finance')),
      'run by the finance officer',
    )

    const overdue = (await app.services.placements.dueAndOverdue(systemActor('test'))).filter((d) => d.caseReference.startsWith('DEMO-B'))
    assert.ok(overdue.length >= 3, 'the children in the beds today have visits due')
    const late = overdue.filter((d) => d.visitOverdue).length
    assert.ok(late >= 1 && late <= 2, 'most visits in time, one or two overdue')
  })

  test('the extension decision is coming due, with no decision yet, and the contract page says so', async () => {
    const client = new Client(app.baseUrl)
    await client.signIn('chris.commissioner@southampton.demo', DEMO_PASSWORD)
    for (const c of contracts) {
      const decisions = await db.selectFrom('contract_extension_decisions').select('id').where('contract_id', '=', c.id).execute()
      assert.equal(decisions.length, 0)
      const page = await client.get(`/contracts/${c.id}`)
      assert.match(unescape(page.text), /id="extension-due"[\s\S]*Extension decision due[\s\S]*Notice must be given by/)
    }
  })

  test('building the demo again changes nothing', async () => {
    const before = await counts(db)
    assert.ok(before.children! > 0 && before.payment_runs! > 0, 'the demo is built')
    await buildDemo({ ...app.services, actor: systemActor('test') })
    await inTransaction(db, (tx) => buildContractDemo({ ...app.services, actor: systemActor('test') }, tx))
    assert.deepEqual(await counts(db), before)
  })
})
