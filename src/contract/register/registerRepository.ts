/** The register's own tables (reserved beds, prices, variations, CPI, KPIs, extension decisions): Kysely only, both dialects. */
import type { Insertable, Selectable, Updateable } from 'kysely'
import type { Db } from '../../platform/db/database.js'
import type { ContractRegisterTables as T } from '../tables.js'

export type ContractBedRow = Selectable<T['contract_beds']>
export type PriceRow = Selectable<T['contract_prices']>
export type VariationRow = Selectable<T['contract_variations']>
export type CpiRow = Selectable<T['cpi_figures']>
export type DecisionRow = Selectable<T['contract_extension_decisions']>

/** A bed as the register shows it: which home, its label and whether it is vacant now. */
export type BedInfo = { bedId: string; homeId: string; homeName: string; label: string; status: 'vacant' | 'occupied' | 'unavailable' }
export type ReservedBed = BedInfo & { fromDate: string; toDate: string | null; rowId: string }
export type Reservation = {
  bedId: string
  contractId: string
  reference: string
  fromDate: string
  toDate: string | null
  contractEnd: string
}

const bedColumns = [
  'beds.id as bedId',
  'beds.home_id as homeId',
  'homes.name as homeName',
  'beds.label as label',
  'beds.status as status',
] as const

