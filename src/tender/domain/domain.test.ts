import assert from 'node:assert/strict'
import { test } from 'node:test'
import { UserInputError } from '../../platform/errors.js'
import type { BidInput, RequirementInput } from '../tenderApi.js'
import { completenessProblem, parseBid } from './bidSchema.js'
import { contractPeriod, londonDate } from './dates.js'
import { homeGateway, providerGateway, type GatewayHome } from './gateway.js'
import { parseRequirement } from './requirementSchema.js'
import { median, scoreBids, wholeLifePence } from './scoring.js'

const fieldOf = (f: () => unknown) => {
  try {
    f()
  } catch (e) {
    if (e instanceof UserInputError) return e.where?.field
    throw e
  }
  return 'no error'
}

const requirement = (o: Partial<RequirementInput> = {}): RequirementInput => ({
  frameworkId: 'f',
  title: 'Block beds',
  description: 'Beds',
  lotIds: ['l1'],
  bedsMin: 3,
  bedsMax: 6,
  areaPostcode: 'so14 7du',
  areaMiles: 20,
  needs: [],
  ageMin: 11,
  ageMax: 17,
  startDate: '2026-05-01',
  termYears: 3,
  extensionYears: 2,
  pricePercent: 40,
  priceMethod: 'per-bed-week',
  awardRule: 'optimal',
  maxProviders: 2,
  fillToMax: false,
  budgetPencePerWeek: null,
  excludedJudgements: ['Inadequate'],
  abnormallyLowPercent: 70,
  abnormallyLowBasis: 'median-of-bids',
  clarificationDeadline: '2026-03-09T12:00:00Z',
  submissionDeadline: '2026-03-16T12:00:00Z',
  evaluationEndDate: '2026-03-31',
  questions: [
    { title: 'Q1', guidance: '', weight: 40, minimumScore: 2, kind: 'quality' },
    { title: 'Q2', guidance: '', weight: 20, minimumScore: 0, kind: 'social-value' },
  ],
  ...o,
})

test('a requirement is normalised, and each problem names its control', () => {
  const r = parseRequirement(requirement())
  assert.equal(r.areaPostcode, 'SO14 7DU')
  assert.equal(r.submissionDeadline, '2026-03-16T12:00:00.000Z')
  assert.equal(
    fieldOf(() => parseRequirement(requirement({ title: ' ' }))),
    'title',
  )
  assert.equal(
    fieldOf(() => parseRequirement(requirement({ pricePercent: 50 }))),
    'pricePercent',
  )
  assert.equal(
    fieldOf(() => parseRequirement(requirement({ bedsMin: 7 }))),
    'bedsMax',
  )
  assert.equal(
    fieldOf(() => parseRequirement(requirement({ ageMin: 18 }))),
    'ageMax',
  )
  assert.equal(
    fieldOf(() => parseRequirement(requirement({ clarificationDeadline: '2026-03-17T12:00:00Z' }))),
    'clarificationDeadline',
  )
  assert.equal(
    fieldOf(() => parseRequirement(requirement({ evaluationEndDate: '2026-03-16' }))),
    'evaluationEndDate',
  )
  assert.equal(
    fieldOf(() => parseRequirement(requirement({ startDate: '2026-02-30' }))),
    'startDate',
  )
  assert.equal(
    fieldOf(() => parseRequirement(requirement({ areaPostcode: 'nowhere' }))),
    'areaPostcode',
  )
  assert.equal(
    fieldOf(() => parseRequirement(requirement({ questions: [] }))),
    'questions',
  )
  const q = requirement().questions
  assert.equal(
    fieldOf(() => parseRequirement(requirement({ questions: [q[0]!, { ...q[1]!, minimumScore: 6 }] }))),
    'question-2-minimumScore',
  )
  assert.equal(
    fieldOf(() => parseRequirement(requirement({ questions: [{ ...q[0]!, title: '' }, q[1]!] }))),
    'question-1-title',
  )
})

const bid = (o: Partial<BidInput> = {}): BidInput => ({
  lines: [{ homeId: 'h1', beds: 3 }],
  pricePencePerBedWeek: 600_000,
  coreFeePencePerWeek: null,
  perPlacementFeePencePerWeek: null,
  costBreakdown: { staffing: 400_000, premises: 50_000, education: 50_000, therapy: 50_000, overheads: 25_000, profit: 25_000 },
  answers: [
    { questionId: 'q1', text: ' An answer ' },
    { questionId: 'q2', text: 'Another' },
  ],
  ...o,
})
const questions = [
  { id: 'q1', number: 1 },
  { id: 'q2', number: 2 },
]

