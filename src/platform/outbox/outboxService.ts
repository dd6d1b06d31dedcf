/**
 * The email outbox. A message is written by `enqueue` inside the transaction of the change that
 * causes it, so it exists if and only if that change committed; `deliverDue` sends it afterwards.
 *
 * At most once: a message is claimed (pending → sending) by a single compare-and-set before it is
 * handed to the mail server, so two workers never both send it, and each outcome is recorded in
 * its own small transaction. If the process dies between claiming and recording, nobody knows
 * whether the server took the message, so it is not retried: `abandonInterrupted` marks it
 * 'failed' for a person to check and `requeue`.
 */
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { Db } from '../db/database.js'
import { inTransaction } from '../db/transaction.js'
import { UserInputError } from '../errors.js'
import { exponentialBackoff, type Backoff } from './backoff.js'
import { createOutboxRepository, type OutboxFilter, type OutboxRow, type OutboxStatus } from './outboxRepository.js'
import type { MailTransport } from './transport.js'

export type OutboxMessageInput = {
  to: string
  subject: string
  /** Plain text. */
  body: string
  /** Why it is sent, e.g. 'tender-invitation'; for finding and reporting. */
  purpose: string
  /** The record it is about, e.g. a tender id. */
  relatedId?: string | null
}

export type OutboxMessage = {
  id: string
  to: string
  subject: string
  body: string
  createdAt: string
  status: OutboxStatus
  attempts: number
  nextAttemptAt: string
  lastError: string | null
  sentAt: string | null
  purpose: string
  relatedId: string | null
}

export type DeliveryReport = { sent: number; retrying: number; failed: number }

const MessageSchema = z.object({
  to: z.email('must be an email address'),
  subject: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(200)
    .refine((s) => !/[\r\n]/.test(s), 'must be one line'),
  body: z.string().min(1, 'must not be empty'),
  purpose: z.string().min(1, 'must not be empty'),
  relatedId: z.string().min(1).nullable().optional(),
})

function toMessage(r: OutboxRow): OutboxMessage {
  return {
    id: r.id,
    to: r.to_address,
    subject: r.subject,
    body: r.body_text,
    createdAt: r.created_at,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    sentAt: r.sent_at,
    purpose: r.purpose,
    relatedId: r.related_id,
  }
}

function describeError(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e)
  return message.slice(0, 1000)
}

export type OutboxServiceDeps = {
  db: Db
  transport: MailTransport
  now?: () => Date
  /** Attempts before a message is given up as 'failed'. */
  maxAttempts?: number
  backoff?: Backoff
}

export function createOutboxService({
  db,
  transport,
  now = () => new Date(),
  maxAttempts = 5,
  backoff = exponentialBackoff(),
}: OutboxServiceDeps) {
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError(`maxAttempts must be 1 or more; got ${maxAttempts}`)
  const repo = createOutboxRepository()
  const iso = () => now().toISOString()

  async function deliverOne(id: string): Promise<keyof DeliveryReport | null> {
    const row = await repo.claim(db, id, iso())
    if (!row) return null // another worker has it, or it is no longer due
    const attempts = row.attempts + 1
    try {
      await transport.send({ to: row.to_address, subject: row.subject, text: row.body_text })
    } catch (e) {
      const giveUp = attempts >= maxAttempts
      const next = giveUp ? null : new Date(now().getTime() + backoff(attempts)).toISOString()
      await inTransaction(db, (tx) => repo.markAttemptFailed(tx, id, attempts, describeError(e), next))
      return giveUp ? 'failed' : 'retrying'
    }
    await inTransaction(db, (tx) => repo.markSent(tx, id, iso(), attempts))
    return 'sent'
  }

  return {
    /** Writes a message inside the caller's transaction; returns its id. Refuses a bad address or subject. */
    async enqueue(tx: Db, message: OutboxMessageInput): Promise<string> {
      const parsed = MessageSchema.safeParse(message)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!
        const field = String(issue.path[0] ?? 'message')
        throw new UserInputError(`Email ${field} ${issue.message}`, { field })
      }
      const m = parsed.data
      const id = randomUUID()
      const at = iso()
      await repo.insert(tx, {
        id,
        to_address: m.to,
        subject: m.subject,
        body_text: m.body,
        created_at: at,
        status: 'pending',
        attempts: 0,
        next_attempt_at: at,
        claimed_at: null,
        last_error: null,
        sent_at: null,
        purpose: m.purpose,
        related_id: m.relatedId ?? null,
      })
      return id
    },

    /** Sends up to `limit` due messages, one at a time; failures are rescheduled with backoff. */
    async deliverDue(limit = 50): Promise<DeliveryReport> {
      const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 }
      for (const id of await repo.dueIds(db, iso(), limit)) {
        const outcome = await deliverOne(id)
        if (outcome) report[outcome]++
      }
      return report
    },

    async list(filter: OutboxFilter = {}): Promise<OutboxMessage[]> {
      return (await repo.list(db, filter)).map(toMessage)
    },

    /** Marks messages stuck in 'sending' for longer than `olderThanMs` (the sender died) as failed; returns how many. */
    abandonInterrupted(olderThanMs = 15 * 60_000): Promise<number> {
      const before = new Date(now().getTime() - olderThanMs).toISOString()
      return inTransaction(db, (tx) =>
        repo.abandon(tx, before, 'Interrupted while sending: it may or may not have been delivered. Check before requeueing.'),
      )
    },

    /** Puts a failed message back in the queue, with its attempts reset; false if it was not 'failed'. */
    requeue(id: string): Promise<boolean> {
      return inTransaction(db, (tx) => repo.requeue(tx, id, iso()))
    },
  }
}
export type OutboxService = ReturnType<typeof createOutboxService>
