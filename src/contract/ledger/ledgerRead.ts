/** A contract's ledger for the pages: each reserved bed's days by state and cause, day by day, with the events behind them. */
import type { Actor } from '../../platform/auth/actor.js'
import { authorise, dataScope } from '../../platform/auth/scope.js'
import { fromEpochDay, toEpochDay } from '../../platform/calendar/isoDate.js'
import { NotFoundError, UserInputError } from '../../platform/errors.js'
import type { Period } from '../api.js'
import type { ContractContext } from '../context.js'
import type { EmptyCause } from '../ports.js'
import { causeName, stateName, type BedState } from './domain/codes.js'
import { noDays, tallyBlock, type DayCounts } from './domain/lines.js'
import { monthEnd } from './domain/periods.js'
import { loadLedgers, type LedgerBed } from './ledgerLoader.js'
import type { BedEventRow, ContractRow, LedgerRepository } from './ledgerRepository.js'

export const LONGEST_LEDGER_DAYS = 366

export type LedgerDay = { date: string; state: BedState; cause: EmptyCause | null; placementId: string | null }
export type BedLedger = { bed: LedgerBed; days: DayCounts; emptyByCause: Record<EmptyCause, number>; dayList: LedgerDay[] }
export type ContractLedgerView = { contract: ContractRow; period: Period; beds: BedLedger[]; totals: DayCounts; events: BedEventRow[] }

export function createLedgerReadPart(ctx: ContractContext, repo: LedgerRepository) {
  return {
    /** The contract's ledger over the period (by default this month), at most a year, with the events in force in it (voided ones too). */
    async contractLedger(actor: Actor, contractId: string, period?: Period): Promise<ContractLedgerView> {
      authorise(actor, 'contract:read')
      const today = ctx.today()
      const p = period ?? { from: `${today.slice(0, 8)}01`, to: monthEnd(today) }
      if (p.from > p.to) throw new UserInputError('The last day must be on or after the first day', { field: 'to' })
      if (toEpochDay(p.to) - toEpochDay(p.from) >= LONGEST_LEDGER_DAYS)
        throw new UserInputError('Choose a period of a year or less', { field: 'to' })
      return ctx.run(async (tx) => {
        const [c] = await repo.blockContracts(tx, dataScope(actor), [contractId])
        if (!c) throw new NotFoundError('No such block contract')
        const l = (await loadLedgers(tx, repo, ctx.deps.placements(), [c], p.from, p.to)).get(c.id)!
        const [lo, hi] = [Math.max(toEpochDay(p.from), toEpochDay(c.start_date)), Math.min(toEpochDay(p.to), toEpochDay(c.end_date))]
        const beds = l.beds.map((bed, b) => {
          const one = {
            ...l.ledger,
            beds: [bed.id],
            state: slice(l.ledger.state, b, l.ledger.days),
            cause: slice(l.ledger.cause, b, l.ledger.days),
            placement: l.ledger.placement.subarray(b * l.ledger.days, (b + 1) * l.ledger.days),
          }
          const tally = lo <= hi ? tallyBlock(one, l.bands, lo, hi) : noDays()
          const dayList: LedgerDay[] = []
          for (let d = lo; d <= hi; d++) {
            const i = d - l.ledger.from
            const state = stateName(one.state[i]!)
            if (state === null) continue
            const pi = one.placement[i]!
            dayList.push({
              date: fromEpochDay(d),
              state,
              cause: causeName(one.cause[i]!),
              placementId: pi >= 0 ? l.placements[pi]!.placementId : null,
            })
          }
          return { bed, days: tally.days, emptyByCause: tally.emptyByCause, dayList }
        })
        const totals = noDays().days
        for (const b of beds) for (const k of Object.keys(totals) as BedState[]) totals[k] += b.days[k]
        const events = await repo.events(tx, [c.id], { from: p.from, to: p.to, withVoided: true })
        return { contract: c, period: p, beds, totals, events }
      })
    },
  }
}

const slice = (a: Uint8Array, bed: number, days: number) => a.subarray(bed * days, (bed + 1) * days)
