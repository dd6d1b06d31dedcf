/**
 * The money side of the demo contracts' history: the council's CPI series (entered as each month
 * is published), the indexation applied on each anniversary, and a payment run for every
 * payment period once it is over.
 */
import type { ContractView } from '../contract/contractService.js'
import { paymentPeriodDates } from '../contract/ledger/domain/periods.js'
import { anniversaries, monthOf } from '../contract/register/dates.js'
import type { Actor } from '../platform/auth/actor.js'
import { addDays } from '../platform/calendar/isoDate.js'
import type { Timeline } from './contractDemoTimeline.js'

type Rooms = {
  contracts: {
    recordCpi(actor: Actor, input: { month: string; rateBps: number }): Promise<void>
    applyIndexationDue(actor: Actor, opts: { contractId?: string }): Promise<unknown>
    runPayments(actor: Actor, input: { from: string; to: string }): Promise<string>
  }
}

const monthNumber = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1
const laterOf = (a: string, b: string) => (a > b ? a : b)

/** A month's CPI figure is published in the middle of the next month. */
export const cpiPublished = (month: string) => `${monthOf(`${month}-01`, 1)}-16`

/**
 * An invented 12-month CPI series (basis points) shaped around the months the contracts' first two
 * anniversaries use: 3.8% for the first (above the 3% review threshold: capped and flagged) and
 * 1.2% for the second (below the cap: applied in full), easing in between.
 */
export function demoCpi(indexMonths: readonly string[]): (month: string) => number {
  const m1 = monthNumber(indexMonths[0]!)
  const anchors: [number, number][] = [
    [m1 - 14, 520],
    [m1 - 8, 430],
    [m1, 380],
    [m1 + 4, 270],
    [m1 + 8, 190],
    [m1 + 12, 120],
    [m1 + 16, 170],
    [m1 + 26, 210],
  ]
  return (month) => {
    const k = monthNumber(month)
    if (k <= anchors[0]![0]) return anchors[0]![1]
    for (let i = 1; i < anchors.length; i++) {
      const [k1, r1] = anchors[i]!
      const [k0, r0] = anchors[i - 1]!
      if (k <= k1) return Math.round((r0 + ((r1 - r0) * (k - k0)) / (k1 - k0)) / 10) * 10
    }
    return anchors.at(-1)![1]
  }
}

/** CPI as each month is published (the months before the contracts began, on their first day), and each anniversary's indexation. */
export function planCpiAndIndexation(t: Timeline, rooms: Rooms, officer: Actor, contracts: readonly ContractView[], today: string): void {
  const first = contracts[0]!
  const lag = first.indexation?.cpiLagMonths ?? 3
  const indexMonths = anniversaries(first.startDate, addDays(first.startDate, 3 * 366)).map((a) => monthOf(a, -lag))
  const rate = demoCpi(indexMonths)
  for (let m = monthOf(first.startDate, -14); cpiPublished(m) <= today; m = monthOf(`${m}-01`, 1)) {
    const month = m
    t.add(laterOf(cpiPublished(m), first.startDate), 9.25, `enter the CPI for ${month}`, () =>
      rooms.contracts.recordCpi(officer, { month, rateBps: rate(month) }),
    )
  }
  for (const c of contracts) {
    if (!c.indexation) continue
    const lagOf = c.indexation.cpiLagMonths
    for (const a of anniversaries(c.startDate, c.endDate < today ? c.endDate : today)) {
      t.add(laterOf(a, cpiPublished(monthOf(a, -lagOf))), 9.5, `apply the indexation due on ${a} to ${c.reference}`, async () => {
        await rooms.contracts.applyIndexationDue(officer, { contractId: c.id })
      })
    }
  }
}

/** A payment run for each payment period of the contracts that is over, three days after it ends (or by today). */
export function planPaymentRuns(t: Timeline, rooms: Rooms, finance: Actor, contracts: readonly ContractView[], today: string): void {
  const ends = [
    ...new Set(
      contracts.flatMap((c) => paymentPeriodDates(c.paymentFrequency, c.startDate, c.endDate).map((p) => p.to)).filter((to) => to < today),
    ),
  ].sort()
  let from = contracts.map((c) => c.startDate).sort()[0]!
  for (const to of ends) {
    const period = { from, to }
    t.addByNow(addDays(to, 3), 10, `run the payments for ${from} to ${to}`, async () => {
      await rooms.contracts.runPayments(finance, period)
    })
    from = addDays(to, 1)
  }
}
