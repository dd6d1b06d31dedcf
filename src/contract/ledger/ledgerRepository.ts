/** The ledger's reads of the contract register and its own tables (bed events, payment runs and lines). */
import type { Insertable, Selectable } from 'kysely'
import { applyScope, type DataScope } from '../../platform/auth/scope.js'
import type { Db } from '../../platform/db/database.js'
import type { ContractRegisterTables } from '../tables.js'
import type { LedgerTables } from './tables.js'

export type ContractRow = Selectable<ContractRegisterTables['contracts']> & { provider_name: string }
export type BedEventRow = Selectable<LedgerTables['bed_events']>
export type LedgerEventRow = Pick<BedEventRow, 'id' | 'contract_id' | 'bed_id' | 'kind' | 'from_date' | 'to_date' | 'cause' | 'seq'>
export type PaymentRunRow = Selectable<LedgerTables['payment_runs']>
export type PaymentLineRow = Selectable<LedgerTables['payment_lines']>
export type ReservedBedRow = {
  contract_id: string
  bed_id: string
  from_date: string
  to_date: string | null
  label: string
  home_id: string
  home_name: string
}
export type PriceRowDb = Selectable<ContractRegisterTables['contract_prices']>

const none = [''] // `in ()` is not SQL: a list that matches nothing

/** A new event's lifecycle columns: not ended, not voided. */
export const LIVE_EVENT = {
  ended_by_label: null,
  ended_at: null,
  voided_by: null,
  voided_by_label: null,
  voided_at: null,
  void_reason: null,
} as const

