/** Provider returns, the KPI scorecard and Ofsted alerts: the returns part of the contract service. */
import type { ContractContext } from '../context.js'

export function createReturnsPart(_ctx: ContractContext) {
  return {}
}
