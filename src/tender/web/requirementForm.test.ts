import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  dateErrorFlags,
  newRequirementValues,
  parseRequirementForm,
  requirementFormChoices,
  requirementValuesOf,
  type LotOption,
} from './requirementForm.js'
import { sampleTender } from './testFixtures.js'

const lots: LotOption[] = [
  { id: 'l1', number: 1, name: 'Planned and same-day residential', framework_id: 'f1', framework_name: 'Consortium' },
  { id: 'l2', number: 2, name: 'Crisis care', framework_id: 'f1', framework_name: 'Consortium' },
  { id: 'x1', number: 1, name: 'Other', framework_id: 'f2', framework_name: 'Another framework' },
]

const body = (changes: Record<string, string | string[]> = {}) => ({
  title: 'Block contract for 3 to 6 beds',
  description: 'Beds near Southampton',
  lotIds: ['l1', 'l2'],
  bedsMin: '3',
  bedsMax: '6',
  areaPostcode: 'so14 7du',
  areaMiles: '20',
  needs: 'challenging-behaviour',
  ageMin: '11',
  ageMax: '17',
  'startDate-day': '1',
  'startDate-month': '9',
  'startDate-year': '2026',
  termYears: '3',
  extensionYears: '2',
  pricePercent: '40',
  priceMethod: 'per-bed-week',
  awardRule: 'optimal',
  maxProviders: '2',
  budgetPencePerWeek: '£25,000',
  excludedJudgements: ['Inadequate', 'Requires improvement to be good'],
  abnormallyLowPercent: '70',
  abnormallyLowBasis: 'median-of-bids',
  'clarificationDeadline-day': '1',
  'clarificationDeadline-month': '6',
  'clarificationDeadline-year': '2026',
  'clarificationDeadline-time': '17:00',
  'submissionDeadline-day': '15',
  'submissionDeadline-month': '6',
  'submissionDeadline-year': '2026',
  'submissionDeadline-time': '12:00',
  'evaluationEndDate-day': '30',
  'evaluationEndDate-month': '6',
  'evaluationEndDate-year': '2026',
  'question-1-title': 'Staffing',
  'question-1-guidance': 'How you staff the home',
  'question-1-weight': '35',
  'question-1-minimumScore': '2',
  'question-1-kind': 'quality',
  'question-2-title': 'Local employment',
  'question-2-weight': '25',
  'question-2-kind': 'social-value',
  'question-3-kind': 'quality', // a blank row keeps its radio's default: still blank
  ...changes,
})

test('a good requirement becomes the service’s input: pence, UK deadlines in UTC, blank question rows left out', () => {
  const r = parseRequirementForm(body(), lots)
  assert.ok(r.ok, JSON.stringify(!r.ok && r.errors))
  assert.equal(r.data.frameworkId, 'f1', 'the framework is the chosen lots’ framework')
  assert.equal(r.data.budgetPencePerWeek, 2_500_000)
  assert.equal(r.data.areaPostcode, 'SO14 7DU')
  assert.deepEqual(r.data.needs, ['challenging-behaviour'])
  assert.equal(r.data.startDate, '2026-09-01')
  assert.equal(r.data.clarificationDeadline, '2026-06-01T16:00:00.000Z', '17:00 British Summer Time')
  assert.equal(r.data.submissionDeadline, '2026-06-15T11:00:00.000Z')
  assert.equal(r.data.fillToMax, false)
  assert.deepEqual(
    r.data.questions.map((q) => [q.title, q.weight, q.minimumScore, q.kind, q.descriptors]),
    [
      ['Staffing', 35, 2, 'quality', undefined],
      ['Local employment', 25, 0, 'social-value', undefined],
    ],
  )
})

test('every bad control is named in page order; dates link to their day box, times to their own box', () => {
  const r = parseRequirementForm(
    body({
      title: '',
      lotIds: ['l1', 'x1'],
      bedsMin: 'three',
      bedsMax: '2',
      'startDate-day': '31',
      'startDate-month': '2',
      budgetPencePerWeek: 'lots',
      'submissionDeadline-time': 'noon',
      'question-2-weight': '',
    }),
    lots,
  )
  assert.equal(r.ok, false)
  if (r.ok) return
  assert.deepEqual(
    r.errors.list.map((e) => e.href),
    ['#title', '#lotIds', '#bedsMin', '#startDate-day', '#budgetPencePerWeek', '#submissionDeadline-time', '#question-2-weight'],
  )
  assert.equal(r.errors.byField.lotIds?.text, 'Select lots from one framework only')
  assert.equal(r.errors.byField['question-2-weight']?.text, 'Enter the weighting of question 2')
})

test('weightings must add to 100, at least one question is needed, and descriptors come all or none', () => {
  const sum = parseRequirementForm(body({ pricePercent: '50' }), lots)
  assert.ok(!sum.ok && sum.errors.byField.pricePercent?.text.includes('they add up to 110'))
  const none = parseRequirementForm(
    body({
      'question-1-title': '',
      'question-1-guidance': '',
      'question-1-weight': '',
      'question-1-minimumScore': '',
      'question-2-title': '',
      'question-2-weight': '',
    }),
    lots,
  )
  assert.ok(!none.ok && none.errors.byField['question-1-title']?.text === 'Add at least one quality question')
  const some = parseRequirementForm(body({ 'question-1-descriptor-0': 'Nothing', 'question-1-descriptor-1': 'Poor' }), lots)
  assert.ok(!some.ok && some.errors.list[0]?.href === '#question-1-descriptor-2')
  const all = parseRequirementForm(
    body(Object.fromEntries([0, 1, 2, 3, 4, 5].map((s) => [`question-1-descriptor-${s}`, `Score ${s}`]))),
    lots,
  )
  assert.ok(all.ok && all.data.questions[0]?.descriptors?.[5] === 'Score 5')
})

test('the clarification deadline must come before the bid deadline', () => {
  const r = parseRequirementForm(body({ 'clarificationDeadline-day': '20' }), lots)
  assert.ok(!r.ok && r.errors.list[0]?.href === '#clarificationDeadline-day')
})

test('a requirement fills the form back, in pounds and UK time, and its choices are marked', () => {
  const v = requirementValuesOf(sampleTender())
  assert.equal(v.budgetPencePerWeek, '25000.00')
  assert.deepEqual(v.submissionDeadline, { date: { day: '15', month: '6', year: '2026' }, time: '12:00' })
  assert.equal(v.questions.length, 5, 'blank rows to add more questions')
  assert.equal(v.questions[1]?.kind, 'social-value')
  const c = requirementFormChoices(v, lots, dateErrorFlags({ 'startDate-day': { text: 'x' } }))
  assert.deepEqual(
    c.lots.filter((l) => l.checked).map((l) => l.value),
    ['l1'],
  )
  assert.ok(c.lots[0]?.hint, 'with two frameworks, each lot says which')
  assert.equal(c.awardRule.find((o) => o.checked)?.value, 'optimal')
  assert.match(c.dates.startDate[0]!.classes, /govuk-input--error/)
  assert.equal(c.questions[0]?.ids.weight, 'question-1-weight')
  assert.equal(newRequirementValues().excludedJudgements[0], 'Inadequate')
})
