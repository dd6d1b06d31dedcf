import { sql, type Selectable } from 'kysely'
import type { Db } from '../platform/db/database.js'
import type { TenderTables } from './tables.js'

export type EvaluatorRow = Selectable<TenderTables['tender_evaluators']>
export type ScoreRow = Selectable<TenderTables['tender_scores']>
export type ConsensusRow = Selectable<TenderTables['tender_consensus']>
export type ScoreHistoryRow = Selectable<TenderTables['tender_score_history']>

export function createEvaluationRepository() {
  return {
    evaluators: (db: Db, tenderId: string): Promise<EvaluatorRow[]> =>
      db.selectFrom('tender_evaluators').selectAll().where('tender_id', '=', tenderId).orderBy('declared_at').orderBy('user_id').execute(),

    findEvaluator: (db: Db, tenderId: string, userId: string): Promise<EvaluatorRow | undefined> =>
      db.selectFrom('tender_evaluators').selectAll().where('tender_id', '=', tenderId).where('user_id', '=', userId).executeTakeFirst(),

    async upsertEvaluator(db: Db, row: EvaluatorRow): Promise<void> {
      await db
        .insertInto('tender_evaluators')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['tender_id', 'user_id']).doUpdateSet({
            user_name: row.user_name,
            has_conflict: row.has_conflict,
            conflict_details: row.conflict_details,
            declared_at: row.declared_at,
            submitted_at: row.submitted_at,
          }),
        )
        .execute()
    },

    async markSubmitted(db: Db, tenderId: string, userId: string, at: string): Promise<void> {
      await db
        .updateTable('tender_evaluators')
        .set({ submitted_at: at })
        .where('tender_id', '=', tenderId)
        .where('user_id', '=', userId)
        .execute()
    },

    scores: (db: Db, tenderId: string, userId?: string): Promise<ScoreRow[]> => {
      let qb = db.selectFrom('tender_scores').selectAll().where('tender_id', '=', tenderId)
      if (userId !== undefined) qb = qb.where('user_id', '=', userId)
      return qb.orderBy('bid_id').orderBy('question_id').orderBy('user_id').execute()
    },

    async upsertScore(db: Db, row: ScoreRow): Promise<void> {
      await db
        .insertInto('tender_scores')
        .values(row)
        .onConflict((oc) =>
          oc
            .columns(['tender_id', 'user_id', 'bid_id', 'question_id'])
            .doUpdateSet({ score: row.score, rationale: row.rationale, updated_at: row.updated_at }),
        )
        .execute()
    },

    async deleteScores(db: Db, tenderId: string, userId: string): Promise<void> {
      await db.deleteFrom('tender_scores').where('tender_id', '=', tenderId).where('user_id', '=', userId).execute()
    },

    consensus: (db: Db, tenderId: string): Promise<ConsensusRow[]> =>
      db.selectFrom('tender_consensus').selectAll().where('tender_id', '=', tenderId).orderBy('bid_id').orderBy('question_id').execute(),

    async upsertConsensus(db: Db, row: ConsensusRow): Promise<void> {
      await db
        .insertInto('tender_consensus')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['tender_id', 'bid_id', 'question_id']).doUpdateSet({
            score: row.score,
            rationale: row.rationale,
            moderated_by: row.moderated_by,
            moderated_at: row.moderated_at,
          }),
        )
        .execute()
    },

    history: (db: Db, tenderId: string): Promise<ScoreHistoryRow[]> =>
      db.selectFrom('tender_score_history').selectAll().where('tender_id', '=', tenderId).orderBy('n').execute(),

    async addHistory(db: Db, row: Omit<ScoreHistoryRow, 'n'>): Promise<void> {
      const last = await db
        .selectFrom('tender_score_history')
        .select(sql<number | null>`max(n)`.as('n'))
        .where('tender_id', '=', row.tender_id)
        .executeTakeFirst()
      await db
        .insertInto('tender_score_history')
        .values({ ...row, n: Number(last?.n ?? 0) + 1 })
        .execute()
    },
  }
}
export type EvaluationRepository = ReturnType<typeof createEvaluationRepository>
