/**
 * Red, amber, green against a target: green meets it; amber misses it by no more than the amber
 * margin; red misses it by more; none without a value. Pure.
 */
import type { Rag } from '../../api.js'
import type { Direction } from './measures.js'

export type Target = { direction: Direction; target: number; amberMargin: number }

// Values are rounded to 2 decimal places; this keeps 0.1 + 0.2 from falling just past a margin.
const EPSILON = 1e-9

/** How far the value falls short of the target, in the measure's units: 0 or less meets it. */
export function shortfall(value: number, t: Pick<Target, 'direction' | 'target'>): number {
  return t.direction === 'at-most' ? value - t.target : t.target - value
}

export function ragOf(value: number | null, t: Target): Rag {
  if (value === null || !Number.isFinite(value)) return 'none'
  const short = shortfall(value, t)
  if (short <= EPSILON) return 'green'
  if (short <= Math.max(0, t.amberMargin) + EPSILON) return 'amber'
  return 'red'
}

export const RAG_LABELS: Record<Rag, string> = { green: 'Green', amber: 'Amber', red: 'Red', none: 'No data' }

export type RagSummary = {
  counts: Record<Rag, number>
  /** The latest month with a value, and its rating. */
  latest: { month: string; value: number; rag: Rag } | null
  /** Mean over the months with a value, to 2 decimal places; null when none has one. */
  mean: number | null
}

/** Sums up one measure's months (oldest first, as the scorecard holds them). */
export function summarise(months: readonly string[], values: readonly (number | null)[], rags: readonly Rag[]): RagSummary {
  const counts: Record<Rag, number> = { green: 0, amber: 0, red: 0, none: 0 }
  let latest: RagSummary['latest'] = null
  let sum = 0
  let n = 0
  months.forEach((month, i) => {
    const rag = rags[i] ?? 'none'
    counts[rag]++
    const v = values[i] ?? null
    if (v === null) return
    latest = { month, value: v, rag }
    sum += v
    n++
  })
  return { counts, latest, mean: n === 0 ? null : Math.round((sum / n) * 100) / 100 }
}
