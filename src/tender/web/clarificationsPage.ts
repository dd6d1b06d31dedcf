/** Clarification questions and answers: officers answer them; every invitee sees the answers, the asker unnamed. */
import { formErrors, type FormResult } from '../../platform/web/formErrors.js'
import { one, type RawFields } from '../../market/web/query.js'
import { tenderPaths } from '../paths.js'
import type { Clarification } from '../tenderApi.js'
import { formatDateTime } from './time.js'

export const clarificationAnswerField = (clarificationId: string) => `answer-${clarificationId}`

const ANSWERED = { text: 'Answered', classes: 'govuk-tag--green' }
const WAITING = { text: 'Waiting for an answer', classes: 'govuk-tag--yellow' }

export function officerClarificationsView(
  tenderId: string,
  list: Clarification[],
  canAnswer: boolean,
  drafts: Record<string, string> = {},
) {
  return {
    unanswered: list.filter((c) => c.answer === null).length,
    items: list.map((c, i) => ({
      id: c.id,
      number: i + 1,
      question: c.question,
      askedBy: c.askedByProviderName ?? 'A provider',
      askedAt: formatDateTime(c.askedAt),
      answer: c.answer,
      answeredAt: c.answeredAt ? formatDateTime(c.answeredAt) : null,
      tag: c.answer === null ? WAITING : ANSWERED,
      form:
        canAnswer && c.answer === null
          ? { action: tenderPaths.answer(tenderId, c.id), fieldId: clarificationAnswerField(c.id), value: drafts[c.id] ?? '' }
          : null,
    })),
  }
}

/** A provider's view: published answers, and its own questions marked as its own. */
export function providerClarificationsView(list: Clarification[]) {
  return list.map((c, i) => ({
    number: i + 1,
    question: c.question,
    mine: c.mine,
    askedAt: formatDateTime(c.askedAt),
    answer: c.answer,
    answeredAt: c.answeredAt ? formatDateTime(c.answeredAt) : null,
    tag: c.answer === null ? WAITING : ANSWERED,
  }))
}

export function parseAnswerForm(body: RawFields, clarificationId: string): FormResult<string> {
  const answer = one(body, 'answer')
  if (!answer) return { ok: false, errors: formErrors([{ field: clarificationAnswerField(clarificationId), message: 'Enter the answer' }]) }
  if (answer.length > 5000)
    return {
      ok: false,
      errors: formErrors([{ field: clarificationAnswerField(clarificationId), message: 'The answer must be 5,000 characters or fewer' }]),
    }
  return { ok: true, data: answer }
}

export function parseQuestionForm(body: RawFields): FormResult<string> {
  const question = one(body, 'question')
  if (!question) return { ok: false, errors: formErrors([{ field: 'question', message: 'Enter your question' }]) }
  if (question.length > 2000)
    return { ok: false, errors: formErrors([{ field: 'question', message: 'Your question must be 2,000 characters or fewer' }]) }
  return { ok: true, data: question }
}
