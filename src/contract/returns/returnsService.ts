/** Provider returns, the KPI scorecard and Ofsted alerts: the returns part of the contract service. */
import type { Actor } from '../../platform/auth/actor.js'
import type { Scorecard } from '../api.js'
import type { ContractContext } from '../context.js'

export function createReturnsPart(_ctx: ContractContext) {
  return {
    async scorecard(_actor: Actor, _contractId: string): Promise<Scorecard> {
      throw new Error('scorecard: not built yet')
    },
  }
}
