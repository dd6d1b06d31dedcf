import { milesFrom } from '../../../geo/distance.js'
import { OFSTED_JUDGEMENTS } from '../../../market/domain/judgements.js'
import { DEFAULT_WARN_PENALTY } from '../../domain/compatibilityRules.js'
import type { MatchingRules } from '../../domain/matchingRules.js'
import { JUDGEMENT_SHARES, type ScoreWeights } from '../../domain/scoreWeights.js'
import { ROUTES, type Route } from '../../domain/vacancy.js'
import { ALONGSIDE, judgementCode, riskMask, SOLO_BIT, DOL_BIT, STATUS_ACTIVE, STATUS_CLOSED } from './bits.js'
import type { Market } from './market.js'
import { NO_AGE, NO_PRICE } from './market.js'
import { REASON } from './reasons.js'
import type { EncodedReferral } from './referral.js'

/** The parts of a score, each shown beside the total; compatibility is 0 or a penalty below it. */
export const SCORE_PARTS = ['distance', 'school', 'price', 'judgement', 'route', 'compatibility'] as const
export type ScorePart = (typeof SCORE_PARTS)[number]

/** One route's run of `order`: order[start..end), the first `feasible` of them feasible. */
export type RouteGroup = { route: Route; start: number; end: number; feasible: number }

/**
 * A referral ranked against the market. Per-home arrays are indexed by the home's slot in the
 * market (and hold nothing meaningful for homes not listed); `order` lists the homes with a
 * vacancy, grouped by route in cascade order, feasible first, then best score.
 */
export type Ranked = {
  market: Market
  referral: EncodedReferral
  rules: MatchingRules
  weights: ScoreWeights
  order: Uint32Array
  groups: RouteGroup[]
  /** REASON bits; 0 is feasible. */
  reasons: Uint32Array
  /** Bits of rules.compatibility (by position) that rule the home out, and that warn. */
  forbidden: Uint32Array
  warned: Uint32Array
  /** DfE miles, NaN where either end is unknown. */
  milesHome: Float64Array
  milesSchool: Float64Array
  parts: Record<ScorePart, Float64Array>
  total: Float64Array
  cheapestFeasiblePence: number | null
}

/** To two decimal places, as scores are shown. */
export const round2 = (x: number) => Math.round(x * 100) / 100

const SHARE_BY_CODE = Float64Array.from(OFSTED_JUDGEMENTS, (j) => JUDGEMENT_SHARES[j])

function distances(origin: EncodedReferral['home'], market: Market, out: Float64Array): void {
  if (!origin) {
    out.fill(NaN)
    return
  }
  milesFrom(origin, market.eastings, market.northings, out)
  for (let i = 0; i < market.size; i++) if (market.located[i] === 0) out[i] = NaN
}

/**
 * Every home with a vacancy, checked and scored for one referral. Pure; one pass for feasibility
 * and compatibility, one for the score (price is relative to the cheapest feasible home), then a sort.
 */
