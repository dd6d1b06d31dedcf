import type { Selectable } from 'kysely'
import type { Db } from '../platform/db/database.js'
import type { TenderTables } from './tables.js'

export type ClarificationRow = Selectable<TenderTables['tender_clarifications']>

export function createClarificationRepository() {
  return {
    list: (db: Db, tenderId: string): Promise<(ClarificationRow & { provider_name: string })[]> =>
      db
        .selectFrom('tender_clarifications')
        .innerJoin('providers', 'providers.id', 'tender_clarifications.provider_id')
        .selectAll('tender_clarifications')
        .select('providers.name as provider_name')
        .where('tender_id', '=', tenderId)
        .orderBy('asked_at')
        .orderBy('tender_clarifications.id')
        .execute(),

    find: (db: Db, tenderId: string, id: string): Promise<ClarificationRow | undefined> =>
      db.selectFrom('tender_clarifications').selectAll().where('tender_id', '=', tenderId).where('id', '=', id).executeTakeFirst(),

    async insert(db: Db, row: ClarificationRow): Promise<void> {
      await db.insertInto('tender_clarifications').values(row).execute()
    },

    async answer(db: Db, id: string, answer: string, at: string, by: string): Promise<void> {
      await db.updateTable('tender_clarifications').set({ answer, answered_at: at, answered_by: by }).where('id', '=', id).execute()
    },
  }
}
export type ClarificationRepository = ReturnType<typeof createClarificationRepository>
