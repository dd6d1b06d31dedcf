/** Storage of referral requests and providers' answers: plain queries, run on the caller's transaction. */
import type { Db } from '../../platform/db/database.js'
import type { Database } from '../../platform/db/schema.js'
import type { RequestStatus } from './tables.js'

export type RequestRow = Database['referral_requests']
export type ResponseRow = Database['referral_responses']

/** A request with what every view of it needs: the home, the provider, the referral's status, the answer. */
export type RequestDetail = RequestRow & {
  home_name: string
  home_easting: number | null
  home_northing: number | null
  home_judgement: string | null
  provider_name: string
  referral_status: Database['referrals']['status']
  urgency: Database['referrals']['urgency']
  response_id: string | null
  response_kind: ResponseRow['kind'] | null
  weekly_price_pence: number | null
  start_date: string | null
  note: string | null
  decline_reason: ResponseRow['decline_reason']
  decline_detail: string | null
  responded_by_label: string | null
  responded_at: string | null
}

function detailed(db: Db) {
  return db
    .selectFrom('referral_requests as rq')
    .innerJoin('homes', 'homes.id', 'rq.home_id')
    .innerJoin('providers', 'providers.id', 'rq.provider_id')
    .innerJoin('referrals', 'referrals.id', 'rq.referral_id')
    .leftJoin('referral_responses as rs', 'rs.request_id', 'rq.id')
    .selectAll('rq')
    .select([
      'homes.name as home_name',
      'homes.easting as home_easting',
      'homes.northing as home_northing',
      'homes.ofsted_judgement as home_judgement',
      'providers.name as provider_name',
      'referrals.status as referral_status',
      'referrals.urgency as urgency',
      'rs.id as response_id',
      'rs.kind as response_kind',
      'rs.weekly_price_pence',
      'rs.start_date',
      'rs.note',
      'rs.decline_reason',
      'rs.decline_detail',
      'rs.responded_by_label',
      'rs.responded_at',
    ])
}

const OPEN: RequestStatus[] = ['sent', 'offered']

export function createRequestRepository() {
  return {
    insert: (tx: Db, row: RequestRow) => tx.insertInto('referral_requests').values(row).execute(),

    insertResponse: (tx: Db, row: ResponseRow) => tx.insertInto('referral_responses').values(row).execute(),

    find: (db: Db, id: string): Promise<RequestDetail | undefined> => detailed(db).where('rq.id', '=', id).executeTakeFirst(),

    ofReferral: (db: Db, referralId: string): Promise<RequestDetail[]> =>
      detailed(db).where('rq.referral_id', '=', referralId).orderBy('rq.sent_at').orderBy('homes.name').execute(),

    ofProvider: (db: Db, providerId: string): Promise<RequestDetail[]> =>
      detailed(db).where('rq.provider_id', '=', providerId).orderBy('rq.deadline').orderBy('homes.name').execute(),

    findByResponse: (db: Db, responseId: string): Promise<RequestDetail | undefined> =>
      detailed(db).where('rs.id', '=', responseId).executeTakeFirst(),

    /** The child's requests still stored as open, with their referral's status: to tidy before sending again. */
    openOfChild: (tx: Db, childId: string): Promise<RequestDetail[]> =>
      detailed(tx).where('rq.child_id', '=', childId).where('rq.status', 'in', OPEN).execute(),

    /** Compare-and-set, so two people changing one request at once cannot both succeed; true when it changed. */
    async transition(tx: Db, id: string, from: readonly RequestStatus[], to: RequestStatus, at: string, by: string): Promise<boolean> {
      const r = await tx
        .updateTable('referral_requests')
        .set({ status: to, closed_at: at, closed_by_label: by })
        .where('id', '=', id)
        .where('status', 'in', [...from])
        .executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },

    /** The homes chosen, with whether each is open and its provider an active member of a framework in force today. */
    homesToSend: (tx: Db, homeIds: readonly string[], today: string) =>
      tx
        .selectFrom('homes')
        .innerJoin('providers', 'providers.id', 'homes.provider_id')
        .select(['homes.id', 'homes.name', 'homes.status', 'homes.provider_id', 'providers.name as provider_name'])
        .select((eb) =>
          eb
            .exists(
              eb
                .selectFrom('provider_lots')
                .innerJoin('lots', 'lots.id', 'provider_lots.lot_id')
                .innerJoin('frameworks', 'frameworks.id', 'lots.framework_id')
                .select('provider_lots.lot_id')
                .whereRef('provider_lots.provider_id', '=', 'homes.provider_id')
                .where('provider_lots.status', '=', 'active')
                .where('frameworks.starts_on', '<=', today)
                .where('frameworks.ends_on', '>=', today),
            )
            .as('in_framework'),
        )
        .where('homes.id', 'in', [...homeIds])
        .execute(),

    /** Every active user of the provider: who is told of a request. */
    providerRecipients: (db: Db, providerId: string) =>
      db
        .selectFrom('users')
        .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
        .select(['users.email', 'users.display_name'])
        .where('organisations.provider_id', '=', providerId)
        .where('users.status', '=', 'active')
        .orderBy('users.email')
        .execute(),

    /** Active council users by id: the child's social worker and whoever sent the request. */
    councilRecipients: (db: Db, userIds: readonly string[]) =>
      userIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('users')
            .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
            .select(['users.email', 'users.display_name'])
            .where('users.id', 'in', [...userIds])
            .where('organisations.kind', '=', 'council')
            .where('users.status', '=', 'active')
            .orderBy('users.email')
            .execute(),
  }
}
export type RequestRepository = ReturnType<typeof createRequestRepository>