test('a bid is checked field by field; a complete one can be submitted', () => {
  assert.equal(parseBid(bid(), questions).answers[0]!.text, 'An answer')
  assert.equal(
    fieldOf(() => parseBid(bid({ lines: [{ homeId: 'h1', beds: 0 }] }), questions)),
    'line-h1',
  )
  assert.equal(
    fieldOf(() => parseBid(bid({ lines: [] }), questions)),
    'lines',
  )
  assert.equal(
    fieldOf(() => parseBid(bid({ pricePencePerBedWeek: 12.5 }), questions)),
    'pricePencePerBedWeek',
  )
  assert.equal(
    fieldOf(() => parseBid(bid({ coreFeePencePerWeek: 100 }), questions)),
    'perPlacementFeePencePerWeek',
  )
  assert.equal(
    fieldOf(() => parseBid(bid({ answers: [{ questionId: 'other', text: 'x' }] }), questions)),
    'answer-other',
  )
  assert.equal(
    fieldOf(() => parseBid(bid({ costBreakdown: { ...bid().costBreakdown, therapy: -1 } }), questions)),
    'costBreakdown-therapy',
  )
  assert.equal(completenessProblem(parseBid(bid(), questions), questions), null)
  assert.equal(completenessProblem(bid({ answers: [{ questionId: 'q1', text: 'x' }] }), questions)?.where?.field, 'answer-q2')
  assert.match(completenessProblem(bid({ pricePencePerBedWeek: 600_001 }), questions)!.message, /adds up to £6,000\.00.*£6,000\.01/)
  // Core-plus-placement: £3,000 core + £5,000 × 3 = £18,000 a week = £6,000 a bed-week.
  assert.equal(completenessProblem(bid({ coreFeePencePerWeek: 300_000, perPlacementFeePencePerWeek: 500_000 }), questions), null)
  assert.equal(
    completenessProblem(bid({ coreFeePencePerWeek: 300_000, perPlacementFeePencePerWeek: 400_000 }), questions)?.where?.field,
    'coreFeePencePerWeek',
  )
})

const rules = {
  pricePercent: 40,
  priceMethod: 'per-bed-week' as const,
  termYears: 3,
  abnormallyLowPercent: 70,
  abnormallyLowBasis: 'median-of-bids' as const,
}
const qs = [
  { id: 'q1', number: 1, title: 'Safeguarding', weight: 40, minimumScore: 2 },
  { id: 'q2', number: 2, title: 'Local', weight: 20, minimumScore: 0 },
]
const scored = (bidId: string, price: number, beds: number, submittedAt: string) => ({
  bidId,
  providerName: bidId.toUpperCase(),
  submittedAt,
  content: bid({ lines: [{ homeId: `h-${bidId}`, beds }], pricePencePerBedWeek: price }),
})
const consensus = (entries: Record<string, [number, number]>) =>
  new Map(
    Object.entries(entries).map(([b, [s1, s2]]) => [
      b,
      new Map([
        ['q1', s1],
        ['q2', s2],
      ]),
    ]),
  )

test('points: quality weighted by score, price relative to the lowest bid not excluded; ties to the earlier bid', () => {
  const bids = [
    scored('a', 500_000, 3, '2026-03-10T10:00:00Z'),
    scored('b', 400_000, 3, '2026-03-10T09:00:00Z'),
    scored('c', 200_000, 2, '2026-03-10T08:00:00Z'),
  ]
  const r = scoreBids(rules, qs, bids, consensus({ a: [5, 5], b: [4, 3], c: [1, 5] }), null)
  const by = new Map(r.map((x) => [x.bidId, x]))
  assert.deepEqual([by.get('a')!.qualityPoints, by.get('a')!.pricePoints, by.get('a')!.totalScore], [60, 32, 92])
  assert.deepEqual([by.get('b')!.qualityPoints, by.get('b')!.pricePoints, by.get('b')!.totalScore], [44, 40, 84])
  assert.deepEqual(
    r.map((x) => [x.bidId, x.rank]),
    [
      ['a', 1],
      ['b', 2],
      ['c', null],
    ],
  )
  assert.equal(by.get('c')!.excluded, true) // 1 < the minimum of 2: c's low price does not set the lowest
  assert.equal(by.get('c')!.abnormallyLow, true) // £2,000 < 70% of the median £4,000
  assert.equal(by.get('b')!.abnormallyLow, false)
  // Equal scores: the earlier submission ranks first.
  const tie = scoreBids(
    rules,
    qs,
    [scored('x', 500_000, 3, '2026-03-10T10:00:00Z'), scored('y', 500_000, 3, '2026-03-10T09:00:00Z')],
    consensus({ x: [3, 3], y: [3, 3] }),
    null,
  )
  assert.deepEqual(
    tie.map((t) => t.bidId),
    ['y', 'x'],
  )
})

