import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { dfeMiles } from '../../../geo/distance.js'
import { DEFAULT_COMPATIBILITY_RULES, type CompatibilityRule } from '../../domain/compatibilityRules.js'
import { DEFAULT_MATCHING_RULES, type MatchingRules } from '../../domain/matchingRules.js'
import type { ChildNeedsProfile } from '../../domain/needsProfile.js'
import { DEFAULT_SCORE_WEIGHTS } from '../../domain/scoreWeights.js'
import type { HomeVacancy } from '../../domain/vacancy.js'
import { encodeMarket, encodeReferral, rankReferral, REASON, topN, type RankedHome } from './index.js'
import { child, home, SOUTHAMPTON } from './testFixtures.js'

const NO_RULES: MatchingRules = { compatibility: [], excludedJudgements: [] }

function rankAll(homes: HomeVacancy[], c: ChildNeedsProfile, rules: MatchingRules = DEFAULT_MATCHING_RULES) {
  const ranked = rankReferral(encodeMarket(homes), encodeReferral(c), rules, DEFAULT_SCORE_WEIGHTS)
  return { ranked, shown: topN(ranked, homes.length) }
}

/** The one home's view, ranked for the child. */
function one(h: Partial<HomeVacancy>, c: Partial<ChildNeedsProfile> = {}, rules?: MatchingRules): RankedHome {
  const { shown } = rankAll([home(h)], child(c), rules)
  assert.equal(shown.length, 1)
  return shown[0]!
}

