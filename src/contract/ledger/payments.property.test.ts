import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import fc from 'fast-check'
import { describeEachDialect } from '../../../test/support/databases.js'
import { addDays, fromEpochDay, toEpochDay } from '../../platform/calendar/isoDate.js'
import { UserInputError } from '../../platform/errors.js'
import { amountsOfBlock, type BlockExplanation } from './domain/lines.js'
import { monthEnd, paymentPeriods } from './domain/periods.js'
import { randomContract, type RandomContract } from './testing/histories.js'
import { ledgerWorld, type LedgerWorld } from './testing/ledgerWorld.js'
import { naiveBlockLine, type History } from './testing/naiveLedger.js'

/** The same history, days later: each run of the property lives in a window of its own, as runs are council-wide. */
function shifted(h: RandomContract, days: number): RandomContract {
  const s = (d: string) => addDays(d, days)
  const so = (d: string | null) => (d === null ? null : s(d))
  return {
    ...h,
    startDate: s(h.startDate),
    endDate: s(h.endDate),
    reserved: h.reserved.map((r) => ({ ...r, from: s(r.from), to: s(r.to) })),
    placements: h.placements.map((p) => ({ ...p, start: s(p.start), end: so(p.end) })),
    events: h.events.map((e) => ({ ...e, from: s(e.from), to: so(e.to) })),
    prices: h.prices.map((p) => ({ ...p, fromDate: s(p.fromDate) })),
  }
}

/**
 * Random histories written through the services (placements booked and ended by the placement
 * service, events recorded by the contract service — those it refuses are left out of the
 * history), then paid by monthly runs: every period is paid exactly once, every line equals a
 * day-by-day recomputation from the rules to the penny and its own explanation, and every run's
 * total is the sum of its lines.
 */
describeEachDialect('ledger: payments reconcile with the ledger, on random histories', (ctx) => {
  let w: LedgerWorld
  let round = 0

  before(async () => {
    w = await ledgerWorld(ctx())
    w.clock.set('2400-01-01T09:00:00.000Z')
  })

  async function write(h: RandomContract): Promise<{ contractId: string; history: History }> {
    const home = await w.home(w.providers.acme, h.beds.length)
    const contractId = await w.contract({
      providerId: w.providers.acme,
      homeIds: [home.id],
      beds: h.reserved.map((r) => ({ bedId: home.bedIds[r.bed]!, from: r.from, to: r.to })),
      startDate: h.startDate,
      endDate: h.endDate,
      pricePencePerBedWeek: h.terms.pricePencePerBedWeek,
      pricingModel: h.terms.coreAndPlacement ? 'core-and-placement' : 'block',
      placementFeePencePerWeek: h.terms.placementFeePencePerWeek,
      paymentFrequency: h.frequency,
      voidReleaseAfterDays: 3,
      prices: h.prices,
    })
    for (const p of [...h.placements].sort((a, b) => a.bed - b.bed || a.start.localeCompare(b.start)))
      await w.place({ homeId: home.id, bedId: home.bedIds[p.bed]!, start: p.start, end: p.end, contractId })
    const events: History['events'] = []
    for (const e of h.events) {
      try {
        await w.contracts.recordBedEvent(w.actors.commissioner, contractId, {
          bedId: home.bedIds[e.bed]!,
          kind: e.kind,
          fromDate: e.from,
          toDate: e.to,
          reason: e.kind === 'unavailable' ? 'repairs' : null,
          cause: e.cause,
        })
        events.push(e)
      } catch (err) {
        if (!(err instanceof UserInputError)) throw err
      }
    }
    return { contractId, history: { ...h, beds: [...home.bedIds], events } }
  }

  test('every payment line equals a recomputation from the ledger days, to the penny', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(randomContract({ maxDays: 80 }), async (generated) => {
        const h = shifted(generated, 130 * ++round)
        const { contractId, history } = await write(h)
        // Monthly runs from the contract's start to its end.
        const runIds: string[] = []
        for (let from = h.startDate; from <= h.endDate; from = addDays(monthEnd(from), 1)) {
          const to = monthEnd(from) < h.endDate ? monthEnd(from) : h.endDate
          runIds.push(await w.contracts.runPayments(w.actors.finance, { from, to }))
        }
        const lines = []
        for (const id of runIds) {
          const { run, lines: ls } = await w.contracts.getPaymentRun(w.actors.finance, id)
          assert.equal(
            run.net_pence,
            ls.reduce((s, l) => s + l.net_pence, 0),
            'the run total is the sum of its lines',
          )
          assert.equal(
            run.gross_pence,
            ls.reduce((s, l) => s + l.gross_pence, 0),
          )
          assert.equal(run.line_count, ls.length)
          lines.push(...ls.filter((l) => l.contract_id === contractId))
        }
        const periods = paymentPeriods(h.frequency, toEpochDay(h.startDate), toEpochDay(h.endDate)).map((p) => [
          fromEpochDay(p.from),
          fromEpochDay(p.to),
        ])
        assert.deepEqual(
          lines.map((l) => [l.period_from, l.period_to]),
          periods,
          'each period paid exactly once',
        )
        for (const l of lines) {
          const want = naiveBlockLine(history, l.period_from, l.period_to)
          const got = { grossPence: l.gross_pence, creditPence: l.credit_pence, deductionPence: l.deduction_pence, netPence: l.net_pence }
          assert.deepEqual(
            got,
            { grossPence: want.grossPence, creditPence: want.creditPence, deductionPence: want.deductionPence, netPence: want.netPence },
            l.period_from,
          )
          const e = l.explanation as BlockExplanation
          assert.deepEqual(e.days, want.days, `${l.period_from}: the days behind the line`)
          assert.deepEqual(amountsOfBlock(e), got, 'the stored explanation proves the line')
        }
      }),
      { numRuns: 25 },
    )
  })
})
