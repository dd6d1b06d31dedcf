import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import ExcelJS from 'exceljs'
import { describeEachDialect } from '../../../test/support/databases.js'
import { ForbiddenError } from '../../platform/auth/scope.js'
import { UserInputError } from '../../platform/errors.js'
import { EXPORT_COLUMNS } from './paymentExport.js'
import { ledgerWorld, type LedgerWorld } from './testing/ledgerWorld.js'
import { SCENARIO, workedExample, type WorkedExample } from './testing/scenario.js'

const counts = async (w: LedgerWorld) => ({
  runs: (await w.db.selectFrom('payment_runs').select('id').execute()).length,
  lines: (await w.db.selectFrom('payment_lines').select('id').execute()).length,
})

describeEachDialect('ledger: payment runs', (ctx) => {
  let w: LedgerWorld
  let x: WorkedExample
  const runs: string[] = []

  before(async () => {
    w = await ledgerWorld(ctx())
    x = await workedExample(w)
  })

  test('a run pays every block period and spot month that ends in it, each line exactly as the worked example has it', async () => {
    runs.push(await w.contracts.runPayments(w.actors.finance, { from: '2026-01-01', to: '2026-01-31' }))
    runs.push(await w.contracts.runPayments(w.actors.finance, { from: '2026-02-01', to: '2026-02-28' }))
    const jan = await w.contracts.getPaymentRun(w.actors.finance, runs[0]!)
    assert.deepEqual(
      jan.lines.map((l) => [l.kind, l.placement_id, l.period_from, l.period_to, l.net_pence]),
      [['spot', x.spot, SCENARIO.spotJanuary.from, SCENARIO.spotJanuary.to, SCENARIO.spotJanuary.net]],
    )
    const feb = await w.contracts.getPaymentRun(w.actors.finance, runs[1]!)
    const block = feb.lines.find((l) => l.kind === 'block')!
    const p = SCENARIO.period1
    assert.deepEqual(
      [
        block.contract_id,
        block.period_from,
        block.period_to,
        block.gross_pence,
        block.credit_pence,
        block.deduction_pence,
        block.net_pence,
      ],
      [x.contractId, p.from, p.to, p.gross, p.credit, p.deduction, p.net],
    )
    assert.deepEqual((block.explanation as { days: unknown }).days, { empty: 12, held: 0, released: 6, unavailable: 5, occupied: 33 })
    assert.equal(feb.lines.find((l) => l.kind === 'spot')?.net_pence, SCENARIO.spotFebruary.net)
    assert.equal(feb.run.net_pence, p.net + SCENARIO.spotFebruary.net, 'the run total is the sum of its lines')
    assert.equal(feb.run.line_count, 2)
  })

  test('a period with two prices is explained band by band', async () => {
    runs.push(await w.contracts.runPayments(w.actors.finance, { from: '2026-03-01', to: '2026-03-31' }))
    const mar = await w.contracts.getPaymentRun(w.actors.finance, runs[2]!)
    const p2 = mar.lines.find((l) => l.period_from === SCENARIO.period2.from)!
    assert.deepEqual(
      [p2.gross_pence, p2.credit_pence, p2.deduction_pence, p2.net_pence],
      [SCENARIO.period2.gross, SCENARIO.period2.credit, 0, SCENARIO.period2.net],
    )
    const bands = (p2.explanation as { bands: { from: string; to: string; pricePencePerBedWeek: number; reservedBedDays: number }[] }).bands
    assert.deepEqual(
      bands.map((b) => [b.from, b.to, b.pricePencePerBedWeek, b.reservedBedDays]),
      [
        ['2026-02-02', '2026-02-15', 700_000, 28],
        ['2026-02-16', '2026-03-01', 735_000, 28],
      ],
    )
    assert.deepEqual(
      mar.lines.map((l) => l.period_from),
      ['2026-02-02', '2026-03-02'],
      'both 4-weekly periods ending in March',
    )
  })

  test('a run over a period already paid is refused with the reason, and nothing changes', async () => {
    const before = await counts(w)
    await assert.rejects(w.contracts.runPayments(w.actors.finance, { from: '2026-03-15', to: '2026-04-10' }), (e: unknown) => {
      assert.ok(e instanceof UserInputError)
      assert.equal(e.where?.field, 'from')
      assert.match(e.message, /^Payments for 1 March 2026 to 31 March 2026 were already run \(run 3\); nothing was changed$/)
      return true
    })
    assert.deepEqual(await counts(w), before)
  })

  test('a line overlapping one already paid for the same contract is refused (the schedule changed since)', async () => {
    // The register corrects the start to 12 January: its period 9 March – 5 April overlaps the one paid to 29 March.
    await w.db.updateTable('contracts').set({ start_date: '2026-01-12' }).where('id', '=', x.contractId).execute()
    const before = await counts(w)
    await assert.rejects(
      w.contracts.runPayments(w.actors.finance, { from: '2026-04-01', to: '2026-04-30' }),
      /^UserInputError: The period 9 March 2026 to 5 April 2026 of contract BLK-\d+ overlaps one already paid in run 3 \(2 March 2026 to 29 March 2026\); nothing was changed$/,
    )
    assert.deepEqual(await counts(w), before)
    await w.db.updateTable('contracts').set({ start_date: SCENARIO.start }).where('id', '=', x.contractId).execute()
  })

  test('payments run in arrears, over a real period, and only by finance', async () => {
    await assert.rejects(w.contracts.runPayments(w.actors.finance, { from: '2026-06-01', to: '2026-07-02' }), /in arrears/)
    await assert.rejects(
      w.contracts.runPayments(w.actors.finance, { from: '2026-06-10', to: '2026-06-01' }),
      (e: unknown) => e instanceof UserInputError && e.where?.field === 'to',
    )
    await assert.rejects(
      w.contracts.runPayments(w.actors.finance, { from: '2026-02-30', to: '2026-06-01' }),
      (e: unknown) => e instanceof UserInputError && e.where?.field === 'from',
    )
    await assert.rejects(w.contracts.runPayments(w.actors.commissioner, { from: '2026-04-01', to: '2026-04-30' }), ForbiddenError)
    await assert.rejects(w.contracts.listPaymentRuns(w.actors.acme), ForbiddenError)
    await assert.rejects(w.contracts.listPaymentRuns(w.actors.socialWorker), ForbiddenError)
    assert.equal((await w.contracts.listPaymentRuns(w.actors.commissioner)).length, 3)
  })

  test('every run is audited; the next unpaid period follows the last run', async () => {
    const audited = await w.db.selectFrom('audit_log').select('entity_id').where('entity_type', '=', 'payment-run').execute()
    assert.deepEqual(audited.map((a) => a.entity_id).sort(), [...runs].sort())
    assert.deepEqual(await w.contracts.nextUnpaidPeriod(w.actors.finance), { from: '2026-04-01', to: '2026-04-30' })
  })

  test('a run exports for the finance system as CSV and XLSX with the same figures', async () => {
    const csv = await w.contracts.exportPaymentRun(w.actors.finance, runs[1]!, 'csv')
    assert.equal(csv.filename, 'payment-run-2-2026-02-01-to-2026-02-28.csv')
    const [head, ...rows] = String(csv.body).trim().split('\r\n')
    assert.equal(head, EXPORT_COLUMNS.join(','))
    const block = rows.find((r) => r.includes(',block,'))!.split(',')
    assert.deepEqual(block.slice(-4), ['56000.00', '6000.00', '5000.00', '45000.00'])
    assert.equal(block[4], 'block')
    assert.equal(block[5], 'Acme Care Ltd')
    const xlsx = await w.contracts.exportPaymentRun(w.actors.finance, runs[1]!, 'xlsx')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(xlsx.body as unknown as ArrayBuffer)
    const sheet = book.worksheets[0]!
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), [...EXPORT_COLUMNS])
    const nets = [2, 3].map((r) => sheet.getRow(r).getCell(EXPORT_COLUMNS.indexOf('net') + 1).value).sort()
    assert.deepEqual(nets, [45_000, SCENARIO.spotFebruary.net / 100].sort())
  })
})
