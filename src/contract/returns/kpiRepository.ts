/** A contract's KPI targets (contract_kpis, from the register's migration). */
import type { Selectable } from 'kysely'
import type { Db } from '../../platform/db/database.js'
import type { ContractTables } from '../tables.js'

export type KpiRow = Selectable<ContractTables['contract_kpis']>

export function createKpiRepository() {
  return {
    list: (db: Db, contractId: string): Promise<KpiRow[]> =>
      db.selectFrom('contract_kpis').selectAll().where('contract_id', '=', contractId).orderBy('measure').execute(),

    find: (db: Db, contractId: string, measure: string): Promise<KpiRow | undefined> =>
      db.selectFrom('contract_kpis').selectAll().where('contract_id', '=', contractId).where('measure', '=', measure).executeTakeFirst(),

    async insert(db: Db, row: KpiRow): Promise<void> {
      await db.insertInto('contract_kpis').values(row).execute()
    },

    async update(db: Db, id: string, changes: Pick<KpiRow, 'direction' | 'target' | 'amber_margin'>): Promise<void> {
      await db.updateTable('contract_kpis').set(changes).where('id', '=', id).execute()
    },

    async remove(db: Db, id: string): Promise<void> {
      await db.deleteFrom('contract_kpis').where('id', '=', id).execute()
    },
  }
}
