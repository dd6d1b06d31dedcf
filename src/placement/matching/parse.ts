// The match command's input, checked at the edge: every problem named by its JSON path.
// zod checks the shape; the cost matrix or arc list (millions of numbers) is checked by hand in one
// pass each, because a schema per entry would cost seconds on a national market.
import { z } from 'zod'
import { UserInputError } from '../../platform/errors.js'
import type { MatchProblem } from './types.js'

/** Costs are exact decimals of at most this many places (see ADR 0011). */
export const MAX_DECIMALS = 6
const MAX_CHILDREN = 1_000_000
const MAX_HOMES = 1_000_000
const MAX_BEDS = 1_000_000

const says = (text: string) => ({ error: (iss: { input?: unknown }) => (iss.input === undefined ? 'is required' : text) })
const whole = (max: number, text: string) =>
  z
    .number(says(text))
    .int(says(text))
    .min(0, says(text))
    .max(max, says(`must be at most ${max.toLocaleString('en-GB')}`))

const capacities = z.array(whole(MAX_BEDS, 'must be a whole number of free beds, 0 or more'), says('must be a list of free beds per home'))
const unassignedCost = z
  .number(says('must be a number, 0 or more: the cost of leaving a child unplaced'))
  .min(0, says('must be a number, 0 or more: the cost of leaving a child unplaced'))
  .refine(Number.isFinite, says('must be a finite number'))

const Dense = z.strictObject({
  capacities,
  costs: z.array(z.unknown(), says('must be a list of rows, one per child')),
  unassignedCost,
})
const Sparse = z.strictObject({
  children: whole(MAX_CHILDREN, 'must be a whole number of children, 0 or more'),
  capacities,
  arcs: z.array(z.unknown(), says('must be a list of [child, home, cost]')),
  unassignedCost,
})

/** `costs[3][2]` from a path. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('')
}

/** The fewest decimal places (0–6) that give back x exactly, or -1 if it needs more. */
export function decimalsOf(x: number): number {
  for (let k = 0, s = 1; k <= MAX_DECIMALS; k++, s *= 10) if (Math.round(x * s) / s === x) return k
  return -1
}

/**
 * Parses a match input (already JSON-decoded), dense or sparse, into the solver's form; throws a
 * UserInputError naming the file and the first bad field.
 */