describe('feasibility', () => {
  test('the fixture home takes the fixture child: feasible, no reasons', () => {
    const h = one({})
    assert.equal(h.feasible, true)
    assert.deepEqual(h.reasons, [])
  })

  test('age range is inclusive at both ends; one year out either side is not', () => {
    assert.equal(one({ ageMin: 14, ageMax: 17 }).feasible, true)
    assert.equal(one({ ageMin: 8, ageMax: 14 }).feasible, true)
    const young = one({ ageMin: 15, ageMax: 17 })
    assert.deepEqual(young.reasonCodes, ['AGE'])
    assert.equal(young.reasons[0], 'It takes children aged 15 to 17; the child will be 14')
    assert.deepEqual(one({ ageMin: 8, ageMax: 13 }).reasonCodes, ['AGE'])
    assert.equal(one({ ageMin: null, ageMax: null }, { ageAtStart: 0 }).feasible, true)
    assert.deepEqual(one({ ageMin: 16, ageMax: null }, { ageAtStart: 15 }).reasons, [
      'It takes children aged 16 and over; the child will be 15',
    ])
  })

  test('sex: a girl fits a girls-only or mixed home, not a boys-only one; "other" fits only a mixed home', () => {
    assert.equal(one({ sexes: 'female' }).feasible, true)
    assert.equal(one({ sexes: 'mixed' }).feasible, true)
    assert.deepEqual(one({ sexes: 'male' }).reasons, ['It takes boys only'])
    assert.equal(one({ sexes: 'mixed' }, { sex: 'other' }).feasible, true)
    assert.deepEqual(one({ sexes: 'female' }, { sex: 'other' }).reasonCodes, ['SEX'])
  })

  test("registration categories: every one of the child's must be registered, and the missing ones are named", () => {
    const h = one({ categories: ['EBD'] }, { categories: ['EBD', 'MD', 'LD'] })
    assert.deepEqual(h.reasonCodes, ['CATEGORY'])
    assert.equal(h.reasons[0], 'Not registered with Ofsted for: Mental disorders, Learning difficulty')
    assert.equal(one({ categories: ['EBD', 'MD'] }, { categories: ['MD'] }).feasible, true)
  })

  test('Statement of Purpose: every need must be covered, and the uncovered ones are named', () => {
    const h = one({ needs: ['challenging-behaviour'] }, { needs: ['challenging-behaviour', 'autism'] })
    assert.deepEqual(h.reasonCodes, ['NEEDS'])
    assert.equal(h.reasons[0], 'Its Statement of Purpose does not cover: Autism')
  })

  test('judgement gateway: excluded judgements are refused, the rest pass, and the council chooses which', () => {
    assert.deepEqual(one({ judgement: 'Inadequate' }).reasonCodes, ['JUDGEMENT'])
    assert.equal(one({ judgement: 'Requires improvement to be good' }).feasible, true)
    const strict: MatchingRules = {
      ...DEFAULT_MATCHING_RULES,
      excludedJudgements: ['Inadequate', 'Requires improvement to be good', 'Not yet inspected'],
    }
    assert.deepEqual(one({ judgement: 'Requires improvement to be good' }, {}, strict).reasonCodes, ['JUDGEMENT'])
    assert.deepEqual(one({ judgement: null }, {}, strict).reasonCodes, ['JUDGEMENT'])
    assert.equal(one({ judgement: 'Inadequate' }, {}, NO_RULES).feasible, true)
  })

  test('Deprivation of Liberty Order: the home must cover "dol", with its own reason (not a needs reason)', () => {
    assert.deepEqual(one({}, { deprivationOfLiberty: true }).reasonCodes, ['DOL'])
    assert.deepEqual(one({}, { needs: ['dol'] }).reasonCodes, ['DOL'])
    assert.equal(one({ needs: ['challenging-behaviour', 'dol'] }, { deprivationOfLiberty: true }).feasible, true)
  })

  test('a child who must live alone needs an empty home that does solo placements', () => {
    const solo = { caredForAlongside: 'Solo placement recommended' } as const
    assert.equal(one({ soloOnly: true }, solo).feasible, true)
    assert.equal(one({ needs: ['challenging-behaviour', 'solo'] }, solo).feasible, true)
    assert.deepEqual(one({}, solo).reasonCodes, ['SOLO_NOT_IN_SOP'])
    const occupied = one({ needs: ['challenging-behaviour', 'solo'], residents: [{ riskFlags: [], age: 15 }] }, solo)
    assert.deepEqual(occupied.reasonCodes, ['SOLO_OCCUPIED'])
    assert.equal(occupied.reasons[0], 'The child needs to live on their own; 1 child lives here')
  })

  test('a solo-only home is no place for a child who should live with other children', () => {
    assert.deepEqual(one({ soloOnly: true }, { caredForAlongside: 'With other children recommended' }).reasonCodes, ['SOLO_ONLY_HOME'])
    assert.equal(one({ soloOnly: true }, { caredForAlongside: 'No preference' }).feasible, true)
    assert.equal(one({ soloOnly: false }, { caredForAlongside: 'With other children recommended' }).feasible, true)
  })

  test('only with older (younger) children: every resident whose age is known must be older (younger)', () => {
    const older = { caredForAlongside: 'Only with other older children' } as const
    const younger = { caredForAlongside: 'Only with other younger children' } as const
    const at = (...ages: (number | null)[]) => ({ residents: ages.map((age) => ({ riskFlags: [], age })) })
    assert.equal(one(at(15, 16), older).feasible, true)
    assert.deepEqual(one(at(14, 16), older).reasonCodes, ['AGE_MIX'])
    assert.equal(one(at(14, 16), older).reasons[0], 'The child should live only with older children; the youngest here is 14')
    assert.equal(one(at(null), older).feasible, true)
    assert.equal(one(at(12, 13), younger).feasible, true)
    assert.deepEqual(one(at(12, 14), younger).reasonCodes, ['AGE_MIX'])
  })

  test('a suspended home is listed but not feasible; closed homes and homes with no vacancy are not listed', () => {
    const { ranked, shown } = rankAll(
      [home({ homeId: 'S', status: 'suspended' }), home({ homeId: 'C', status: 'closed' }), home({ homeId: 'F', vacantBeds: 0 })],
      child(),
    )
    assert.deepEqual(
      shown.map((h) => [h.homeId, h.reasons]),
      [['S', ['The home is suspended']]],
    )
    assert.equal(ranked.order.length, 1)
  })

  test('every reason is reported at once, not just the first', () => {
    const h = one({ ageMin: 16, sexes: 'male', judgement: 'Inadequate', categories: [] }, { categories: ['EBD'] })
    assert.deepEqual(h.reasonCodes, ['CATEGORY', 'AGE', 'SEX', 'JUDGEMENT'])
    assert.equal(h.reasons.length, 4)
  })
})

