import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { AwardOutcome, BidResult } from '../tenderApi.js'
import { awardView, noticesView, parseDecisionForm, resultsTable, sortResults, standstillView } from './awardPages.js'

const result = (changes: Partial<BidResult>): BidResult => ({
  bidId: 'b1',
  providerName: 'Harbour Care',
  beds: 3,
  pricePencePerBedWeek: 450_000,
  weeklyCostPence: 1_350_000,
  wholeLifePence: 351_000_000,
  qualityPoints: 48,
  pricePoints: 40,
  totalScore: 88,
  excluded: false,
  exclusionReasons: [],
  abnormallyLow: false,
  abnormallyLowReason: null,
  rank: 1,
  ...changes,
})
const results = [
  result({
    bidId: 'b3',
    providerName: 'Cheap Co',
    excluded: true,
    exclusionReasons: ['Question 1 scored 1, below the minimum of 2'],
    abnormallyLow: true,
    abnormallyLowReason: '52% of the median',
    rank: null,
    totalScore: 70,
  }),
  result({ bidId: 'b2', providerName: 'Seaside Homes', rank: 2, totalScore: 80.5 }),
  result({}),
]

test('results: ranked bids first, then the excluded, each with its points, flags and reasons', () => {
  assert.deepEqual(
    sortResults(results).map((r) => r.providerName),
    ['Harbour Care', 'Seaside Homes', 'Cheap Co'],
  )
  const table = resultsTable(results, { qualityPercent: 60, pricePercent: 40 })
  assert.equal(table.head[6]!.text, 'Quality (out of 60)')
  const row = (i: number) => table.rows[i]!.map((c) => ('text' in c ? c.text : c.html))
  assert.deepEqual(row(0).slice(0, 5), ['1', 'Harbour Care', '3', '£4,500.00', '£13,500.00'])
  assert.equal(row(1)[8], '80.50')
  assert.equal(row(2)[0], '–')
  assert.match(String(row(2)[9]), /Excluded.*below the minimum of 2.*Abnormally low.*52% of the median/)
})

test('the award names the chosen providers, its beds and cost, and why each alternative lost', () => {
  const award: AwardOutcome = {
    rule: 'optimal',
    chosenBidIds: ['b1', 'b2'],
    beds: 6,
    weeklyCostPence: 2_700_000,
    objective: 0.91234,
    alternatives: [
      { bidIds: ['b1'], beds: 3, weeklyCostPence: 1_350_000, objective: 0.5, whyNotChosen: 'Fewer beds than the most wanted' },
    ],
  }
  const v = awardView(award, results)
  assert.match(String(v.summary[1]!.value.html), /Harbour Care.*Seaside Homes/)
  assert.equal(v.summary[3]!.value.text, '£27,000.00')
  assert.deepEqual(
    v.chosen.rows.map((r) => r[0]!.text),
    ['Harbour Care', 'Seaside Homes'],
  )
  assert.deepEqual(
    v.alternatives.rows[0]!.map((c) => c.text),
    ['Harbour Care', '3', '£13,500.00', '0.50', 'Fewer beds than the most wanted'],
  )
})

test('the decision: consulted is one per line, the date real; each problem names its control', () => {
  const ok = parseDecisionForm({
    decisionMaker: 'Director of Integration and Quality',
    consulted: 'Leader of the Council\r\n\r\n Cabinet Member for Children’s Social Care \n',
    'decidedOn-day': '19',
    'decidedOn-month': '6',
    'decidedOn-year': '2026',
    rationale: 'Best value',
  })
  assert.deepEqual(ok, {
    ok: true,
    data: {
      decisionMaker: 'Director of Integration and Quality',
      consulted: ['Leader of the Council', 'Cabinet Member for Children’s Social Care'],
      decidedOn: '2026-06-19',
      rationale: 'Best value',
    },
  })
  const bad = parseDecisionForm({ 'decidedOn-day': '31', 'decidedOn-month': '6', 'decidedOn-year': '2026' })
  assert.ok(!bad.ok)
  if (bad.ok) return
  assert.deepEqual(
    bad.errors.list.map((e) => e.href),
    ['#decisionMaker', '#decidedOn-day', '#rationale'],
  )
})

test('standstill says when contracts can be made, and whether a challenge stops them', () => {
  const s = {
    kind: 'PCR2015-voluntary-10-days' as const,
    startsOn: '2026-06-20',
    endsOn: '2026-06-29',
    challenged: false,
    days: 10,
    earliestContractDate: '2026-06-30',
  }
  const running = standstillView(s, '2026-06-25')
  assert.equal(running.over, false)
  assert.match(running.status, /from 30 June 2026/)
  assert.match(String(running.summary[0]!.value.text), /10 calendar days, voluntary/)
  assert.equal(standstillView(s, '2026-06-30').over, true)
  assert.match(standstillView({ ...s, challenged: true }, '2026-07-01').status, /challenge/)
})

test('notices: the award notice first, then each assessment summary, readable as paragraphs', () => {
  const v = noticesView([
    {
      kind: 'assessment-summary',
      providerName: 'Seaside Homes',
      title: 'Assessment summary',
      body: 'Your score.\n\nThe winner’s score.',
      createdAt: '2026-06-20T10:00:00Z',
    },
    { kind: 'award-notice', providerName: null, title: 'Award notice', body: 'Awarded to <Harbour>', createdAt: '2026-06-20T10:00:00Z' },
  ])
  assert.deepEqual(
    v.map((n) => n.kind),
    ['Award notice', 'Assessment summary'],
  )
  assert.equal(v[0]!.bodyHtml, '<p class="govuk-body">Awarded to &lt;Harbour&gt;</p>')
  assert.equal(v[1]!.bodyHtml.match(/<p/g)?.length, 2)
})
