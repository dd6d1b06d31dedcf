import assert from 'node:assert/strict'
import { test } from 'node:test'
import { describeEachDialect } from '../../test/support/databases.js'
import { NotFoundError, UserInputError } from '../platform/errors.js'
import { TenderForbiddenError } from './domain/access.js'
import type { ScoreInput } from './tenderApi.js'
import { bidFor, DEADLINE, moderatedCompetition, requirement, tenderWorld, type TenderWorld } from './testing/tenderFixtures.js'

const rejectsWith = (p: Promise<unknown>, kind: new (...a: never[]) => Error, pattern?: RegExp) =>
  assert.rejects(p, (err: unknown) => err instanceof kind && (!pattern || pattern.test((err as Error).message)))

/** Every question of every bid scored the same by an evaluator (the consensus is what counts). */
function allScores(bidIds: string[], questionIds: string[], score: number): ScoreInput[] {
  return bidIds.flatMap((bidId) =>
    questionIds.map((questionId) => ({ bidId, questionId, score, rationale: `Scored ${score} against the descriptors` })),
  )
}

describeEachDialect('the mini-competition, from requirement to contracts', (ctx) => {
  let w: TenderWorld
  let tenderId: string
  let q: string[]
  const bidIds: Record<string, string> = {}

  test('a requirement is created as a draft, its regime taken from the framework', async () => {
    w = await tenderWorld(ctx())
    tenderId = await w.tenders.createRequirement(w.actors.officer, requirement(w))
    const t = await w.tenders.get(w.actors.officer, tenderId)
    assert.equal(t.status, 'draft')
    assert.equal(t.legalRegime, 'PCR2015')
    assert.match(t.reference, /^PW-2026-0001$/)
    assert.equal(t.areaPostcode, 'SO14 7DU')
    assert.equal(t.qualityPercent, 60)
    assert.deepEqual(
      t.questions.map((x) => x.number),
      [1, 2, 3],
    )
    q = t.questions.map((x) => x.id)
    // A draft is invisible to providers.
    await rejectsWith(w.tenders.get(w.actors.acme, tenderId), NotFoundError)
    assert.deepEqual(await w.tenders.myInvitations(w.actors.acme), [])
  })

  test('bad requirements name the field at fault', async () => {
    const bad = async (overrides: Parameters<typeof requirement>[1], field: string) =>
      assert.rejects(
        w.tenders.createRequirement(w.actors.officer, requirement(w, overrides)),
        (e: unknown) => e instanceof UserInputError && e.where?.field === field,
      )
    await bad({ pricePercent: 30 }, 'pricePercent')
    await bad({ bedsMin: 7 }, 'bedsMax')
    await bad({ clarificationDeadline: DEADLINE }, 'clarificationDeadline')
    await bad({ submissionDeadline: '2026-03-01T12:00:00.000Z', clarificationDeadline: '2026-02-28T12:00:00.000Z' }, 'submissionDeadline')
    await bad({ areaPostcode: 'ZZ99 9ZZ' }, 'areaPostcode')
    await bad({ lotIds: ['not-a-lot'] }, 'lotIds')
    await bad({ standstillDays: 7 }, 'standstillDays')
    const questions = requirement(w).questions.map((x) => ({ ...x }))
    questions[2]!.weight = 10.5
    await bad({ questions }, 'question-3-weight')
    // Nothing of the failures was written.
    assert.equal((await w.tenders.list(w.actors.officer)).length, 1)
  })

  test('the gateway invites only active members of the lots with a home that passes, with reasons', async () => {
    const g = await w.tenders.gateway(w.actors.officer, tenderId)
    const by = new Map(g.map((r) => [r.providerName, r]))
    assert.equal(by.get('Acme Care Ltd')!.eligible, true)
    const acmeHomes = new Map(by.get('Acme Care Ltd')!.homes.map((h) => [h.name, h]))
    assert.equal(acmeHomes.get('Fir Grange')!.eligible, true) // 20.0 miles: inside 20
    assert.equal(acmeHomes.get('Gorse Hall')!.eligible, false) // 20.1 miles
    assert.match(acmeHomes.get('Gorse Hall')!.reasons.join(), /20\.1 miles from SO14 7DU; the limit is 20 miles/)
    const brook = by.get('Brook Homes')!
    assert.equal(brook.eligible, false)
    assert.match(brook.reasons.join(), /No home passes/)
    const brookHomes = new Map(brook.homes.map((h) => [h.name, h]))
    assert.match(brookHomes.get('Cedar View')!.reasons.join(), /Location unknown/)
    assert.match(brookHomes.get('Elm Court')!.reasons.join(), /suspended.*Inadequate/s)
    await rejectsWith(
      w.tenders.publish(w.actors.officer, tenderId, [w.providers.acme, w.providers.brook]),
      UserInputError,
      /Brook Homes cannot be invited/,
    )
    assert.equal((await w.tenders.get(w.actors.officer, tenderId)).status, 'draft')
  })

  test('publishing invites the eligible providers, who are told in the portal and by email', async () => {
    const { acme, cove, delta, elder } = w.providers
    await w.tenders.publish(w.actors.officer, tenderId, [acme, cove, delta, elder])
    const t = await w.tenders.get(w.actors.officer, tenderId)
    assert.equal(t.status, 'open')
    assert.equal(t.invitedCount, 4)
    const mine = await w.tenders.myInvitations(w.actors.acme)
    assert.deepEqual(
      mine.map((x) => [x.id, x.invitedCount]),
      [[tenderId, 1]],
    )
    assert.deepEqual(await w.tenders.myInvitations(w.actors.brook), [])
    const invitations = w.sent.filter((m) => m.purpose === 'tender-invitation')
    assert.deepEqual(invitations.map((m) => m.to).sort(), [
      'acme@provider.test',
      'cove@provider.test',
      'delta@provider.test',
      'elder@provider.test',
    ])
    assert.ok(invitations.every((m) => m.relatedId === tenderId && m.subject.includes(t.reference)))
  })

  test('clarifications: asked by a provider, answered to every invitee without naming who asked', async () => {
    const cid = await w.tenders.askClarification(w.actors.cove, tenderId, 'Must the homes be Ofsted Good?')
    w.clock.advance(60_000)
    await w.tenders.askClarification(w.actors.delta, tenderId, 'Delta’s unanswered question')
    // Before the answer, another provider does not see the question.
    assert.equal((await w.tenders.clarifications(w.actors.acme, tenderId)).length, 0)
    await rejectsWith(w.tenders.answerClarification(w.actors.cove, tenderId, cid, 'I answer myself'), NotFoundError)
    await w.tenders.answerClarification(w.actors.officer, tenderId, cid, 'No: only Inadequate homes fail the gateway.')
    const acmeView = await w.tenders.clarifications(w.actors.acme, tenderId)
    assert.deepEqual(
      acmeView.map((c) => [c.question, c.answer, c.askedByProviderName, c.mine]),
      [['Must the homes be Ofsted Good?', 'No: only Inadequate homes fail the gateway.', null, false]],
    )
    const coveView = await w.tenders.clarifications(w.actors.cove, tenderId)
    assert.equal(coveView[0]!.mine, true)
    const officerView = await w.tenders.clarifications(w.actors.officer, tenderId)
    assert.deepEqual(
      officerView.map((c) => c.askedByProviderName),
      ['Cove Children’s Homes', 'Delta Care'],
    )
    assert.equal(w.sent.filter((m) => m.purpose === 'tender-clarification').length, 4)
  })

  test('bids: drafts, homes checked, submission, withdrawal and resubmission', async () => {
    const { homes } = w
    // Only its own eligible homes, and no more beds than a home is registered for.
    await assert.rejects(
      w.tenders.saveBid(w.actors.acme, tenderId, bidFor(q, homes.cove.id, 2, 500_000)),
      (e: unknown) => e instanceof UserInputError && e.where?.field === `line-${homes.cove.id}`,
    )
    await rejectsWith(
      w.tenders.saveBid(w.actors.acme, tenderId, bidFor(q, homes.gorse.id, 1, 500_000)),
      UserInputError,
      /does not pass the gateway/,
    )
    await rejectsWith(w.tenders.saveBid(w.actors.acme, tenderId, bidFor(q, homes.oak.id, 5, 500_000)), UserInputError, /registered for 4/)
    const eligible = await w.tenders.eligibleHomes(w.actors.acme, tenderId)
    assert.deepEqual(eligible.map((h) => h.name).sort(), ['Birch Lodge', 'Fir Grange', 'Oak House'])

    // A draft with a blank answer saves, but cannot be submitted.
    const draft = bidFor(q, homes.oak.id, 3, 500_000, 'Acme answer')
    draft.answers[0]!.text = ''
    bidIds.acme = await w.tenders.saveBid(w.actors.acme, tenderId, draft)
    await assert.rejects(
      w.tenders.submitBid(w.actors.acme, tenderId),
      (e: unknown) => e instanceof UserInputError && e.where?.field === `answer-${q[0]}`,
    )
    await w.tenders.saveBid(w.actors.acme, tenderId, bidFor(q, homes.oak.id, 3, 500_000, 'Acme answer'))
    await w.tenders.addAttachment(w.actors.acme, tenderId, {
      fileName: 'policy.pdf',
      bytes: Buffer.from('%PDF safeguarding policy'),
      questionId: q[0]!,
    })
    await w.tenders.submitBid(w.actors.acme, tenderId)

    bidIds.cove = await w.tenders.saveBid(w.actors.cove, tenderId, bidFor(q, homes.cove.id, 3, 520_000, 'Cove answer'))
    await w.tenders.submitBid(w.actors.cove, tenderId)
    await w.tenders.withdrawBid(w.actors.cove, tenderId)
    assert.equal((await w.tenders.myBid(w.actors.cove, tenderId))!.status, 'withdrawn')
    await w.tenders.submitBid(w.actors.cove, tenderId)

    bidIds.delta = await w.tenders.saveBid(w.actors.delta, tenderId, bidFor(q, homes.delta.id, 2, 300_000, 'Delta answer'))
    await w.tenders.submitBid(w.actors.delta, tenderId)
    await w.tenders.saveBid(w.actors.elder, tenderId, bidFor(q, homes.elder.id, 3, 610_000, 'Elder answer'))

    const own = await w.tenders.myBid(w.actors.acme, tenderId)
    assert.equal(own!.status, 'submitted')
    assert.equal(own!.pricePencePerBedWeek, 500_000)
    assert.equal(own!.beds, 3)
    assert.deepEqual(
      own!.attachments.map((a) => [a.fileName, a.bytes, a.questionId]),
      [['policy.pdf', 24, q[0]]],
    )
    const sealed = await w.tenders.sealedBids(w.actors.officer, tenderId)
    assert.deepEqual(sealed.map((b) => b.providerName).sort(), ['Acme Care Ltd', 'Cove Children’s Homes', 'Delta Care'])
    assert.equal((await w.tenders.get(w.actors.officer, tenderId)).bidCount, 3)
  })

  test('before the deadline nobody opens the bids, and the council cannot read them', async () => {
    await rejectsWith(w.tenders.open(w.actors.officer, tenderId), UserInputError, /before the deadline/)
    await rejectsWith(w.tenders.bids(w.actors.officer, tenderId), UserInputError, /sealed/)
    await rejectsWith(w.tenders.results(w.actors.officer, tenderId), UserInputError, /sealed/)
  })

  test('a late bid is refused by the server’s clock', async () => {
    w.clock.set(DEADLINE)
    await rejectsWith(w.tenders.submitBid(w.actors.elder, tenderId), UserInputError, /deadline for bids was/)
    await rejectsWith(w.tenders.saveBid(w.actors.acme, tenderId, bidFor(q, w.homes.oak.id, 3, 400_000)), UserInputError, /deadline/)
    assert.equal((await w.tenders.get(w.actors.officer, tenderId)).status, 'closed')
    assert.equal((await w.tenders.myBid(w.actors.elder, tenderId))!.status, 'draft')
  })

  test('opening needs two different named officers; each step is audited', async () => {
    w.clock.set('2026-03-16T14:00:00.000Z')
    await rejectsWith(w.tenders.open(w.actors.finance, tenderId), TenderForbiddenError)
    assert.deepEqual(await w.tenders.open(w.actors.officer, tenderId), { opened: false, waitingForSecondOfficer: true })
    await rejectsWith(w.tenders.open(w.actors.officer, tenderId), UserInputError, /different officer/)
    await rejectsWith(w.tenders.bids(w.actors.officer, tenderId), UserInputError, /sealed/)
    assert.deepEqual(await w.tenders.open(w.actors.head, tenderId), { opened: true, waitingForSecondOfficer: false })
    const t = await w.tenders.get(w.actors.officer, tenderId)
    assert.equal(t.status, 'opened')
    assert.deepEqual(
      t.events.filter((e) => e.what.startsWith('Opened by')).map((e) => e.by),
      [w.actors.officer.label, w.actors.head.label],
    )
    const rows = await ctx()
      .db.selectFrom('audit_log')
      .select(['action', 'actor_label'])
      .where('entity_id', '=', tenderId)
      .where('action', '=', 'open')
      .execute()
    assert.deepEqual(
      rows.map((r) => r.actor_label),
      [w.actors.officer.label, w.actors.head.label],
    )
    const bids = await w.tenders.bids(w.actors.officer, tenderId)
    assert.deepEqual(bids.map((b) => b.providerName).sort(), ['Acme Care Ltd', 'Cove Children’s Homes', 'Delta Care'])
    assert.equal(bids.find((b) => b.id === bidIds.acme)!.answers[0]!.text, 'Acme answer (1)')
    const file = await w.tenders.attachment(w.actors.officer, tenderId, bids.find((b) => b.id === bidIds.acme)!.attachments[0]!.id)
    assert.equal(file.bytes.toString(), '%PDF safeguarding policy')
  })

  test('evaluation: conflicts declared first, scores blind until every evaluator has submitted', async () => {
    const all = [bidIds.acme!, bidIds.cove!, bidIds.delta!]
    await rejectsWith(
      w.tenders.saveScores(w.actors.officer, tenderId, allScores(all, q, 3)),
      UserInputError,
      /conflict of interest before you score/,
    )
    await w.tenders.declareConflict(w.actors.third, tenderId, true, 'My sister manages Cove House')
    await rejectsWith(w.tenders.saveScores(w.actors.third, tenderId, allScores(all, q, 3)), TenderForbiddenError, /conflict/)
    await w.tenders.declareConflict(w.actors.officer, tenderId, false, '')
    await w.tenders.declareConflict(w.actors.head, tenderId, false, '')
    await assert.rejects(
      w.tenders.saveScores(w.actors.officer, tenderId, [{ bidId: all[0]!, questionId: q[0]!, score: 6, rationale: 'x' }]),
      (e: unknown) => e instanceof UserInputError && e.where?.field === `score-${all[0]}-${q[0]}`,
    )
    await assert.rejects(
      w.tenders.saveScores(w.actors.officer, tenderId, [{ bidId: all[0]!, questionId: q[0]!, score: 3, rationale: ' ' }]),
      (e: unknown) => e instanceof UserInputError && e.where?.field === `rationale-${all[0]}-${q[0]}`,
    )
    await w.tenders.saveScores(w.actors.officer, tenderId, allScores(all, q, 4))
    await w.tenders.submitScores(w.actors.officer, tenderId)
    // Changing a submitted score needs a reason.
    await assert.rejects(
      w.tenders.saveScores(w.actors.officer, tenderId, [{ bidId: all[0]!, questionId: q[0]!, score: 3, rationale: 'On reflection' }]),
      (e: unknown) => e instanceof UserInputError && e.where?.field === 'changeReason',
    )
    const officerView = await w.tenders.evaluation(w.actors.officer, tenderId)
    assert.equal(officerView.allScores, null)
    assert.equal(officerView.myScores.length, 9)
    await rejectsWith(w.tenders.moderate(w.actors.officer, tenderId, allScores(all, q, 3)), UserInputError, /must submit/)
    await w.tenders.saveScores(w.actors.head, tenderId, allScores(all, q, 2))
    const headView = await w.tenders.evaluation(w.actors.head, tenderId)
    assert.equal(headView.allScores, null)
    assert.ok(headView.myScores.every((s) => s.score === 2))
    await rejectsWith(w.tenders.submitScores(w.actors.third, tenderId), TenderForbiddenError)
    await w.tenders.submitScores(w.actors.head, tenderId)
    const after = await w.tenders.evaluation(w.actors.officer, tenderId)
    assert.equal(after.allScores!.length, 18)
    assert.deepEqual(after.evaluators.map((e) => [e.name, e.conflict, e.submitted]).sort(), [
      [w.actors.officer.label, 'none', true],
      [w.actors.head.label, 'none', true],
      ['Third Officer', 'declared', false],
    ])
  })

  test('moderation: consensus with rationale; below a minimum excludes; abnormally low is flagged; changes need a reason', async () => {
    const consensus: ScoreInput[] = [
      ...[4, 4, 3].map((score, i) => ({ bidId: bidIds.acme!, questionId: q[i]!, score, rationale: `Acme consensus ${i + 1}` })),
      ...[5, 3, 4].map((score, i) => ({ bidId: bidIds.cove!, questionId: q[i]!, score, rationale: `Cove consensus ${i + 1}` })),
      ...[1, 2, 2].map((score, i) => ({ bidId: bidIds.delta!, questionId: q[i]!, score, rationale: `Delta consensus ${i + 1}` })),
    ]
    await w.tenders.moderate(w.actors.head, tenderId, consensus.slice(0, 6))
    assert.equal((await w.tenders.get(w.actors.officer, tenderId)).status, 'opened')
    await w.tenders.moderate(w.actors.head, tenderId, consensus.slice(6))
    assert.equal((await w.tenders.get(w.actors.officer, tenderId)).status, 'moderated')
    await assert.rejects(
      w.tenders.moderate(w.actors.head, tenderId, [{ ...consensus[0]!, score: 5 }]),
      (e: unknown) => e instanceof UserInputError && e.where?.field === 'changeReason',
    )
    await w.tenders.moderate(w.actors.head, tenderId, [{ ...consensus[0]!, score: 5 }], 'Evidence in the policy was missed')
    await w.tenders.moderate(w.actors.head, tenderId, [consensus[0]!], 'Second look: the evidence was for another home')
    const history = await w.tenders.scoreHistory(w.actors.officer, tenderId)
    const acmeQ1 = history.filter((h) => h.kind === 'consensus' && h.bidId === bidIds.acme && h.questionId === q[0])
    assert.deepEqual(
      acmeQ1.map((h) => [h.score, h.reason]),
      [
        [4, null],
        [5, 'Evidence in the policy was missed'],
        [4, 'Second look: the evidence was for another home'],
      ],
    )

    const results = await w.tenders.results(w.actors.finance, tenderId)
    const by = new Map(results.map((r) => [r.providerName, r]))
    const acme = by.get('Acme Care Ltd')!
    const cove = by.get('Cove Children’s Homes')!
    const delta = by.get('Delta Care')!
    assert.deepEqual([acme.qualityPoints, acme.pricePoints, acme.totalScore, acme.rank], [46, 40, 86, 2])
    assert.deepEqual([cove.qualityPoints, cove.pricePoints, cove.totalScore, cove.rank], [50, 38.46, 88.46, 1])
    assert.equal(cove.wholeLifePence, 520_000 * 3 * 52 * 3)
    assert.equal(delta.excluded, true)
    assert.match(delta.exclusionReasons[0]!, /Question 1 \(Safeguarding\) scored 1; the minimum is 2/)
    assert.equal(delta.rank, null)
    assert.equal(delta.abnormallyLow, true)
    assert.match(delta.abnormallyLowReason!, /under 70% of the median of the bids \(£5,000\.00\)/)
    assert.equal(acme.abnormallyLow, false)
  })

  test('award by the optimal rule, then the decision, notices and standstill', async () => {
    await rejectsWith(
      w.tenders.recordDecision(w.actors.officer, tenderId, decision('2026-03-31')),
      UserInputError,
      /once an award has been proposed/,
    )
    const outcome = await w.tenders.proposeAward(w.actors.officer, tenderId)
    assert.equal(outcome.rule, 'optimal')
    assert.deepEqual([...outcome.chosenBidIds].sort(), [bidIds.acme, bidIds.cove].sort())
    assert.equal(outcome.beds, 6)
    assert.equal(outcome.weeklyCostPence, 500_000 * 3 + 520_000 * 3)
    assert.deepEqual(await w.tenders.award(w.actors.officer, tenderId), outcome)
    await rejectsWith(w.tenders.award(w.actors.acme, tenderId), NotFoundError)

    w.clock.set('2026-04-01T10:00:00.000Z')
    await assert.rejects(
      w.tenders.recordDecision(w.actors.officer, tenderId, decision('2026-04-02')),
      (e: unknown) => e instanceof UserInputError && e.where?.field === 'decidedOn',
    )
    const s = await w.tenders.recordDecision(w.actors.officer, tenderId, decision('2026-04-01'))
    // PCR 2015 voluntary standstill: 10 calendar days after 1 April 2026 is Saturday 11 April, so it ends
    // on Monday 13 April (Easter Monday is the 6th); contracts from Tuesday 14 April.
    assert.deepEqual(s, {
      kind: 'PCR2015-voluntary-10-days',
      startsOn: '2026-04-02',
      endsOn: '2026-04-13',
      challenged: false,
      days: 10,
      earliestContractDate: '2026-04-14',
    })
    assert.equal((await w.tenders.get(w.actors.officer, tenderId)).status, 'standstill')
    const officerNotices = await w.tenders.notices(w.actors.officer, tenderId)
    assert.equal(officerNotices.length, 4)
    const award = officerNotices.find((n) => n.kind === 'award-notice')!
    assert.match(award.body, /Director of Integration and Quality, after consulting Leader of the Council, Cabinet Member/)
    assert.match(award.body, /Oak House \(3\)/)
    const deltaNotices = await w.tenders.notices(w.actors.delta, tenderId)
    assert.deepEqual(
      deltaNotices.map((n) => [n.kind, n.providerName]),
      [
        ['award-notice', null],
        ['assessment-summary', 'Delta Care'],
      ],
    )
    const summary = deltaNotices[1]!.body
    assert.match(summary, /Your bid was excluded: Question 1 \(Safeguarding\) scored 1/)
    assert.match(summary, /Delta consensus 1/)
    assert.match(summary, /The successful bid of Cove Children’s Homes/)
    assert.match(summary, /Cove consensus 1/)
    assert.match(summary, /The successful bid of Acme Care Ltd/)
    assert.doesNotMatch(summary, /Cove answer|Acme answer/)
    assert.equal(w.sent.filter((m) => m.purpose === 'tender-assessment-summary').length, 3)
    assert.equal(w.sent.filter((m) => m.purpose === 'tender-award-notice').length, 3)
    assert.deepEqual(await w.tenders.standstill(w.actors.acme, tenderId), s)
  })

  test('conclusion waits for standstill and any challenge, then makes one contract per winning bid', async () => {
    await rejectsWith(w.tenders.conclude(w.actors.officer, tenderId), UserInputError, /contracts can be made from 2026-04-14/)
    await w.tenders.recordChallenge(w.actors.officer, tenderId, 'Delta Care has written disputing the exclusion')
    assert.equal((await w.tenders.standstill(w.actors.officer, tenderId))!.challenged, true)
    w.clock.set('2026-04-14T09:00:00.000Z')
    await rejectsWith(w.tenders.conclude(w.actors.officer, tenderId), UserInputError, /paused by a challenge/)
    await w.tenders.resolveChallenge(w.actors.officer, tenderId, 'Reviewed: the exclusion stands; Delta Care withdrew')
    const { contractIds } = await w.tenders.conclude(w.actors.officer, tenderId)
    assert.equal(contractIds.length, 2)
    assert.equal((await w.tenders.get(w.actors.officer, tenderId)).status, 'concluded')
    const contracts = await w.contracts.list(w.actors.officer)
    assert.deepEqual(
      contracts.map((c) => [c.providerName, c.beds, c.pricePencePerBedWeek, c.startDate, c.endDate, c.maxExtentDate]).sort(),
      [
        ['Acme Care Ltd', 3, 500_000, '2026-05-01', '2029-04-30', '2031-04-30'],
        ['Cove Children’s Homes', 3, 520_000, '2026-05-01', '2029-04-30', '2031-04-30'],
      ],
    )
    assert.deepEqual(
      (await w.contracts.list(w.actors.acme)).map((c) => c.providerName),
      ['Acme Care Ltd'],
    )
    const coveContract = contracts.find((c) => c.providerName.startsWith('Cove'))!
    await rejectsWith(w.contracts.get(w.actors.acme, coveContract.id), NotFoundError)
    const events = (await w.tenders.get(w.actors.officer, tenderId)).events.map((e) => e.what)
    for (const what of [
      'Requirement created',
      'Published',
      'Deadline for bids passed',
      'Bids opened',
      'Moderated',
      'Award proposed',
      'Decision recorded',
      'Notices sent',
      'Concluded',
    ]) {
      assert.ok(
        events.some((e) => e.startsWith(what)),
        `timeline has "${what}": ${events.join(' | ')}`,
      )
    }
  })

  test('the OCDS record maps the tender, its awards and its contracts', async () => {
    const r = await w.tenders.ocdsRecord(w.actors.officer, tenderId)
    assert.equal(r.tender.status, 'concluded')
    assert.equal(r.tender.invitedProviders.length, 4)
    assert.equal(r.tender.tenderers.length, 3)
    assert.equal(r.awards.length, 2)
    assert.deepEqual(
      r.awards.map((a) => a.status),
      ['active', 'active'],
    )
    assert.equal(r.contracts.length, 2)
    assert.deepEqual(
      r.awards.map((a) => a.standstill),
      [
        { startDate: '2026-04-02', endDate: '2026-04-13' },
        { startDate: '2026-04-02', endDate: '2026-04-13' },
      ],
    )
    assert.ok(r.contracts.every((c) => r.awards.some((a) => a.id === c.awardId)))
  })
})

