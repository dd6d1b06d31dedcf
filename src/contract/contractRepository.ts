import type { Selectable, Updateable } from 'kysely'
import { applyScope, type DataScope } from '../platform/auth/scope.js'
import type { Db } from '../platform/db/database.js'
import type { ContractTables } from './tables.js'

export type ContractRow = Selectable<ContractTables['contracts']>
export type ContractListRow = ContractRow & { provider_name: string; tender_title: string | null; tender_reference: string | null }

export function createContractRepository() {
  const withNames = (db: Db, scope: DataScope) =>
    applyScope(
      db
        .selectFrom('contracts')
        .innerJoin('providers', 'providers.id', 'contracts.provider_id')
        .leftJoin('tenders', 'tenders.id', 'contracts.tender_id')
        .selectAll('contracts')
        .select(['providers.name as provider_name', 'tenders.title as tender_title', 'tenders.reference as tender_reference']),
      scope,
      'contracts.provider_id',
    )
  return {
    list: (db: Db, scope: DataScope, filters: { tenderId?: string } = {}): Promise<ContractListRow[]> => {
      let qb = withNames(db, scope)
      if (filters.tenderId) qb = qb.where('contracts.tender_id', '=', filters.tenderId)
      return qb.orderBy('contracts.start_date', 'desc').orderBy('contracts.reference').execute()
    },
    find: (db: Db, scope: DataScope, id: string): Promise<ContractListRow | undefined> =>
      withNames(db, scope).where('contracts.id', '=', id).executeTakeFirst(),
    async insert(db: Db, row: ContractRow): Promise<void> {
      await db.insertInto('contracts').values(row).execute()
    },
    async update(db: Db, id: string, changes: Updateable<ContractTables['contracts']>): Promise<void> {
      await db.updateTable('contracts').set(changes).where('id', '=', id).execute()
    },
    referenceTaken: async (db: Db, reference: string): Promise<boolean> =>
      Boolean(await db.selectFrom('contracts').select('id').where('reference', '=', reference).executeTakeFirst()),
  }
}
export type ContractRepository = ReturnType<typeof createContractRepository>
