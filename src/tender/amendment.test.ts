import assert from 'node:assert/strict'
import { test } from 'node:test'
import { describeEachDialect } from '../../test/support/databases.js'
import { UserInputError } from '../platform/errors.js'
import { bidFor, DEADLINE, requirement, tenderWorld } from './testing/tenderFixtures.js'

describeEachDialect('amending an open tender', (ctx) => {
  test('bids already made need reconfirming, the bidders are told, and only reconfirmed bids are opened', async () => {
    const w = await tenderWorld(ctx())
    const base = requirement(w)
    const id = await w.tenders.createRequirement(w.actors.officer, base)
    // A draft changes freely: no amendment.
    await w.tenders.updateRequirement(w.actors.officer, id, { ...base, description: 'Draft wording, revised.' })
    assert.ok(!(await w.tenders.get(w.actors.officer, id)).events.some((e) => e.what.startsWith('Amended')))
    const q = (await w.tenders.get(w.actors.officer, id)).questions.map((x) => x.id)
    await w.tenders.publish(w.actors.officer, id, [w.providers.acme, w.providers.cove, w.providers.delta])
    await w.tenders.saveBid(w.actors.acme, id, bidFor(q, w.homes.oak.id, 3, 500_000))
    await w.tenders.submitBid(w.actors.acme, id)
    await w.tenders.saveBid(w.actors.cove, id, bidFor(q, w.homes.cove.id, 3, 520_000))
    await w.tenders.submitBid(w.actors.cove, id)
    w.sent.length = 0

    const questions = [
      ...base.questions.map((x) => ({ ...x })),
      { title: 'Education', guidance: 'Schooling for every child.', weight: 10, minimumScore: 0, kind: 'quality' as const },
    ]
    questions[0]!.weight = 20
    await w.tenders.updateRequirement(w.actors.officer, id, { ...base, description: 'Amended: schooling added.', questions })
    const t = await w.tenders.get(w.actors.officer, id)
    assert.ok(t.events.some((e) => e.what === 'Amended (amendment 1)'))
    assert.deepEqual(
      t.questions.slice(0, 3).map((x) => x.id),
      q,
    ) // existing questions keep their ids
    assert.deepEqual(
      (await w.tenders.sealedBids(w.actors.officer, id)).map((b) => b.status),
      ['needs-reconfirmation', 'needs-reconfirmation'],
    )
    assert.equal((await w.tenders.myBid(w.actors.acme, id))!.status, 'needs-reconfirmation')
    const amended = w.sent.filter((m) => m.purpose === 'tender-amended')
    assert.deepEqual(amended.map((m) => m.to).sort(), ['acme@provider.test', 'cove@provider.test', 'delta@provider.test'])
    assert.match(amended.find((m) => m.to === 'acme@provider.test')!.body, /Your bid now needs reconfirming/)
    assert.doesNotMatch(amended.find((m) => m.to === 'delta@provider.test')!.body, /Your bid/)
    const audit = await ctx()
      .db.selectFrom('audit_log')
      .select(['action'])
      .where('entity_type', '=', 'tender_bid')
      .where('action', '=', 'needs-reconfirmation')
      .execute()
    assert.equal(audit.length, 2)

    // Reconfirming means answering the new question too.
    const newQ = t.questions[3]!.id
    await assert.rejects(
      w.tenders.submitBid(w.actors.acme, id),
      (e: unknown) => e instanceof UserInputError && e.where?.field === `answer-${newQ}`,
    )
    await w.tenders.saveBid(w.actors.acme, id, bidFor([...q, newQ], w.homes.oak.id, 3, 500_000))
    await w.tenders.submitBid(w.actors.acme, id)

    w.clock.set(DEADLINE)
    await w.tenders.open(w.actors.officer, id)
    await w.tenders.open(w.actors.head, id)
    const opened = await w.tenders.bids(w.actors.head, id)
    assert.deepEqual(
      opened.map((b) => b.providerName),
      ['Acme Care Ltd'],
    )
    assert.ok((await w.tenders.get(w.actors.officer, id)).events.some((e) => e.what === 'Bids opened: 1 bid admitted'))
    // After the deadline nothing can be amended.
    await assert.rejects(
      w.tenders.updateRequirement(w.actors.officer, id, { ...base, submissionDeadline: '2026-04-01T12:00:00.000Z' }),
      UserInputError,
    )
  })
})
