import assert from 'node:assert/strict'
import { after, before, beforeEach, test } from 'node:test'
import { sql } from 'kysely'
import { describeEachDialect } from '../../../test/support/databases.js'
import { inTransaction } from '../db/transaction.js'
import { UserInputError } from '../errors.js'
import { exponentialBackoff } from './backoff.js'
import { createOutboxService, type OutboxMessageInput } from './outboxService.js'
import { startLocalSmtpServer, type LocalSmtpServer } from './testing/localSmtpServer.js'
import { createSmtpTransport, type MailTransport } from './transport.js'
import { startOutboxWorker } from './worker.js'

const MINUTE = 60_000

const message = (n: number, extra: Partial<OutboxMessageInput> = {}): OutboxMessageInput => ({
  to: `manager${n}@harbour-lights.example`,
  subject: `Invitation to tender PW-2026-000${n}`,
  body: `Dear manager,\n\nYou are invited to tender ${n}.\nBeds are priced per bed-week in £.`,
  purpose: 'tender-invitation',
  relatedId: `tender-${n}`,
  ...extra,
})

describeEachDialect('email outbox', (ctx) => {
  let smtp: LocalSmtpServer
  let transport: MailTransport
  let clock = Date.parse('2026-03-02T09:00:00.000Z')
  const now = () => new Date(clock)
  const outbox = (opts: { maxAttempts?: number } = {}) =>
    createOutboxService({ db: ctx().db, transport, now, backoff: exponentialBackoff({ baseMs: MINUTE, maxMs: 60 * MINUTE }), ...opts })

  before(async () => {
    smtp = await startLocalSmtpServer()
    transport = createSmtpTransport({
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      from: 'Placewise <placewise@council.example>',
      auth: null,
    })
  })
  after(async () => {
    transport.close()
    await smtp.close()
  })
  beforeEach(async () => {
    await sql`delete from outbox`.execute(ctx().db)
    smtp.reset()
    clock = Date.parse('2026-03-02T09:00:00.000Z')
  })

  test('messages committed with a change are delivered to the mail server: to, subject and body intact', async () => {
    const o = outbox()
    await inTransaction(ctx().db, async (tx) => {
      await o.enqueue(tx, message(1))
      await o.enqueue(tx, message(2))
    })
    assert.deepEqual(await o.deliverDue(), { sent: 2, retrying: 0, failed: 0 })
    const got = [...smtp.received].sort((a, b) => a.subject.localeCompare(b.subject))
    assert.deepEqual(
      got.map((m) => [m.from, m.to, m.subject, m.body]),
      [1, 2].map((n) => ['placewise@council.example', [message(n).to], message(n).subject, message(n).body]),
    )
    const listed = await o.list({ status: 'sent' })
    assert.equal(listed.length, 2)
    assert.ok(listed.every((m) => m.sentAt === '2026-03-02T09:00:00.000Z' && m.attempts === 1 && m.lastError === null))
    assert.deepEqual(await o.deliverDue(), { sent: 0, retrying: 0, failed: 0 }, 'a sent message is never sent again')
    assert.equal(smtp.received.length, 2)
  })

  test('a temporary rejection is retried after an exponential backoff, then delivered once', async () => {
    const o = outbox()
    smtp.setPolicy((_address, attempt) => (attempt <= 2 ? { code: 451, message: 'Mailbox busy, try later' } : null))
    const id = await inTransaction(ctx().db, (tx) => o.enqueue(tx, message(1)))
    const state = async () => (await o.list()).find((m) => m.id === id)!

    assert.deepEqual(await o.deliverDue(), { sent: 0, retrying: 1, failed: 0 })
    let m = await state()
    assert.deepEqual([m.status, m.attempts, m.nextAttemptAt], ['pending', 1, '2026-03-02T09:01:00.000Z'])
    assert.match(m.lastError ?? '', /451/)

    assert.deepEqual(await o.deliverDue(), { sent: 0, retrying: 0, failed: 0 }, 'not due yet')
    clock += MINUTE
    assert.deepEqual(await o.deliverDue(), { sent: 0, retrying: 1, failed: 0 })
    m = await state()
    assert.deepEqual([m.attempts, m.nextAttemptAt], [2, '2026-03-02T09:03:00.000Z'], 'the wait doubles')

    clock += MINUTE
    assert.deepEqual(await o.deliverDue(), { sent: 0, retrying: 0, failed: 0 })
    clock += MINUTE
    assert.deepEqual(await o.deliverDue(), { sent: 1, retrying: 0, failed: 0 })
    m = await state()
    assert.deepEqual([m.status, m.attempts, m.lastError, m.sentAt], ['sent', 3, null, '2026-03-02T09:03:00.000Z'])
    assert.equal(smtp.received.length, 1)
  })

  test('a message the server keeps refusing is marked failed after maxAttempts, and can be requeued', async () => {
    const o = outbox({ maxAttempts: 3 })
    smtp.setPolicy(() => ({ code: 550, message: 'No such user here' }))
    const id = await inTransaction(ctx().db, (tx) => o.enqueue(tx, message(1)))
    const reports = []
    for (let i = 0; i < 4; i++) {
      reports.push(await o.deliverDue())
      clock += 60 * MINUTE
    }
    assert.deepEqual(reports, [
      { sent: 0, retrying: 1, failed: 0 },
      { sent: 0, retrying: 1, failed: 0 },
      { sent: 0, retrying: 0, failed: 1 },
      { sent: 0, retrying: 0, failed: 0 },
    ])
    const [m] = await o.list({ relatedId: 'tender-1' })
    assert.deepEqual([m?.status, m?.attempts], ['failed', 3])
    assert.match(m?.lastError ?? '', /550/)
    assert.equal(smtp.received.length, 0)

    smtp.setPolicy(() => null)
    assert.equal(await o.requeue(id), true)
    assert.equal(await o.requeue(id), false, 'only a failed message can be requeued')
    assert.deepEqual(await o.deliverDue(), { sent: 1, retrying: 0, failed: 0 })
    assert.equal(smtp.received.length, 1)
  })

  test('a message enqueued in a transaction that rolls back is never sent', async () => {
    const o = outbox()
    await assert.rejects(
      inTransaction(ctx().db, async (tx) => {
        await o.enqueue(tx, message(1))
        throw new Error('the change failed')
      }),
      /the change failed/,
    )
    await inTransaction(ctx().db, (tx) => o.enqueue(tx, message(2)))
    assert.deepEqual(await o.deliverDue(), { sent: 1, retrying: 0, failed: 0 })
    assert.deepEqual(
      (await o.list()).map((m) => m.relatedId),
      ['tender-2'],
    )
    assert.deepEqual(
      smtp.received.map((m) => m.to),
      [[message(2).to]],
    )
  })

  test('workers delivering at the same time send each message exactly once', async () => {
    const o = outbox()
    await inTransaction(ctx().db, async (tx) => {
      for (let n = 1; n <= 6; n++) await o.enqueue(tx, message(n))
    })
    const reports = await Promise.all([o.deliverDue(), outbox().deliverDue(), outbox().deliverDue()])
    assert.equal(
      reports.reduce((sum, r) => sum + r.sent, 0),
      6,
    )
    assert.equal(smtp.received.length, 6)
    assert.equal(new Set(smtp.received.map((m) => m.subject)).size, 6)
  })

  test('a message whose sender died mid-send is not resent but marked failed for a person to check', async () => {
    const o = outbox()
    const id = await inTransaction(ctx().db, (tx) => o.enqueue(tx, message(1)))
    // What a crash leaves behind: claimed, never finished.
    await ctx().db.updateTable('outbox').set({ status: 'sending', claimed_at: '2026-03-02T08:00:00.000Z' }).where('id', '=', id).execute()
    assert.equal(await o.abandonInterrupted(30 * MINUTE), 1)
    const [m] = await o.list()
    assert.equal(m?.status, 'failed')
    assert.match(m?.lastError ?? '', /may or may not have been delivered/)
    assert.deepEqual(await o.deliverDue(), { sent: 0, retrying: 0, failed: 0 })
    assert.equal(smtp.received.length, 0)
  })

  test('enqueue refuses a bad address or a subject that could inject headers, writing nothing', async () => {
    const o = outbox()
    for (const [bad, field] of [
      [{ to: 'not an address' }, 'to'],
      [{ subject: 'Hello\r\nBcc: everyone@example.com' }, 'subject'],
      [{ body: '' }, 'body'],
    ] as const) {
      await assert.rejects(
        inTransaction(ctx().db, (tx) => o.enqueue(tx, message(1, bad))),
        (e: unknown) => e instanceof UserInputError && e.where?.field === field,
      )
    }
    assert.deepEqual(await o.list(), [])
  })

  test('the background worker delivers what is due, and stops', async () => {
    const o = createOutboxService({ db: ctx().db, transport })
    await inTransaction(ctx().db, (tx) => o.enqueue(tx, message(1)))
    const errors: unknown[] = []
    const stop = startOutboxWorker(o, 10, { onError: (e) => errors.push(e) })
    for (let i = 0; i < 500 && smtp.received.length === 0; i++) await new Promise((r) => setTimeout(r, 10))
    await stop()
    assert.deepEqual(errors, [])
    assert.equal(smtp.received.length, 1)
    assert.equal((await o.list())[0]?.status, 'sent')
    await inTransaction(ctx().db, (tx) => o.enqueue(tx, message(2)))
    await new Promise((r) => setTimeout(r, 50))
    assert.equal(smtp.received.length, 1, 'a stopped worker sends nothing more')
  })
})
