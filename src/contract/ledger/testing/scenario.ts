/**
 * A worked example small enough to check by hand. Acme's block contract reserves the two beds of
 * a new home from Monday 5 January 2026, paid 4-weekly at £7,000 a bed-week (£1,000 a bed-day),
 * indexed to £7,350 (£1,050 a day) from 16 February; the void rule is 7 days.
 *
 *   bed 1: a child 5–19 January; empty 20–26 January; released by the provider 27 January to
 *          5 February (credited); empty after.
 *   bed 2: empty 5–9 January; unavailable for staffing 10–14 January (deducted); a child from
 *          15 January, still there.
 *   spot:  a child in Cedar View (Brook) 10 January to 9 February at £6,300 a week (£900 a night).
 *
 * Period 1 (5 Jan – 1 Feb): 56 bed-days £56,000 − credit £6,000 − deduction £5,000 = £45,000.
 * Period 2 (2 Feb – 1 Mar): 2 × (14 × £1,000 + 14 × £1,050) = £57,400 − credit £4,000 = £53,400.
 */
import type { LedgerWorld } from './ledgerWorld.js'

export const SCENARIO = {
  start: '2026-01-05',
  end: '2026-12-31',
  period1: { from: '2026-01-05', to: '2026-02-01', gross: 5_600_000, credit: 600_000, deduction: 500_000, net: 4_500_000 },
  period2: { from: '2026-02-02', to: '2026-03-01', gross: 5_740_000, credit: 400_000, deduction: 0, net: 5_340_000 },
  spotJanuary: { from: '2026-01-10', to: '2026-01-31', net: 22 * 90_000 },
  spotFebruary: { from: '2026-02-01', to: '2026-02-09', net: 9 * 90_000 },
}

export async function workedExample(w: LedgerWorld) {
  const home = await w.home(w.providers.acme, 2)
  const [bed1, bed2] = home.bedIds as [string, string]
  const contractId = await w.contract({
    providerId: w.providers.acme,
    homeIds: [home.id],
    beds: [{ bedId: bed1 }, { bedId: bed2 }],
    startDate: SCENARIO.start,
    endDate: SCENARIO.end,
    pricePencePerBedWeek: 700_000,
    paymentFrequency: '4-weekly',
    voidReleaseAfterDays: 7,
    prices: [{ fromDate: '2026-02-16', pricePencePerBedWeek: 735_000, placementFeePencePerWeek: null, source: 'indexation' }],
  })
  const p1 = await w.place({ homeId: home.id, bedId: bed1, start: '2026-01-05', end: '2026-01-20', contractId })
  const p2 = await w.place({ homeId: home.id, bedId: bed2, start: '2026-01-15', contractId })
  const spot = await w.place({
    homeId: w.homes.cedar.id,
    bedId: w.homes.cedar.bedIds[0]!,
    start: '2026-01-10',
    end: '2026-02-10',
    route: 'spot',
    weeklyPricePence: 630_000,
  })
  const unavailable = await w.contracts.recordBedEvent(w.actors.acme, contractId, {
    bedId: bed2,
    kind: 'unavailable',
    fromDate: '2026-01-10',
    toDate: '2026-01-14',
    reason: 'staffing',
  })
  const released = await w.contracts.recordBedEvent(w.actors.acme, contractId, {
    bedId: bed1,
    kind: 'released',
    fromDate: '2026-01-27',
    toDate: null,
  })
  await w.contracts.endBedEvent(w.actors.acme, contractId, released, { toDate: '2026-02-05' })
  return { home, bed1, bed2, contractId, p1, p2, spot, unavailable, released }
}
export type WorkedExample = Awaited<ReturnType<typeof workedExample>>
