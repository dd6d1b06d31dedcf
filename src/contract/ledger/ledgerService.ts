/**
 * The bed ledger, payments and value figures: the ledger part of the contract service (ADR 0013).
 * The ledger is derived on every read from placements and dated bed events; only payment runs
 * (what was paid, and the ledger days behind each line) are stored.
 */
import type { ContractContext } from '../context.js'
import { createBedEventPart } from './bedEventService.js'
import { createLedgerReadPart } from './ledgerRead.js'
import { createLedgerRepository } from './ledgerRepository.js'
import { createPaymentPart } from './paymentService.js'
import { createPaymentExportPart } from './paymentExport.js'
import { createValuePart } from './valueService.js'

export function createLedgerPart(ctx: ContractContext) {
  const repo = createLedgerRepository()
  const payments = createPaymentPart(ctx, repo)
  return {
    ...createBedEventPart(ctx, repo),
    ...createLedgerReadPart(ctx, repo),
    ...payments,
    ...createPaymentExportPart(payments.getPaymentRun),
    ...createValuePart(ctx, repo),
  }
}
export type LedgerPart = ReturnType<typeof createLedgerPart>
