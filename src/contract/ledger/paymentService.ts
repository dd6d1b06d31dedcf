/**
 * Payment runs: one transaction each, audited. A run covers a period; it pays every block
 * contract period and spot month that ends in it. A period already run, or a line overlapping
 * one already paid for the same contract or placement, is refused with the reason and nothing
 * is written; the unique keys on payment_lines make paying a period twice impossible even when
 * two runs race.
 */
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { Actor } from '../../platform/auth/actor.js'
import { addDays } from '../../platform/calendar/isoDate.js'
import { NotFoundError, UserInputError } from '../../platform/errors.js'
import { parseOrThrow } from '../../market/domain/schemas.js'
import { formatDate } from '../../platform/web/format.js'
import type { ContractContext } from '../context.js'
import { authorisePaymentRun, authorisePaymentsRead } from './access.js'
import { isoDate } from './bedEventSchema.js'
import { monthEnd } from './domain/periods.js'
import { dueLines } from './dueLines.js'
import type { LedgerRepository, PaymentLineRow, PaymentRunRow } from './ledgerRepository.js'

const RunSchema = z
  .object({ from: isoDate('the first day of the period'), to: isoDate('the last day of the period') })
  .refine((r) => r.from <= r.to, { path: ['to'], message: 'The last day must be on or after the first day' })

export type PaymentLine = Omit<PaymentLineRow, 'explanation_json'> & {
  provider_name: string
  contract_reference: string | null
  explanation: unknown
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string }
  return err?.code === '23505' || err?.code === 'SQLITE_CONSTRAINT_UNIQUE'
}

export function createPaymentPart(ctx: ContractContext, repo: LedgerRepository) {
  const { audit, db } = ctx.deps

  async function run(actor: Actor, input: { from: string; to: string }): Promise<string> {
    authorisePaymentRun(actor)
    const { from, to } = parseOrThrow(RunSchema, input)
    if (to > ctx.today())
      throw new UserInputError(`Payments are run in arrears: the period must end by today, ${formatDate(ctx.today())}`, { field: 'to' })
    try {
      return await ctx.run(async (tx) => {
        const earlier = await repo.overlappingRun(tx, from, to)
        if (earlier)
          throw new UserInputError(
            `Payments for ${formatDate(earlier.period_from)} to ${formatDate(earlier.period_to)} were already run (run ${earlier.number}); nothing was changed`,
            { field: 'from' },
          )
        const lines = await dueLines(tx, repo, ctx.deps.placements(), from, to)
        const earliest = lines.reduce((m, l) => (l.period_from < m ? l.period_from : m), from)
        const paid = await repo.paidOverlapping(tx, earliest, to, {
          contractIds: lines.flatMap((l) => (l.contract_id ? [l.contract_id] : [])),
          placementIds: lines.flatMap((l) => (l.placement_id ? [l.placement_id] : [])),
        })
        for (const l of lines) {
          const clash = paid.find(
            (p) =>
              (l.contract_id ? p.contract_id === l.contract_id : p.placement_id === l.placement_id) &&
              p.period_from <= l.period_to &&
              p.period_to >= l.period_from,
          )
          if (clash)
            throw new UserInputError(
              `The period ${formatDate(l.period_from)} to ${formatDate(l.period_to)} of ${l.label} overlaps one already paid in run ${clash.number} (${formatDate(clash.period_from)} to ${formatDate(clash.period_to)}); nothing was changed`,
              { field: 'from' },
            )
        }
        const id = randomUUID()
        const sum = (k: 'gross_pence' | 'credit_pence' | 'deduction_pence' | 'net_pence') => lines.reduce((s, l) => s + l[k], 0)
        const runRow: PaymentRunRow = {
          id,
          number: await repo.nextRunNumber(tx),
          period_from: from,
          period_to: to,
          line_count: lines.length,
          gross_pence: sum('gross_pence'),
          credit_pence: sum('credit_pence'),
          deduction_pence: sum('deduction_pence'),
          net_pence: sum('net_pence'),
          run_by: actor.userId ?? 'system',
          run_by_label: actor.label,
          run_at: ctx.deps.now().toISOString(),
        }
        await repo.insertRun(
          tx,
          runRow,
          lines.map(({ label: _label, ...l }) => ({ ...l, run_id: id })),
        )
        await audit.record(tx, actor, { action: 'run', entityType: 'payment-run', entityId: id, after: runRow })
        return id
      })
    } catch (e) {
      if (isUniqueViolation(e))
        throw new UserInputError('Another payment run has just paid part of this period; nothing was changed', { field: 'from' })
      throw e
    }
  }

  return {
    runPayments: run,

    async listPaymentRuns(actor: Actor): Promise<PaymentRunRow[]> {
      authorisePaymentsRead(actor)
      return repo.runs(db)
    },

    async getPaymentRun(actor: Actor, runId: string): Promise<{ run: PaymentRunRow; lines: PaymentLine[] }> {
      authorisePaymentsRead(actor)
      const runRow = await repo.run(db, runId)
      if (!runRow) throw new NotFoundError('No such payment run')
      const lines = (await repo.lines(db, runId)).map(({ explanation_json, ...l }) => ({
        ...l,
        explanation: JSON.parse(explanation_json) as unknown,
      }))
      return { run: runRow, lines }
    },

    /** The period a new run would cover: from the day after the last run (or the first contract's start) to that month's end, by today. */
    async nextUnpaidPeriod(actor: Actor): Promise<{ from: string; to: string } | null> {
      authorisePaymentsRead(actor)
      const latest = await repo.latestRun(db)
      const first = (await repo.blockContracts(db, { kind: 'all' })).reduce<string | null>(
        (m, c) => (m === null || c.start_date < m ? c.start_date : m),
        null,
      )
      const from = latest ? addDays(latest.period_to, 1) : (first ?? `${ctx.today().slice(0, 8)}01`)
      const today = ctx.today()
      if (from > today) return null
      const end = monthEnd(from)
      return { from, to: end < today ? end : today }
    },
  }
}
