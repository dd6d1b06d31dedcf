/**
 * What every part of the contract room shares: its dependencies, the clock and a runner that
 * makes each command one transaction (or joins the caller's).
 */
import type { MarketService } from '../market/marketService.js'
import type { AuditService } from '../platform/audit/auditService.js'
import type { Config } from '../platform/config.js'
import type { Db, Dialect } from '../platform/db/database.js'
import { inTransaction } from '../platform/db/transaction.js'
import type { OutboxService } from '../platform/outbox/outboxService.js'
import type { PlacementPort } from './ports.js'

export type ContractDeps = {
  db: Db
  dialect: Dialect
  audit: AuditService
  market: MarketService
  outbox: OutboxService
  config: Config
  now: () => Date
  /** Late-bound: the placement service is built after the contract service. */
  placements: () => PlacementPort
}

export function createContractContext(deps: ContractDeps) {
  const run = <T>(work: (tx: Db) => Promise<T>): Promise<T> => (deps.db.isTransaction ? work(deps.db) : inTransaction(deps.db, work))
  const today = () => deps.now().toISOString().slice(0, 10)
  return { deps, run, today }
}
export type ContractContext = ReturnType<typeof createContractContext>