export function createLedgerRepository() {
  return {
    /** Block contracts the scope may see; all of them without ids. */
    blockContracts(db: Db, scope: DataScope, ids?: readonly string[]): Promise<ContractRow[]> {
      let q = applyScope(
        db
          .selectFrom('contracts')
          .innerJoin('providers', 'providers.id', 'contracts.provider_id')
          .selectAll('contracts')
          .select('providers.name as provider_name'),
        scope,
        'contracts.provider_id',
      ).where('contracts.kind', '=', 'block')
      if (ids) q = q.where('contracts.id', 'in', ids.length ? [...ids] : none)
      return q.orderBy('contracts.reference').execute()
    },

    reservedBeds(db: Db, contractIds: readonly string[]): Promise<ReservedBedRow[]> {
      return db
        .selectFrom('contract_beds')
        .innerJoin('beds', 'beds.id', 'contract_beds.bed_id')
        .innerJoin('homes', 'homes.id', 'beds.home_id')
        .select([
          'contract_beds.contract_id',
          'contract_beds.bed_id',
          'contract_beds.from_date',
          'contract_beds.to_date',
          'beds.label',
          'homes.id as home_id',
          'homes.name as home_name',
        ])
        .where('contract_beds.contract_id', 'in', contractIds.length ? [...contractIds] : none)
        .orderBy('homes.name')
        .orderBy('beds.label')
        .orderBy('contract_beds.from_date')
        .execute()
    },

    prices(db: Db, contractIds: readonly string[]): Promise<PriceRowDb[]> {
      return db
        .selectFrom('contract_prices')
        .selectAll()
        .where('contract_id', 'in', contractIds.length ? [...contractIds] : none)
        .orderBy('from_date')
        .execute()
    },

    /** Events in force at some time in [from, to] (every one without a range), in the order recorded. */
    events(
      db: Db,
      contractIds: readonly string[],
      opts: { from?: string; to?: string; withVoided?: boolean } = {},
    ): Promise<BedEventRow[]> {
      let q = db
        .selectFrom('bed_events')
        .selectAll()
        .where('contract_id', 'in', contractIds.length ? [...contractIds] : none)
      if (!opts.withVoided) q = q.where('voided_at', 'is', null)
      if (opts.to) q = q.where('from_date', '<=', opts.to)
      if (opts.from) {
        const from = opts.from
        q = q.where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', from)]))
      }
      return q.orderBy('seq').orderBy('recorded_at').orderBy('id').execute()
    },

    /**
     * The live events the derivation needs over [from, to], lean. With `since`, a cause dated
     * before it is left out when a later open cause of the same bed, also before it, supersedes
     * it: the later one paints over it until both have lapsed (ADR 0013).
     */
    ledgerEvents(db: Db, contractIds: readonly string[], from: string, to: string, since?: string): Promise<LedgerEventRow[]> {
      let q = db
        .selectFrom('bed_events as e')
        .select(['e.id', 'e.contract_id', 'e.bed_id', 'e.kind', 'e.from_date', 'e.to_date', 'e.cause', 'e.seq'])
        .where('e.contract_id', 'in', contractIds.length ? [...contractIds] : none)
        .where('e.voided_at', 'is', null)
        .where('e.from_date', '<=', to)
        .where((eb) => eb.or([eb('e.to_date', 'is', null), eb('e.to_date', '>=', from)]))
      if (since)
        q = q.where((eb) =>
          eb.not(
            eb.and([
              eb('e.kind', '=', 'empty-cause'),
              eb('e.from_date', '<', since),
              eb.exists(
                eb
                  .selectFrom('bed_events as n')
                  .select('n.id')
                  .whereRef('n.contract_id', '=', 'e.contract_id')
                  .whereRef('n.bed_id', '=', 'e.bed_id')
                  .whereRef('n.from_date', '>', 'e.from_date')
                  .where('n.kind', '=', 'empty-cause')
                  .where('n.to_date', 'is', null)
                  .where('n.voided_at', 'is', null)
                  .where('n.from_date', '<', since),
              ),
            ]),
          ),
        )
      return q.orderBy('e.seq').orderBy('e.id').execute()
    },

    event: (db: Db, id: string): Promise<BedEventRow | undefined> =>
      db.selectFrom('bed_events').selectAll().where('id', '=', id).executeTakeFirst(),

    async nextEventSeq(db: Db): Promise<number> {
      const r = await db
        .selectFrom('bed_events')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .executeTakeFirst()
      return Number(r?.seq ?? 0) + 1
    },

    async insertEvent(db: Db, row: Insertable<LedgerTables['bed_events']>): Promise<void> {
      await db.insertInto('bed_events').values(row).execute()
    },

    async updateEvent(db: Db, id: string, changes: Partial<BedEventRow>): Promise<void> {
      await db.updateTable('bed_events').set(changes).where('id', '=', id).execute()
    },

    runs: (db: Db): Promise<PaymentRunRow[]> => db.selectFrom('payment_runs').selectAll().orderBy('period_from', 'desc').execute(),

    run: (db: Db, id: string): Promise<PaymentRunRow | undefined> =>
      db.selectFrom('payment_runs').selectAll().where('id', '=', id).executeTakeFirst(),

    /** The first run whose period overlaps [from, to]. */
    overlappingRun: (db: Db, from: string, to: string): Promise<PaymentRunRow | undefined> =>
      db
        .selectFrom('payment_runs')
        .selectAll()
        .where('period_from', '<=', to)
        .where('period_to', '>=', from)
        .orderBy('period_from')
        .executeTakeFirst(),

    latestRun: (db: Db): Promise<PaymentRunRow | undefined> =>
      db.selectFrom('payment_runs').selectAll().orderBy('period_to', 'desc').limit(1).executeTakeFirst(),

    async nextRunNumber(db: Db): Promise<number> {
      const r = await db
        .selectFrom('payment_runs')
        .select((eb) => eb.fn.max('number').as('n'))
        .executeTakeFirst()
      return Number(r?.n ?? 0) + 1
    },

    lines: (db: Db, runId: string): Promise<(PaymentLineRow & { provider_name: string; contract_reference: string | null })[]> =>
      db
        .selectFrom('payment_lines')
        .innerJoin('providers', 'providers.id', 'payment_lines.provider_id')
        .leftJoin('contracts', 'contracts.id', 'payment_lines.contract_id')
        .selectAll('payment_lines')
        .select(['providers.name as provider_name', 'contracts.reference as contract_reference'])
        .where('payment_lines.run_id', '=', runId)
        .orderBy('payment_lines.kind')
        .orderBy('providers.name')
        .orderBy('contracts.reference')
        .orderBy('payment_lines.period_from')
        .orderBy('payment_lines.placement_id')
        .execute(),

    /** Lines already paid for these contracts or placements whose periods overlap [from, to]. */
    paidOverlapping(db: Db, from: string, to: string, ids: { contractIds: readonly string[]; placementIds: readonly string[] }) {
      return db
        .selectFrom('payment_lines')
        .innerJoin('payment_runs', 'payment_runs.id', 'payment_lines.run_id')
        .select([
          'payment_lines.contract_id',
          'payment_lines.placement_id',
          'payment_lines.period_from',
          'payment_lines.period_to',
          'payment_runs.number',
        ])
        .where('payment_lines.period_from', '<=', to)
        .where('payment_lines.period_to', '>=', from)
        .where((eb) =>
          eb.or([
            eb('payment_lines.contract_id', 'in', ids.contractIds.length ? [...ids.contractIds] : none),
            eb('payment_lines.placement_id', 'in', ids.placementIds.length ? [...ids.placementIds] : none),
          ]),
        )
        .execute()
    },

    async insertRun(db: Db, run: PaymentRunRow, lines: PaymentLineRow[]): Promise<void> {
      await db.insertInto('payment_runs').values(run).execute()
      // Batches keep each insert under both databases' limits on bound parameters.
      for (let i = 0; i < lines.length; i += 200)
        await db
          .insertInto('payment_lines')
          .values(lines.slice(i, i + 200))
          .execute()
    },
  }
}
export type LedgerRepository = ReturnType<typeof createLedgerRepository>
