/** Queries for providers' returns and their documents, and the contract heading them. */
import type { Selectable } from 'kysely'
import { applyScope, type DataScope } from '../../platform/auth/scope.js'
import type { Db } from '../../platform/db/database.js'
import type { ReturnsTables } from './tables.js'

export type ReturnRow = Selectable<ReturnsTables['provider_returns']>
export type DocumentRow = Selectable<ReturnsTables['contract_return_documents']>
export type DocumentMetaRow = Omit<DocumentRow, 'content'>

const CONTRACT_COLUMNS = [
  'contracts.id',
  'contracts.reference',
  'contracts.provider_id',
  'providers.name as provider_name',
  'contracts.home_ids_json',
  'contracts.start_date',
  'contracts.end_date',
  'contracts.status',
] as const

const DOCUMENT_META = [
  'id',
  'contract_id',
  'month',
  'return_id',
  'kind',
  'file_name',
  'content_type',
  'bytes',
  'sha256',
  'uploaded_by',
  'uploaded_by_label',
  'uploaded_at',
] as const

export function createReturnsRepository() {
  const contracts = (db: Db, scope: DataScope) =>
    applyScope(
      db.selectFrom('contracts').innerJoin('providers', 'providers.id', 'contracts.provider_id').select(CONTRACT_COLUMNS),
      scope,
      'contracts.provider_id',
    )

  return {
    contract: (db: Db, scope: DataScope, id: string) => contracts(db, scope).where('contracts.id', '=', id).executeTakeFirst(),

    /** The actor's contracts (a provider's own), newest first; optionally only active ones. */
    contracts: (db: Db, scope: DataScope, opts: { activeOnly?: boolean } = {}) => {
      let q = contracts(db, scope)
      if (opts.activeOnly) q = q.where('contracts.status', '=', 'active')
      return q.orderBy('contracts.start_date', 'desc').orderBy('contracts.reference').execute()
    },

    /** Every version of every month's return under a contract, oldest first. */
    returns: (db: Db, contractId: string): Promise<ReturnRow[]> =>
      db.selectFrom('provider_returns').selectAll().where('contract_id', '=', contractId).orderBy('month').orderBy('version').execute(),

    currentReturn: (db: Db, contractId: string, month: string): Promise<ReturnRow | undefined> =>
      db
        .selectFrom('provider_returns')
        .selectAll()
        .where('contract_id', '=', contractId)
        .where('month', '=', month)
        .where('superseded_at', 'is', null)
        .executeTakeFirst(),

    /** Marks the current version superseded; false when it no longer was current. */
    async supersede(db: Db, id: string, at: string): Promise<boolean> {
      const r = await db
        .updateTable('provider_returns')
        .set({ superseded_at: at })
        .where('id', '=', id)
        .where('superseded_at', 'is', null)
        .executeTakeFirst()
      return Number(r.numUpdatedRows) > 0
    },

    async insertReturn(db: Db, row: ReturnRow): Promise<void> {
      await db.insertInto('provider_returns').values(row).execute()
    },

    /** Documents' details (not their content), oldest first. */
    documents: (db: Db, contractId: string, month?: string): Promise<DocumentMetaRow[]> => {
      let q = db.selectFrom('contract_return_documents').select(DOCUMENT_META).where('contract_id', '=', contractId)
      if (month) q = q.where('month', '=', month)
      return q.orderBy('uploaded_at').orderBy('id').execute()
    },

    document: (db: Db, contractId: string, id: string): Promise<DocumentRow | undefined> =>
      db.selectFrom('contract_return_documents').selectAll().where('contract_id', '=', contractId).where('id', '=', id).executeTakeFirst(),

    async insertDocument(db: Db, row: DocumentRow): Promise<void> {
      await db.insertInto('contract_return_documents').values(row).execute()
    },
  }
}
export type ReturnsRepository = ReturnType<typeof createReturnsRepository>
export type ContractRow = NonNullable<Awaited<ReturnType<ReturnsRepository['contract']>>>
