/** The demo's children, referrals, offers and visits (filled in by the placement part). */
import type { Db } from '../platform/db/database.js'
import type { HistoryDemoServices } from './contractDemo.js'

/** Idempotent: does nothing when the children are already there. */
export async function buildPlacementDemo(_s: HistoryDemoServices, _tx: Db): Promise<void> {}
