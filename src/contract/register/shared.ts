/** What the register's services share: repositories, loading a contract (scoped or not), prices and beds in force. */
import type { Actor } from '../../platform/auth/actor.js'
import { authorise, dataScope } from '../../platform/auth/scope.js'
import type { Db } from '../../platform/db/database.js'
import { NotFoundError, UserInputError } from '../../platform/errors.js'
import { contractView, type ContractView } from './contractView.js'
import { createContractRepository } from '../contractRepository.js'
import type { ContractContext } from '../context.js'
import type { PricePoint } from './indexation.js'
import { createRegisterRepository, type PriceRow, type ReservedBed } from './registerRepository.js'

export const pricePoint = (r: PriceRow): PricePoint => ({
  fromDate: r.from_date,
  pricePence: r.price_pence_per_bed_week,
  placementFeePence: r.placement_fee_pence_per_week,
  source: r.source,
})

/** A reservation in force on the date. */
export const inForce = (b: Pick<ReservedBed, 'fromDate' | 'toDate'>, date: string) =>
  b.fromDate <= date && (b.toDate === null || b.toDate >= date)

/** Who someone is, for the rule that the approver differs from the proposer. */
export const personOf = (actor: Actor) => actor.userId ?? `label:${actor.label}`

export function createRegisterShared(ctx: ContractContext) {
  const contracts = createContractRepository()
  const repo = createRegisterRepository()
  const { deps } = ctx

  /** A contract the actor may see (a provider user only its own); NotFound otherwise. */
  async function visible(actor: Actor, id: string, tx: Db = deps.db): Promise<ContractView> {
    authorise(actor, 'contract:read')
    const row = await contracts.find(tx, dataScope(actor), id)
    if (!row) throw new NotFoundError('No such contract')
    return contractView(row)
  }

  /** A contract that can still be changed. */
  async function activeContract(actor: Actor, id: string, tx: Db): Promise<ContractView> {
    const c = await visible(actor, id, tx)
    if (c.status !== 'active') throw new UserInputError(`Contract ${c.reference} has ${c.status === 'ended' ? 'ended' : 'been terminated'}`)
    return c
  }

  async function pricesOf(tx: Db, contractId: string): Promise<PricePoint[]> {
    return (await repo.prices(tx, [contractId])).map(pricePoint)
  }

  const councilOnly = (actor: Actor) => {
    if (actor.organisationKind === 'provider') throw new NotFoundError('No such page')
  }

  return { deps, run: ctx.run, today: ctx.today, contracts, repo, visible, activeContract, pricesOf, councilOnly }
}
export type RegisterShared = ReturnType<typeof createRegisterShared>
