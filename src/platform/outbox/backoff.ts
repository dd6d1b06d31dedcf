/** How long to wait before the next attempt, given how many attempts have failed so far (1, 2, …). */
export type Backoff = (failedAttempts: number) => number

/** base, 2×base, 4×base … capped at max: 1, 2, 4, 8 minutes by default, never more than an hour. */
export function exponentialBackoff({ baseMs = 60_000, maxMs = 3_600_000 }: { baseMs?: number; maxMs?: number } = {}): Backoff {
  if (!(baseMs > 0) || !(maxMs >= baseMs)) throw new RangeError(`Backoff needs 0 < baseMs <= maxMs; got ${baseMs} and ${maxMs}`)
  return (failedAttempts) => Math.min(maxMs, baseMs * 2 ** Math.max(0, failedAttempts - 1))
}
