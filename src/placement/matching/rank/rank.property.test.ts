import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { dfeMiles } from '../../../geo/distance.js'
import { REGISTRATION_CATEGORY_CODES, type RegistrationCategoryCode } from '../../../market/domain/categories.js'
import { OFSTED_JUDGEMENTS } from '../../../market/domain/judgements.js'
import type { NeedCode } from '../../../market/domain/needs.js'
import { HOME_STATUSES, SEXES_ACCEPTED } from '../../../market/domain/statuses.js'
import { DEFAULT_COMPATIBILITY_RULES, type CompatibilityRule } from '../../domain/compatibilityRules.js'
import type { MatchingRules } from '../../domain/matchingRules.js'
import { CARED_FOR_ALONGSIDE, CHILD_SEXES, type ChildNeedsProfile } from '../../domain/needsProfile.js'
import { RISK_FLAG_CODES } from '../../domain/riskFlags.js'
import { JUDGEMENT_SHARES, type ScoreWeights } from '../../domain/scoreWeights.js'
import { ROUTES, type HomeVacancy } from '../../domain/vacancy.js'
import { encodeMarket, encodeReferral, rankReferral, REASON, type ReasonName } from './index.js'

/**
 * The ranking written the plain way — one object per home, arrays and includes() — so the
 * typed-array version can be held to it on random markets.
 */
function reference(homes: HomeVacancy[], c: ChildNeedsProfile, rules: MatchingRules, w: ScoreWeights) {
  const r2 = (x: number) => Math.round(x * 100) / 100
  const dol = c.deprivationOfLiberty || c.needs.includes('dol')
  const rows = homes
    .map((h, index) => ({ h, index }))
    .filter(({ h }) => h.vacantBeds > 0 && h.status !== 'closed')
    .map(({ h, index }) => {
      const why: ReasonName[] = []
      if (h.status !== 'active') why.push('NOT_OPEN')
      if (!c.categories.every((x) => h.categories.includes(x))) why.push('CATEGORY')
      if (!c.needs.every((x) => x === 'dol' || h.needs.includes(x))) why.push('NEEDS')
      if (c.ageAtStart < (h.ageMin ?? 0) || c.ageAtStart > (h.ageMax ?? 99)) why.push('AGE')
      if (!(h.sexes === 'mixed' || h.sexes === c.sex)) why.push('SEX')
      if (rules.excludedJudgements.includes(h.judgement ?? 'Not yet inspected')) why.push('JUDGEMENT')
      if (dol && !h.needs.includes('dol')) why.push('DOL')
      const ages = h.residents.flatMap((r) => (r.age === null ? [] : [r.age]))
      if (c.caredForAlongside === 'Solo placement recommended') {
        if (h.residents.length > 0) why.push('SOLO_OCCUPIED')
        if (!h.soloOnly && !h.needs.includes('solo')) why.push('SOLO_NOT_IN_SOP')
      }
      if (c.caredForAlongside === 'With other children recommended' && h.soloOnly) why.push('SOLO_ONLY_HOME')
      if (c.caredForAlongside === 'Only with other older children' && ages.some((a) => a <= c.ageAtStart)) why.push('AGE_MIX')
      if (c.caredForAlongside === 'Only with other younger children' && ages.some((a) => a >= c.ageAtStart)) why.push('AGE_MIX')
      const fires = rules.compatibility.filter(
        (rule) => c.riskFlags.includes(rule.ifChild) && h.residents.some((res) => res.riskFlags.includes(rule.ifResident)),
      )
      if (fires.some((rule) => rule.effect === 'forbid')) why.push('INCOMPATIBLE')
      const penalty = fires.filter((rule) => rule.effect === 'warn').reduce((s, rule) => s + (rule.penalty ?? 10), 0)
      const milesHome = c.home && h.location ? dfeMiles(c.home, h.location) : NaN
      const milesSchool = c.school && h.location ? dfeMiles(c.school, h.location) : NaN
      return { h, index, why, fires, penalty, milesHome, milesSchool }
    })
  const prices = rows.filter((r) => r.why.length === 0 && r.h.weeklyPricePence !== null).map((r) => r.h.weeklyPricePence!)
  const cheapest = prices.length ? Math.min(...prices) : null
  const scored = rows.map((r) => {
    const { h, milesHome: mh, milesSchool: ms } = r
    const distance = Number.isNaN(mh) ? 0 : r2(w.homeDistance * Math.max(0, 1 - mh / w.distanceScaleMiles))
    const school = Number.isNaN(ms)
      ? 0
      : r2(w.schoolDistance * Math.max(0, 1 - ms / w.distanceScaleMiles) + (ms <= w.schoolContinuityMiles ? w.schoolContinuity : 0))
    const p = h.weeklyPricePence
    const price = p === null || cheapest === null ? 0 : p === 0 ? w.price : r2(w.price * Math.min(1, cheapest / p))
    const judgement = r2(w.judgement * JUDGEMENT_SHARES[h.judgement ?? 'Not yet inspected'])
    const route = r2((w.route * { 'in-house': 2, block: 1, spot: 0 }[h.route]) / 2)
    const compatibility = r.penalty === 0 ? 0 : -r2(r.penalty)
    const total = r2(distance + school + price + judgement + route + compatibility)
    return { ...r, parts: { distance, school, price, judgement, route, compatibility }, total }
  })
  const unknownLast = (a: number, b: number) => (Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : Number.isNaN(b) ? -1 : a - b)
  scored.sort(
    (a, b) =>
      ROUTES.indexOf(a.h.route) - ROUTES.indexOf(b.h.route) ||
      Number(a.why.length > 0) - Number(b.why.length > 0) ||
      b.total - a.total ||
      unknownLast(a.milesHome, b.milesHome) ||
      unknownLast(a.h.weeklyPricePence ?? NaN, b.h.weeklyPricePence ?? NaN) ||
      a.index - b.index,
  )
  return scored
}

