import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { DEFAULT_MATCHING_RULES } from '../domain/matchingRules.js'
import { DEFAULT_SCORE_WEIGHTS } from '../domain/scoreWeights.js'
import { exhaustiveMinimum } from '../matching/exhaustive.js'
import { encodeMarket, encodeReferral, rankReferral, type Ranked } from '../matching/rank/index.js'
import { child, home } from '../matching/rank/testFixtures.js'
import { sharedHomeConflicts } from './conflicts.js'
import { allocatePanel, isFeasible, maxScore, pairCostOf } from './panel.js'

const w = DEFAULT_SCORE_WEIGHTS
const rankAll = (homes: ReturnType<typeof home>[], children: ReturnType<typeof child>[]) => {
  const market = encodeMarket(homes)
  return children.map((c) => rankReferral(market, encodeReferral(c), DEFAULT_MATCHING_RULES, w))
}

/**
 * The least total cost by trying every way, written from the rankings alone (not from the problem
 * the panel builds): each child unplaced, or in any feasible slot with a bed left; fixed choices stand.
 */
function bruteForce(rankings: Ranked[], unplaced: number, fixed: Map<number, number | null> = new Map()): number {
  const best = maxScore(w)
  const left = Array.from(rankings[0]!.market.vacantBeds)
  let least = Infinity
  const visit = (k: number, sum: number): void => {
    if (k === rankings.length) return void (least = Math.min(least, sum))
    const r = rankings[k]!
    const options: (number | null)[] = fixed.has(k) ? [fixed.get(k)!] : [null, ...Array.from({ length: r.market.size }, (_, i) => i)]
    for (const slot of options) {
      if (slot === null) visit(k + 1, sum + Math.round(unplaced * 100))
      else if (isFeasible(r, slot) && left[slot]! > 0) {
        left[slot]!--
        visit(k + 1, sum + pairCostOf(r.total[slot]!, best))
        left[slot]!++
      }
    }
  }
  visit(0, 0)
  return least
}