describe('compatibility with the current residents', () => {
  const cse = { riskFlags: ['sexual-exploitation'] } as Partial<ChildNeedsProfile>
  const harmful = [{ riskFlags: ['sexual-harm' as const], age: 15 }]

  test('forbid: a child at risk of sexual exploitation is not placed where a resident presents sexual harm', () => {
    const h = one({ residents: harmful }, cse)
    assert.deepEqual(h.reasonCodes, ['INCOMPATIBLE'])
    assert.equal(h.reasons[0], DEFAULT_COMPATIBILITY_RULES[0]!.description)
  })

  test('forbid the other way round too, and not when no resident has the flag', () => {
    assert.deepEqual(one({ residents: [{ riskFlags: ['sexual-exploitation'], age: 13 }] }, { riskFlags: ['sexual-harm'] }).reasonCodes, [
      'INCOMPATIBLE',
    ])
    assert.equal(one({ residents: [{ riskFlags: ['self-harm'], age: 13 }] }, cse).feasible, true)
  })

  test('warn: feasible, warned in words, and the penalty shows as its own score part', () => {
    const plain = one({ residents: [{ riskFlags: [], age: 15 }] }, { riskFlags: ['self-harm'] })
    const warned = one({ residents: [{ riskFlags: ['drug-and-alcohol-use'], age: 15 }] }, { riskFlags: ['self-harm'] })
    assert.equal(warned.feasible, true)
    assert.deepEqual(warned.warnings, ['A child who self-harms, placed with a child who uses drugs or alcohol'])
    assert.equal(warned.score.parts.compatibility, -10)
    assert.equal(plain.score.parts.compatibility, 0)
    assert.equal(Math.round((plain.score.total - warned.score.total) * 100), 1000)
  })

  test("a council's own rule replaces the defaults", () => {
    const rule: CompatibilityRule = {
      id: 'fire',
      description: 'No two fire-setters',
      ifChild: 'fire-setting',
      ifResident: 'fire-setting',
      effect: 'forbid',
    }
    const rules: MatchingRules = { compatibility: [rule], excludedJudgements: [] }
    const fire = { residents: [{ riskFlags: ['fire-setting' as const], age: 15 }] }
    assert.deepEqual(one(fire, { riskFlags: ['fire-setting'] }, rules).reasons, ['No two fire-setters'])
    assert.equal(one(fire, { riskFlags: ['fire-setting'] }, DEFAULT_MATCHING_RULES).feasible, true)
    assert.equal(one({ residents: harmful }, cse, rules).feasible, true)
  })
})

describe('distance and score', () => {
  test('miles to home and school are dfeMiles, and unknown where a grid reference is missing', () => {
    const school = { easting: 430_000, northing: 120_000 }
    const h = one({ location: { easting: 500_000, northing: 150_000 } }, { school })
    assert.equal(h.milesFromHome, dfeMiles(SOUTHAMPTON, { easting: 500_000, northing: 150_000 }))
    assert.equal(h.milesFromSchool, dfeMiles(school, { easting: 500_000, northing: 150_000 }))
    const lost = one({ location: null })
    assert.equal(lost.milesFromHome, null)
    assert.equal(lost.schoolContinuity, null)
    assert.equal(lost.score.parts.distance, 0)
    assert.equal(one({}, { home: null }).milesFromHome, null)
  })

  test("school continuity: full points within the council's distance of the school, none beyond", () => {
    // The home is 6.2 miles from Southampton; the default continuity distance is 10 miles.
    const near = one({})
    assert.equal(near.schoolContinuity, true)
    assert.equal(near.score.parts.school, Math.round((10 * (1 - 6.2 / 100) + 10) * 100) / 100)
    const far = one({ location: { easting: 442_520, northing: 132_207 } })
    assert.equal(far.milesFromSchool, 12.4)
    assert.equal(far.schoolContinuity, false)
    assert.equal(far.score.parts.school, Math.round(10 * (1 - 12.4 / 100) * 100) / 100)
  })

  test('price scores against the cheapest feasible home; an infeasible cheaper home does not set the bar', () => {
    const { shown } = rankAll(
      [
        home({ homeId: 'cheap', weeklyPricePence: 4_000_00 }),
        home({ homeId: 'dear', weeklyPricePence: 8_000_00 }),
        home({ homeId: 'cheapest-but-no', weeklyPricePence: 1_000_00, sexes: 'male' }),
      ],
      child(),
    )
    const by = Object.fromEntries(shown.map((h) => [h.homeId, h]))
    assert.equal(by.cheap!.score.parts.price, 25)
    assert.equal(by.dear!.score.parts.price, 12.5)
    assert.equal(by['cheapest-but-no']!.score.parts.price, 25)
  })

  test('the total is the sum of its parts', () => {
    const h = one({ judgement: 'Outstanding', route: 'in-house' }, { riskFlags: ['self-harm'] })
    const p = h.score.parts
    assert.equal(h.score.total, Math.round((p.distance + p.school + p.price + p.judgement + p.route + p.compatibility) * 100) / 100)
    assert.equal(p.judgement, 20)
    assert.equal(p.route, 5)
  })
})

