import { REGISTRATION_CATEGORY_CODES, registrationCategoryLabel } from '../../../market/domain/categories.js'
import { OFSTED_JUDGEMENTS, type OfstedJudgement } from '../../../market/domain/judgements.js'
import { NEED_CODES, needLabel } from '../../../market/domain/needs.js'
import { HOME_STATUSES } from '../../../market/domain/statuses.js'
import { ROUTES, type Route } from '../../domain/vacancy.js'
import { codesOf, SEXES_ACCEPTED_BITS, SEX_BITS } from './bits.js'
import { NO_AGE_MAX, NO_PRICE } from './market.js'
import type { Ranked, ScorePart } from './rank.js'
import { reasonNames, type ReasonName } from './reasons.js'

/** Why one home is ruled out (empty when it is feasible), and what it is warned about, in words. */
export type Explanation = { reasons: string[]; reasonCodes: ReasonName[]; warnings: string[] }

const list = (xs: string[]) => xs.join(', ')

function ageRange(min: number, max: number): string {
  if (max === NO_AGE_MAX) return `${min} and over`
  return min === max ? `${min} only` : `${min} to ${max}`
}

/** Words for one home's reasons: only for the homes a page shows, never in the ranking loop. */
export function explain(ranked: Ranked, i: number): Explanation {
  const { market: m, referral: c } = ranked
  const bits = ranked.reasons[i]!
  const reasons: string[] = []
  for (const name of reasonNames(bits)) {
    switch (name) {
      case 'NOT_OPEN':
        reasons.push(`The home is ${HOME_STATUSES[m.status[i]!]}`)
        break
      case 'CATEGORY': {
        const missing = codesOf(REGISTRATION_CATEGORY_CODES, c.categories & ~m.categories[i]!)
        reasons.push(`Not registered with Ofsted for: ${list(missing.map(registrationCategoryLabel))}`)
        break
      }
      case 'NEEDS': {
        const missing = codesOf(NEED_CODES, (c.needs & ~m.needs[i]!) >>> 0)
        reasons.push(`Its Statement of Purpose does not cover: ${list(missing.map(needLabel))}`)
        break
      }
      case 'AGE':
        reasons.push(`It takes children aged ${ageRange(m.ageMin[i]!, m.ageMax[i]!)}; the child will be ${c.age}`)
        break
      case 'SEX': {
        const takes =
          m.sexes[i] === SEXES_ACCEPTED_BITS.male
            ? 'boys only'
            : m.sexes[i] === SEXES_ACCEPTED_BITS.female
              ? 'girls only'
              : 'boys and girls'
        reasons.push(`It takes ${takes}${c.sex === SEX_BITS.other ? '; the child is placed only in a home for boys and girls' : ''}`)
        break
      }
      case 'JUDGEMENT':
        reasons.push(`Ofsted judged it ${OFSTED_JUDGEMENTS[m.judgement[i]!]}, which the council does not place at`)
        break
      case 'DOL':
        reasons.push('The child is subject to a Deprivation of Liberty Order; its Statement of Purpose does not cover one')
        break
      case 'SOLO_OCCUPIED':
        reasons.push(
          `The child needs to live on their own; ${m.residents[i]} ${m.residents[i] === 1 ? 'child lives' : 'children live'} here`,
        )
        break
      case 'SOLO_NOT_IN_SOP':
        reasons.push('The child needs to live on their own; its Statement of Purpose does not cover solo placements')
        break
      case 'SOLO_ONLY_HOME':
        reasons.push('It takes one child only; the child should live with other children')
        break
      case 'AGE_MIX':
        reasons.push(
          c.profile.caredForAlongside === 'Only with other older children'
            ? `The child should live only with older children; the youngest here is ${m.youngestResident[i]}`
            : `The child should live only with younger children; the oldest here is ${m.oldestResident[i]}`,
        )
        break
      case 'INCOMPATIBLE':
        ranked.rules.compatibility.forEach((r, k) => {
          if ((ranked.forbidden[i]! >>> k) & 1) reasons.push(r.description)
        })
        break
    }
  }
  const warnings: string[] = []
  ranked.rules.compatibility.forEach((r, k) => {
    if ((ranked.warned[i]! >>> k) & 1) warnings.push(r.description)
  })
  return { reasons, reasonCodes: reasonNames(bits), warnings }
}

/** One home in a list a page shows: plain data, the score's parts beside its total. */
export type RankedHome = {
  homeId: string
  name: string | null
  route: Route
  feasible: boolean
  reasonCodes: ReasonName[]
  reasons: string[]
  warnings: string[]
  milesFromHome: number | null
  milesFromSchool: number | null
  /** Within the council's school-continuity distance of the child's school; null when either is unknown. */
  schoolContinuity: boolean | null
  weeklyPricePence: number | null
  judgement: OfstedJudgement
  vacantBeds: number
  score: { total: number; parts: Record<ScorePart, number> }
}

const known = (x: number) => (x === x ? x : null)

export function rankedHome(ranked: Ranked, i: number): RankedHome {
  const m = ranked.market
  const e = explain(ranked, i)
  const school = known(ranked.milesSchool[i]!)
  return {
    homeId: m.homeIds[i]!,
    name: m.names[i]!,
    route: ROUTES[m.route[i]!]!,
    feasible: ranked.reasons[i] === 0,
    reasonCodes: e.reasonCodes,
    reasons: e.reasons,
    warnings: e.warnings,
    milesFromHome: known(ranked.milesHome[i]!),
    milesFromSchool: school,
    schoolContinuity: school === null ? null : school <= ranked.weights.schoolContinuityMiles,
    weeklyPricePence: m.weeklyPricePence[i] === NO_PRICE ? null : m.weeklyPricePence[i]!,
    judgement: OFSTED_JUDGEMENTS[m.judgement[i]!]!,
    vacantBeds: m.vacantBeds[i]!,
    score: {
      total: ranked.total[i]!,
      parts: {
        distance: ranked.parts.distance[i]!,
        school: ranked.parts.school[i]!,
        price: ranked.parts.price[i]!,
        judgement: ranked.parts.judgement[i]!,
        route: ranked.parts.route[i]!,
        compatibility: ranked.parts.compatibility[i]!,
      },
    },
  }
}

/**
 * The first n homes in cascade order, or of one route's group: what a page renders. Only these
 * get objects and words; the rest of the market stays in typed arrays.
 */
export function topN(ranked: Ranked, n: number, route?: Route): RankedHome[] {
  const g = route === undefined ? null : ranked.groups.find((x) => x.route === route)!
  const start = g ? g.start : 0
  const end = Math.min(g ? g.end : ranked.order.length, start + Math.max(0, Math.floor(n)))
  const out: RankedHome[] = []
  for (let k = start; k < end; k++) out.push(rankedHome(ranked, ranked.order[k]!))
  return out
}