const subset = <T>(xs: readonly T[]) => fc.subarray([...xs])
const gridRef = fc.record({ easting: fc.integer({ min: 130_000, max: 660_000 }), northing: fc.integer({ min: 0, max: 660_000 }) })
// Few codes on each side, so that feasible and infeasible homes both turn up often.
const categories = subset(REGISTRATION_CATEGORY_CODES.slice(0, 3) as RegistrationCategoryCode[])
const needs = subset(['challenging-behaviour', 'cse', 'autism', 'solo', 'dol'] as NeedCode[])
const flags = subset(RISK_FLAG_CODES.slice(0, 8))
const age = fc.integer({ min: 6, max: 18 })

const homeArb = fc.record({
  homeId: fc.constant(''),
  name: fc.constant(null),
  route: fc.constantFrom(...ROUTES),
  categories,
  needs,
  ageMin: fc.option(fc.integer({ min: 6, max: 14 })),
  ageMax: fc.option(fc.integer({ min: 12, max: 18 })),
  sexes: fc.constantFrom(...SEXES_ACCEPTED),
  judgement: fc.option(fc.constantFrom(...OFSTED_JUDGEMENTS)),
  status: fc.constantFrom(...HOME_STATUSES, 'active', 'active'),
  vacantBeds: fc.integer({ min: 0, max: 3 }),
  // A few prices shared by many homes, so score ties (and so the tie-breaks) are common.
  weeklyPricePence: fc.option(fc.constantFrom(0, 4_000_00, 5_500_00, 6_000_00, 9_999_99), { freq: 6 }),
  location: fc.option(gridRef, { freq: 8 }),
  soloOnly: fc.boolean(),
  residents: fc.array(fc.record({ riskFlags: flags, age: fc.option(age) }), { maxLength: 3 }),
})

