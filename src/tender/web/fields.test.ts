import assert from 'node:assert/strict'
import { test } from 'node:test'
import { controlFor } from './fields.js'

test('a field the service names becomes the id of the control to fix', () => {
  assert.equal(controlFor('bedsMin'), 'bedsMin')
  assert.equal(controlFor('submissionDeadline'), 'submissionDeadline-day', 'a date links to its day box')
  assert.equal(controlFor('decidedOn'), 'decidedOn-day')
  assert.equal(controlFor('question-3-weight'), 'question-3-weight', 'the shared scheme passes through')
  assert.equal(controlFor('questions.2.weight'), 'question-3-weight', 'a zod path counts from 0, rows from 1')
  assert.equal(controlFor('questions'), 'question-1-title')
  assert.equal(controlFor('costBreakdown.therapy'), 'costBreakdown-therapy')
  assert.equal(controlFor('lines.1.beds', { homeIds: ['h1', 'h2'] }), 'line-h2')
  assert.equal(controlFor('answers', { questionIds: ['q1'] }), 'answer-q1')
  assert.equal(controlFor('form'), undefined, 'the whole form is no one control')
  assert.equal(controlFor(undefined), undefined)
})
