/** The time, from one place, so deadlines and standstills can be tested without waiting. */
export type Clock = { now: () => Date }

export const systemClock: Clock = { now: () => new Date() }

/** A clock tests move by hand. */
export function settableClock(start: string | Date) {
  let t = new Date(start)
  return {
    now: () => new Date(t),
    set: (iso: string | Date) => {
      t = new Date(iso)
    },
    advance: (ms: number) => {
      t = new Date(t.getTime() + ms)
    },
  }
}
export type SettableClock = ReturnType<typeof settableClock>
