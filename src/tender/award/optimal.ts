// The optimal rule as a 0-1 programme solved exactly by HiGHS. Combinations are found in
// descending Σ beds × score, each solve excluding those already found, until the chosen one and
// the next best are in hand and the last objective's ties are complete; the tie-breaks (weekly
// cost, then earlier submission) are then settled exactly among the tied, in whole numbers.
import { setFlagsFromString } from 'node:v8'
import highsModule, { type Highs } from 'highs'
import { UserInputError } from '../../platform/errors.js'
import {
  combine,
  compareCombinations,
  formatObjective,
  meetsRule,
  noCombinationReason,
  objectiveOf,
  prepare,
  toAlternative,
  type Combination,
  type Prepared,
  type PreparedBid,
} from './combination.js'
import type { AwardInput, AwardResult } from './types.js'

type Row = { terms: [number, PreparedBid][]; op: '<=' | '>=' | '='; rhs: number }

// The objective has whole-number coefficients, so a gap under 1 proves the optimum exactly.
const OPTIONS = { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0.5 }
/** Beyond this many combinations sharing one objective, ties are a sign of scores too coarse to compare. */
export const MAX_TIED = 200

// highs types itself as CommonJS but Node loads its ES module, whose default export is the loader.
const highsLoader = ((highsModule as { default?: unknown }).default ?? highsModule) as typeof highsModule.default
let solver: Promise<Highs> | undefined
const loadSolver = () => (solver ??= highsLoader())

/**
 * For a one-shot command, before its first award: compile the solver with V8's baseline
 * WebAssembly compiler only. Optimising HiGHS's 3.5 MB of WebAssembly costs seconds of CPU that
 * a handful of solves never earns back; a long-running server is better off without this. The
 * flag is process-wide, which is why only the command sets it.
 */
export function compileSolverForOneShot(): void {
  if (!solver) setFlagsFromString('--liftoff-only')
}

export async function optimalAward(input: AwardInput, alternatives = 5): Promise<AwardResult> {
  const highs = await loadSolver()
  const p = prepare(input)
  const [best, ...rest] = topCombinations(highs, p, 1 + alternatives)
  if (!best) return { feasible: false, reason: noCombinationReason(input) }
  return {
    feasible: true,
    chosen: best.bids.map((b) => b.id),
    beds: best.beds,
    weeklyCostPence: best.weeklyCostPence,
    objective: objectiveOf(best),
    alternatives: rest.map((c) => toAlternative(best, c)),
  }
}

/** The first `count` combinations in the award order (fewer if the rule allows fewer). */
function topCombinations(highs: Highs, p: Prepared, count: number): Combination[] {
  const rule = ruleRows(p)
  const found: Combination[] = []
  for (;;) {
    const last = found.at(-1)
    // Nothing found so far is allowed again, and nothing better than the last can be left.
    const cap: Row[] = last ? [{ terms: p.bids.map((b) => [b.value, b]), op: '<=', rhs: last.value }] : []
    const next = solve(highs, p, [...rule, ...cap, ...found.map((c) => excluding(p, c))])
    if (!next || (last && found.length >= count && next.value < last.value)) break
    if (last && next.value > last.value) throw new Error('award solver: HiGHS broke the cap on the objective')
    found.push(next)
    if (found.filter((c) => c.value === next.value).length > MAX_TIED)
      throw new UserInputError(
        `more than ${MAX_TIED} combinations of bids tie on the objective ${formatObjective(next.value)}; give the scores more decimal places so they can be told apart`,
      )
  }
  return found.sort(compareCombinations).slice(0, count)
}

function ruleRows(p: Prepared): Row[] {
  const { bedsMin, bedsMax, maxProviders, budgetPencePerWeek } = p.input
  const providers = new Map<string, PreparedBid[]>()
  for (const b of p.bids) providers.set(b.provider, [...(providers.get(b.provider) ?? []), b])
  const rows: Row[] = [...providers.values()]
    .filter((bs) => bs.length > 1)
    .map((bs) => ({ terms: bs.map((b) => [1, b]), op: '<=', rhs: 1 }))
  rows.push({ terms: p.bids.map((b) => [1, b]), op: '<=', rhs: maxProviders })
  rows.push({ terms: p.bids.map((b) => [b.beds, b]), op: '>=', rhs: bedsMin })
  rows.push({ terms: p.bids.map((b) => [b.beds, b]), op: '<=', rhs: bedsMax })
  if (budgetPencePerWeek !== null) rows.push({ terms: p.bids.map((b) => [b.weeklyCostPence, b]), op: '<=', rhs: budgetPencePerWeek })
  return rows
}

/** A "no-good" cut: any combination but exactly this one. */
function excluding(p: Prepared, c: Combination): Row {
  const inside = new Set(c.bids)
  return { terms: p.bids.map((b) => [inside.has(b) ? 1 : -1, b]), op: '<=', rhs: c.bids.length - 1 }
}

const col = (b: PreparedBid) => `x${b.arrival}`

function expression(terms: [number, PreparedBid][]): string {
  const parts = terms.filter(([c]) => c !== 0).map(([c, b], i) => `${c < 0 ? '- ' : i > 0 ? '+ ' : ''}${Math.abs(c)} ${col(b)}`)
  // Short lines: LP readers need not accept very long ones.
  const lines: string[] = []
  for (let i = 0; i < parts.length; i += 8) lines.push(parts.slice(i, i + 8).join(' '))
  return lines.join('\n   ') || `0 ${col(terms[0]![1])}`
}

/** The model in CPLEX LP format, which `highs.solve` reads. */
function lpText(p: Prepared, rows: Row[]): string {
  return [
    'Maximize',
    ` obj: ${expression(p.bids.map((b) => [b.value, b]))}`,
    'Subject To',
    ...rows.map((r, i) => ` r${i}: ${expression(r.terms)} ${r.op} ${r.rhs}`),
    'Binary',
    ...p.bids.map((b) => ` ${col(b)}`),
    'End',
  ].join('\n')
}

/** The combination with the largest Σ beds × score that `rows` allow; null when they allow none. */
function solve(highs: Highs, p: Prepared, rows: Row[]): Combination | null {
  const r = highs.solve(lpText(p, rows), OPTIONS)
  if (r.Status === 'Infeasible') return null
  if (r.Status !== 'Optimal') throw new Error(`award solver: HiGHS ended with status ${r.Status}`)
  const c = combine(p.bids.filter((b) => (r.Columns[col(b)]?.Primal ?? 0) > 0.5))
  // The solver works to tolerances; the rule is checked again in whole numbers.
  if (!meetsRule(p, c)) throw new Error('award solver: HiGHS returned a combination that breaks the rule')
  return c
}