export function parseMatchInput(json: unknown, file?: string): MatchProblem {
  const fail = (path: readonly PropertyKey[], message: string): never => {
    const field = path.length > 0 ? jsonPath(path) : '(the whole input)'
    throw new UserInputError(`${file ? `${file}: ` : ''}${field}: ${message}`, { ...(file ? { file } : {}), field })
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return fail([], 'must be a JSON object with capacities, costs (or children and arcs) and unassignedCost')
  const has = (k: string) => Object.hasOwn(json, k)
  if (has('costs') && has('arcs')) return fail(['arcs'], 'give either costs (dense) or children and arcs (sparse), not both')
  if (!has('costs') && !has('arcs')) return fail(['costs'], 'is required (or give children and arcs instead)')
  const parsed = (has('costs') ? Dense : Sparse).safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    if (issue.code === 'unrecognized_keys') return fail([...issue.path, issue.keys[0]!], 'is not a field of a match input')
    return fail(issue.path, issue.message)
  }
  const input = parsed.data
  const m = input.capacities.length
  if (m > MAX_HOMES) return fail(['capacities'], `lists ${m.toLocaleString('en-GB')} homes; at most ${MAX_HOMES.toLocaleString('en-GB')}`)

  // One pass collects the arcs as given (unscaled) and the decimal places they need.
  let decimals = decimalsOf(input.unassignedCost)
  if (decimals < 0) return fail(['unassignedCost'], `has more than ${MAX_DECIMALS} decimal places; round it`)
  let maxAbs = input.unassignedCost
  let scaleSoFar = 10 ** decimals
  const checkCost = (x: unknown, path: PropertyKey[]): number => {
    if (typeof x !== 'number' || !Number.isFinite(x)) return fail(path, 'must be a finite number (or null where the pair is forbidden)')
    if (Math.round(x * scaleSoFar) / scaleSoFar !== x) {
      const k = decimalsOf(x)
      if (k < 0) return fail(path, `${x} has more than ${MAX_DECIMALS} decimal places; round it`)
      decimals = Math.max(decimals, k)
      scaleSoFar = 10 ** decimals
    }
    const a = Math.abs(x)
    if (a > maxAbs) maxAbs = a
    return x
  }

  let n: number
  let rowStart: Int32Array
  let arcHome: Int32Array
  let raw: Float64Array
  if ('costs' in input) {
    const rows = input.costs
    n = rows.length
    if (n > MAX_CHILDREN) return fail(['costs'], `has ${n.toLocaleString('en-GB')} rows; at most ${MAX_CHILDREN.toLocaleString('en-GB')}`)
    rowStart = new Int32Array(n + 1)
    let count = 0
    for (let i = 0; i < n; i++) {
      const row = rows[i]
      if (!Array.isArray(row)) return fail(['costs', i], 'must be a list of costs, one per home (null where forbidden)')
      if (row.length !== m) return fail(['costs', i], `has ${row.length} entries; expected ${m}, one per home in capacities`)
      for (let j = 0; j < m; j++) if (row[j] !== null) count++
      rowStart[i + 1] = count
    }
    arcHome = new Int32Array(count)
    raw = new Float64Array(count)
    let a = 0
    for (let i = 0; i < n; i++) {
      const row = rows[i] as unknown[]
      for (let j = 0; j < m; j++) {
        const x = row[j]
        if (x === null) continue
        arcHome[a] = j
        raw[a++] = checkCost(x, ['costs', i, j])
      }
    }
  } else {
    n = input.children
    const arcs = input.arcs
    const child = new Int32Array(arcs.length)
    const home = new Int32Array(arcs.length)
    const cost = new Float64Array(arcs.length)
    rowStart = new Int32Array(n + 1)
    for (let k = 0; k < arcs.length; k++) {
      const arc = arcs[k]
      if (!Array.isArray(arc) || arc.length !== 3) return fail(['arcs', k], 'must be [child, home, cost]')
      const [c, h, x] = arc as unknown[]
      if (typeof c !== 'number' || !Number.isInteger(c) || c < 0 || c >= n)
        return fail(['arcs', k, 0], `must be a child index from 0 to ${n - 1} (children is ${n})`)
      if (typeof h !== 'number' || !Number.isInteger(h) || h < 0 || h >= m)
        return fail(['arcs', k, 1], `must be a home index from 0 to ${m - 1} (capacities lists ${m})`)
      child[k] = c
      home[k] = h
      cost[k] = checkCost(x, ['arcs', k, 2])
      rowStart[c + 1]!++
    }
    for (let i = 0; i < n; i++) rowStart[i + 1]! += rowStart[i]!
    // Counting sort into rows, remembering where each arc came from to name duplicates.
    const fill = rowStart.slice(0, n)
    const from = new Int32Array(arcs.length)
    arcHome = new Int32Array(arcs.length)
    raw = new Float64Array(arcs.length)
    for (let k = 0; k < arcs.length; k++) {
      const a = fill[child[k]!]!++
      arcHome[a] = home[k]!
      raw[a] = cost[k]!
      from[a] = k
    }
    const seenAt = new Int32Array(m).fill(-1)
    const seenRow = new Int32Array(m).fill(-1)
    for (let i = 0; i < n; i++) {
      for (let a = rowStart[i]!; a < rowStart[i + 1]!; a++) {
        const h = arcHome[a]!
        if (seenRow[h] === i) {
          const [first, again] = [Math.min(seenAt[h]!, from[a]!), Math.max(seenAt[h]!, from[a]!)]
          return fail(['arcs', again], `repeats the pair child ${i}, home ${h} (also arcs[${first}]); give each pair once`)
        }
        seenRow[h] = i
        seenAt[h] = from[a]!
      }
    }
  }

  // Every sum the solver forms (totals, prices, path lengths) is bounded by (n + 4)(U + max|c|) in
  // scaled units: keep it below 2^53 so that float arithmetic on whole numbers is exact.
  const scale = 10 ** decimals
  if ((n + 4) * 2 * maxAbs * scale > Number.MAX_SAFE_INTEGER)
    return fail(
      ['costs' in input ? 'costs' : 'arcs'],
      `costs up to ${maxAbs} with ${decimals} decimal places over ${n} children are too large to add up exactly; use smaller units or fewer decimals`,
    )
  const arcCost = new Float64Array(raw.length)
  for (let a = 0; a < raw.length; a++) arcCost[a] = Math.round(raw[a]! * scale)
  return {
    children: n,
    capacities: Int32Array.from(input.capacities),
    rowStart,
    arcHome,
    arcCost,
    unassignedCost: Math.round(input.unassignedCost * scale),
    scale,
  }
}
