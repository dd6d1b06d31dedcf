import assert from 'node:assert/strict'
import { test } from 'node:test'
import { EXPORT_COLUMNS, paymentRunCsv } from './paymentExport.js'
import type { PaymentRunRow } from './ledgerRepository.js'
import type { PaymentLine } from './paymentService.js'

const run: PaymentRunRow = {
  id: 'r1',
  number: 7,
  period_from: '2026-03-01',
  period_to: '2026-03-31',
  line_count: 1,
  gross_pence: 123_456,
  credit_pence: 0,
  deduction_pence: 0,
  net_pence: 123_456,
  run_by: 'u',
  run_by_label: 'Fran',
  run_at: '2026-04-02T10:00:00.000Z',
}
const line: PaymentLine = {
  id: 'l1',
  run_id: 'r1',
  kind: 'spot',
  contract_id: null,
  placement_id: 'p1',
  provider_id: 'prov',
  provider_name: '=HYPERLINK("x"), "Care" Ltd',
  contract_reference: null,
  period_from: '2026-03-01',
  period_to: '2026-03-31',
  gross_pence: 123_456,
  credit_pence: 0,
  deduction_pence: 0,
  net_pence: 123_456,
  explanation: { kind: 'spot', from: '2026-03-01', to: '2026-03-31', nights: 31, weeklyPricePence: 27_877 },
}

test('the CSV has the finance columns, pounds to two places, and neither formulas nor broken quoting from a supplier name', () => {
  const [head, row, end] = paymentRunCsv(run, [line]).split('\r\n')
  assert.equal(head, EXPORT_COLUMNS.join(','))
  assert.equal(end, '')
  assert.equal(
    row,
    `7,2026-04-02,2026-03-01,2026-03-31,spot,"'=HYPERLINK(""x""), ""Care"" Ltd",prov,,p1,Spot placement: 31 nights at 278.77 a week,1234.56,0.00,0.00,1234.56`,
  )
})