const childArb = fc.record({
  childId: fc.constant('C'),
  categories: subset(REGISTRATION_CATEGORY_CODES.slice(0, 2) as RegistrationCategoryCode[]),
  needs: subset(['challenging-behaviour', 'autism', 'dol'] as NeedCode[]),
  ageAtStart: age,
  sex: fc.constantFrom(...CHILD_SEXES),
  caredForAlongside: fc.constantFrom(...CARED_FOR_ALONGSIDE),
  deprivationOfLiberty: fc.boolean(),
  riskFlags: flags,
  home: fc.option(gridRef, { freq: 8 }),
  school: fc.option(gridRef, { freq: 4 }),
})

const ruleArb: fc.Arbitrary<CompatibilityRule> = fc.record({
  id: fc.constant('r'),
  description: fc.constant('random rule'),
  ifChild: fc.constantFrom(...RISK_FLAG_CODES.slice(0, 8)),
  ifResident: fc.constantFrom(...RISK_FLAG_CODES.slice(0, 8)),
  effect: fc.constantFrom('forbid' as const, 'warn' as const),
  penalty: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
})

const rulesArb = fc.record({
  compatibility: fc.oneof(fc.constant(DEFAULT_COMPATIBILITY_RULES), fc.array(ruleArb, { maxLength: 32 })),
  excludedJudgements: subset(OFSTED_JUDGEMENTS),
})

const weight = fc.integer({ min: 0, max: 40 })
const weightsArb = fc.record({
  homeDistance: weight,
  schoolDistance: weight,
  schoolContinuity: weight,
  price: weight,
  judgement: weight,
  route: weight,
  distanceScaleMiles: fc.constantFrom(50, 100, 250),
  schoolContinuityMiles: fc.constantFrom(5, 10, 20),
})

test('the typed-array ranking equals the plain per-home ranking on random markets and referrals', () => {
  fc.assert(
    fc.property(fc.array(homeArb, { maxLength: 40 }), childArb, rulesArb, weightsArb, (rawHomes, c, rules, weights) => {
      const homes = rawHomes.map((h, i) => ({ ...h, homeId: `H${i}` }))
      const ranked = rankReferral(encodeMarket(homes), encodeReferral(c), rules, weights)
      const want = reference(homes, c, rules, weights)
      assert.deepEqual(
        [...ranked.order].map((i) => homes[i]!.homeId),
        want.map((r) => r.h.homeId),
      )
      for (const r of want) {
        const i = r.index
        const bits = r.why.reduce((b, name) => b | REASON[name], 0)
        assert.equal(ranked.reasons[i], bits, `${r.h.homeId} reasons`)
        const forbidden = r.fires.filter((x) => x.effect === 'forbid').map((x) => rules.compatibility.indexOf(x))
        const got = rules.compatibility.flatMap((_, k) => ((ranked.forbidden[i]! >>> k) & 1 ? [k] : []))
        assert.deepEqual(
          got,
          [...new Set(forbidden)].sort((a, b) => a - b),
          `${r.h.homeId} forbidden rules`,
        )
        assert.ok(Object.is(ranked.milesHome[i], r.milesHome), `${r.h.homeId} miles from home`)
        assert.ok(Object.is(ranked.milesSchool[i], r.milesSchool), `${r.h.homeId} miles from school`)
        for (const part of Object.keys(r.parts) as (keyof typeof r.parts)[]) {
          assert.ok(Object.is(ranked.parts[part][i], r.parts[part]), `${r.h.homeId} ${part}: ${ranked.parts[part][i]} vs ${r.parts[part]}`)
        }
        assert.equal(ranked.total[i], r.total)
      }
      const groups = ROUTES.map((route) => [route, want.filter((r) => r.h.route === route).length])
      assert.deepEqual(
        ranked.groups.map((g) => [g.route, g.end - g.start]),
        groups,
      )
    }),
    { numRuns: 400 },
  )
})
