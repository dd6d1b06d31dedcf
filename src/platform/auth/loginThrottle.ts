/** Account lock-out after repeated failures: pure, so the rule is tested without a database. */
export const MAX_FAILED_LOGINS = 5
export const LOCK_MINUTES = 15

export function afterFailedLogin(failed: number, now: Date): { failed_logins: number; locked_until: string | null } {
  const next = failed + 1
  if (next >= MAX_FAILED_LOGINS) return { failed_logins: 0, locked_until: new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() }
  return { failed_logins: next, locked_until: null }
}

export function isLocked(lockedUntil: string | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil > now.toISOString()
}

/** A per-address limiter in memory: slows password guessing across many accounts. */
export function createAddressLimiter(limit = 20, windowMs = 15 * 60_000, now: () => number = Date.now) {
  const hits = new Map<string, number[]>()
  return {
    allow(address: string): boolean {
      const t = now()
      const recent = (hits.get(address) ?? []).filter((h) => t - h < windowMs)
      if (recent.length >= limit) {
        hits.set(address, recent)
        return false
      }
      recent.push(t)
      hits.set(address, recent)
      return true
    },
  }
}
