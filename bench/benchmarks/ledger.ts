import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { amountsOfBlock, tallyBlock } from '../../src/contract/ledger/domain/lines.js'
import { monthEnd, paymentPeriods } from '../../src/contract/ledger/domain/periods.js'
import { loadLedgers } from '../../src/contract/ledger/ledgerLoader.js'
import { createLedgerRepository } from '../../src/contract/ledger/ledgerRepository.js'
import { BLOCK_END, BLOCK_START, buildSyntheticBlock } from '../../src/contract/ledger/testing/syntheticBlock.js'
import { createPlacementPort } from '../../src/placement/ports/placementPort.js'
import { systemActor, type Actor } from '../../src/platform/auth/actor.js'
import { addDays, fromEpochDay, toEpochDay } from '../../src/platform/calendar/isoDate.js'
import { settableClock } from '../../src/platform/clock.js'
import { loadConfig } from '../../src/platform/config.js'
import { openDatabase } from '../../src/platform/db/database.js'
import { migrateToLatest } from '../../src/platform/db/migrate.js'
import { createServices } from '../../src/platform/services.js'
import type { Benchmark, Metric } from '../types.js'

const PASSES = 5

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[s.length >> 1]!
}

export const ledger: Benchmark = {
  name: 'ledger',
  title: 'Bed ledger: full re-derivation and payment runs',
  description: `A synthetic block in a fresh SQLite database (temporary folder): 40 block contracts of 6 beds (240 beds), ten years (${BLOCK_START} to ${BLOCK_END}, about 876,000 bed-days), stays of 20–420 days with gaps of up to 45, an empty cause for every gap and holds, unavailability and releases among them, yearly indexation, both pricing models and both payment frequencies, and 20 spot beds besides. The full re-derivation is \`loadLedgers\` over all 40 contracts and ten years — reading reserved beds, prices, events and (through the placement port) placements from SQLite, and deriving every bed-day — median of ${PASSES}. Then a payment run for every month of the ten years through the contract service (each one transaction: the due 4-weekly and monthly periods and spot months derived from the ledger, written with their explanations, audited). Checked: every contract period paid exactly once, each contract's lines summing to what the full derivation gives for its periods, and every run's total the sum of its lines.`,
  runs: 3,
  run: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'placewise-bench-ledger-'))
    const handle = openDatabase({ kind: 'sqlite', path: join(dir, 'ledger.db') })
    try {
      await migrateToLatest(handle.db, handle.dialect)
      const config = loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'x'.repeat(40), SQLITE_PATH: join(dir, 'ledger.db') })
      const services = createServices(handle, config, { clock: settableClock('2026-06-01T09:00:00Z') })
      const built = await buildSyntheticBlock(services, systemActor('benchmark'))
      const repo = createLedgerRepository()
      const port = createPlacementPort()

      const times: number[] = []
      let derived: Awaited<ReturnType<typeof loadLedgers>> = new Map()
      for (let i = 0; i <= PASSES; i++) {
        const t = performance.now()
        const contracts = await repo.blockContracts(handle.db, { kind: 'all' })
        derived = await loadLedgers(handle.db, repo, port, contracts, BLOCK_START, BLOCK_END)
        if (i > 0) times.push(performance.now() - t) // the first pass warms the JIT and SQLite's cache
      }
      const bedDays = [...derived.values()].reduce((s, l) => s + l.ledger.beds.length * l.ledger.days, 0)
      if (bedDays !== built.bedDays) throw new Error(`derived ${bedDays} bed-days, expected ${built.bedDays}`)

      const finance: Actor = {
        userId: 'bench-finance',
        label: 'Benchmark finance officer',
        organisationId: null,
        organisationKind: 'council',
        role: 'finance_officer',
        providerId: null,
      }
      const runIds: string[] = []
      const t = performance.now()
      for (let from = BLOCK_START; from <= BLOCK_END; from = addDays(monthEnd(from), 1)) {
        const to = monthEnd(from) < BLOCK_END ? monthEnd(from) : BLOCK_END
        runIds.push(await services.contracts.runPayments(finance, { from, to }))
      }
      const runsMs = performance.now() - t

      // Check: each contract's periods paid once, to the penny of the full derivation; each run adds up.
      const lines = await handle.db.selectFrom('payment_lines').selectAll().execute()
      let paid = 0
      for (const l of derived.values()) {
        const periods = paymentPeriods(l.contract.payment_frequency, toEpochDay(l.contract.start_date), toEpochDay(l.contract.end_date))
        const ours = lines.filter((x) => x.contract_id === l.contract.id).sort((a, b) => a.period_from.localeCompare(b.period_from))
        if (ours.length !== periods.length) throw new Error(`${l.contract.reference}: ${ours.length} lines for ${periods.length} periods`)
        periods.forEach((p, i) => {
          const want = amountsOfBlock(tallyBlock(l.ledger, l.bands, p.from, p.to)).netPence
          if (ours[i]!.period_from !== fromEpochDay(p.from) || ours[i]!.net_pence !== want)
            throw new Error(`${l.contract.reference} ${fromEpochDay(p.from)}: paid ${ours[i]!.net_pence}, derived ${want}`)
        })
        paid += ours.reduce((s, x) => s + x.net_pence, 0)
      }
      const runs = await handle.db.selectFrom('payment_runs').selectAll().execute()
      for (const r of runs) {
        const sum = lines.filter((x) => x.run_id === r.id).reduce((s, x) => s + x.net_pence, 0)
        if (sum !== r.net_pence) throw new Error(`run ${r.number}: total ${r.net_pence}, lines ${sum}`)
      }
      const spot = lines.filter((x) => x.kind === 'spot').length
      const metrics: Metric[] = [
        { name: 'full re-derivation (read from SQLite + derive), median', value: median(times), unit: 'ms', better: 'lower' },
        { name: `payment runs, all ${runIds.length} months`, value: runsMs, unit: 'ms', better: 'lower' },
        { name: 'payment run, mean of one month', value: runsMs / runIds.length, unit: 'ms', better: 'lower' },
      ]
      return {
        metrics,
        notes: [
          `${bedDays.toLocaleString('en-GB')} bed-days derived from ${built.placements.toLocaleString('en-GB')} placements and ${built.events.toLocaleString('en-GB')} bed events; ${lines.length.toLocaleString('en-GB')} payment lines (${spot.toLocaleString('en-GB')} spot) in ${runs.length} runs, block lines £${(paid / 100).toLocaleString('en-GB', { minimumFractionDigits: 2 })} in all, each equal to the full derivation to the penny.`,
        ],
      }
    } finally {
      await handle.close()
      rmSync(dir, { recursive: true, force: true })
    }
  },
}