export function rankReferral(market: Market, referral: EncodedReferral, rules: MatchingRules, weights: ScoreWeights): Ranked {
  const n = market.size
  const reasons = new Uint32Array(n)
  const forbidden = new Uint32Array(n)
  const warned = new Uint32Array(n)
  const milesHome = new Float64Array(n)
  const milesSchool = new Float64Array(n)
  const parts = {
    distance: new Float64Array(n),
    school: new Float64Array(n),
    price: new Float64Array(n),
    judgement: new Float64Array(n),
    route: new Float64Array(n),
    compatibility: new Float64Array(n),
  }
  const total = new Float64Array(n)
  distances(referral.home, market, milesHome)
  distances(referral.school, market, milesSchool)

  // Only the rules whose child flag this child has can fire; keep them as parallel small arrays.
  const ruleAt: number[] = []
  const ruleResident: number[] = []
  const ruleForbids: boolean[] = []
  const rulePenalty: number[] = []
  rules.compatibility.forEach((r, k) => {
    if ((referral.flags & riskMask([r.ifChild])) === 0) return
    ruleAt.push(k)
    ruleResident.push(riskMask([r.ifResident]))
    ruleForbids.push(r.effect === 'forbid')
    rulePenalty.push(r.penalty ?? DEFAULT_WARN_PENALTY)
  })
  const ruleCount = ruleAt.length
  let gateway = 0
  for (const j of rules.excludedJudgements) gateway |= 1 << judgementCode(j)

  const { categories, needs, sexes, ageMin, ageMax, judgement, soloOnly, residents, residentFlags, status, vacantBeds } = market
  const { youngestResident, oldestResident, weeklyPricePence } = market
  const { age, alongside } = referral
  const childCategories = referral.categories
  const childNeeds = referral.needs
  const order = new Uint32Array(n)
  let listed = 0
  let cheapest = Infinity
  for (let i = 0; i < n; i++) {
    if (vacantBeds[i] === 0 || status[i] === STATUS_CLOSED) continue
    order[listed++] = i
    let r = 0
    if (status[i] !== STATUS_ACTIVE) r |= REASON.NOT_OPEN
    if ((childCategories & ~categories[i]!) !== 0) r |= REASON.CATEGORY
    if ((childNeeds & ~needs[i]!) !== 0) r |= REASON.NEEDS
    if (age < ageMin[i]! || age > ageMax[i]!) r |= REASON.AGE
    if ((referral.sex & sexes[i]!) === 0) r |= REASON.SEX
    if ((gateway >>> judgement[i]!) & 1) r |= REASON.JUDGEMENT
    if (referral.dol && (needs[i]! & DOL_BIT) === 0) r |= REASON.DOL
    if (alongside === ALONGSIDE.solo) {
      if (residents[i]! > 0) r |= REASON.SOLO_OCCUPIED
      if (soloOnly[i] === 0 && (needs[i]! & SOLO_BIT) === 0) r |= REASON.SOLO_NOT_IN_SOP
    } else if (alongside === ALONGSIDE.withOthers) {
      if (soloOnly[i] === 1) r |= REASON.SOLO_ONLY_HOME
    } else if (alongside === ALONGSIDE.olderOnly) {
      if (youngestResident[i] !== NO_AGE && youngestResident[i]! <= age) r |= REASON.AGE_MIX
    } else if (alongside === ALONGSIDE.youngerOnly) {
      if (oldestResident[i] !== NO_AGE && oldestResident[i]! >= age) r |= REASON.AGE_MIX
    }
    let penalty = 0
    if (ruleCount > 0) {
      const here = residentFlags[i]!
      let f = 0
      let w = 0
      for (let k = 0; k < ruleCount; k++) {
        if ((here & ruleResident[k]!) === 0) continue
        if (ruleForbids[k]) f |= 1 << ruleAt[k]!
        else {
          w |= 1 << ruleAt[k]!
          penalty += rulePenalty[k]!
        }
      }
      forbidden[i] = f
      warned[i] = w
      if (f !== 0) r |= REASON.INCOMPATIBLE
    }
    reasons[i] = r
    parts.compatibility[i] = penalty === 0 ? 0 : -round2(penalty)
    if (r === 0 && weeklyPricePence[i]! !== NO_PRICE && weeklyPricePence[i]! < cheapest) cheapest = weeklyPricePence[i]!
  }

  const scale = weights.distanceScaleMiles
  const nearSchool = weights.schoolContinuityMiles
  for (let k = 0; k < listed; k++) {
    const i = order[k]!
    const mh = milesHome[i]!
    const ms = milesSchool[i]!
    const price = weeklyPricePence[i]!
    const d = mh === mh ? round2(weights.homeDistance * Math.max(0, 1 - mh / scale)) : 0
    const s =
      ms === ms ? round2(weights.schoolDistance * Math.max(0, 1 - ms / scale) + (ms <= nearSchool ? weights.schoolContinuity : 0)) : 0
    const p =
      price === NO_PRICE || cheapest === Infinity ? 0 : price === 0 ? weights.price : round2(weights.price * Math.min(1, cheapest / price))
    const j = round2(weights.judgement * SHARE_BY_CODE[judgement[i]!]!)
    const ro = round2((weights.route * (2 - market.route[i]!)) / 2)
    parts.distance[i] = d
    parts.school[i] = s
    parts.price[i] = p
    parts.judgement[i] = j
    parts.route[i] = ro
    total[i] = round2(d + s + p + j + ro + parts.compatibility[i]!)
  }

  const shown = order.subarray(0, listed)
  const route = market.route
  shown.sort((a, b) => {
    if (route[a] !== route[b]) return route[a]! - route[b]!
    const fa = reasons[a] === 0 ? 0 : 1
    const fb = reasons[b] === 0 ? 0 : 1
    if (fa !== fb) return fa - fb
    if (total[a] !== total[b]) return total[b]! - total[a]!
    const ma = milesHome[a]!
    const mb = milesHome[b]!
    // Unknown distance (NaN) last; NaN !== NaN, so two unknowns must be caught before comparing.
    const ua = ma !== ma
    const ub = mb !== mb
    if (ua !== ub) return ua ? 1 : -1
    if (!ua && ma !== mb) return ma - mb
    const pa = weeklyPricePence[a]!
    const pb = weeklyPricePence[b]!
    if (pa !== pb) return pa === NO_PRICE ? 1 : pb === NO_PRICE ? -1 : pa - pb
    return a - b
  })

  const groups: RouteGroup[] = []
  let start = 0
  for (let g = 0; g < ROUTES.length; g++) {
    let end = start
    let feasible = 0
    while (end < listed && route[shown[end]!] === g) {
      if (reasons[shown[end]!] === 0) feasible++
      end++
    }
    groups.push({ route: ROUTES[g]!, start, end, feasible })
    start = end
  }

  return {
    market,
    referral,
    rules,
    weights,
    order: shown,
    groups,
    reasons,
    forbidden,
    warned,
    milesHome,
    milesSchool,
    parts,
    total,
    cheapestFeasiblePence: cheapest === Infinity ? null : cheapest,
  }
}
