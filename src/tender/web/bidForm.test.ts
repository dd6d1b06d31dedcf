import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { GatewayResult } from '../tenderApi.js'
import { bidFormView, bidValuesOf, parseBidForm } from './bidForm.js'
import { sampleBid, sampleTender } from './testFixtures.js'

const home = (id: string, eligible = true): GatewayResult['homes'][number] => ({
  homeId: id,
  name: `Home ${id}`,
  urn: `SC${id}`,
  miles: 3,
  judgement: 'Good',
  eligible,
  reasons: eligible ? [] : ['Inadequate'],
})
const homes = [home('h1'), home('h2'), home('h3', false)]
const { questions } = sampleTender()
const body = (changes: Record<string, string> = {}) => ({
  'line-h1': '2',
  'line-h2': '',
  pricePencePerBedWeek: '£4,500',
  coreFeePencePerWeek: '',
  perPlacementFeePencePerWeek: '',
  'costBreakdown-staffing': '3000',
  'costBreakdown-premises': '500',
  'costBreakdown-education': '200',
  'costBreakdown-therapy': '300',
  'costBreakdown-overheads': '250',
  'costBreakdown-profit': '250.00',
  'answer-q1': ' Two staff to each child ',
  'answer-q2': '',
  ...changes,
})

test('a bid form becomes the service’s input: beds per home, pounds to pence, answers kept even when blank in a draft', () => {
  const r = parseBidForm(body(), homes, questions)
  assert.ok(r.ok, JSON.stringify(!r.ok && r.errors))
  assert.deepEqual(r.data.lines, [{ homeId: 'h1', beds: 2 }])
  assert.equal(r.data.pricePencePerBedWeek, 450_000)
  assert.equal(r.data.coreFeePencePerWeek, null)
  assert.equal(r.data.costBreakdown.profit, 25_000)
  assert.deepEqual(r.data.answers, [
    { questionId: 'q1', text: 'Two staff to each child' },
    { questionId: 'q2', text: '' },
  ])
})

test('bad controls are named: beds, an ineligible home, price, half the fees, a missing cost', () => {
  const r = parseBidForm(
    body({ 'line-h1': 'two', 'line-h3': '1', pricePencePerBedWeek: 'a lot', coreFeePencePerWeek: '1000', 'costBreakdown-therapy': '' }),
    homes,
    questions,
  )
  assert.equal(r.ok, false)
  if (r.ok) return
  assert.deepEqual(
    r.errors.list.map((e) => e.href),
    ['#line-h1', '#line-h3', '#pricePencePerBedWeek', '#perPlacementFeePencePerWeek', '#costBreakdown-therapy'],
  )
  const none = parseBidForm(body({ 'line-h1': '0' }), homes, questions)
  assert.ok(!none.ok && none.errors.byField['line-h1']?.text === 'Offer beds at one or more of your homes')
})

test('a saved bid fills the form in pounds; the page lists only eligible homes to offer', () => {
  const bid = sampleBid({ lines: [{ homeId: 'h2', beds: 3 }], status: 'needs-reconfirmation' })
  const values = bidValuesOf(bid, homes, questions)
  assert.deepEqual(values.lines, { h1: '', h2: '3', h3: '' })
  assert.equal(values.pricePencePerBedWeek, '4500.00')
  assert.equal(values.answers.q2, 'We hire locally.')
  const v = bidFormView({ bid, homes, questions, values, open: true })
  assert.deepEqual(
    v.homes.map((h) => h.id),
    ['line-h1', 'line-h2'],
  )
  assert.deepEqual(v.ineligibleHomes, ['Home h3: Inadequate'])
  assert.equal(v.costTotal, '£4,500.00')
  assert.ok(v.needsReconfirmation && v.canWithdraw)
  assert.deepEqual(v.attachments, [{ name: 'staffing.pdf', size: '2 KB', for: 'question 1' }])
  assert.equal(bidFormView({ bid: null, homes, questions, values, open: true }).status.text, 'Not started')
})