describe('panel allocation from scores', () => {
  it('a pair costs the points its score misses, so the least cost is the most score over the panel', () => {
    // Two children, one near bed and one far: the child whose school is by the near home gets it.
    const near = home({ homeId: 'NEAR', location: { easting: 442_520, northing: 112_207 } })
    const far = home({ homeId: 'FAR', location: { easting: 442_520, northing: 172_207 } })
    const a = child({ childId: 'A', school: { easting: 442_520, northing: 112_207 } })
    const b = child({ childId: 'B', school: { easting: 442_520, northing: 200_000 } })
    const rankings = rankAll([near, far], [a, b])
    const r = allocatePanel({ rankings, weights: w, unplacedCost: 100 })
    assert.deepEqual(
      r.choice.map((s) => (s === null ? null : rankings[0]!.market.homeIds[s])),
      ['NEAR', 'FAR'],
    )
    const best = maxScore(w)
    assert.equal(best, 100)
    assert.equal(r.totalCost, pairCostOf(rankings[0]!.total[0]!, best) + pairCostOf(rankings[1]!.total[1]!, best))
  })

  it('leaves a child unplaced when no home is feasible, or when every home left costs more than U', () => {
    const rankings = rankAll(
      [home({ vacantBeds: 1 })],
      [child({ childId: 'A' }), child({ childId: 'B', ageAtStart: 19 }), child({ childId: 'C' })],
    )
    const r = allocatePanel({ rankings, weights: w, unplacedCost: 100 })
    assert.equal(r.choice.filter((s) => s !== null).length, 1)
    assert.equal(r.choice[1], null, 'a 19-year-old is too old for the home')
    const none = allocatePanel({ rankings, weights: w, unplacedCost: 0 })
    assert.deepEqual(none.choice, [null, null, null])
    assert.equal(none.totalCost, 0)
  })

  it('an officer’s fixed choice stands and the rest is solved around it', () => {
    const rankings = rankAll(
      [home({ homeId: 'H1', vacantBeds: 1 }), home({ homeId: 'H2', vacantBeds: 1, judgement: 'Requires improvement to be good' })],
      [child({ childId: 'A' }), child({ childId: 'B' })],
    )
    const free = allocatePanel({ rankings, weights: w, unplacedCost: 100 })
    const fixed = new Map([[1, free.choice[0]!]])
    const adjusted = allocatePanel({ rankings, weights: w, unplacedCost: 100, fixed })
    assert.equal(adjusted.choice[1], free.choice[0])
    assert.equal(adjusted.choice[0], free.choice[1])
    assert.deepEqual(adjusted.fixed, [false, true])
    assert.equal(adjusted.totalCost, bruteForce(rankings, 100, fixed))
    assert.throws(
      () =>
        allocatePanel({
          rankings,
          weights: w,
          unplacedCost: 100,
          fixed: new Map([
            [0, 0],
            [1, 0],
          ]),
        }),
      /no bed left/,
    )
  })

  it('equals an exhaustive search on random small panels (and the problem it solves equals exhaustiveMinimum)', () => {
    const arbHome = fc.record({
      vacantBeds: fc.integer({ min: 0, max: 2 }),
      judgement: fc.constantFrom('Outstanding', 'Good', 'Requires improvement to be good', 'Inadequate') as fc.Arbitrary<'Good'>,
      east: fc.integer({ min: -80_000, max: 80_000 }),
      price: fc.integer({ min: 3_000_00, max: 9_000_00 }),
      ageMax: fc.integer({ min: 12, max: 17 }),
    })
    const arbChild = fc.record({
      age: fc.integer({ min: 10, max: 17 }),
      east: fc.integer({ min: -80_000, max: 80_000 }),
      flags: fc.subarray(['sexual-exploitation', 'sexual-harm', 'going-missing'] as const),
    })
    fc.assert(
      fc.property(
        fc.array(arbHome, { minLength: 1, maxLength: 4 }),
        fc.array(arbChild, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 12_000 }).map((x) => x / 100),
        (hs, cs, unplaced) => {
          const homes = hs.map((h, i) =>
            home({
              homeId: `H${i}`,
              vacantBeds: h.vacantBeds,
              judgement: h.judgement,
              weeklyPricePence: h.price,
              ageMax: h.ageMax,
              location: { easting: 442_520 + h.east, northing: 112_207 },
              residents: i % 2 === 0 ? [{ riskFlags: ['sexual-harm'], age: 15 }] : [],
            }),
          )
          const children = cs.map((c, i) =>
            child({ childId: `C${i}`, ageAtStart: c.age, riskFlags: [...c.flags], home: { easting: 442_520 + c.east, northing: 112_207 } }),
          )
          const rankings = rankAll(homes, children)
          const r = allocatePanel({ rankings, weights: w, unplacedCost: unplaced })
          assert.equal(r.totalCost, bruteForce(rankings, unplaced))
          assert.equal(r.totalCost, exhaustiveMinimum(r.problem))
          // The proposal is a valid allocation: feasible pairs, no home over its beds.
          const load = new Map<number, number>()
          r.choice.forEach((s, k) => {
            if (s === null) return
            assert.ok(isFeasible(rankings[k]!, s))
            load.set(s, (load.get(s) ?? 0) + 1)
          })
          for (const [s, n] of load) assert.ok(n <= rankings[0]!.market.vacantBeds[s]!)
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('children proposed for the same home', () => {
  it('are checked against each other by the council’s rules', () => {
    const p = (label: string, slot: number | null, over: Parameters<typeof child>[0]) => ({
      label,
      slot,
      homeName: 'Oak House',
      profile: child(over),
    })
    const out = sharedHomeConflicts(
      [
        p('A', 0, { riskFlags: ['sexual-exploitation'] }),
        p('B', 0, { riskFlags: ['sexual-harm'] }),
        p('C', 1, { caredForAlongside: 'Solo placement recommended' }),
        p('D', null, {}),
      ],
      DEFAULT_MATCHING_RULES,
    )
    assert.equal(out.length, 1)
    assert.match(out[0]!, /^A and B are both proposed for Oak House: A child at risk of sexual exploitation is not placed with/)
    const solo = sharedHomeConflicts(
      [p('C', 1, { caredForAlongside: 'Solo placement recommended' }), p('E', 1, {})],
      DEFAULT_MATCHING_RULES,
    )
    assert.deepEqual(solo, ['C and E are both proposed for Oak House: C should live on their own'])
  })
})