test('whole-life price and the framework spot-rate benchmark', () => {
  assert.equal(wholeLifePence(bid(), 3), 600_000 * 3 * 52 * 3)
  assert.equal(
    wholeLifePence(bid({ coreFeePencePerWeek: 300_000, perPlacementFeePencePerWeek: 500_000 }), 3),
    (300_000 + 1_500_000) * 52 * 3,
  )
  const wl = { ...rules, priceMethod: 'whole-life' as const, abnormallyLowBasis: 'framework-spot-rate' as const }
  const r = scoreBids(
    wl,
    qs,
    [scored('a', 500_000, 2, '2026-03-10T10:00:00Z'), scored('b', 400_000, 4, '2026-03-10T09:00:00Z')],
    consensus({ a: [3, 3], b: [3, 3] }),
    800_000,
  )
  const by = new Map(r.map((x) => [x.bidId, x]))
  // a's whole life (£5,000 × 2 beds) is lower than b's (£4,000 × 4): a gets full price points.
  assert.equal(by.get('a')!.pricePoints, 40)
  assert.equal(by.get('b')!.pricePoints, 25)
  assert.equal(by.get('b')!.abnormallyLow, true) // £4,000 < 70% of £8,000
  assert.match(by.get('b')!.abnormallyLowReason!, /median framework spot rate/)
  assert.equal(median([3, 1, 2]), 2)
  assert.equal(median([4, 1, 2, 3]), 2.5)
  assert.equal(median([]), null)
})

const home = (o: Partial<GatewayHome>): GatewayHome => ({
  id: 'h',
  name: 'Home',
  urn: 'SC1',
  providerId: 'p',
  status: 'active',
  judgement: 'Good',
  easting: 442_520,
  northing: 112_207,
  precision: 'unit',
  registeredPlaces: 3,
  ...o,
})
const area = {
  area: { easting: 442_520, northing: 112_207, postcode: 'SO14 7DU' },
  areaMiles: 10,
  excludedJudgements: ['Inadequate', 'Not yet inspected'],
}

test('the gateway: registered, judgement allowed, located and near enough; the provider on an active lot', () => {
  assert.deepEqual(homeGateway(home({}), area).reasons, [])
  assert.deepEqual(homeGateway(home({ status: 'suspended' }), area).reasons, ['Registration with Ofsted is suspended'])
  assert.deepEqual(homeGateway(home({ judgement: null }), area).reasons, ['Latest Ofsted judgement is Not yet inspected'])
  assert.match(homeGateway(home({ easting: null, northing: null, precision: 'none' }), area).reasons[0]!, /Location unknown/)
  assert.match(homeGateway(home({ easting: 442_520 + 20_000 }), area).reasons[0]!, /12\.4 miles from SO14 7DU; the limit is 10 miles/)
  const lots = [
    { id: 'l1', number: 1 },
    { id: 'l2', number: 2 },
  ]
  const suspended = providerGateway({ id: 'p', name: 'P', memberships: [{ lotId: 'l1', status: 'suspended' }] }, [home({})], lots, area)
  assert.deepEqual(suspended.reasons, ['Not an active member of lot 1 or lot 2'])
  const ok = providerGateway(
    { id: 'p', name: 'P', memberships: [{ lotId: 'l2', status: 'active' }] },
    [home({}), home({ id: 'h2', providerId: 'other' })],
    lots,
    area,
  )
  assert.equal(ok.eligible, true)
  assert.equal(ok.homes.length, 1)
})

test('contract periods and English dates', () => {
  assert.deepEqual(contractPeriod('2026-05-01', 3, 2), { startDate: '2026-05-01', endDate: '2029-04-30', maxExtentDate: '2031-04-30' })
  assert.deepEqual(contractPeriod('2028-02-29', 1, 0), { startDate: '2028-02-29', endDate: '2029-02-28', maxExtentDate: '2029-02-28' })
  // 23:30 UTC on 30 June is already 1 July in England (BST).
  assert.equal(londonDate(new Date('2026-06-30T23:30:00Z')), '2026-07-01')
  assert.equal(londonDate(new Date('2026-12-31T23:30:00Z')), '2026-12-31')
})
