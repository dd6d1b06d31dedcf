/** The demo's block contracts' history (filled in by the contract part): placements, voids, payments, returns. */
import type { Db } from '../platform/db/database.js'
import type { Services } from '../platform/services.js'
import type { Actor } from '../platform/auth/actor.js'

export type HistoryDemoServices = Pick<Services, 'db' | 'dialect' | 'audit' | 'clock' | 'users' | 'market' | 'postcodes' | 'config'> & {
  actor: Actor
}

/** Idempotent: does nothing when the history is already there. */
export async function buildContractDemo(_s: HistoryDemoServices, _tx: Db): Promise<void> {}
