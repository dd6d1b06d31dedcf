/**
 * Clarification questions: a provider asks, an officer answers, and the answer is published to
 * every invitee without saying who asked. A provider sees published answers and its own questions.
 */
import { randomUUID } from 'node:crypto'
import type { Actor } from '../../platform/auth/actor.js'
import { UserInputError } from '../../platform/errors.js'
import { isProviderUser, requireOfficer, requireProvider } from '../domain/access.js'
import { deadlineText } from '../domain/dates.js'
import type { Clarification } from '../tenderApi.js'
import type { TenderContext } from './context.js'

function text(value: unknown, field: string, what: string, max: number): string {
  const t = typeof value === 'string' ? value.trim() : ''
  if (!t) throw new UserInputError(`Enter ${what}`, { field })
  if (t.length > max)
    throw new UserInputError(`${what[0]!.toUpperCase()}${what.slice(1)} must be ${max.toLocaleString('en-GB')} characters or fewer`, {
      field,
    })
  return t
}

export function createClarificationPart(ctx: TenderContext) {
  const { repos, deps, now } = ctx
  return {
    async askClarification(actor: Actor, tenderId: string, question: string): Promise<string> {
      requireProvider(actor)
      const q = text(question, 'question', 'your question', 5000)
      await ctx.visible(deps.db, actor, tenderId)
      return ctx.run(async (tx) => {
        const t = (await ctx.visible(tx, actor, tenderId))!
        if (ctx.statusOf(t.row) !== 'open') throw new UserInputError('This tender is not open for questions', { field: 'question' })
        if (now().toISOString() >= t.req.clarificationDeadline) {
          throw new UserInputError(`The deadline for questions was ${deadlineText(t.req.clarificationDeadline)}`, { field: 'question' })
        }
        const id = randomUUID()
        await repos.clarifications.insert(tx, {
          id,
          tender_id: tenderId,
          provider_id: actor.providerId,
          question: q,
          asked_at: now().toISOString(),
          answer: null,
          answered_at: null,
          answered_by: null,
        })
        await ctx.record(tx, actor, {
          action: 'ask',
          entityType: 'tender_clarification',
          entityId: id,
          after: { tenderId, providerId: actor.providerId, question: q },
        })
        return id
      })
    },

    async answerClarification(actor: Actor, tenderId: string, clarificationId: string, answer: string): Promise<void> {
      requireOfficer(actor, 'answer clarifications')
      const a = text(answer, 'answer', 'the answer', 10_000)
      await ctx.visible(deps.db, actor, tenderId)
      await ctx.run(async (tx) => {
        const t = (await ctx.load(tx, tenderId))!
        if (ctx.statusOf(t.row) !== 'open')
          throw new UserInputError('Clarifications can only be answered while the tender is open for bids', { field: 'answer' })
        const c = await repos.clarifications.find(tx, tenderId, clarificationId)
        if (!c) throw new UserInputError('No such question on this tender', { field: 'answer' })
        await repos.clarifications.answer(tx, clarificationId, a, now().toISOString(), actor.label)
        await ctx.record(tx, actor, {
          action: c.answer === null ? 'answer' : 'change-answer',
          entityType: 'tender_clarification',
          entityId: clarificationId,
          before: { answer: c.answer },
          after: { answer: a },
        })
        await ctx.event(tx, tenderId, c.answer === null ? 'Clarification published' : 'Clarification answer changed', actor)
        const invited = (await repos.tenders.invitations(tx, tenderId)).map((i) => i.provider_id)
        await ctx.tell(tx, invited, {
          subject: `Clarification published: ${t.row.title} (${t.row.reference})`,
          body: `The council has published an answer to a clarification question for "${t.row.title}". Every invited provider sees the same question and answer.\n\nQuestion: ${c.question}\n\nAnswer: ${a}`,
          purpose: 'tender-clarification',
          relatedId: tenderId,
        })
      })
    },

    async clarifications(actor: Actor, tenderId: string): Promise<Clarification[]> {
      await ctx.visible(deps.db, actor, tenderId)
      const rows = await repos.clarifications.list(deps.db, tenderId)
      if (!isProviderUser(actor)) {
        return rows.map((c) => ({
          id: c.id,
          question: c.question,
          answer: c.answer,
          askedAt: c.asked_at,
          answeredAt: c.answered_at,
          askedByProviderName: c.provider_name,
          mine: false,
        }))
      }
      return rows
        .filter((c) => c.answer !== null || c.provider_id === actor.providerId)
        .map((c) => ({
          id: c.id,
          question: c.question,
          answer: c.answer,
          askedAt: c.asked_at,
          answeredAt: c.answered_at,
          askedByProviderName: null,
          mine: c.provider_id === actor.providerId,
        }))
    },
  }
}
