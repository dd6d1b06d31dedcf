import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { EvaluationState } from '../tenderApi.js'
import { evaluationView, moderationView, parseModerationForm, parseScoreRows } from './scoring.js'
import { sampleBid, sampleTender } from './testFixtures.js'

const t = sampleTender({ status: 'opened' })
const bids = [sampleBid(), sampleBid({ id: 'b2', providerName: 'Seaside Homes' })]
const state = (changes: Partial<EvaluationState> = {}): EvaluationState => ({
  evaluators: [
    { userId: 'u1', name: 'Chris', conflict: 'none', submitted: false },
    { userId: 'u2', name: 'Hari', conflict: 'not-yet-declared', submitted: false },
  ],
  myScores: [{ bidId: 'b1', questionId: 'q1', score: 4, rationale: 'Strong' }],
  allScores: null,
  consensus: [],
  ...changes,
})

test('score rows: blank ones are skipped; a reason without a score, a score out of range, or no reason is named', () => {
  const ok = parseScoreRows({ 'score-b1-q1': '4', 'rationale-b1-q1': 'Strong' }, bids, t.questions, { rationaleRequired: true })
  assert.deepEqual(ok, { ok: true, data: [{ bidId: 'b1', questionId: 'q1', score: 4, rationale: 'Strong' }] })
  const bad = parseScoreRows(
    { 'rationale-b1-q1': 'Why', 'score-b1-q2': '7', 'rationale-b1-q2': 'x', 'score-b2-q1': '3' },
    bids,
    t.questions,
    { rationaleRequired: true },
  )
  assert.equal(bad.ok, false)
  if (bad.ok) return
  assert.deepEqual(
    bad.errors.list.map((e) => [e.href, e.text]),
    [
      ['#score-b1-q1', 'Select a score for Harbour Care Ltd, question 1'],
      ['#score-b1-q2', 'The score for Harbour Care Ltd, question 2 must be from 0 to 5'],
      ['#rationale-b2-q1', 'Give the reason for the score for Seaside Homes, question 1'],
    ],
  )
})

test('an evaluator declares first, then scores with saved values marked; a conflict bars scoring', () => {
  const base = { bids, questions: t.questions, body: null, errors: {} }
  assert.equal(evaluationView({ ...base, me: 'u2', state: state() }).stage, 'declare')
  assert.equal(evaluationView({ ...base, me: 'u9', state: state() }).stage, 'declare', 'someone not listed has not declared')
  const v = evaluationView({ ...base, me: 'u1', state: state() })
  assert.equal(v.stage, 'score')
  assert.equal(v.progress, '1 of 4 scores saved')
  const q1 = v.bids[0]!.questions[0]!
  assert.equal(q1.items.find((i) => i.checked)?.value, '4')
  assert.equal(q1.rationale, 'Strong')
  assert.match(q1.items[3]!.hint.text, /Satisfactory/, 'the standard descriptors when a question has none')
  assert.match(q1.answerHtml, /Two staff to each child.<br>Waking nights./)
  assert.equal(
    evaluationView({
      ...base,
      me: 'u1',
      state: state({ evaluators: [{ userId: 'u1', name: 'Chris', conflict: 'declared', submitted: false }] }),
    }).stage,
    'conflicted',
  )
  assert.equal(v.allScores, null, 'others’ scores stay hidden')
})

test('moderation shows every evaluator’s score per bid and question once all are in', () => {
  const all = state({
    allScores: [
      { bidId: 'b1', questionId: 'q1', score: 4, rationale: 'Strong', evaluatorName: 'Chris' },
      { bidId: 'b1', questionId: 'q1', score: 3, rationale: 'Fine', evaluatorName: 'Hari' },
    ],
  })
  const v = moderationView({ state: all, bids, questions: t.questions, body: null, errors: {} })
  assert.ok(v.ready)
  assert.deepEqual(
    v.bids[0]!.questions[0]!.evaluatorScores.rows.map((r) => [r[0]!.text, r[1]!.text]),
    [
      ['Chris', '4'],
      ['Hari', '3'],
    ],
  )
  assert.match(moderationView({ state: state(), bids, questions: t.questions, body: null, errors: {} }).waitingText, /Chris, Hari/)
})

test('a moderated score changed needs a reason; unchanged rows are not sent again', () => {
  const existing = [{ bidId: 'b1', questionId: 'q1', score: 4, rationale: 'Agreed' }]
  const same = parseModerationForm({ 'score-b1-q1': '4', 'rationale-b1-q1': 'Agreed' }, bids, t.questions, existing)
  assert.deepEqual(same, { ok: true, data: { consensus: [] } })
  const changed = parseModerationForm({ 'score-b1-q1': '3', 'rationale-b1-q1': 'Agreed' }, bids, t.questions, existing)
  assert.ok(!changed.ok && changed.errors.list[0]?.href === '#changeReason')
  const reasoned = parseModerationForm(
    { 'score-b1-q1': '3', 'rationale-b1-q1': 'Agreed', changeReason: 'Recheck' },
    bids,
    t.questions,
    existing,
  )
  assert.ok(reasoned.ok && reasoned.data.changeReason === 'Recheck' && reasoned.data.consensus.length === 1)
  const added = parseModerationForm({ 'score-b2-q1': '2', 'rationale-b2-q1': 'Thin' }, bids, t.questions, existing)
  assert.ok(added.ok && added.data.consensus[0]?.bidId === 'b2', 'a new row needs no reason')
  const empty = parseModerationForm({}, bids, t.questions, [])
  assert.ok(!empty.ok && empty.errors.list[0]?.href === '#score-b1-q1')
})
