/** The bed ledger, payments and value figures: the ledger part of the contract service. */
import type { Actor } from '../../platform/auth/actor.js'
import type { Db } from '../../platform/db/database.js'
import type { ContractContext } from '../context.js'
import type { EmptyBedCause } from '../ports.js'
import type { ContractValue, Period } from '../api.js'

export function createLedgerPart(_ctx: ContractContext) {
  return {
    async contractValue(_actor: Actor, _contractId: string, _period?: Period): Promise<ContractValue> {
      throw new Error('contractValue: not built yet')
    },
    async recordEmptyBedCause(_tx: Db, _actor: Actor, _cause: EmptyBedCause): Promise<void> {
      throw new Error('recordEmptyBedCause: not built yet')
    },
  }
}
