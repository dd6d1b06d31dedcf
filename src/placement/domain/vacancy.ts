import type { GridRef } from '../../geo/types.js'
import type { RegistrationCategoryCode } from '../../market/domain/categories.js'
import type { OfstedJudgement } from '../../market/domain/judgements.js'
import type { NeedCode } from '../../market/domain/needs.js'
import type { HomeStatus, SexesAccepted } from '../../market/domain/statuses.js'
import type { RiskFlag } from './riskFlags.js'

/** The routes to a bed, in the order the cascade tries them: the council's own, then block, then spot. */
export const ROUTES = ['in-house', 'block', 'spot'] as const
export type Route = (typeof ROUTES)[number]

export const ROUTE_LABELS: Record<Route, string> = {
  'in-house': 'In-house home',
  block: 'Block contract',
  spot: 'Framework spot purchase',
}

/** A child living in the home now: what compatibility and "only with older/younger children" weigh. */
export type Resident = { riskFlags: RiskFlag[]; age: number | null }

/** A home with at least one bed the council could fill, as matching sees it. */
export type HomeVacancy = {
  homeId: string
  name: string | null
  route: Route
  categories: RegistrationCategoryCode[]
  /** What its Statement of Purpose says it can meet. */
  needs: NeedCode[]
  /** Ages it takes, inclusive; null for no bound. */
  ageMin: number | null
  ageMax: number | null
  sexes: SexesAccepted
  judgement: OfstedJudgement | null
  status: HomeStatus
  vacantBeds: number
  /** Weekly price of the bed in pence (the block rate for a block bed, the cost to run for in-house); null if unknown. */
  weeklyPricePence: number | null
  location: GridRef | null
  /** Registered for one child only. */
  soloOnly: boolean
  residents: Resident[]
}