export function createRegisterRepository() {
  return {
    // ——— beds ———
    bedsOfHomes: (db: Db, homeIds: readonly string[]): Promise<BedInfo[]> =>
      homeIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('beds')
            .innerJoin('homes', 'homes.id', 'beds.home_id')
            .select(bedColumns)
            .where('beds.home_id', 'in', [...homeIds])
            .orderBy('homes.name')
            .orderBy('beds.label')
            .execute(),
    /** Every reservation row of the contract, current and past. */
    reservedBeds: (db: Db, contractId: string): Promise<ReservedBed[]> =>
      db
        .selectFrom('contract_beds')
        .innerJoin('beds', 'beds.id', 'contract_beds.bed_id')
        .innerJoin('homes', 'homes.id', 'beds.home_id')
        .select(bedColumns)
        .select(['contract_beds.id as rowId', 'contract_beds.from_date as fromDate', 'contract_beds.to_date as toDate'])
        .where('contract_beds.contract_id', '=', contractId)
        .orderBy('homes.name')
        .orderBy('beds.label')
        .orderBy('contract_beds.from_date')
        .execute(),
    /** Reservations by block contracts and in-house units (spot arrangements reserve nothing) of any of the beds overlapping [from, to]. */
    reservationsOverlapping: (db: Db, bedIds: readonly string[], from: string, to: string, exceptContractId: string | null) => {
      if (bedIds.length === 0) return Promise.resolve([] as Reservation[])
      let q = db
        .selectFrom('contract_beds')
        .innerJoin('contracts', 'contracts.id', 'contract_beds.contract_id')
        .select([
          'contract_beds.bed_id as bedId',
          'contracts.id as contractId',
          'contracts.reference as reference',
          'contract_beds.from_date as fromDate',
          'contract_beds.to_date as toDate',
          'contracts.end_date as contractEnd',
        ])
        .where('contract_beds.bed_id', 'in', [...bedIds])
        .where('contracts.kind', '!=', 'spot-arrangement')
        .where('contracts.status', '=', 'active')
        .where('contract_beds.from_date', '<=', to)
        .where('contracts.start_date', '<=', to)
        .where('contracts.end_date', '>=', from)
        .where((eb) => eb.or([eb('contract_beds.to_date', 'is', null), eb('contract_beds.to_date', '>=', from)]))
      if (exceptContractId) q = q.where('contracts.id', '!=', exceptContractId)
      return q.execute()
    },
    async insertBed(db: Db, row: Insertable<T['contract_beds']>): Promise<void> {
      await db.insertInto('contract_beds').values(row).execute()
    },
    async endBed(db: Db, rowId: string, toDate: string): Promise<void> {
      await db.updateTable('contract_beds').set({ to_date: toDate }).where('id', '=', rowId).execute()
    },
    async deleteBed(db: Db, rowId: string): Promise<void> {
      await db.deleteFrom('contract_beds').where('id', '=', rowId).execute()
    },
    /** Reservations in force on a date for contracts of the given kinds in force that day. */
    bedsInForce: (db: Db, onDate: string, kinds: readonly ('block' | 'in-house' | 'spot-arrangement')[]) =>
      db
        .selectFrom('contract_beds')
        .innerJoin('contracts', 'contracts.id', 'contract_beds.contract_id')
        .innerJoin('beds', 'beds.id', 'contract_beds.bed_id')
        .select([
          'contract_beds.bed_id as bedId',
          'beds.home_id as homeId',
          'contracts.id as contractId',
          'contracts.reference as reference',
          'contracts.kind as kind',
          'contracts.pricing_model as pricingModel',
        ])
        .where('contracts.kind', 'in', [...kinds])
        .where('contracts.status', '=', 'active')
        .where('contracts.start_date', '<=', onDate)
        .where('contracts.end_date', '>=', onDate)
        .where('contract_beds.from_date', '<=', onDate)
        .where((eb) => eb.or([eb('contract_beds.to_date', 'is', null), eb('contract_beds.to_date', '>=', onDate)]))
        .orderBy('contracts.reference')
        .execute(),

    // ——— prices ———
    prices: (db: Db, contractIds: readonly string[]): Promise<PriceRow[]> =>
      contractIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('contract_prices')
            .selectAll()
            .where('contract_id', 'in', [...contractIds])
            .orderBy('from_date')
            .execute(),
    async insertPrice(db: Db, row: Insertable<T['contract_prices']>): Promise<void> {
      await db.insertInto('contract_prices').values(row).execute()
    },

    // ——— variations ———
    variations: (db: Db, contractId: string): Promise<VariationRow[]> =>
      db
        .selectFrom('contract_variations')
        .selectAll()
        .where('contract_id', '=', contractId)
        .orderBy('proposed_at', 'desc')
        .orderBy('id')
        .execute(),
    variation: (db: Db, id: string): Promise<VariationRow | undefined> =>
      db.selectFrom('contract_variations').selectAll().where('id', '=', id).executeTakeFirst(),
    async insertVariation(db: Db, row: Insertable<T['contract_variations']>): Promise<void> {
      await db.insertInto('contract_variations').values(row).execute()
    },
    /** Decides a proposed variation; false when someone else decided it first. */
    async decideVariation(db: Db, id: string, changes: Updateable<T['contract_variations']>): Promise<boolean> {
      const r = await db
        .updateTable('contract_variations')
        .set(changes)
        .where('id', '=', id)
        .where('status', '=', 'proposed')
        .executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },

    // ——— CPI ———
    cpi: (db: Db): Promise<CpiRow[]> => db.selectFrom('cpi_figures').selectAll().orderBy('month', 'desc').execute(),
    cpiMonth: (db: Db, month: string): Promise<CpiRow | undefined> =>
      db.selectFrom('cpi_figures').selectAll().where('month', '=', month).executeTakeFirst(),
    async upsertCpi(db: Db, row: CpiRow, exists: boolean): Promise<void> {
      if (exists) await db.updateTable('cpi_figures').set(row).where('month', '=', row.month).execute()
      else await db.insertInto('cpi_figures').values(row).execute()
    },
    /** Every indexation applied, with its contract's CPI lag: a CPI figure one of them used may no longer change. */
    indexations: (db: Db) =>
      db
        .selectFrom('contract_prices')
        .innerJoin('contracts', 'contracts.id', 'contract_prices.contract_id')
        .select(['contracts.reference', 'contract_prices.from_date as fromDate', 'contracts.indexation_cpi_lag_months as lag'])
        .where('contract_prices.source', '=', 'indexation')
        .execute(),

    // ——— KPI targets (the returns part edits them; an award may bring some) ———
    async insertKpi(db: Db, row: Insertable<T['contract_kpis']>): Promise<void> {
      await db.insertInto('contract_kpis').values(row).execute()
    },

    // ——— extension decisions ———
    decisions: (db: Db, contractId: string): Promise<DecisionRow[]> =>
      db
        .selectFrom('contract_extension_decisions')
        .selectAll()
        .where('contract_id', '=', contractId)
        .orderBy('proposed_at', 'desc')
        .orderBy('id')
        .execute(),
    async insertDecision(db: Db, row: Insertable<T['contract_extension_decisions']>): Promise<void> {
      await db.insertInto('contract_extension_decisions').values(row).execute()
    },
    async settleDecision(db: Db, id: string, changes: Updateable<T['contract_extension_decisions']>): Promise<boolean> {
      const r = await db
        .updateTable('contract_extension_decisions')
        .set(changes)
        .where('id', '=', id)
        .where('status', '=', 'proposed')
        .executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },
  }
}
export type RegisterRepository = ReturnType<typeof createRegisterRepository>
