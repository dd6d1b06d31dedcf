/**
 * The lines that fall due in a payment run for [from, to]: every block contract's payment period
 * (4-weekly from its start, or monthly) and every spot placement's calendar month that ENDS in
 * the run's period, each worked out from the ledger days behind it.
 */
import { randomUUID } from 'node:crypto'
import { fromEpochDay, toEpochDay } from '../../platform/calendar/isoDate.js'
import type { Db } from '../../platform/db/database.js'
import type { PlacementPort } from '../ports.js'
import { amountsOfBlock, spotLine, tallyBlock } from './domain/lines.js'
import { monthEnd, paymentPeriods, type PeriodDays } from './domain/periods.js'
import { loadLedgers } from './ledgerLoader.js'
import type { LedgerRepository, PaymentLineRow } from './ledgerRepository.js'

export type DueLine = Omit<PaymentLineRow, 'run_id'> & { label: string }

export async function dueLines(tx: Db, repo: LedgerRepository, port: PlacementPort, from: string, to: string): Promise<DueLine[]> {
  const [lo, hi] = [toEpochDay(from), toEpochDay(to)]
  const endsInRun = (p: PeriodDays) => p.to >= lo && p.to <= hi
  const lines: DueLine[] = []

  const contracts = await repo.blockContracts(tx, { kind: 'all' })
  const due = contracts
    .map((c) => ({ c, periods: paymentPeriods(c.payment_frequency, toEpochDay(c.start_date), toEpochDay(c.end_date)).filter(endsInRun) }))
    .filter((x) => x.periods.length > 0)
  if (due.length > 0) {
    const earliest = fromEpochDay(Math.min(...due.map((x) => x.periods[0]!.from)))
    const ledgers = await loadLedgers(
      tx,
      repo,
      port,
      due.map((x) => x.c),
      earliest,
      to,
    )
    for (const { c, periods } of due) {
      const l = ledgers.get(c.id)!
      for (const p of periods) {
        const { emptyCostSevenths: _cost, ...explanation } = tallyBlock(l.ledger, l.bands, p.from, p.to)
        lines.push({
          id: randomUUID(),
          kind: 'block',
          contract_id: c.id,
          placement_id: null,
          provider_id: c.provider_id,
          period_from: fromEpochDay(p.from),
          period_to: fromEpochDay(p.to),
          ...amountColumns(amountsOfBlock(explanation)),
          explanation_json: JSON.stringify({ ...explanation, beds: l.beds.length }),
          label: `contract ${c.reference}`,
        })
      }
    }
  }

  // Spot placements are paid by calendar month, in arrears; an open one's month ends at the month's end.
  for (const s of await port.spotPlacements(tx, `${from.slice(0, 8)}01`, to)) {
    const start = toEpochDay(s.startDate)
    const last = s.endDate === null ? toEpochDay(monthEnd(to)) : toEpochDay(s.endDate) - 1
    for (const p of paymentPeriods('monthly', start, last).filter(endsInRun)) {
      const line = spotLine(
        { start, end: s.endDate === null ? null : toEpochDay(s.endDate), weeklyPricePence: s.weeklyPricePence },
        p.from,
        p.to,
      )
      if (!line) continue
      lines.push({
        id: randomUUID(),
        kind: 'spot',
        contract_id: null,
        placement_id: s.placementId,
        provider_id: s.providerId,
        period_from: fromEpochDay(p.from),
        period_to: fromEpochDay(p.to),
        ...amountColumns(line.amounts),
        explanation_json: JSON.stringify(line.explanation),
        label: `spot placement ${s.placementId}`,
      })
    }
  }
  return lines
}

const amountColumns = (a: { grossPence: number; creditPence: number; deductionPence: number; netPence: number }) => ({
  gross_pence: a.grossPence,
  credit_pence: a.creditPence,
  deduction_pence: a.deductionPence,
  net_pence: a.netPence,
})
