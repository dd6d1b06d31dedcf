/**
 * Evaluation: each evaluator declares any conflict of interest, then scores every answer 0–5 with
 * a rationale, blind to the others until every evaluator who declared no conflict has submitted.
 * A moderator then records the consensus score and rationale per question per bid. Every score
 * saved is kept in the history; changing one after submission or moderation needs a reason.
 */
import { randomUUID } from 'node:crypto'
import type { Actor } from '../../platform/auth/actor.js'
import type { Db } from '../../platform/db/database.js'
import { UserInputError } from '../../platform/errors.js'
import { requireNamedOfficer, requireReader, TenderForbiddenError } from '../domain/access.js'
import { rationaleField, scoreField } from '../domain/fields.js'
import { scoreBids, type ScoredBid } from '../domain/scoring.js'
import type { BidResult, EvaluationState, ScoreInput } from '../tenderApi.js'
import type { EvaluatorRow } from '../evaluationRepository.js'
import type { Tender, TenderContext } from './context.js'
import type { MarketReads } from './marketReads.js'
import type { createBiddingPart } from './bidding.js'

type Bidding = ReturnType<typeof createBiddingPart>

const MAX_RATIONALE = 5000

export function createEvaluationPart(ctx: TenderContext, reads: MarketReads, bidding: Bidding) {
  const { repos, deps, now } = ctx

  /** Those who must submit before anyone sees the others' scores and before moderation: declared, no conflict. */
  const panel = (evaluators: EvaluatorRow[]) => evaluators.filter((e) => e.has_conflict === 0)
  const allSubmitted = (evaluators: EvaluatorRow[]) =>
    panel(evaluators).length > 0 && panel(evaluators).every((e) => e.submitted_at !== null)

  async function submittedBidIds(db: Db, tenderId: string): Promise<string[]> {
    return (await repos.bids.list(db, tenderId)).filter((b) => b.status === 'submitted').map((b) => b.id)
  }

  /** Checks each score names a bid and question of this tender, a whole score 0–5 and a rationale. */
  function checkScores(t: Tender, bidIds: string[], scores: ScoreInput[]): ScoreInput[] {
    if (!Array.isArray(scores)) throw new UserInputError('Enter scores', { field: 'scores' })
    return scores.map((s) => {
      if (!bidIds.includes(s?.bidId) || !t.questions.some((q) => q.id === s?.questionId)) {
        throw new UserInputError('Score the bids and questions of this tender', {
          field: scoreField(String(s?.bidId), String(s?.questionId)),
        })
      }
      if (!Number.isInteger(s.score) || s.score < 0 || s.score > 5) {
        throw new UserInputError('Score must be a whole number from 0 to 5', { field: scoreField(s.bidId, s.questionId) })
      }
      const rationale = typeof s.rationale === 'string' ? s.rationale.trim() : ''
      if (!rationale) throw new UserInputError('Give the reason for the score', { field: rationaleField(s.bidId, s.questionId) })
      if (rationale.length > MAX_RATIONALE)
        throw new UserInputError('The reason must be 5,000 characters or fewer', { field: rationaleField(s.bidId, s.questionId) })
      return { bidId: s.bidId, questionId: s.questionId, score: s.score, rationale }
    })
  }

  function requireStatus(t: Tender, allowed: readonly string[], message: string): void {
    if (!allowed.includes(t.row.status)) throw new UserInputError(message)
  }

  function changeReasonOf(reason: string | undefined): string | null {
    const r = typeof reason === 'string' ? reason.trim() : ''
    return r ? r.slice(0, MAX_RATIONALE) : null
  }

  async function results(actor: Actor, tenderId: string): Promise<BidResult[]> {
    requireReader(actor)
    const { t, key, rows } = await bidding.officerBids(actor, tenderId)
    const bids: ScoredBid[] = rows.map((r) => ({
      bidId: r.id,
      providerName: r.provider_name,
      submittedAt: r.submitted_at!,
      content: bidding.openContent(key, t, r),
    }))
    const consensus = new Map<string, Map<string, number>>()
    for (const c of await repos.evaluation.consensus(deps.db, tenderId)) {
      if (!consensus.has(c.bid_id)) consensus.set(c.bid_id, new Map())
      consensus.get(c.bid_id)!.set(c.question_id, c.score)
    }
    const benchmark = t.req.abnormallyLowBasis === 'framework-spot-rate' ? await reads.spotRateBenchmark(t.req) : null
    return scoreBids(t.req, t.questions, bids, consensus, benchmark)
  }

  return {
    results,

    async declareConflict(actor: Actor, tenderId: string, hasConflict: boolean, details: string): Promise<void> {
      requireNamedOfficer(actor, 'evaluate bids')
      const text = typeof details === 'string' ? details.trim() : ''
      if (typeof hasConflict !== 'boolean')
        throw new UserInputError('Say whether you have a conflict of interest', { field: 'hasConflict' })
      if (hasConflict && !text) throw new UserInputError('Describe the conflict of interest', { field: 'details' })
      if (text.length > MAX_RATIONALE) throw new UserInputError('The details must be 5,000 characters or fewer', { field: 'details' })
      await ctx.visible(deps.db, actor, tenderId)
      await ctx.run(async (tx) => {
        const t = (await ctx.load(tx, tenderId))!
        requireStatus(t, ['opened'], 'Conflicts of interest are declared once the bids are opened and before moderation')
        const before = await repos.evaluation.findEvaluator(tx, tenderId, actor.userId)
        if (before?.submitted_at)
          throw new UserInputError('You have submitted your scores; your declaration can no longer change', { field: 'hasConflict' })
        // A declared conflict bars the evaluator: any scores already saved go (they stay in the history).
        if (hasConflict) await repos.evaluation.deleteScores(tx, tenderId, actor.userId)
        const row = {
          tender_id: tenderId,
          user_id: actor.userId,
          user_name: actor.label,
          has_conflict: hasConflict ? 1 : 0,
          conflict_details: text,
          declared_at: now().toISOString(),
          submitted_at: null,
        }
        await repos.evaluation.upsertEvaluator(tx, row)
        await ctx.record(tx, actor, {
          action: 'declare-conflict',
          entityType: 'tender',
          entityId: tenderId,
          before: before ? { hasConflict: before.has_conflict === 1, details: before.conflict_details } : null,
          after: { hasConflict, details: text },
        })
      })
    },

    async evaluation(actor: Actor, tenderId: string): Promise<EvaluationState> {
      requireReader(actor)
      const t = await ctx.visible(deps.db, actor, tenderId)
      const declared = await repos.evaluation.evaluators(deps.db, tenderId)
      const council = await repos.tenders.councilEvaluators(deps.db)
      const evaluators: EvaluationState['evaluators'] = declared.map((e) => ({
        userId: e.user_id,
        name: e.user_name,
        conflict: e.has_conflict ? 'declared' : 'none',
        submitted: e.submitted_at !== null,
      }))
      for (const u of council) {
        if (!declared.some((e) => e.user_id === u.id))
          evaluators.push({ userId: u.id, name: u.display_name, conflict: 'not-yet-declared', submitted: false })
      }
      const scores = await repos.evaluation.scores(deps.db, tenderId)
      const mine = actor.userId ? scores.filter((s) => s.user_id === actor.userId) : []
      const names = new Map(declared.map((e) => [e.user_id, e.user_name]))
      const opened = ['opened', 'moderated', 'award-proposed', 'standstill', 'concluded'].includes(t.row.status)
      return {
        evaluators,
        myScores: mine.map((s) => ({ bidId: s.bid_id, questionId: s.question_id, score: s.score, rationale: s.rationale })),
        allScores:
          opened && allSubmitted(declared)
            ? scores.map((s) => ({
                bidId: s.bid_id,
                questionId: s.question_id,
                score: s.score,
                rationale: s.rationale,
                evaluatorName: names.get(s.user_id) ?? s.user_id,
              }))
            : null,
        consensus: (await repos.evaluation.consensus(deps.db, tenderId)).map((c) => ({
          bidId: c.bid_id,
          questionId: c.question_id,
          score: c.score,
          rationale: c.rationale,
          moderatedBy: c.moderated_by,
          moderatedAt: c.moderated_at,
        })),
      }
    },

    /** Saves some of the evaluator's scores. After submitting, or once a score is moderated, a change needs a reason. */
    async saveScores(actor: Actor, tenderId: string, scores: ScoreInput[], changeReason?: string): Promise<void> {
      requireNamedOfficer(actor, 'evaluate bids')
      await ctx.visible(deps.db, actor, tenderId)
      await ctx.run(async (tx) => {
        const t = (await ctx.load(tx, tenderId))!
        requireStatus(t, ['opened', 'moderated', 'award-proposed'], 'Scores can be changed only between opening and the award decision')
        const me = await repos.evaluation.findEvaluator(tx, tenderId, actor.userId)
        if (!me) throw new UserInputError('Declare whether you have a conflict of interest before you score', { field: 'hasConflict' })
        if (me.has_conflict) throw new TenderForbiddenError('score this tender: you declared a conflict of interest')
        const checked = checkScores(t, await submittedBidIds(tx, tenderId), scores)
        const existing = new Map(
          (await repos.evaluation.scores(tx, tenderId, actor.userId)).map((s) => [`${s.bid_id}/${s.question_id}`, s]),
        )
        const moderated = new Set((await repos.evaluation.consensus(tx, tenderId)).map((c) => `${c.bid_id}/${c.question_id}`))
        const reason = changeReasonOf(changeReason)
        const at = now().toISOString()
        const changed = checked.filter((s) => {
          const old = existing.get(`${s.bidId}/${s.questionId}`)
          return !old || old.score !== s.score || old.rationale !== s.rationale
        })
        for (const s of changed) {
          const key = `${s.bidId}/${s.questionId}`
          if (existing.has(key) && (me.submitted_at !== null || moderated.has(key)) && !reason) {
            throw new UserInputError(
              moderated.has(key)
                ? 'This score has been moderated; give a reason for changing it'
                : 'You have submitted your scores; give a reason for changing one',
              { field: 'changeReason' },
            )
          }
          if (!existing.has(key) && me.submitted_at !== null && !reason)
            throw new UserInputError('You have submitted your scores; give a reason for adding one', { field: 'changeReason' })
          await repos.evaluation.upsertScore(tx, {
            tender_id: tenderId,
            user_id: actor.userId,
            bid_id: s.bidId,
            question_id: s.questionId,
            score: s.score,
            rationale: s.rationale,
            updated_at: at,
          })
          await repos.evaluation.addHistory(tx, {
            id: randomUUID(),
            tender_id: tenderId,
            bid_id: s.bidId,
            question_id: s.questionId,
            kind: 'evaluator',
            user_id: actor.userId,
            user_name: actor.label,
            score: s.score,
            rationale: s.rationale,
            reason: existing.has(key) ? reason : null,
            at,
          })
        }
        if (changed.length === 0) return
        await ctx.record(tx, actor, {
          action: 'score',
          entityType: 'tender',
          entityId: tenderId,
          after: { scores: changed.map(({ bidId, questionId, score }) => ({ bidId, questionId, score })), reason },
        })
      })
    },

    async submitScores(actor: Actor, tenderId: string): Promise<void> {
      requireNamedOfficer(actor, 'evaluate bids')
      await ctx.visible(deps.db, actor, tenderId)
      await ctx.run(async (tx) => {
        const t = (await ctx.load(tx, tenderId))!
        requireStatus(t, ['opened'], 'Scores are submitted between opening and moderation')
        const me = await repos.evaluation.findEvaluator(tx, tenderId, actor.userId)
        if (!me) throw new UserInputError('Declare whether you have a conflict of interest before you score', { field: 'hasConflict' })
        if (me.has_conflict) throw new TenderForbiddenError('score this tender: you declared a conflict of interest')
        if (me.submitted_at) return
        const mine = new Set((await repos.evaluation.scores(tx, tenderId, actor.userId)).map((s) => `${s.bid_id}/${s.question_id}`))
        for (const bidId of await submittedBidIds(tx, tenderId)) {
          for (const q of t.questions) {
            if (!mine.has(`${bidId}/${q.id}`))
              throw new UserInputError(`Score question ${q.number} of every bid before you submit`, { field: scoreField(bidId, q.id) })
          }
        }
        const at = now().toISOString()
        await repos.evaluation.markSubmitted(tx, tenderId, actor.userId, at)
        await ctx.record(tx, actor, { action: 'submit-scores', entityType: 'tender', entityId: tenderId, after: { submittedAt: at } })
        const evaluators = await repos.evaluation.evaluators(tx, tenderId)
        if (allSubmitted(evaluators))
          await ctx.event(tx, tenderId, `Every evaluator has submitted scores (${panel(evaluators).length})`, actor)
      })
    },

    async moderate(actor: Actor, tenderId: string, consensus: ScoreInput[], changeReason?: string): Promise<void> {
      requireNamedOfficer(actor, 'moderate scores')
      await ctx.visible(deps.db, actor, tenderId)
      await ctx.run(async (tx) => {
        const t = (await ctx.load(tx, tenderId))!
        requireStatus(t, ['opened', 'moderated', 'award-proposed'], 'Scores can be moderated only between opening and the award decision')
        if (!allSubmitted(await repos.evaluation.evaluators(tx, tenderId))) {
          throw new UserInputError('Every evaluator who declared no conflict must submit their scores before moderation', { field: 'form' })
        }
        const bidIds = await submittedBidIds(tx, tenderId)
        const checked = checkScores(t, bidIds, consensus)
        const existing = new Map((await repos.evaluation.consensus(tx, tenderId)).map((c) => [`${c.bid_id}/${c.question_id}`, c]))
        const reason = changeReasonOf(changeReason)
        const at = now().toISOString()
        const changed = checked.filter((s) => {
          const old = existing.get(`${s.bidId}/${s.questionId}`)
          return !old || old.score !== s.score || old.rationale !== s.rationale
        })
        if (changed.some((s) => existing.has(`${s.bidId}/${s.questionId}`)) && !reason) {
          throw new UserInputError('Give a reason for changing a moderated score', { field: 'changeReason' })
        }
        for (const s of changed) {
          await repos.evaluation.upsertConsensus(tx, {
            tender_id: tenderId,
            bid_id: s.bidId,
            question_id: s.questionId,
            score: s.score,
            rationale: s.rationale,
            moderated_by: actor.label,
            moderated_at: at,
          })
          await repos.evaluation.addHistory(tx, {
            id: randomUUID(),
            tender_id: tenderId,
            bid_id: s.bidId,
            question_id: s.questionId,
            kind: 'consensus',
            user_id: actor.userId,
            user_name: actor.label,
            score: s.score,
            rationale: s.rationale,
            reason: existing.has(`${s.bidId}/${s.questionId}`) ? reason : null,
            at,
          })
        }
        if (changed.length === 0) return
        await ctx.record(tx, actor, {
          action: 'moderate',
          entityType: 'tender',
          entityId: tenderId,
          after: { consensus: changed.map(({ bidId, questionId, score }) => ({ bidId, questionId, score })), reason },
        })
        const done = new Set([...existing.keys(), ...changed.map((s) => `${s.bidId}/${s.questionId}`)])
        const complete = bidIds.every((b) => t.questions.every((q) => done.has(`${b}/${q.id}`)))
        if (t.row.status === 'award-proposed') {
          // The award was made on scores that have now changed: it must be proposed again.
          await repos.awards.remove(tx, tenderId)
          await repos.tenders.update(tx, tenderId, { status: 'moderated', updated_at: at })
          await ctx.record(tx, actor, {
            action: 'status',
            entityType: 'tender',
            entityId: tenderId,
            before: { status: 'award-proposed' },
            after: { status: 'moderated', reason },
          })
          await ctx.event(tx, tenderId, 'Moderation changed: the award must be proposed again', actor)
        } else if (t.row.status === 'opened' && complete) {
          await repos.tenders.update(tx, tenderId, { status: 'moderated', updated_at: at })
          await ctx.record(tx, actor, {
            action: 'status',
            entityType: 'tender',
            entityId: tenderId,
            before: { status: 'opened' },
            after: { status: 'moderated' },
          })
          await ctx.event(tx, tenderId, 'Moderated: every consensus score recorded', actor)
        } else if (t.row.status === 'moderated' && reason) {
          await ctx.event(tx, tenderId, 'Moderated score changed', actor)
        }
      })
    },

    /** Every score ever saved, for the record (council readers; only once every evaluator has submitted). */
    async scoreHistory(actor: Actor, tenderId: string) {
      requireReader(actor)
      await ctx.visible(deps.db, actor, tenderId)
      if (!allSubmitted(await repos.evaluation.evaluators(deps.db, tenderId))) return []
      return (await repos.evaluation.history(deps.db, tenderId)).map((h) => ({
        bidId: h.bid_id,
        questionId: h.question_id,
        kind: h.kind,
        by: h.user_name,
        score: h.score,
        rationale: h.rationale,
        reason: h.reason,
        at: h.at,
      }))
    },
  }
}
