/** The contract register beyond awards: hand entry, terms, reserved beds, variations, CPI, indexation, extension. */
import type { BedRoute } from '../ports.js'
import type { Db } from '../../platform/db/database.js'
import type { ContractContext } from '../context.js'

export function createRegisterPart(_ctx: ContractContext) {
  return {
    async bedRoutes(_tx: Db, _onDate: string): Promise<Map<string, BedRoute>> {
      throw new Error('bedRoutes: not built yet')
    },
  }
}
