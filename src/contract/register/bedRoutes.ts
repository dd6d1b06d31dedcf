/** ContractPort.bedRoutes: how each in-house or block bed is bought on a date, and at what weekly price. */
import type { Db } from '../../platform/db/database.js'
import type { BedRoute } from '../ports.js'
import { priceOn } from './indexation.js'
import type { RegisterShared } from './shared.js'
import { pricePoint } from './shared.js'

export function createBedRoutes(s: RegisterShared) {
  return {
    /** Every in-house or block bed reserved on the date (spot arrangements reserve none), with the price in force that day. */
    async bedRoutes(tx: Db, onDate: string): Promise<Map<string, BedRoute>> {
      const rows = await s.repo.bedsInForce(tx, onDate, ['block', 'in-house'])
      const prices = await s.repo.prices(tx, [...new Set(rows.map((r) => r.contractId))])
      const out = new Map<string, BedRoute>()
      for (const r of rows) {
        const p = priceOn(prices.filter((x) => x.contract_id === r.contractId).map(pricePoint), onDate)
        if (!p) throw new Error(`Contract ${r.reference} has no price in force on ${onDate}`)
        out.set(r.bedId, {
          bedId: r.bedId,
          homeId: r.homeId,
          route: r.kind === 'in-house' ? 'in-house' : 'block',
          contractId: r.contractId,
          contractReference: r.reference,
          weeklyPricePence: p.pricePence + (r.pricingModel === 'core-and-placement' ? (p.placementFeePence ?? 0) : 0),
        })
      }
      return out
    },
  }
}