describe('the cascade', () => {
  test('grouped by route in cascade order, feasible first within each, then by score', () => {
    const homes = [
      home({ homeId: 'spot-near', route: 'spot' }),
      home({ homeId: 'block-bad', route: 'block', sexes: 'male' }),
      home({ homeId: 'in-house-far', route: 'in-house', location: { easting: 542_520, northing: 112_207 } }),
      home({ homeId: 'block-good', route: 'block', judgement: 'Outstanding' }),
      home({ homeId: 'block-ok', route: 'block', judgement: 'Good' }),
      home({ homeId: 'in-house-near', route: 'in-house' }),
    ]
    const { ranked, shown } = rankAll(homes, child())
    assert.deepEqual(
      shown.map((h) => h.homeId),
      ['in-house-near', 'in-house-far', 'block-good', 'block-ok', 'block-bad', 'spot-near'],
    )
    assert.deepEqual(
      ranked.groups.map((g) => [g.route, g.end - g.start, g.feasible]),
      [
        ['in-house', 2, 2],
        ['block', 3, 2],
        ['spot', 1, 1],
      ],
    )
    assert.deepEqual(
      topN(ranked, 5, 'block').map((h) => h.homeId),
      ['block-good', 'block-ok', 'block-bad'],
    )
    assert.deepEqual(
      topN(ranked, 1, 'spot').map((h) => h.homeId),
      ['spot-near'],
    )
  })

  test('equal scores go to the nearer home, then the cheaper, then the order given', () => {
    // Weights that ignore distance and price, so only the tie-breaks separate these homes.
    const weights = { ...DEFAULT_SCORE_WEIGHTS, homeDistance: 0, schoolDistance: 0, schoolContinuity: 0, price: 0 }
    const far = { easting: 462_520, northing: 112_207 }
    const homes = [
      home({ homeId: 'far', location: far }),
      home({ homeId: 'near-dear', weeklyPricePence: 7_000_00 }),
      home({ homeId: 'near-unpriced', weeklyPricePence: null }),
      home({ homeId: 'near-cheap', weeklyPricePence: 5_000_00 }),
      home({ homeId: 'near-cheap-2', weeklyPricePence: 5_000_00 }),
    ]
    const ranked = rankReferral(encodeMarket(homes), encodeReferral(child()), NO_RULES, weights)
    const shown = topN(ranked, 10)
    assert.equal(new Set(shown.map((h) => h.score.total)).size, 1)
    assert.deepEqual(
      shown.map((h) => h.homeId),
      ['near-cheap', 'near-cheap-2', 'near-dear', 'near-unpriced', 'far'],
    )
  })

  test('reason bits are the public codes', () => {
    const { ranked } = rankAll([home({ sexes: 'male' })], child())
    assert.equal(ranked.reasons[0], REASON.SEX)
  })
})

describe('encoding', () => {
  test('a home with an unknown code is refused, naming the home', () => {
    assert.throws(
      () => encodeMarket([home({ homeId: 'X9', categories: ['NOPE' as 'EBD'] })]),
      /home X9 \(1 of 1\): unknown registration category "NOPE"/,
    )
    assert.throws(() => encodeMarket([home({ homeId: 'X9', weeklyPricePence: 1.5 })]), /home X9.*weekly price/)
  })
})
