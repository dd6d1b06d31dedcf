import assert from 'node:assert/strict'
import { test } from 'node:test'
import { describeEachDialect } from '../../test/support/databases.js'
import { NotFoundError } from '../platform/errors.js'
import { bidFor, requirement, tenderWorld, type TenderWorld } from './testing/tenderFixtures.js'

const notFound = (p: Promise<unknown>, what: string) =>
  assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof NotFoundError, `${what}: expected NotFoundError, got ${String(e)}`)
    return true
  })

describeEachDialect('a provider never sees another provider’s tender, questions, bids or scores', (ctx) => {
  let w: TenderWorld
  let tenderId: string
  let draftId: string
  let coveAttachment: string
  let q: string[]

  test('set up: acme and cove invited, each with a bid and a question; delta not invited', async () => {
    w = await tenderWorld(ctx())
    tenderId = await w.tenders.createRequirement(w.actors.officer, requirement(w))
    draftId = await w.tenders.createRequirement(w.actors.officer, requirement(w, { title: 'Still a draft' }))
    q = (await w.tenders.get(w.actors.officer, tenderId)).questions.map((x) => x.id)
    await w.tenders.publish(w.actors.officer, tenderId, [w.providers.acme, w.providers.cove])
    await w.tenders.saveBid(w.actors.acme, tenderId, bidFor(q, w.homes.oak.id, 3, 500_000))
    await w.tenders.saveBid(w.actors.cove, tenderId, bidFor(q, w.homes.cove.id, 3, 520_000))
    coveAttachment = await w.tenders.addAttachment(w.actors.cove, tenderId, {
      fileName: 'cove.pdf',
      bytes: Buffer.from('cove'),
      questionId: null,
    })
    await w.tenders.askClarification(w.actors.cove, tenderId, 'Cove’s private question')
    assert.equal((await w.tenders.myInvitations(w.actors.acme)).length, 1)
  })

  test('an uninvited provider gets NotFoundError from every provider-facing method', async () => {
    const d = w.actors.delta
    await notFound(w.tenders.get(d, tenderId), 'get')
    await notFound(w.tenders.askClarification(d, tenderId, 'Can I bid?'), 'askClarification')
    await notFound(w.tenders.clarifications(d, tenderId), 'clarifications')
    await notFound(w.tenders.eligibleHomes(d, tenderId), 'eligibleHomes')
    await notFound(w.tenders.myBid(d, tenderId), 'myBid')
    await notFound(w.tenders.saveBid(d, tenderId, bidFor(q, w.homes.delta.id, 2, 400_000)), 'saveBid')
    await notFound(w.tenders.addAttachment(d, tenderId, { fileName: 'x.pdf', bytes: Buffer.from('x'), questionId: null }), 'addAttachment')
    await notFound(w.tenders.submitBid(d, tenderId), 'submitBid')
    await notFound(w.tenders.withdrawBid(d, tenderId), 'withdrawBid')
    await notFound(w.tenders.notices(d, tenderId), 'notices')
    await notFound(w.tenders.standstill(d, tenderId), 'standstill')
    await notFound(w.tenders.attachment(d, tenderId, coveAttachment), 'attachment')
    await notFound(w.tenders.removeAttachment(d, tenderId, coveAttachment), 'removeAttachment')
    assert.deepEqual(await w.tenders.myInvitations(d), [])
    assert.deepEqual(await w.tenders.list(d), [])
  })

  test('an invited provider gets NotFoundError for a draft tender and for another provider’s file', async () => {
    const a = w.actors.acme
    await notFound(w.tenders.get(a, draftId), 'get draft')
    await notFound(w.tenders.myBid(a, draftId), 'myBid draft')
    await notFound(w.tenders.attachment(a, tenderId, coveAttachment), 'another’s attachment')
    await notFound(w.tenders.removeAttachment(a, tenderId, coveAttachment), 'remove another’s attachment')
    assert.equal((await w.tenders.myBid(w.actors.cove, tenderId))!.attachments.length, 1)
    // Its own bid only; another's question stays private until answered, and never names its asker.
    assert.equal((await w.tenders.myBid(a, tenderId))!.providerId, w.providers.acme)
    assert.deepEqual(await w.tenders.clarifications(a, tenderId), [])
    // Counts of the other side are not shown to a provider.
    const mine = await w.tenders.get(a, tenderId)
    assert.equal(mine.invitedCount, 1)
    assert.equal(mine.bidCount, 0)
    assert.ok(mine.events.every((e) => !/Cove|Acme/.test(e.what)))
  })

  test('every council-side method answers a provider user NotFoundError', async () => {
    const a = w.actors.acme
    const calls: [string, () => Promise<unknown>][] = [
      ['createRequirement', () => w.tenders.createRequirement(a, requirement(w))],
      ['updateRequirement', () => w.tenders.updateRequirement(a, tenderId, requirement(w))],
      ['gateway', () => w.tenders.gateway(a, tenderId)],
      ['publish', () => w.tenders.publish(a, tenderId, [w.providers.acme])],
      ['invitations', () => w.tenders.invitations(a, tenderId)],
      ['answerClarification', () => w.tenders.answerClarification(a, tenderId, 'x', 'y')],
      ['sealedBids', () => w.tenders.sealedBids(a, tenderId)],
      ['open', () => w.tenders.open(a, tenderId)],
      ['bids', () => w.tenders.bids(a, tenderId)],
      ['declareConflict', () => w.tenders.declareConflict(a, tenderId, false, '')],
      ['evaluation', () => w.tenders.evaluation(a, tenderId)],
      ['saveScores', () => w.tenders.saveScores(a, tenderId, [])],
      ['submitScores', () => w.tenders.submitScores(a, tenderId)],
      ['moderate', () => w.tenders.moderate(a, tenderId, [])],
      ['results', () => w.tenders.results(a, tenderId)],
      ['scoreHistory', () => w.tenders.scoreHistory(a, tenderId)],
      ['proposeAward', () => w.tenders.proposeAward(a, tenderId)],
      ['award', () => w.tenders.award(a, tenderId)],
      [
        'recordDecision',
        () => w.tenders.recordDecision(a, tenderId, { decisionMaker: 'x', consulted: [], decidedOn: '2026-03-02', rationale: 'x' }),
      ],
      ['recordChallenge', () => w.tenders.recordChallenge(a, tenderId, 'x')],
      ['resolveChallenge', () => w.tenders.resolveChallenge(a, tenderId, 'x')],
      ['conclude', () => w.tenders.conclude(a, tenderId)],
      ['cancel', () => w.tenders.cancel(a, tenderId, 'x')],
      ['ocdsRecord', () => w.tenders.ocdsRecord(a, tenderId)],
    ]
    for (const [name, call] of calls) await notFound(call(), name)
    // And it changed nothing.
    assert.equal((await w.tenders.get(w.actors.officer, tenderId)).status, 'open')
  })
})
