/**
 * Scoring: each evaluator scores every bid against every question, 0–5 with a rationale, alone;
 * then the moderator records a consensus. Field ids: `score-<bidId>-<questionId>` and
 * `rationale-<bidId>-<questionId>` on both pages.
 */
import { formErrors, type FormResult } from '../../platform/web/formErrors.js'
import { one, type RawFields } from '../../market/web/query.js'
import type { BidView, EvaluationState, Question, ScoreInput } from '../tenderApi.js'
import { rationaleField, scoreField } from './fields.js'
import { paragraphsHtml } from './status.js'

export const SCORES = [0, 1, 2, 3, 4, 5] as const

/** What a score means when the question publishes no descriptors of its own. */
export const DEFAULT_DESCRIPTORS = [
  'Unacceptable: no answer, or one that does not meet the requirement',
  'Poor: major gaps or weaknesses',
  'Weak: meets some of the requirement, with weaknesses',
  'Satisfactory: meets the requirement',
  'Good: meets the requirement well, with some strengths',
  'Excellent: fully meets the requirement, with clear strengths and evidence',
]

export const descriptorsOf = (q: Pick<Question, 'descriptors'>): readonly string[] => q.descriptors ?? DEFAULT_DESCRIPTORS

type Cell = { bidId: string; questionId: string }
const key = (c: Cell) => `${c.bidId}|${c.questionId}`

/** Scores in a form, read back: blank rows are skipped; a rationale without a score, or a score that is not 0–5, is a problem. */
export function parseScoreRows(
  body: RawFields,
  bids: Pick<BidView, 'id' | 'providerName'>[],
  questions: Pick<Question, 'id' | 'number'>[],
  opts: { rationaleRequired: boolean },
): FormResult<ScoreInput[]> {
  const problems: { field: string; message: string }[] = []
  const scores: ScoreInput[] = []
  for (const b of bids)
    for (const q of questions) {
      const scoreText = one(body, scoreField(b.id, q.id))
      const rationale = one(body, rationaleField(b.id, q.id))
      const where = `${b.providerName}, question ${q.number}`
      if (scoreText === '' && rationale === '') continue
      if (scoreText === '') {
        problems.push({ field: scoreField(b.id, q.id), message: `Select a score for ${where}` })
        continue
      }
      if (!/^[0-5]$/.test(scoreText)) {
        problems.push({ field: scoreField(b.id, q.id), message: `The score for ${where} must be from 0 to 5` })
        continue
      }
      if (opts.rationaleRequired && rationale === '') {
        problems.push({ field: rationaleField(b.id, q.id), message: `Give the reason for the score for ${where}` })
        continue
      }
      scores.push({ bidId: b.id, questionId: q.id, score: Number(scoreText), rationale })
    }
  return problems.length ? { ok: false, errors: formErrors(problems) } : { ok: true, data: scores }
}

/** One question's scoring controls for one bid. */
function scoreControl(
  b: Pick<BidView, 'id' | 'providerName' | 'answers'>,
  q: Question,
  value: { score: string; rationale: string } | undefined,
  errors: Record<string, { text: string }>,
) {
  const descriptors = descriptorsOf(q)
  return {
    number: q.number,
    title: q.title,
    weight: q.weight,
    minimumScore: q.minimumScore,
    answerHtml: paragraphsHtml(b.answers.find((a) => a.questionId === q.id)?.text ?? ''),
    scoreId: scoreField(b.id, q.id),
    rationaleId: rationaleField(b.id, q.id),
    legend: `Score for question ${q.number}: ${q.title}`,
    items: SCORES.map((s) => ({
      value: String(s),
      text: String(s),
      hint: { text: descriptors[s] ?? '' },
      checked: value?.score === String(s),
    })),
    rationale: value?.rationale ?? '',
    scoreError: errors[scoreField(b.id, q.id)],
    rationaleError: errors[rationaleField(b.id, q.id)],
  }
}

/** The values to show: a resubmitted form's, else the saved scores. */
export function valuesFrom(saved: ScoreInput[], body: RawFields | null, bids: { id: string }[], questions: { id: string }[]) {
  const values = new Map<string, { score: string; rationale: string }>()
  for (const s of saved) values.set(key(s), { score: String(s.score), rationale: s.rationale })
  if (body)
    for (const b of bids)
      for (const q of questions)
        values.set(key({ bidId: b.id, questionId: q.id }), {
          score: one(body, scoreField(b.id, q.id)),
          rationale: one(body, rationaleField(b.id, q.id)),
        })
  return values
}

export type Stage = 'declare' | 'conflicted' | 'score' | 'submitted'

/** The evaluator's page: declare first; then score; once submitted, read-only, with others' scores once all are in. */
export function evaluationView(opts: {
  me: string | null
  state: EvaluationState
  bids: BidView[]
  questions: Question[]
  body: RawFields | null
  errors: Record<string, { text: string }>
}) {
  const { state, bids, questions } = opts
  const mine = state.evaluators.find((e) => e.userId === opts.me)
  const conflict = mine?.conflict ?? 'not-yet-declared'
  const stage: Stage =
    conflict === 'not-yet-declared' ? 'declare' : conflict === 'declared' ? 'conflicted' : mine?.submitted ? 'submitted' : 'score'
  const values = valuesFrom(state.myScores, opts.body, bids, questions)
  const scored = state.myScores.length
  return {
    stage,
    progress: `${scored} of ${bids.length * questions.length} scores saved`,
    evaluators: {
      head: [{ text: 'Evaluator' }, { text: 'Conflict of interest' }, { text: 'Scores' }],
      rows: state.evaluators.map((e) => [
        { text: e.name },
        { text: e.conflict === 'none' ? 'None declared' : e.conflict === 'declared' ? 'Declared: not scoring' : 'Not yet declared' },
        { text: e.submitted ? 'Submitted' : 'Not submitted' },
      ]),
    },
    bids: bids.map((b) => ({
      id: b.id,
      providerName: b.providerName,
      questions: questions.map((q) => scoreControl(b, q, values.get(key({ bidId: b.id, questionId: q.id })), opts.errors)),
    })),
    myScores: scoreTable(state.myScores, bids, questions),
    allScores: state.allScores ? allScoresTable(state.allScores, bids, questions) : null,
  }
}

