import type { Selectable } from 'kysely'
import type { Db } from '../platform/db/database.js'
import type { BidStatus } from './tenderApi.js'
import type { TenderTables } from './tables.js'

export type BidRow = Selectable<TenderTables['tender_bids']>
export type AttachmentRow = Selectable<TenderTables['tender_bid_attachments']>
export type OpeningRow = Selectable<TenderTables['tender_openings']>

/** Bids are only ever stored sealed; this repository moves ciphertext, never reads content. */
export function createBidRepository() {
  return {
    list: (db: Db, tenderId: string): Promise<(BidRow & { provider_name: string })[]> =>
      db
        .selectFrom('tender_bids')
        .innerJoin('providers', 'providers.id', 'tender_bids.provider_id')
        .selectAll('tender_bids')
        .select('providers.name as provider_name')
        .where('tender_id', '=', tenderId)
        .orderBy('providers.name')
        .orderBy('tender_bids.id')
        .execute(),

    findForProvider: (db: Db, tenderId: string, providerId: string): Promise<(BidRow & { provider_name: string }) | undefined> =>
      db
        .selectFrom('tender_bids')
        .innerJoin('providers', 'providers.id', 'tender_bids.provider_id')
        .selectAll('tender_bids')
        .select('providers.name as provider_name')
        .where('tender_id', '=', tenderId)
        .where('provider_id', '=', providerId)
        .executeTakeFirst(),

    async insert(db: Db, row: BidRow): Promise<void> {
      await db.insertInto('tender_bids').values(row).execute()
    },

    async update(db: Db, id: string, changes: Partial<Omit<BidRow, 'id' | 'tender_id' | 'provider_id' | 'created_at'>>): Promise<void> {
      await db.updateTable('tender_bids').set(changes).where('id', '=', id).execute()
    },

    /** Marks the given bids, returning those changed. */
    async setStatus(db: Db, ids: string[], status: BidStatus, at: string): Promise<void> {
      if (ids.length === 0) return
      await db.updateTable('tender_bids').set({ status, updated_at: at }).where('id', 'in', ids).execute()
    },

    attachments: (db: Db, bidIds: string[]): Promise<AttachmentRow[]> =>
      bidIds.length === 0
        ? Promise.resolve([])
        : db.selectFrom('tender_bid_attachments').selectAll().where('bid_id', 'in', bidIds).orderBy('created_at').orderBy('id').execute(),

    findAttachment: (db: Db, tenderId: string, id: string): Promise<AttachmentRow | undefined> =>
      db.selectFrom('tender_bid_attachments').selectAll().where('tender_id', '=', tenderId).where('id', '=', id).executeTakeFirst(),

    async insertAttachment(db: Db, row: AttachmentRow): Promise<void> {
      await db.insertInto('tender_bid_attachments').values(row).execute()
    },

    async deleteAttachment(db: Db, id: string): Promise<void> {
      await db.deleteFrom('tender_bid_attachments').where('id', '=', id).execute()
    },

    openings: (db: Db, tenderId: string): Promise<OpeningRow[]> =>
      db.selectFrom('tender_openings').selectAll().where('tender_id', '=', tenderId).orderBy('opened_at').execute(),

    async insertOpening(db: Db, row: OpeningRow): Promise<void> {
      await db.insertInto('tender_openings').values(row).execute()
    },
  }
}
export type BidRepository = ReturnType<typeof createBidRepository>
