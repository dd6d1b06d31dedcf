/** Reading the register: the list with prices in force and extensions due, and one contract in full. */
import type { Actor } from '../../platform/auth/actor.js'
import { authorise, dataScope } from '../../platform/auth/scope.js'
import type { ContractView } from './contractView.js'
import { contractView } from './contractView.js'
import { extensionState, type ExtensionState } from './extension.js'
import { indexationSchedule, priceOn, type IndexationStep, type PricePoint } from './indexation.js'
import type { BedInfo, DecisionRow, PriceRow, ReservedBed, VariationRow } from './registerRepository.js'
import { inForce, pricePoint, type RegisterShared } from './shared.js'
import { describeChange, type VariationChange } from './variations.js'

export type RegisterRow = { contract: ContractView; price: PricePoint | null; extension: ExtensionState }

export type ScheduleStep = IndexationStep & { applied: boolean }

export type ContractDetail = {
  contract: ContractView
  today: string
  price: PricePoint | null
  extension: ExtensionState
  beds: { current: ReservedBed[]; future: ReservedBed[]; past: ReservedBed[] }
  /** Every bed of the contract's homes, for the beds variation's choices. */
  homeBeds: BedInfo[]
  prices: PriceRow[]
  schedule: ScheduleStep[]
  variations: (VariationRow & { description: string })[]
  decisions: DecisionRow[]
}

export function createRegisterReads(s: RegisterShared) {
  return {
    /** The register as the actor may see it (a provider user only its own), with each contract's price today and extension state. */
    async register(actor: Actor): Promise<RegisterRow[]> {
      authorise(actor, 'contract:read')
      const today = s.today()
      const rows = (await s.contracts.list(s.deps.db, dataScope(actor))).map(contractView)
      const prices = await s.repo.prices(
        s.deps.db,
        rows.map((c) => c.id),
      )
      return rows.map((contract) => ({
        contract,
        price: priceOn(prices.filter((p) => p.contract_id === contract.id).map(pricePoint), today) ?? null,
        extension: extensionState(contract, today),
      }))
    },

    async contractDetail(actor: Actor, id: string): Promise<ContractDetail> {
      const contract = await s.visible(actor, id)
      const db = s.deps.db
      const today = s.today()
      const [reserved, homeBeds, prices, variations, decisions, cpi] = await Promise.all([
        s.repo.reservedBeds(db, id),
        s.repo.bedsOfHomes(db, contract.homeIds),
        s.repo.prices(db, [id]),
        s.repo.variations(db, id),
        s.repo.decisions(db, id),
        contract.indexation ? s.repo.cpi(db) : Promise.resolve([]),
      ])
      const labels = new Map(homeBeds.map((b) => [b.bedId, `${b.homeName} ${b.label}`]))
      const applied = new Set(prices.filter((p) => p.source === 'indexation').map((p) => p.from_date))
      const schedule = contract.indexation
        ? indexationSchedule({
            contractReference: contract.reference,
            startDate: contract.startDate,
            endDate: contract.endDate,
            rule: contract.indexation,
            prices: prices.map(pricePoint),
            cpi: new Map(cpi.map((c) => [c.month, c.rate_bps])),
          }).map((step) => ({ ...step, applied: applied.has(step.date) }))
        : []
      return {
        contract,
        today,
        price: priceOn(prices.map(pricePoint), today) ?? null,
        extension: extensionState(contract, today),
        beds: {
          current: reserved.filter((b) => inForce(b, today)),
          future: reserved.filter((b) => b.fromDate > today),
          past: reserved.filter((b) => b.toDate !== null && b.toDate < today),
        },
        homeBeds,
        prices,
        schedule,
        variations: variations.map((v) => ({
          ...v,
          description: describeChange(JSON.parse(v.change_json) as VariationChange, (bedId) => labels.get(bedId) ?? bedId),
        })),
        decisions,
      }
    },
  }
}
