/**
 * Indexation, pure: on each anniversary of the start, the price in force the day before rises by
 * the lower of the cap and CPI (the 12-month rate of the month `cpiLagMonths` before the
 * anniversary), and is flagged for review when CPI is above the review threshold. The percentages
 * and the CPI series are the council's data (ADR 0014). Money is integer pence; rates basis points.
 */
import { addDays } from '../../platform/calendar/isoDate.js'
import { UserInputError } from '../../platform/errors.js'
import { anniversaries, monthName, monthOf } from './dates.js'

export type IndexationRule = { capBps: number; reviewBps: number; cpiLagMonths: number }

export type PriceSource = 'contract' | 'indexation' | 'variation'

/** A price in force from a date, as contract_prices holds it. */
export type PricePoint = { fromDate: string; pricePence: number; placementFeePence: number | null; source: PriceSource }

export type IndexationStep = {
  date: string
  cpiMonth: string
  /** Null while the council has not entered the month's figure. */
  cpiBps: number | null
  appliedBps: number | null
  reviewFlag: boolean
  /** The price before and after; null once a step before it is waiting for CPI. */
  basePricePence: number | null
  pricePence: number | null
  placementFeePence: number | null
}

export type ScheduleInput = {
  contractReference: string
  startDate: string
  endDate: string
  rule: IndexationRule
  /** The prices set by the contract and by variations; indexation rows, if passed, are ignored and worked out afresh. */
  prices: readonly PricePoint[]
  cpi: ReadonlyMap<string, number>
  /** Only anniversaries on or before this date (default: the end date). */
  upTo?: string
}

const RANK: Record<PriceSource, number> = { contract: 0, indexation: 1, variation: 2 }

/** Orders prices so the one in force on a date is the last with fromDate on or before it; on the same day a variation wins. */
export function byPrecedence(a: PricePoint, b: PricePoint): number {
  return a.fromDate < b.fromDate ? -1 : a.fromDate > b.fromDate ? 1 : RANK[a.source] - RANK[b.source]
}

/** The price in force on a date, or undefined before the first. */
export function priceOn(prices: readonly PricePoint[], date: string): PricePoint | undefined {
  return [...prices].sort(byPrecedence).findLast((p) => p.fromDate <= date)
}

/** The uplift actually applied: never above the cap, and never a cut (an uplift clause does not lower prices). */
export function appliedRate(rule: IndexationRule, cpiBps: number): number {
  return Math.max(0, Math.min(rule.capBps, cpiBps))
}

/** Half a penny rounds up, as a price rise is stated. */
export function uplift(pence: number, bps: number): number {
  return Math.round((pence * (10_000 + bps)) / 10_000)
}

function schedule(input: ScheduleInput, onMissing: 'throw' | 'pending'): IndexationStep[] {
  const { rule } = input
  const last = input.upTo && input.upTo < input.endDate ? input.upTo : input.endDate
  const set = input.prices.filter((p) => p.source !== 'indexation')
  const timeline: PricePoint[] = [...set]
  const steps: IndexationStep[] = []
  let blocked = false
  for (const date of anniversaries(input.startDate, last)) {
    const cpiMonth = monthOf(date, -rule.cpiLagMonths)
    const cpiBps = input.cpi.get(cpiMonth) ?? null
    if (cpiBps === null && onMissing === 'throw') {
      throw new UserInputError(
        `No CPI figure for ${monthName(cpiMonth)}: contract ${input.contractReference} is indexed on ${date} by the CPI of ${cpiMonth}. Enter it on the CPI page first.`,
        { field: 'month' },
      )
    }
    const base = blocked ? undefined : priceOn(timeline, addDays(date, -1))
    const appliedBps = cpiBps === null ? null : appliedRate(rule, cpiBps)
    const step: IndexationStep = {
      date,
      cpiMonth,
      cpiBps,
      appliedBps,
      reviewFlag: cpiBps !== null && cpiBps > rule.reviewBps,
      basePricePence: base?.pricePence ?? null,
      pricePence: null,
      placementFeePence: null,
    }
    if (base && appliedBps !== null) {
      step.pricePence = uplift(base.pricePence, appliedBps)
      step.placementFeePence = base.placementFeePence === null ? null : uplift(base.placementFeePence, appliedBps)
      timeline.push({ fromDate: date, pricePence: step.pricePence, placementFeePence: step.placementFeePence, source: 'indexation' })
    } else blocked = true
    steps.push(step)
  }
  return steps
}

/** The indexation due up to a date; a missing CPI figure is refused with the month and contract named. */
export function indexationDue(input: ScheduleInput): IndexationStep[] {
  return schedule(input, 'throw')
}

/** The whole schedule to the end date, for showing: steps waiting for CPI (and those after them) have no price yet. */
export function indexationSchedule(input: ScheduleInput): IndexationStep[] {
  return schedule(input, 'pending')
}
