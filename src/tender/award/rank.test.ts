import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { rankAward } from './rank.js'
import type { AwardBid, AwardInput } from './types.js'

let n = 0
function bid(provider: string, beds: number, score: number, pounds = 5000, submittedAt = '2026-01-10T12:00:00Z', id = `B${++n}`): AwardBid {
  return { id, provider, beds, pricePencePerBedWeek: pounds * 100, score, submittedAt }
}
const rule = (bids: AwardBid[], over: Partial<AwardInput> = {}): AwardInput => ({
  rule: 'rank',
  bedsMin: 3,
  bedsMax: 6,
  maxProviders: 2,
  budgetPencePerWeek: null,
  fillToMax: false,
  bids,
  ...over,
})

describe('rankAward', () => {
  it('takes the best bid, then the next best from another provider until the minimum, never past the maximum', () => {
    const bids = [
      bid('P1', 4, 90, 5000, undefined, 'B1'),
      bid('P1', 2, 85, 5000, undefined, 'B2'),
      bid('P2', 3, 80, 5000, undefined, 'B3'),
      bid('P3', 2, 70, 5000, undefined, 'B4'),
    ]
    const r = rankAward(rule(bids, { bedsMin: 5 }))
    assert.ok(r.feasible)
    assert.deepEqual(r.chosen, ['B1', 'B4'])
    assert.equal(r.beds, 6)
    assert.equal(r.weeklyCostPence, 6 * 500_000)
    assert.equal(r.objective, 4 * 90 + 2 * 70)
    assert.deepEqual(
      r.alternatives.map((a) => [a.bidIds, a.whyNotChosen]),
      [
        [['B2'], 'ranked 2nd (score 85): provider P1 already has bid B1 chosen'],
        [['B3'], 'ranked 3rd (score 80): would take the beds to 7, over the maximum of 6'],
      ],
    )
  })

  it('stops at the minimum, or fills to the maximum when the rule says so, within K', () => {
    const bids = [
      bid('P1', 3, 90, 5000, undefined, 'B1'),
      bid('P2', 2, 80, 5000, undefined, 'B2'),
      bid('P3', 2, 75, 5000, undefined, 'B3'),
      bid('P4', 1, 60, 5000, undefined, 'B4'),
    ]
    const atMin = rankAward(rule(bids, { maxProviders: 3 }))
    assert.ok(atMin.feasible)
    assert.deepEqual(atMin.chosen, ['B1'])
    assert.equal(
      atMin.alternatives[0]!.whyNotChosen,
      'ranked 2nd (score 80): not needed: the bids above already give 3 beds, reaching the minimum of 3',
    )

    const filled = rankAward(rule(bids, { maxProviders: 3, fillToMax: true }))
    assert.ok(filled.feasible)
    assert.deepEqual(filled.chosen, ['B1', 'B2', 'B4'])
    assert.equal(filled.beds, 6)

    const twoOnly = rankAward(rule(bids, { maxProviders: 2, fillToMax: true }))
    assert.ok(twoOnly.feasible)
    assert.deepEqual(twoOnly.chosen, ['B1', 'B2'])
    assert.match(twoOnly.alternatives.find((a) => a.bidIds[0] === 'B4')!.whyNotChosen, /the limit of 2 providers was already reached/)
  })

  it('skips a bid that would break the budget', () => {
    const bids = [bid('P1', 3, 90, 5000, undefined, 'B1'), bid('P2', 2, 80, 6000, undefined, 'B2'), bid('P3', 1, 70, 5000, undefined, 'B3')]
    const r = rankAward(rule(bids, { bedsMin: 4, budgetPencePerWeek: 2_500_000 }))
    assert.ok(r.feasible)
    assert.deepEqual(r.chosen, ['B1', 'B3'])
    assert.equal(r.weeklyCostPence, 2_000_000)
    assert.equal(
      r.alternatives[0]!.whyNotChosen,
      'ranked 2nd (score 80): would take the weekly cost to £27,000, over the budget of £25,000',
    )
  })

  it('breaks a tie in score by the lower weekly cost, then the earlier submission, then the bid id', () => {
    const cheaper = [bid('P1', 3, 80, 5000, undefined, 'B1'), bid('P2', 3, 80, 4500, undefined, 'B2')]
    const c = rankAward(rule(cheaper))
    assert.ok(c.feasible)
    assert.deepEqual(c.chosen, ['B2'])
    const earlier = [bid('P1', 3, 80, 5000, '2026-01-10T12:00:00Z', 'B1'), bid('P2', 3, 80, 5000, '2026-01-10T11:59:59Z', 'B2')]
    const e = rankAward(rule(earlier))
    assert.ok(e.feasible)
    assert.deepEqual(e.chosen, ['B2'])
    const same = [bid('P1', 3, 80, 5000, undefined, 'B2'), bid('P2', 3, 80, 5000, undefined, 'B1')]
    const s = rankAward(rule(same))
    assert.ok(s.feasible)
    assert.deepEqual(s.chosen, ['B1'])
  })

  it('reports an award that cannot reach the minimum as infeasible, with the reason', () => {
    const short = rankAward(
      rule([bid('P1', 2, 90, 5000, undefined, 'B1'), bid('P2', 4, 80, 5000, undefined, 'B2'), bid('P1', 1, 70, 5000, undefined, 'B3')], {
        bedsMin: 7,
        bedsMax: 8,
      }),
    )
    assert.deepEqual(short, {
      feasible: false,
      reason: 'the rank rule reaches only 6 beds (B1, B2) within the maximum of 8 beds and 2 providers; the minimum is 7',
    })
    const tooBig = rankAward(rule([bid('P1', 9, 90)]))
    assert.equal(tooBig.feasible, false)
    assert.match(!tooBig.feasible ? tooBig.reason : '', /^no bid can be chosen within the maximum of 6 beds/)
  })
})
