import type { Selectable } from 'kysely'
import type { Db } from '../platform/db/database.js'
import type { TenderTables } from './tables.js'

export type AwardRow = Selectable<TenderTables['tender_awards']>
export type NoticeRow = Selectable<TenderTables['tender_notices']>

export function createAwardRepository() {
  return {
    find: (db: Db, tenderId: string): Promise<AwardRow | undefined> =>
      db.selectFrom('tender_awards').selectAll().where('tender_id', '=', tenderId).executeTakeFirst(),

    /** A new proposal replaces an earlier one (moderation changed after it, say). */
    async replace(db: Db, row: AwardRow): Promise<void> {
      await db.deleteFrom('tender_awards').where('tender_id', '=', row.tender_id).execute()
      await db.insertInto('tender_awards').values(row).execute()
    },

    async remove(db: Db, tenderId: string): Promise<void> {
      await db.deleteFrom('tender_awards').where('tender_id', '=', tenderId).execute()
    },

    async update(db: Db, tenderId: string, changes: Partial<Omit<AwardRow, 'tender_id'>>): Promise<void> {
      await db.updateTable('tender_awards').set(changes).where('tender_id', '=', tenderId).execute()
    },

    notices: (db: Db, tenderId: string, providerId?: string): Promise<(NoticeRow & { provider_name: string | null })[]> => {
      let qb = db
        .selectFrom('tender_notices')
        .leftJoin('providers', 'providers.id', 'tender_notices.provider_id')
        .selectAll('tender_notices')
        .select('providers.name as provider_name')
        .where('tender_id', '=', tenderId)
      if (providerId !== undefined)
        qb = qb.where((eb) => eb.or([eb('tender_notices.provider_id', '=', providerId), eb('tender_notices.provider_id', 'is', null)]))
      return qb.orderBy('tender_notices.kind', 'desc').orderBy('providers.name').orderBy('tender_notices.id').execute()
    },

    async insertNotice(db: Db, row: NoticeRow): Promise<void> {
      await db.insertInto('tender_notices').values(row).execute()
    },
  }
}
export type AwardRepository = ReturnType<typeof createAwardRepository>
