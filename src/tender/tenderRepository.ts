import { randomUUID } from 'node:crypto'
import { sql, type Selectable } from 'kysely'
import type { Db } from '../platform/db/database.js'
import type { TenderTables } from './tables.js'

export type TenderRow = Selectable<TenderTables['tenders']>
export type QuestionRow = Selectable<TenderTables['tender_questions']>
export type InvitationRow = Selectable<TenderTables['tender_invitations']>
export type EventRow = Selectable<TenderTables['tender_events']>

/** Tenders, their questions, invitations and timeline. Every read names the tender; scoping is the service's. */
export function createTenderRepository() {
  return {
    find: (db: Db, id: string): Promise<TenderRow | undefined> =>
      db.selectFrom('tenders').selectAll().where('id', '=', id).executeTakeFirst(),

    list: (db: Db): Promise<TenderRow[]> => db.selectFrom('tenders').selectAll().orderBy('created_at', 'desc').orderBy('id').execute(),

    /** Tenders a provider is invited to (never a draft). */
    listInvited: (db: Db, providerId: string): Promise<TenderRow[]> =>
      db
        .selectFrom('tenders')
        .innerJoin('tender_invitations', 'tender_invitations.tender_id', 'tenders.id')
        .selectAll('tenders')
        .where('tender_invitations.provider_id', '=', providerId)
        .where('tenders.status', '!=', 'draft')
        .orderBy('tenders.submission_deadline', 'desc')
        .orderBy('tenders.id')
        .execute(),

    async insert(db: Db, row: TenderRow): Promise<void> {
      await db.insertInto('tenders').values(row).execute()
    },

    async update(db: Db, id: string, changes: Partial<Omit<TenderRow, 'id' | 'created_at'>>): Promise<void> {
      await db.updateTable('tenders').set(changes).where('id', '=', id).execute()
    },

    /** The next reference of a year: PW-2026-0001, PW-2026-0002 … */
    async nextReference(db: Db, year: number): Promise<string> {
      const prefix = `PW-${year}-`
      const row = await db
        .selectFrom('tenders')
        .select(sql<string | null>`max(reference)`.as('last'))
        .where('reference', 'like', `${prefix}%`)
        .executeTakeFirst()
      const last = row?.last ? Number(row.last.slice(prefix.length)) : 0
      return `${prefix}${String(last + 1).padStart(4, '0')}`
    },

    questions: (db: Db, tenderId: string): Promise<QuestionRow[]> =>
      db.selectFrom('tender_questions').selectAll().where('tender_id', '=', tenderId).orderBy('number').execute(),

    async insertQuestion(db: Db, row: QuestionRow): Promise<void> {
      await db.insertInto('tender_questions').values(row).execute()
    },

    async updateQuestion(db: Db, id: string, changes: Partial<Omit<QuestionRow, 'id' | 'tender_id'>>): Promise<void> {
      await db.updateTable('tender_questions').set(changes).where('id', '=', id).execute()
    },

    async deleteQuestion(db: Db, id: string): Promise<void> {
      await db.deleteFrom('tender_questions').where('id', '=', id).execute()
    },

    invitations: (db: Db, tenderId: string): Promise<(InvitationRow & { provider_name: string })[]> =>
      db
        .selectFrom('tender_invitations')
        .innerJoin('providers', 'providers.id', 'tender_invitations.provider_id')
        .selectAll('tender_invitations')
        .select('providers.name as provider_name')
        .where('tender_id', '=', tenderId)
        .orderBy('providers.name')
        .execute(),

    findInvitation: (db: Db, tenderId: string, providerId: string): Promise<InvitationRow | undefined> =>
      db
        .selectFrom('tender_invitations')
        .selectAll()
        .where('tender_id', '=', tenderId)
        .where('provider_id', '=', providerId)
        .executeTakeFirst(),

    async insertInvitation(db: Db, row: InvitationRow): Promise<void> {
      await db.insertInto('tender_invitations').values(row).execute()
    },

    async counts(db: Db, tenderIds: string[]): Promise<Map<string, { invited: number; bids: number }>> {
      const out = new Map(tenderIds.map((id) => [id, { invited: 0, bids: 0 }]))
      if (tenderIds.length === 0) return out
      const invited = await db
        .selectFrom('tender_invitations')
        .select(['tender_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('tender_id', 'in', tenderIds)
        .groupBy('tender_id')
        .execute()
      const bids = await db
        .selectFrom('tender_bids')
        .select(['tender_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('tender_id', 'in', tenderIds)
        .where('status', '=', 'submitted')
        .groupBy('tender_id')
        .execute()
      for (const r of invited) out.get(r.tender_id)!.invited = Number(r.n)
      for (const r of bids) out.get(r.tender_id)!.bids = Number(r.n)
      return out
    },

    events: (db: Db, tenderId: string): Promise<EventRow[]> =>
      db.selectFrom('tender_events').selectAll().where('tender_id', '=', tenderId).orderBy('n').execute(),

    async addEvent(db: Db, tenderId: string, at: string, what: string, by: string): Promise<void> {
      const row = await db
        .selectFrom('tender_events')
        .select(sql<number | null>`max(n)`.as('last'))
        .where('tender_id', '=', tenderId)
        .executeTakeFirst()
      await db
        .insertInto('tender_events')
        .values({ id: randomUUID(), tender_id: tenderId, n: Number(row?.last ?? 0) + 1, at, what, by_label: by })
        .execute()
    },

    /** Active users of a provider's organisation(s): who is told of invitations and notices by email. */
    providerRecipients: (db: Db, providerId: string): Promise<{ email: string; display_name: string }[]> =>
      db
        .selectFrom('users')
        .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
        .select(['users.email', 'users.display_name'])
        .where('organisations.provider_id', '=', providerId)
        .where('users.status', '=', 'active')
        .orderBy('users.email')
        .execute(),

    /** Council users who may evaluate: shown as "not yet declared" until they declare. */
    councilEvaluators: (db: Db): Promise<{ id: string; display_name: string }[]> =>
      db
        .selectFrom('users')
        .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
        .select(['users.id', 'users.display_name'])
        .where('organisations.kind', '=', 'council')
        .where('users.status', '=', 'active')
        .where('users.role', 'in', ['commissioning_officer', 'head_of_service'])
        .orderBy('users.display_name')
        .execute(),
  }
}
export type TenderRepository = ReturnType<typeof createTenderRepository>
