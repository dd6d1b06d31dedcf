/**
 * The extension decision pack: the evidence for extending a contract on one page — occupancy,
 * cost per occupied bed-week against spot and voids by cause (the ledger's value figures), the KPI
 * scorecard (the returns part), the homes' Ofsted judgements (the market) and the outcomes of the
 * children placed (the placement room, aggregated: no child is named).
 */
import type { Actor } from '../../platform/auth/actor.js'
import type { ContractValue, Period, Scorecard } from '../api.js'
import type { PlacementOutcomes } from '../ports.js'
import type { ContractView } from './contractView.js'
import { extendedEndDate, extensionState, type ExtensionState } from './extension.js'
import type { DecisionRow } from './registerRepository.js'
import type { RegisterShared } from './shared.js'

/** What the pack asks of the room's other parts. */
export type PackSources = {
  contractValue: (actor: Actor, contractId: string, period?: Period) => Promise<ContractValue>
  scorecard: (actor: Actor, contractId: string) => Promise<Scorecard>
}

export type ExtensionPack = {
  contract: ContractView
  today: string
  extension: ExtensionState
  /** Where the end would move if the extension is taken; null when there is none to take. */
  extendedEnd: string | null
  period: Period | null
  /** Null while that part of the room cannot give them. */
  value: ContractValue | null
  scorecard: Scorecard | null
  homes: { id: string; name: string; urn: string; judgement: string | null; judgementDate: string | null }[]
  outcomes: PlacementOutcomes
  decisions: DecisionRow[]
}

/** A part of the room still being built says so; the pack then shows that its figures are not available. */
export async function unlessNotBuilt<T>(work: () => Promise<T>): Promise<T | null> {
  try {
    return await work()
  } catch (e) {
    if (e instanceof Error && /not built yet/.test(e.message)) return null
    throw e
  }
}

export function createExtensionPack(s: RegisterShared, sources: PackSources) {
  return {
    async extensionPack(actor: Actor, contractId: string): Promise<ExtensionPack> {
      s.councilOnly(actor)
      const contract = await s.visible(actor, contractId)
      const today = s.today()
      const to = contract.endDate < today ? contract.endDate : today
      const period = contract.startDate <= to ? { from: contract.startDate, to } : null
      const [value, scorecard, outcomes, decisions] = await Promise.all([
        // The ledger works out value figures for block contracts only.
        period && contract.kind === 'block'
          ? unlessNotBuilt(() => sources.contractValue(actor, contractId, period))
          : Promise.resolve(null),
        unlessNotBuilt(() => sources.scorecard(actor, contractId)),
        s.deps.placements().outcomesForContract(s.deps.db, contractId, to),
        s.repo.decisions(s.deps.db, contractId),
      ])
      const homes = []
      for (const id of contract.homeIds) {
        const { home } = await s.deps.market.getHome(actor, id)
        homes.push({ id, name: home.name, urn: home.urn, judgement: home.ofsted_judgement, judgementDate: home.ofsted_judgement_date })
      }
      return {
        contract,
        today,
        extension: extensionState(contract, today),
        extendedEnd:
          contract.extensionStatus === 'available' && contract.extensionMonths
            ? extendedEndDate(contract.endDate, contract.extensionMonths, contract.maxExtentDate)
            : null,
        period,
        value,
        scorecard,
        homes,
        outcomes,
        decisions,
      }
    },
  }
}
