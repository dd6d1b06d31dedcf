/**
 * The council's CPI series and the indexation it drives. A CPI figure may be corrected until an
 * indexation has used it; "apply indexation due" writes the price rows owed up to today, once each.
 */
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { Actor } from '../../platform/auth/actor.js'
import { authorise } from '../../platform/auth/scope.js'
import { UserInputError } from '../../platform/errors.js'
import { formatDate } from '../../platform/web/format.js'
import { contractView } from './contractView.js'
import { monthName, monthOf } from './dates.js'
import { indexationDue } from './indexation.js'
import { parseOrRefuse } from './parse.js'
import type { CpiRow } from './registerRepository.js'
import { pricePoint, type RegisterShared } from './shared.js'

export const CpiInputSchema = z.object({
  month: z
    .string({ message: 'Enter the month, like 2027-07' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Enter the month as year and month, like 2027-07' }),
  rateBps: z
    .number({ message: 'Enter the 12-month CPI rate as a percentage, like 1.7' })
    .int({ message: 'Enter the rate to two decimal places at most' })
    .min(-1_000, { message: 'The rate must be −10% or more' })
    .max(3_000, { message: 'The rate must be 30% or less' }),
})
export type CpiInput = z.infer<typeof CpiInputSchema>

export type AppliedIndexation = {
  contractId: string
  reference: string
  date: string
  pricePence: number
  appliedBps: number
  reviewFlag: boolean
}

export function createIndexation(s: RegisterShared) {
  return {
    async cpiSeries(actor: Actor): Promise<CpiRow[]> {
      authorise(actor, 'contract:read')
      return s.repo.cpi(s.deps.db)
    },

    /** Enters or corrects a month's figure; audited. Refused once an indexation has used it. */
    async recordCpi(actor: Actor, input: CpiInput): Promise<void> {
      authorise(actor, 'contract:edit')
      const f = parseOrRefuse(CpiInputSchema, input)
      await s.run(async (tx) => {
        const before = await s.repo.cpiMonth(tx, f.month)
        if (before?.rate_bps === f.rateBps) return
        if (before) {
          const used = (await s.repo.indexations(tx)).find((i) => i.lag !== null && monthOf(i.fromDate, -i.lag) === f.month)
          if (used)
            throw new UserInputError(
              `The CPI for ${monthName(f.month)} was used to index contract ${used.reference} from ${formatDate(used.fromDate)}, so it can no longer be changed`,
              { field: 'rateBps' },
            )
        }
        await s.repo.upsertCpi(
          tx,
          { month: f.month, rate_bps: f.rateBps, entered_by: actor.label, entered_at: s.deps.now().toISOString() },
          Boolean(before),
        )
        await s.deps.audit.record(tx, actor, {
          action: before ? 'correct-cpi' : 'record-cpi',
          entityType: 'cpi',
          entityId: f.month,
          before: before ? { rateBps: before.rate_bps } : undefined,
          after: { rateBps: f.rateBps },
        })
      })
    },

    /**
     * Writes the indexation owed up to today for every active indexed contract (or one), each
     * anniversary once. A missing CPI figure refuses the whole run: nothing is written.
     */
    async applyIndexationDue(actor: Actor, opts: { contractId?: string } = {}): Promise<AppliedIndexation[]> {
      authorise(actor, 'contract:edit')
      return s.run(async (tx) => {
        const today = s.today()
        const rows = opts.contractId
          ? [await s.activeContract(actor, opts.contractId, tx)]
          : (await s.contracts.list(tx, { kind: 'all' })).map(contractView).filter((c) => c.status === 'active')
        const cpi = new Map((await s.repo.cpi(tx)).map((c) => [c.month, c.rate_bps]))
        const out: AppliedIndexation[] = []
        for (const c of rows) {
          if (!c.indexation) continue
          const prices = await s.repo.prices(tx, [c.id])
          const done = new Set(prices.filter((p) => p.source === 'indexation').map((p) => p.from_date))
          const steps = indexationDue({
            contractReference: c.reference,
            startDate: c.startDate,
            endDate: c.endDate,
            rule: c.indexation,
            prices: prices.map(pricePoint),
            cpi,
            upTo: today,
          }).filter((step) => !done.has(step.date))
          for (const step of steps) {
            await s.repo.insertPrice(tx, {
              id: randomUUID(),
              contract_id: c.id,
              from_date: step.date,
              price_pence_per_bed_week: step.pricePence!,
              placement_fee_pence_per_week: step.placementFeePence,
              source: 'indexation',
              cpi_bps: step.cpiBps,
              applied_bps: step.appliedBps,
              review_flag: step.reviewFlag ? 1 : 0,
              created_at: s.deps.now().toISOString(),
            })
            out.push({
              contractId: c.id,
              reference: c.reference,
              date: step.date,
              pricePence: step.pricePence!,
              appliedBps: step.appliedBps!,
              reviewFlag: step.reviewFlag,
            })
          }
          if (steps.length > 0)
            await s.deps.audit.record(tx, actor, {
              action: 'apply-indexation',
              entityType: 'contract',
              entityId: c.id,
              after: {
                steps: steps.map((x) => ({
                  date: x.date,
                  cpiMonth: x.cpiMonth,
                  cpiBps: x.cpiBps,
                  appliedBps: x.appliedBps,
                  pricePence: x.pricePence,
                  reviewFlag: x.reviewFlag,
                })),
              },
            })
        }
        return out
      })
    },
  }
}
