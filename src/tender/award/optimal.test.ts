import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { exhaustiveAward } from './exhaustive.js'
import { optimalAward } from './optimal.js'
import type { AwardBid, AwardInput, AwardResult } from './types.js'

function bid(id: string, provider: string, beds: number, score: number, pounds = 5000, submittedAt = '2026-01-10T12:00:00Z'): AwardBid {
  return { id, provider, beds, pricePencePerBedWeek: pounds * 100, score, submittedAt }
}
const rule = (bids: AwardBid[], over: Partial<AwardInput> = {}): AwardInput => ({
  rule: 'optimal',
  bedsMin: 3,
  bedsMax: 6,
  maxProviders: 2,
  budgetPencePerWeek: null,
  fillToMax: false,
  bids,
  ...over,
})

// Every hand-worked case must come out the same from the MILP and from the exhaustive search.
const solvers: [string, (input: AwardInput) => Promise<AwardResult>][] = [
  ['HiGHS', (input) => optimalAward(input)],
  ['exhaustive', async (input) => exhaustiveAward(input)],
]

for (const [name, award] of solvers) {
  describe(`optimal award (${name})`, () => {
    it('maximises beds × score within the bed range and K, one bid per provider', async () => {
      const bids = [
        bid('B1', 'P1', 4, 81.25, 5200),
        bid('B2', 'P2', 2, 77, 4800),
        bid('B3', 'P3', 3, 79, 5000),
        bid('B4', 'P1', 2, 81.25, 5300),
      ]
      const r = await award(rule(bids))
      assert.ok(r.feasible)
      assert.deepEqual(r.chosen, ['B1', 'B2'])
      assert.equal(r.beds, 6)
      assert.equal(r.weeklyCostPence, 4 * 520_000 + 2 * 480_000)
      assert.equal(r.objective, 4 * 81.25 + 2 * 77)
      assert.deepEqual(
        r.alternatives.map((a) => [a.bidIds, a.objective, a.whyNotChosen]),
        [
          [['B4', 'B3'], 399.5, 'objective 399.5 is 79.5 lower (fewer beds × score)'],
          [['B3', 'B2'], 391, 'objective 391 is 88 lower (fewer beds × score)'],
          [['B1'], 325, 'objective 325 is 154 lower (fewer beds × score)'],
          [['B4', 'B2'], 316.5, 'objective 316.5 is 162.5 lower (fewer beds × score)'],
          [['B3'], 237, 'objective 237 is 242 lower (fewer beds × score)'],
        ],
      )
    })

    it('keeps within the budget', async () => {
      const bids = [bid('B1', 'P1', 4, 90, 6000), bid('B2', 'P2', 3, 70, 4000), bid('B3', 'P3', 2, 60, 4000)]
      const r = await award(rule(bids, { budgetPencePerWeek: 2_000_000 }))
      assert.ok(r.feasible)
      assert.deepEqual(r.chosen, ['B2', 'B3'])
      assert.equal(r.weeklyCostPence, 2_000_000)
    })

    it('breaks a tie in objective by the lower weekly cost', async () => {
      const r = await award(rule([bid('B1', 'P1', 2, 50, 5000), bid('B2', 'P2', 2, 50, 4000)], { bedsMin: 2, bedsMax: 2, maxProviders: 1 }))
      assert.ok(r.feasible)
      assert.deepEqual(r.chosen, ['B2'])
      assert.deepEqual(
        r.alternatives.map((a) => a.whyNotChosen),
        ['same objective but £2,000 a week dearer'],
      )
    })

    it('then by the earlier submission: the combination whose latest bid came in first', async () => {
      const at = (hh: string) => `2026-01-10T${hh}:00:00Z`
      const bids = [
        bid('B1', 'P1', 1, 50, 5000, at('09')),
        bid('B2', 'P1', 1, 50, 5000, at('10')),
        bid('B3', 'P2', 1, 50, 5000, at('11')),
        bid('B4', 'P2', 1, 50, 5000, at('17')),
      ]
      const r = await award(rule(bids, { bedsMin: 2, bedsMax: 2 }))
      assert.ok(r.feasible)
      assert.deepEqual(r.chosen, ['B1', 'B3'])
      assert.deepEqual(
        r.alternatives.map((a) => [a.bidIds, a.whyNotChosen]),
        [
          [['B2', 'B3'], `same objective and cost but submitted later: B2 came in at ${at('10')}, after B1 at ${at('09')}`],
          [['B1', 'B4'], `same objective and cost but submitted later: B4 came in at ${at('17')}, after B3 at ${at('11')}`],
          [['B2', 'B4'], `same objective and cost but submitted later: B4 came in at ${at('17')}, after B3 at ${at('11')}`],
        ],
      )
    })

    it('lets bid ids decide between bids submitted at the same moment', async () => {
      const r = await award(rule([bid('B2', 'P1', 3, 50), bid('B1', 'P2', 3, 50)], { maxProviders: 1 }))
      assert.ok(r.feasible)
      assert.deepEqual(r.chosen, ['B1'])
      assert.equal(
        r.alternatives[0]!.whyNotChosen,
        'same objective and cost; B2 was submitted at the same moment as B1, and bid ids decide',
      )
    })

    it('reports an infeasible rule with the reason', async () => {
      const r = await award(
        rule([bid('B1', 'P1', 2, 90), bid('B2', 'P1', 2, 80), bid('B3', 'P2', 9, 70)], { budgetPencePerWeek: 5_000_000 }),
      )
      assert.deepEqual(r, {
        feasible: false,
        reason:
          'no combination of bids meets the rule: at most 2 providers with one bid each, 3–6 beds in all, costing at most £50,000 a week',
      })
    })
  })
}

/** Small random competitions where ties in score, price, beds and submission time are common. */
const smallCompetition = fc
  .record({
    providers: fc.integer({ min: 1, max: 6 }),
    bids: fc.array(
      fc.record({
        provider: fc.nat(5),
        beds: fc.integer({ min: 1, max: 5 }),
        pounds: fc.constantFrom(4000, 4500, 5000, 6000),
        score: fc.constantFrom(40, 50, 62.5, 75, 81.25, 33.33, 0),
        hour: fc.nat(3),
      }),
      { minLength: 1, maxLength: 12 },
    ),
    maxProviders: fc.integer({ min: 1, max: 4 }),
    bedsMin: fc.integer({ min: 1, max: 10 }),
    span: fc.nat(8),
    budgetPencePerWeek: fc.option(
      fc.integer({ min: 4, max: 60 }).map((k) => k * 100_000),
      { nil: null },
    ),
  })
  .map((c): AwardInput =>
    rule(
      c.bids.map((b, i) =>
        bid(`B${i + 1}`, `P${(b.provider % c.providers) + 1}`, b.beds, b.score, b.pounds, `2026-01-10T1${b.hour}:00:00Z`),
      ),
      { maxProviders: c.maxProviders, bedsMin: c.bedsMin, bedsMax: c.bedsMin + c.span, budgetPencePerWeek: c.budgetPencePerWeek },
    ),
  )

describe('optimal award, proved against the exhaustive search', () => {
  it('chooses the same combination, objective, cost and next best on random small competitions', async () => {
    await fc.assert(
      fc.asyncProperty(smallCompetition, async (input) => {
        assert.deepEqual(await optimalAward(input), exhaustiveAward(input))
      }),
      { numRuns: 300, seed: 20260110 },
    )
  })
})
