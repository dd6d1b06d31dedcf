import type { CentroidRow } from './rows.js'

type Acc = { e: number; n: number; weight: number; count: number; lads: Map<string | null, number> }

/**
 * Mean grid reference, modal LAD and postcode count per sector or district, built up while the
 * file streams past. Its size is bounded by the number of sectors (about 12,000 in GB), not rows.
 */
export class CentroidAccumulator {
  private readonly areas = new Map<string, Acc>()

  /**
   * Adds a point; `weight` is how much it counts in the mean (1 for a unit, its postcodes for a
   * sector) and `count` how many unit postcodes it stands for.
   */
  add(key: string, easting: number, northing: number, lad: string | null, weight = 1, count = weight): void {
    let a = this.areas.get(key)
    if (!a) {
      a = { e: 0, n: 0, weight: 0, count: 0, lads: new Map() }
      this.areas.set(key, a)
    }
    a.e += easting * weight
    a.n += northing * weight
    a.weight += weight
    a.count += count
    a.lads.set(lad, (a.lads.get(lad) ?? 0) + weight)
  }

  get size(): number {
    return this.areas.size
  }

  /** The centroids, sorted by key. */
  rows(): CentroidRow[] {
    return [...this.areas.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, a]) => ({
        key,
        lad: modalLad(a.lads),
        easting: Math.round(a.e / a.weight),
        northing: Math.round(a.n / a.weight),
        postcodes: a.count,
      }))
  }
}

/**
 * The LAD most of the area's postcodes are in; a tie goes to the one met first in the file, as the
 * ONS-derived sectors.csv and districts.csv have it (pandas' value_counts), so ours match theirs.
 */
function modalLad(lads: Map<string | null, number>): string | null {
  let best: string | null = null
  let bestCount = -1
  for (const [lad, count] of lads) {
    if (lad === null) continue
    if (count > bestCount) {
      best = lad
      bestCount = count
    }
  }
  return best
}
