/** Outcomes of the placements made under a contract, for the extension decision pack. */
import type { PlacementOutcomes } from '../../contract/ports.js'
import type { Db } from '../../platform/db/database.js'

export async function outcomesForContract(_tx: Db, _contractId: string, _upTo: string): Promise<PlacementOutcomes> {
  throw new Error('outcomesForContract: not built yet')
}
