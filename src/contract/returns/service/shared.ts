/** What the returns part's services share: repositories, the contract as the actor may see it, and who may submit. */
import { systemActor, type Actor } from '../../../platform/auth/actor.js'
import { authorise, can, dataScope } from '../../../platform/auth/scope.js'
import type { Db } from '../../../platform/db/database.js'
import { NotFoundError } from '../../../platform/errors.js'
import type { ContractContext } from '../../context.js'
import { createKpiRepository } from '../kpiRepository.js'
import { createOfstedRepository } from '../ofstedRepository.js'
import type { ReturnsContract } from '../returnsApi.js'
import { createReturnsRepository, type ContractRow } from '../returnsRepository.js'

/** Who the system's own work (the Ofsted check) is recorded as. */
export const OFSTED_CHECK = systemActor('Placewise Ofsted check')

export function contractView(r: ContractRow): ReturnsContract {
  return {
    id: r.id,
    reference: r.reference,
    providerId: r.provider_id,
    providerName: r.provider_name,
    homeIds: JSON.parse(r.home_ids_json) as string[],
    startDate: r.start_date,
    endDate: r.end_date,
    status: r.status,
  }
}

export function createReturnsShared(ctx: ContractContext) {
  const repos = { returns: createReturnsRepository(), kpis: createKpiRepository(), ofsted: createOfstedRepository() }

  /** The contract, if the actor may read it (a provider user only its own); NotFoundError otherwise. */
  async function visibleContract(db: Db, actor: Actor, id: string): Promise<ReturnsContract> {
    authorise(actor, 'contract:read')
    const row = await repos.returns.contract(db, dataScope(actor), id)
    if (!row) throw new NotFoundError('No such contract')
    return contractView(row)
  }

  return { ctx, repos, visibleContract }
}
export type ReturnsShared = ReturnType<typeof createReturnsShared>

/** The contract's provider sends its returns; the system (the demo) and council officers who edit contracts may enter one for it. */
export function maySubmit(actor: Actor, contract: ReturnsContract): boolean {
  if (actor.organisationKind === 'provider') return actor.providerId === contract.providerId
  return actor.role === 'system' || (actor.organisationKind === 'council' && can(actor, 'contract:edit'))
}
