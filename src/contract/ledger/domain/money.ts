/**
 * The penny rule (ADR 0013). A day of a weekly price is a seventh of it, so every sum is kept
 * exactly in sevenths of a penny and rounded once, to the nearest penny (a seventh is never
 * exactly a half, so no tie arises). A line's credit, deduction and net are each rounded so;
 * gross is net + credit + deduction, so the line adds up and net is the nearest penny to what
 * is owed (rounding gross separately could leave a fully credited period at −1p).
 */
export function penceFromSevenths(sevenths: number): number {
  if (!Number.isSafeInteger(sevenths) || sevenths < 0) throw new RangeError(`not a whole, non-negative number of sevenths: ${sevenths}`)
  return Math.floor((sevenths + 3) / 7)
}

export type Amounts = { grossPence: number; creditPence: number; deductionPence: number; netPence: number }

export function amountsFromSevenths(gross: number, credit: number, deduction: number): Amounts {
  const creditPence = penceFromSevenths(credit)
  const deductionPence = penceFromSevenths(deduction)
  const netPence = penceFromSevenths(gross - credit - deduction)
  return { grossPence: netPence + creditPence + deductionPence, creditPence, deductionPence, netPence }
}
