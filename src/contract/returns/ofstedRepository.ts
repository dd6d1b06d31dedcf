/** Ofsted baselines and alerts for contracted homes, and who is told of a new alert. */
import type { Selectable } from 'kysely'
import type { Db } from '../../platform/db/database.js'
import type { ReturnsTables } from './tables.js'

export type BaselineRow = Selectable<ReturnsTables['contract_ofsted_baselines']>
export type AlertRow = Selectable<ReturnsTables['contract_ofsted_alerts']>
export type AlertListRow = AlertRow & { contract_reference: string; provider_name: string; provider_id: string }

export function createOfstedRepository() {
  const alerts = (db: Db) =>
    db
      .selectFrom('contract_ofsted_alerts')
      .innerJoin('contracts', 'contracts.id', 'contract_ofsted_alerts.contract_id')
      .innerJoin('providers', 'providers.id', 'contracts.provider_id')
      .selectAll('contract_ofsted_alerts')
      .select(['contracts.reference as contract_reference', 'providers.name as provider_name', 'contracts.provider_id'])

  return {
    baselines: (db: Db, contractIds: readonly string[]): Promise<BaselineRow[]> =>
      contractIds.length === 0
        ? Promise.resolve([])
        : db.selectFrom('contract_ofsted_baselines').selectAll().where('contract_id', 'in', contractIds).execute(),

    openAlertsOf: (db: Db, contractIds: readonly string[]): Promise<AlertRow[]> =>
      contractIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('contract_ofsted_alerts')
            .selectAll()
            .where('contract_id', 'in', contractIds)
            .where('status', '=', 'open')
            .orderBy('raised_at')
            .execute(),

    /** Alerts with their contract, newest first: open ones, or closed ones (the most recent `limit`). */
    list: (
      db: Db,
      opts: { status: 'open' | 'closed'; contractId?: string; providerId?: string; limit?: number },
    ): Promise<AlertListRow[]> => {
      let q = alerts(db)
      const status = 'contract_ofsted_alerts.status'
      q = opts.status === 'open' ? q.where(status, '=', 'open') : q.where(status, '!=', 'open')
      if (opts.contractId) q = q.where('contract_ofsted_alerts.contract_id', '=', opts.contractId)
      if (opts.providerId) q = q.where('contracts.provider_id', '=', opts.providerId)
      q = q
        .orderBy(opts.status === 'open' ? 'contract_ofsted_alerts.raised_at' : 'contract_ofsted_alerts.closed_at', 'desc')
        .orderBy('contract_ofsted_alerts.id')
      return (opts.limit ? q.limit(opts.limit) : q).execute()
    },

    alert: (db: Db, id: string): Promise<AlertListRow | undefined> =>
      alerts(db).where('contract_ofsted_alerts.id', '=', id).executeTakeFirst(),

    /** False when another check got there first. */
    async insertBaseline(db: Db, row: BaselineRow): Promise<boolean> {
      const inserted = await db
        .insertInto('contract_ofsted_baselines')
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .returning('contract_id')
        .execute()
      return inserted.length > 0
    },

    async replaceBaseline(db: Db, row: BaselineRow): Promise<void> {
      await db
        .deleteFrom('contract_ofsted_baselines')
        .where('contract_id', '=', row.contract_id)
        .where('home_id', '=', row.home_id)
        .execute()
      await db.insertInto('contract_ofsted_baselines').values(row).execute()
    },

    /** False when the home already has an open alert under the contract (the unique index): nothing raised, nobody emailed. */
    async insertAlert(db: Db, row: AlertRow): Promise<boolean> {
      const inserted = await db
        .insertInto('contract_ofsted_alerts')
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .execute()
      return inserted.length > 0
    },

    /** Closes an alert that is still open; false when it was not. */
    async close(
      db: Db,
      id: string,
      change: { status: 'acknowledged' | 'superseded'; at: string; by: string | null; byLabel: string; note: string | null },
    ): Promise<boolean> {
      const r = await db
        .updateTable('contract_ofsted_alerts')
        .set({ status: change.status, closed_at: change.at, closed_by: change.by, closed_by_label: change.byLabel, note: change.note })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst()
      return Number(r.numUpdatedRows) > 0
    },

    /** The council's commissioning officers, who are told of a new alert. */
    recipients: (db: Db): Promise<{ email: string; display_name: string }[]> =>
      db
        .selectFrom('users')
        .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
        .select(['users.email', 'users.display_name'])
        .where('organisations.kind', '=', 'council')
        .where('users.status', '=', 'active')
        .where('users.role', '=', 'commissioning_officer')
        .orderBy('users.email')
        .execute(),
  }
}
export type OfstedRepository = ReturnType<typeof createOfstedRepository>
