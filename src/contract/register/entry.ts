/** Contracts entered by hand: block contracts let elsewhere, in-house units and framework spot arrangements. */
import type { Actor } from '../../platform/auth/actor.js'
import { authorise } from '../../platform/auth/scope.js'
import { UserInputError } from '../../platform/errors.js'
import type { BedInfo } from './registerRepository.js'
import { requireBedsFree } from './reservation.js'
import type { RegisterShared } from './shared.js'
import { ContractTermsSchema, termsProblems, type ContractTerms } from './terms.js'
import { writeContract } from './writeContract.js'
import { parseOrRefuse } from './parse.js'

export function createEntry(s: RegisterShared) {
  return {
    /** The beds of a provider's homes, for choosing which a contract reserves. */
    async bedsOfProvider(actor: Actor, providerId: string): Promise<BedInfo[]> {
      authorise(actor, 'contract:edit')
      const { homes } = await s.deps.market.getProvider(actor, providerId)
      return s.repo.bedsOfHomes(
        s.deps.db,
        homes.map((h) => h.id),
      )
    },

    /** Enters a contract by hand; one transaction, audited. Returns its id. */
    async createContract(actor: Actor, input: ContractTerms): Promise<string> {
      authorise(actor, 'contract:edit')
      const t = parseOrRefuse(ContractTermsSchema, input)
      const problem = termsProblems(t)[0]
      if (problem) throw new UserInputError(problem.message, { field: problem.field })
      return s.run(async (tx) => {
        if (await s.contracts.referenceTaken(tx, t.reference))
          throw new UserInputError(`There is already a contract ${t.reference}: choose another reference`, { field: 'reference' })
        const provider = await tx.selectFrom('providers').select('id').where('id', '=', t.providerId).executeTakeFirst()
        if (!provider) throw new UserInputError('Select a provider from the market register', { field: 'providerId' })
        const beds = await tx
          .selectFrom('beds')
          .innerJoin('homes', 'homes.id', 'beds.home_id')
          .select(['beds.id', 'beds.home_id', 'homes.provider_id'])
          .where('beds.id', 'in', t.bedIds)
          .execute()
        if (beds.length !== new Set(t.bedIds).size || beds.some((b) => b.provider_id !== t.providerId))
          throw new UserInputError('Select beds in the provider’s own homes', { field: 'bedIds' })
        // Spot arrangements name the beds they use but hold none back from anyone.
        if (t.kind !== 'spot-arrangement') await requireBedsFree(s.repo, tx, t.bedIds, { from: t.startDate, to: t.initialEndDate }, null)
        const { id, fields } = await writeContract(tx, s.contracts, s.repo, {
          terms: t,
          beds: t.bedIds.map((bedId) => ({ bedId, fromDate: t.startDate })),
          homeIds: [...new Set(beds.map((b) => b.home_id))],
          tenderId: null,
          bidId: null,
          at: s.deps.now().toISOString(),
        })
        await s.deps.audit.record(tx, actor, { action: 'create', entityType: 'contract', entityId: id, after: fields })
        return id
      })
    },
  }
}
