/** The demo's history as dated steps, played in time order on a clock moved by hand. */
import { toEpochDay } from '../platform/calendar/isoDate.js'
import type { SettableClock } from '../platform/clock.js'

const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000

type Step = { at: Date; seq: number; what: string; run: () => Promise<void> }

/** The moment `hour` hours (UTC, fractions allowed) into the day. */
export const momentOf = (day: string, hour: number) => new Date(toEpochDay(day) * DAY_MS + hour * HOUR_MS)

/** Steps on one clock; a step after `now` never happened, and steps at the same moment keep the order they were added in. */
export function timeline(clock: SettableClock, now: Date) {
  const steps: Step[] = []
  return {
    /** `what` completes "could not …" when the step fails. */
    add(day: string, hour: number, what: string, run: () => Promise<void>) {
      steps.push({ at: momentOf(day, hour), seq: steps.length, what, run })
    },
    /** At the planned moment, or just before now if that is later (what must be done by today). */
    addByNow(day: string, hour: number, what: string, run: () => Promise<void>) {
      const at = new Date(Math.min(momentOf(day, hour).getTime(), now.getTime() - 60_000))
      steps.push({ at, seq: steps.length, what, run })
    },
    async play(): Promise<void> {
      steps.sort((a, b) => a.at.getTime() - b.at.getTime() || a.seq - b.seq)
      for (const step of steps) {
        if (step.at > now) break
        clock.set(step.at)
        try {
          await step.run()
        } catch (e) {
          throw new Error(`The contract demo could not ${step.what} on ${step.at.toISOString().slice(0, 10)}: ${(e as Error).message}`, {
            cause: e,
          })
        }
      }
    },
  }
}
export type Timeline = ReturnType<typeof timeline>