function decision(decidedOn: string) {
  return {
    decisionMaker: 'Director of Integration and Quality',
    consulted: ['Leader of the Council', 'Cabinet Member for Children’s Social Care', 'Director of Children’s Services'],
    decidedOn,
    rationale: 'The two highest-scoring bids together give six local beds at the best value, within the delegated authority.',
  }
}

describeEachDialect('the rank rule awards in order of score', (ctx) => {
  test('with fillToMax off, the rank rule stops at the fewest beds', async () => {
    const w = await tenderWorld(ctx())
    const { id, bids } = await moderatedCompetition(w, { awardRule: 'rank', standstillDays: 0 })
    const outcome = await w.tenders.proposeAward(w.actors.officer, id)
    assert.equal(outcome.rule, 'rank')
    assert.deepEqual(outcome.chosenBidIds, [bids.cove])
    assert.equal(outcome.beds, 3)
    // No standstill chosen: contracts may be made at once.
    w.clock.set('2026-04-01T10:00:00.000Z')
    const s = await w.tenders.recordDecision(w.actors.officer, id, decision('2026-04-01'))
    assert.equal(s.kind, 'none')
    assert.equal(s.earliestContractDate, '2026-04-01')
    const { contractIds } = await w.tenders.conclude(w.actors.officer, id)
    assert.equal(contractIds.length, 1)
  })
})
