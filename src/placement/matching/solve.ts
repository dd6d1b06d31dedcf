// Exact minimum-cost allocation of children to homes with free beds, each child placed or left
// unplaced at cost U: successive shortest augmenting paths (Dijkstra with prices, as in Jonker–
// Volgenant) on the bipartite graph with capacitated homes — beds are never expanded into columns.
//
// Duals: u[i] per child, p[j] ≥ 0 per home. Invariants after every child (ADR 0011):
//   c[i][j] + p[j] - u[i] ≥ 0 on every allowed pair, u[i] ≤ U,
//   = 0 on every chosen pair, u[i] = U for every unplaced child, p[j] = 0 while home j has a free bed.
// Together these are the LP's optimality conditions, so the allocation is optimal by construction;
// `optimalityProblems` re-checks them independently. All numbers are whole (scaled) units, so exact.
import type { MatchProblem, MatchSolution } from './types.js'

export function solveMatch(problem: MatchProblem): MatchSolution {
  const { children: n, capacities, rowStart, arcHome, arcCost, unassignedCost: U } = problem
  const m = capacities.length

  // Beds as slots: home j owns slots slotStart[j] … slotStart[j] + capacities[j] - 1, of which the
  // first load[j] are taken. An augmenting path hands each displaced child's slot to the one before it.
  const slotStart = new Int32Array(m + 1)
  for (let j = 0; j < m; j++) slotStart[j + 1] = slotStart[j]! + capacities[j]!
  const slots = slotStart[m]!
  const slotHome = new Int32Array(slots)
  for (let j = 0; j < m; j++) slotHome.fill(j, slotStart[j]!, slotStart[j + 1]!)
  const slotChild = new Int32Array(slots).fill(-1)
  const load = new Int32Array(m)
  const slotOf = new Int32Array(n).fill(-1)

  const u = new Float64Array(n)
  const p = new Float64Array(m)

  // Dijkstra over homes; a child is reached at the distance of the home it sits in (its own pair has
  // reduced cost 0), so only homes need labels.
  const dist = new Float64Array(m).fill(Infinity)
  const pred = new Int32Array(m)
  const done = new Uint8Array(m)
  const touched = new Int32Array(m)
  const settled = new Int32Array(m)
  const heap = new Int32Array(m)
  const pos = new Int32Array(m).fill(-1)
  let heapSize = 0

  const siftUp = (k: number, j: number): void => {
    const d = dist[j]!
    while (k > 0) {
      const parent = (k - 1) >> 1
      const q = heap[parent]!
      if (dist[q]! <= d) break
      heap[k] = q
      pos[q] = k
      k = parent
    }
    heap[k] = j
    pos[j] = k
  }
  const popMin = (): number => {
    const top = heap[0]!
    pos[top] = -1
    const last = heap[--heapSize]!
    if (heapSize > 0) {
      const d = dist[last]!
      let k = 0
      for (;;) {
        let c = 2 * k + 1
        if (c >= heapSize) break
        if (c + 1 < heapSize && dist[heap[c + 1]!]! < dist[heap[c]!]!) c++
        const q = heap[c]!
        if (dist[q]! >= d) break
        heap[k] = q
        pos[q] = k
        k = c
      }
      heap[k] = last
      pos[last] = k
    }
    return top
  }

  for (let i = 0; i < n; i++) {
    const from = rowStart[i]!
    const to = rowStart[i + 1]!

    // The cheapest first step. If it is a free bed (or leaving the child unplaced is no dearer than any
    // pair) it is a shortest path already: every later step has reduced cost ≥ 0. Most children end here.
    let best = U
    let bestHome = -1
    let bestFree = Infinity
    let bestFreeHome = -1
    for (let a = from; a < to; a++) {
      const j = arcHome[a]!
      const v = arcCost[a]! + p[j]!
      if (v < best) {
        best = v
        bestHome = j
      }
      if (v < bestFree && load[j]! < capacities[j]!) {
        bestFree = v
        bestFreeHome = j
      }
    }
    if (bestHome < 0) {
      u[i] = U // unplaced: no pair is cheaper than U
      continue
    }
    if (bestFree <= best) {
      const s = slotStart[bestFreeHome]! + load[bestFreeHome]!++
      slotOf[i] = s
      slotChild[s] = i
      u[i] = bestFree
      continue
    }

    // Full search. Child i's own distance is taken as 0 with u[i] = 0 for now.
    let nTouched = 0
    let nSettled = 0
    for (let a = from; a < to; a++) {
      const j = arcHome[a]!
      const v = arcCost[a]! + p[j]!
      if (v < dist[j]!) {
        if (dist[j] === Infinity) touched[nTouched++] = j
        dist[j] = v
        pred[j] = i
        siftUp(pos[j]! >= 0 ? pos[j]! : heapSize++, j)
      }
    }
    let D = U // the shortest path found so far to the end: a free bed or some child's unplaced option
    let endHome = -1
    let endChild = i
    while (heapSize > 0) {
      const j = heap[0]!
      const dj = dist[j]!
      if (dj >= D) break
      popMin()
      done[j] = 1
      settled[nSettled++] = j
      if (load[j]! < capacities[j]!) {
        D = dj
        endHome = j
        endChild = -1
        break
      }
      // Home j is full: go on through each child in it — to its unplaced option or to another home.
      for (let s = slotStart[j]!, e = s + load[j]!; s < e; s++) {
        const k = slotChild[s]!
        const base = dj - u[k]!
        if (base + U < D) {
          D = base + U
          endHome = -1
          endChild = k
        }
        for (let a = rowStart[k]!, ae = rowStart[k + 1]!; a < ae; a++) {
          const h = arcHome[a]!
          if (done[h]) continue
          const v = base + arcCost[a]! + p[h]!
          if (v < dist[h]!) {
            if (dist[h] === Infinity) touched[nTouched++] = h
            dist[h] = v
            pred[h] = k
            siftUp(pos[h]! >= 0 ? pos[h]! : heapSize++, h)
          }
        }
      }
    }

    // New prices: every settled home (and the children in it) rises by D - dist, keeping every reduced
    // cost ≥ 0 and making those on the path 0.
    for (let t = 0; t < nSettled; t++) {
      const j = settled[t]!
      const rise = D - dist[j]!
      if (rise > 0) {
        p[j]! += rise
        for (let s = slotStart[j]!, e = s + load[j]!; s < e; s++) u[slotChild[s]!]! += rise
      }
    }
    u[i] = D

    // Augment: walk back from the end, each child taking the slot of the one it displaces.
    let slot: number
    let cur: number
    if (endHome >= 0) {
      slot = slotStart[endHome]! + load[endHome]!++
      cur = pred[endHome]!
    } else {
      slot = -1
      cur = endChild
    }
    for (;;) {
      const old = slotOf[cur]!
      slotOf[cur] = slot
      if (slot >= 0) slotChild[slot] = cur
      if (cur === i) break
      slot = old
      cur = pred[slotHome[old]!]!
    }

    for (let t = 0; t < nTouched; t++) {
      const j = touched[t]!
      dist[j] = Infinity
      done[j] = 0
      pos[j] = -1
    }
    heapSize = 0
  }

  const assignment = new Int32Array(n)
  let total = 0
  for (let i = 0; i < n; i++) {
    const s = slotOf[i]!
    if (s < 0) {
      assignment[i] = -1
      total += U
      continue
    }
    const j = slotHome[s]!
    assignment[i] = j
    total += pairCost(problem, i, j)
  }
  return { assignment, total, childValue: u, homePrice: p }
}

/** The cost of the allowed pair (child i, home j); throws if the pair is forbidden. */
export function pairCost(problem: MatchProblem, i: number, j: number): number {
  for (let a = problem.rowStart[i]!; a < problem.rowStart[i + 1]!; a++) if (problem.arcHome[a] === j) return problem.arcCost[a]!
  throw new RangeError(`child ${i} may not be placed in home ${j}`)
}