const providerOf = (bids: Pick<BidView, 'id' | 'providerName'>[], id: string) => bids.find((b) => b.id === id)?.providerName ?? id
const questionOf = (questions: Question[], id: string) => {
  const q = questions.find((x) => x.id === id)
  return q ? `${q.number}. ${q.title}` : id
}

export function scoreTable(scores: ScoreInput[], bids: Pick<BidView, 'id' | 'providerName'>[], questions: Question[]) {
  return {
    head: [{ text: 'Provider' }, { text: 'Question' }, { text: 'Score', format: 'numeric' }, { text: 'Reason' }],
    rows: scores.map((s) => [
      { text: providerOf(bids, s.bidId) },
      { text: questionOf(questions, s.questionId) },
      { text: String(s.score), format: 'numeric' },
      { text: s.rationale },
    ]),
  }
}

export function allScoresTable(
  scores: (ScoreInput & { evaluatorName: string })[],
  bids: Pick<BidView, 'id' | 'providerName'>[],
  questions: Question[],
) {
  const order = (s: ScoreInput) => [bids.findIndex((b) => b.id === s.bidId), questions.findIndex((q) => q.id === s.questionId)] as const
  const sorted = [...scores].sort(
    (a, b) => order(a)[0] - order(b)[0] || order(a)[1] - order(b)[1] || a.evaluatorName.localeCompare(b.evaluatorName),
  )
  return {
    head: [{ text: 'Provider' }, { text: 'Question' }, { text: 'Evaluator' }, { text: 'Score', format: 'numeric' }, { text: 'Reason' }],
    rows: sorted.map((s) => [
      { text: providerOf(bids, s.bidId) },
      { text: questionOf(questions, s.questionId) },
      { text: s.evaluatorName },
      { text: String(s.score), format: 'numeric' },
      { text: s.rationale },
    ]),
  }
}

/** The moderation page: per bid and question, each evaluator's score and the consensus to record. */
export function moderationView(opts: {
  state: EvaluationState
  bids: BidView[]
  questions: Question[]
  body: RawFields | null
  errors: Record<string, { text: string }>
}) {
  const { state, bids, questions } = opts
  const values = valuesFrom(state.consensus, opts.body, bids, questions)
  const moderated = state.consensus.length > 0
  const waitingFor = state.evaluators.filter((e) => e.conflict !== 'declared' && !e.submitted).map((e) => e.name)
  return {
    ready: state.allScores !== null,
    waitingText: `Waiting for every evaluator to submit their scores${waitingFor.length ? `: ${waitingFor.join(', ')}` : ''}.`,
    moderated,
    complete: state.consensus.length >= bids.length * questions.length,
    bids: bids.map((b) => ({
      id: b.id,
      providerName: b.providerName,
      questions: questions.map((q) => {
        const c = scoreControl(b, q, values.get(key({ bidId: b.id, questionId: q.id })), opts.errors)
        const recorded = state.consensus.find((s) => s.bidId === b.id && s.questionId === q.id)
        return {
          ...c,
          legend: `Consensus score for question ${q.number}: ${q.title}`,
          recorded: recorded ? `${recorded.score}, recorded by ${recorded.moderatedBy}` : null,
          evaluatorScores: {
            head: [{ text: 'Evaluator' }, { text: 'Score', format: 'numeric' }, { text: 'Reason' }],
            rows: (state.allScores ?? [])
              .filter((s) => s.bidId === b.id && s.questionId === q.id)
              .map((s) => [{ text: s.evaluatorName }, { text: String(s.score), format: 'numeric' }, { text: s.rationale }]),
          },
        }
      }),
    })),
  }
}

/**
 * The consensus to send: the rows filled in that are new or changed (a partial moderation is
 * kept). Changing a consensus already recorded needs a reason, which the audit trail keeps.
 */
export function parseModerationForm(
  body: RawFields,
  bids: Pick<BidView, 'id' | 'providerName'>[],
  questions: Pick<Question, 'id' | 'number'>[],
  existing: ScoreInput[],
): FormResult<{ consensus: ScoreInput[]; changeReason?: string }> {
  const rows = parseScoreRows(body, bids, questions, { rationaleRequired: true })
  if (!rows.ok) return rows
  if (rows.data.length === 0 && existing.length === 0) {
    const b = bids[0]
    const q = questions[0]
    return {
      ok: false,
      errors: formErrors([
        { field: b && q ? scoreField(b.id, q.id) : 'changeReason', message: 'Select a consensus score for at least one question' },
      ]),
    }
  }
  const before = (s: ScoreInput) => existing.find((e) => e.bidId === s.bidId && e.questionId === s.questionId)
  const changed = rows.data.filter((s) => {
    const b = before(s)
    return !b || b.score !== s.score || b.rationale !== s.rationale
  })
  const changeReason = one(body, 'changeReason')
  if (changed.some((s) => before(s)) && !changeReason)
    return { ok: false, errors: formErrors([{ field: 'changeReason', message: 'Give the reason for changing a moderated score' }]) }
  return { ok: true, data: { consensus: changed, ...(changeReason ? { changeReason } : {}) } }
}
