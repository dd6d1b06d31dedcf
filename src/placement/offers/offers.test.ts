import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { describeEachDialect } from '../../../test/support/databases.js'
import { ForbiddenError } from '../../platform/auth/scope.js'
import { NotFoundError, UserInputError } from '../../platform/errors.js'
import { isOpenRequestClash } from './sendingService.js'
import { child, childReads, emails, NOW, offerWorld, referral, type OfferWorld } from './testing/offerWorld.js'

async function rejectsOnField(promise: Promise<unknown>, field: string | undefined, message?: RegExp): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof UserInputError, String(err))
    assert.equal(err.where?.field, field, err.message)
    if (message) assert.match(err.message, message)
    return true
  })
}

describeEachDialect('placement offers: spot referrals to chosen homes', (ctx) => {
  let w: OfferWorld
  let n = 0
  /** A fresh child allocated to Ann with an open referral. */
  async function newReferral(extra: Parameters<typeof child>[1] = {}) {
    const childId = await w.placements.createChild(w.actors.officer, child(`OFFER-${++n}`, extra))
    const referralId = await w.placements.createReferral(w.actors.officer, referral(childId))
    return { childId, referralId }
  }
  const requestsOf = (referralId: string) =>
    ctx().db.selectFrom('referral_requests').selectAll().where('referral_id', '=', referralId).orderBy('sent_at').execute()

  before(async () => {
    w = await offerWorld(ctx())
  })

  test('sending makes one request per chosen home, with the deadline by urgency, a timeline event, emails and audit', async () => {
    w.clock.set(NOW)
    const { referralId } = await newReferral()
    const ids = await w.placements.sendReferralRequests(w.actors.officer, referralId, { homeIds: [w.oak.id, w.cedar.id] })
    assert.equal(ids.length, 2)
    const rows = await requestsOf(referralId)
    assert.deepEqual(
      rows.map((r) => [r.home_id, r.status, r.deadline]).sort(),
      [
        [w.cedar.id, 'sent', '2026-04-07T16:00:00.000Z'],
        [w.oak.id, 'sent', '2026-04-07T16:00:00.000Z'],
      ].sort(),
    )
    assert.deepEqual(new Set(rows.map((r) => r.provider_id)), new Set([w.providers.acme, w.providers.brook]))
    const r = await w.placements.getReferral(w.actors.officer, referralId)
    const sent = r.timeline.filter((e) => e.kind === 'sent').at(-1)!
    assert.match(sent.detail ?? '', /Oak House \(Acme Care Ltd\), Cedar View \(Brook Homes\); answers due by 7 April 2026 at 5pm/)
    const mail = (await emails(ctx().db, 'referral-request')).filter((m) => ids.includes(m.related_id!))
    assert.deepEqual(mail.map((m) => m.to_address).sort(), ['manager@acme.test', 'manager@brook.test'])
    for (const m of mail) {
      assert.match(m.subject, /answer by 7 April 2026 at 5pm/)
      assert.ok(!m.body_text.includes('OFFER-') && !m.body_text.includes('SO14'), 'no child details in email')
    }
    const audited = await ctx()
      .db.selectFrom('audit_log')
      .select('entity_id')
      .where('entity_type', '=', 'referral-request')
      .where('action', '=', 'create')
      .execute()
    for (const id of ids) assert.ok(audited.some((a) => a.entity_id === id))
  })

  test('a deadline can be set instead, but not in the past or too far ahead; bad homes are named; nothing half-written', async () => {
    w.clock.set(NOW)
    const { referralId } = await newReferral()
    const send = (input: Parameters<OfferWorld['placements']['sendReferralRequests']>[2]) =>
      w.placements.sendReferralRequests(w.actors.officer, referralId, input)
    await rejectsOnField(send({ homeIds: [] }), 'homeIds', /at least one home/)
    await rejectsOnField(send({ homeIds: [w.oak.id], deadline: '2026-04-01T08:00:00Z' }), 'deadline', /future/)
    await rejectsOnField(send({ homeIds: [w.oak.id], deadline: '2026-06-01T08:00:00Z' }), 'deadline', /within 30 days/)
    await rejectsOnField(send({ homeIds: [w.oak.id, w.homes.elm.id] }), 'homeIds', /Elm Court is suspended/)
    await rejectsOnField(send({ homeIds: [w.oak.id, w.hazel.id] }), 'homeIds', /Dale Care, is not an active member of the framework/)
    await rejectsOnField(send({ homeIds: ['no-such-home'] }), 'homeIds', /from the list/)
    assert.equal((await requestsOf(referralId)).length, 0)
    await send({ homeIds: [w.oak.id], deadline: '2026-04-02T12:00:00+01:00' })
    assert.equal((await requestsOf(referralId))[0]!.deadline, '2026-04-02T11:00:00.000Z')
  })

  test('the same child is not referred twice to the same home while a request is open, across referrals; it can be once closed', async () => {
    w.clock.set(NOW)
    const { childId, referralId } = await newReferral()
    await w.placements.sendReferralRequests(w.actors.officer, referralId, { homeIds: [w.oak.id] })
    await rejectsOnField(
      w.placements.sendReferralRequests(w.actors.officer, referralId, { homeIds: [w.cedar.id, w.oak.id] }),
      'homeIds',
      /Oak House already has an open referral request for this child \(sent 1 April 2026\)/,
    )
    // A second referral of the same child (say, for a different placement type) meets the same rule.
    const second = await w.placements.createReferral(w.actors.officer, { ...referral(childId), urgency: 'over-5-days' })
    await rejectsOnField(w.placements.sendReferralRequests(w.actors.officer, second, { homeIds: [w.oak.id] }), 'homeIds', /Oak House/)
    assert.equal((await requestsOf(second)).length, 0, 'the refusal wrote nothing, not even Cedar View')
    // Declined: closed, so the home can be asked again.
    const [req] = await requestsOf(referralId)
    await w.placements.respondToReferralRequest(w.actors.acme, req!.id, { kind: 'decline', reason: 'no-vacancy' })
    await w.placements.sendReferralRequests(w.actors.officer, second, { homeIds: [w.oak.id] })
    // Unanswered past its deadline: expired, and stored so when the home is asked again.
    w.clock.set('2026-04-20T09:00:00Z')
    await w.placements.sendReferralRequests(w.actors.officer, referralId, { homeIds: [w.oak.id] })
    const statuses = (await requestsOf(second)).map((r) => r.status)
    assert.deepEqual(statuses, ['expired'])
    w.clock.set(NOW)
  })

  test('two officers sending the same child to the same home at once: exactly one succeeds', async () => {
    w.clock.set(NOW)
    const { childId, referralId } = await newReferral()
    const other = await w.placements.createReferral(w.actors.officer, referral(childId))
    const results = await Promise.allSettled([
      w.placements.sendReferralRequests(w.actors.officer, referralId, { homeIds: [w.cedar.id] }),
      w.placements.sendReferralRequests(w.actors.officer2, other, { homeIds: [w.cedar.id] }),
    ])
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1)
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    assert.equal(rejected.length, 1)
    assert.ok(rejected[0]!.reason instanceof UserInputError, String(rejected[0]!.reason))
    assert.match(rejected[0]!.reason.message, /Cedar View already has an open referral request for this child/)
    const open = await ctx()
      .db.selectFrom('referral_requests')
      .select('id')
      .where('child_id', '=', childId)
      .where('status', 'in', ['sent', 'offered'])
      .execute()
    assert.equal(open.length, 1)
  })

  test('the database itself refuses a second open request for a child and home', async () => {
    const row = await ctx().db.selectFrom('referral_requests').selectAll().where('status', '=', 'sent').executeTakeFirstOrThrow()
    // An offer still open counts as much as an unanswered request.
    for (const status of ['sent', 'offered'] as const)
      await assert.rejects(
        ctx()
          .db.insertInto('referral_requests')
          .values({ ...row, id: `duplicate-${status}`, status })
          .execute(),
        (e: unknown) => {
          assert.equal(isOpenRequestClash(e), true, String(e))
          return true
        },
      )
    // A closed one beside it is fine: the rule is about open requests.
    await ctx()
      .db.insertInto('referral_requests')
      .values({ ...row, id: 'closed-twin', status: 'withdrawn' })
      .execute()
  })

  test('only the placements team or the child’s own social worker sends; providers never', async () => {
    w.clock.set(NOW)
    const { referralId } = await newReferral()
    await assert.rejects(w.placements.sendReferralRequests(w.actors.bob, referralId, { homeIds: [w.oak.id] }), NotFoundError)
    await assert.rejects(w.placements.sendReferralRequests(w.actors.acme, referralId, { homeIds: [w.oak.id] }), ForbiddenError)
    await assert.rejects(w.placements.sendReferralRequests(w.actors.commissioner, referralId, { homeIds: [w.oak.id] }), ForbiddenError)
    assert.equal((await w.placements.sendReferralRequests(w.actors.ann, referralId, { homeIds: [w.oak.id] })).length, 1)
  })

  test('the send page ranks framework homes with a vacancy for the child, with reasons, and marks homes already asked', async () => {
    w.clock.set(NOW)
    const { childId, referralId } = await newReferral()
    await w.placements.sendReferralRequests(w.actors.officer, referralId, { homeIds: [w.cedar.id] })
    const reads = await childReads(ctx(), childId)
    const v = await w.placements.referralSendForm(w.actors.officer, referralId)
    assert.equal(await childReads(ctx(), childId), reads + 1, 'reading the child’s needs to rank homes is audited')
    assert.equal(v.defaultDeadline, '2026-04-07T16:00:00.000Z')
    const byName = new Map(v.homes.map((h) => [h.name, h]))
    assert.deepEqual(
      [...byName.keys()].sort(),
      ['Cedar View', 'Gorse Hall', 'Oak House'],
      'Dale Care’s home is off the framework; full homes are left out',
    )
    assert.equal(v.homes[0]!.name, 'Oak House', 'feasible first')
    assert.equal(byName.get('Oak House')!.feasible, true)
    assert.equal(byName.get('Oak House')!.milesFromHome, 0.6)
    assert.equal(byName.get('Oak House')!.weeklyPricePence, 550_000)
    assert.equal(byName.get('Cedar View')!.feasible, false)
    assert.match(byName.get('Cedar View')!.reasons.join(' '), /Statement of Purpose does not cover: .*[Ss]elf-harm/)
    assert.equal(byName.get('Cedar View')!.openRequest?.status, 'sent')
    assert.equal(byName.get('Oak House')!.openRequest, null)
    await assert.rejects(w.placements.referralSendForm(w.actors.acme, referralId), NotFoundError)
  })

  test('providers see only their own requests, and only what the referral contains; each view is an audited read', async () => {
    w.clock.set(NOW)
    const { childId, referralId } = await newReferral({ risksToOthers: ['fire-setting'] })
    const [oakReq, cedarReq] = await w.placements.sendReferralRequests(w.actors.officer, referralId, { homeIds: [w.oak.id, w.cedar.id] })
    const acmeList = await w.placements.providerReferralRequests(w.actors.acme)
    assert.ok(acmeList.some((r) => r.id === oakReq))
    assert.ok(!acmeList.some((r) => r.id === cedarReq), 'Acme does not see the request to Brook’s home')
    assert.ok(acmeList.every((r) => [w.oak.id, w.homes.gorse.id, w.homes.birch.id, w.homes.fir.id].includes(r.homeId)))
    await assert.rejects(w.placements.providerReferralRequest(w.actors.brook, oakReq!), NotFoundError)
    await assert.rejects(w.placements.providerReferralRequest(w.actors.officer, oakReq!), NotFoundError, 'the portal view is for providers')
    const before = await childReads(ctx(), childId, w.actors.acme.userId!)
    const d = await w.placements.providerReferralRequest(w.actors.acme, oakReq!)
    assert.equal(await childReads(ctx(), childId, w.actors.acme.userId!), before + 1)
    const purpose = await ctx()
      .db.selectFrom('audit_log')
      .select('after_json')
      .where('entity_id', '=', childId)
      .where('actor_user_id', '=', w.actors.acme.userId)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    assert.match(purpose.after_json ?? '', /respond to referral request RR-/)
    assert.equal(d.homeName, 'Oak House')
    assert.equal(d.canRespond, true)
    assert.deepEqual(Object.keys(d.child!).sort(), [
      'age',
      'deprivationOfLiberty',
      'legalStatus',
      'needs',
      'placementTypes',
      'preferredArea',
      'requirements',
      'risksToChild',
      'risksToOthers',
      'sex',
      'urgency',
    ])
    assert.equal(d.child!.age, 13)
    assert.deepEqual(d.child!.risksToOthers, ['Fire-setting'])
    assert.equal(d.child!.preferredArea, 'SO15')
    const text = JSON.stringify(d)
    for (const secret of [childId, `OFFER-${n}`, 'SO14', 'SO15 1AA', '2012-05-14', 'sw-ann'])
      assert.ok(!text.includes(secret), `${secret} is not shown to the provider`)
    // Being sent a referral does not open the child's record to the provider.
    await assert.rejects(w.placements.getChild(w.actors.acme, childId), NotFoundError)
    await assert.rejects(w.placements.getReferral(w.actors.acme, referralId), NotFoundError)
  })

  test('an offer goes on the timeline, to the social worker and sender by email, and is final; after the deadline no answer', async () => {
    w.clock.set(NOW)
    const { referralId } = await newReferral()
    const [oakReq, cedarReq] = await w.placements.sendReferralRequests(w.actors.officer, referralId, { homeIds: [w.oak.id, w.cedar.id] })
    await rejectsOnField(
      w.placements.respondToReferralRequest(w.actors.acme, oakReq!, { kind: 'offer', weeklyPricePence: 560_000, startDate: '2026-03-31' }),
      'startDate',
      /today or later/,
    )
    await assert.rejects(
      w.placements.respondToReferralRequest(w.actors.brook, oakReq!, { kind: 'decline', reason: 'staffing' }),
      NotFoundError,
    )
    w.clock.set('2026-04-01T11:00:00Z')
    const offerId = await w.placements.respondToReferralRequest(w.actors.acme, oakReq!, {
      kind: 'offer',
      weeklyPricePence: 560_000,
      startDate: '2026-04-08',
      note: 'Room with en-suite',
    })
    await rejectsOnField(
      w.placements.respondToReferralRequest(w.actors.acme, oakReq!, { kind: 'decline', reason: 'staffing' }),
      undefined,
      /already answered/,
    )
    const r = await w.placements.getReferral(w.actors.officer, referralId)
    assert.equal(r.timeline.at(-1)!.kind, 'response')
    assert.equal(r.timeline.at(-1)!.detail, 'Oak House (Acme Care Ltd): offer of £5,600.00 a week from 8 April 2026')
    const mail = (await emails(ctx().db, 'referral-response')).filter((m) => m.related_id === referralId)
    assert.deepEqual(mail.map((m) => m.to_address).sort(), ['ann@council.test', 'priya@council.test'])
    assert.match(mail[0]!.subject, /offer from Oak House/)
    const audit = await ctx()
      .db.selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('entity_id', '=', oakReq!)
      .orderBy('seq')
      .execute()
    assert.deepEqual(
      audit.map((a) => a.action),
      ['create', 'respond'],
    )
    assert.match(audit[1]!.after_json ?? '', /560000/)
    // Brook misses the deadline (7 April, 5pm UK).
    w.clock.set('2026-04-07T16:00:00Z')
    await rejectsOnField(
      w.placements.respondToReferralRequest(w.actors.brook, cedarReq!, { kind: 'decline', reason: 'no-vacancy' }),
      undefined,
      /deadline for answers was 7 April 2026 at 5pm/,
    )
    const d = await w.placements.providerReferralRequest(w.actors.brook, cedarReq!)
    assert.equal(d.status, 'expired')
    assert.equal(d.child, null, 'once closed, the referral’s contents are no longer shown')
    assert.equal(d.canRespond, false)
    const o = await w.placements.offerFor(w.actors.officer, offerId)
    assert.deepEqual([o.homeId, o.weeklyPricePence, o.startDate, o.status], [w.oak.id, 560_000, '2026-04-08', 'offered'])
    await assert.rejects(w.placements.offerFor(w.actors.acme, offerId), NotFoundError)
    await assert.rejects(w.placements.offerFor(w.actors.bob, offerId), NotFoundError)
    w.clock.set(NOW)
  })

  test('declines need a reason, and words for "other"; the reason shows on the timeline', async () => {
    w.clock.set(NOW)
    const { referralId } = await newReferral()
    const [cedarReq] = await w.placements.sendReferralRequests(w.actors.officer, referralId, { homeIds: [w.cedar.id] })
    await rejectsOnField(w.placements.respondToReferralRequest(w.actors.brook, cedarReq!, { kind: 'decline', reason: 'other' }), 'detail')
    await rejectsOnField(
      w.placements.respondToReferralRequest(w.actors.brook, cedarReq!, { kind: 'decline', reason: 'nope' as 'other' }),
      'reason',
    )
    await w.placements.respondToReferralRequest(w.actors.brook, cedarReq!, { kind: 'decline', reason: 'other', detail: 'Manager on leave' })
    const r = await w.placements.getReferral(w.actors.officer, referralId)
    assert.equal(r.timeline.at(-1)!.detail, 'Cedar View (Brook Homes): declined: Other (Manager on leave)')
  })

  test('officers compare requests side by side: offers cheapest first, then awaiting, then declines; withdraw an open one', async () => {
    w.clock.set(NOW)
    const { childId, referralId } = await newReferral()
    const [oakReq, cedarReq, gorseReq] = await w.placements.sendReferralRequests(w.actors.officer, referralId, {
      homeIds: [w.oak.id, w.cedar.id, w.homes.gorse.id],
    })
    await w.placements.respondToReferralRequest(w.actors.brook, cedarReq!, {
      kind: 'offer',
      weeklyPricePence: 720_000,
      startDate: '2026-04-10',
    })
    await w.placements.respondToReferralRequest(w.actors.acme, gorseReq!, {
      kind: 'offer',
      weeklyPricePence: 610_000,
      startDate: '2026-04-09',
    })
    const reads = await childReads(ctx(), childId)
    const v = await w.placements.referralRequests(w.actors.ann, referralId)
    assert.equal(await childReads(ctx(), childId), reads + 1)
    assert.deepEqual(
      v.requests.map((r) => [r.homeName, r.status, r.offer?.weeklyPricePence ?? null]),
      [
        ['Gorse Hall', 'offered', 610_000],
        ['Cedar View', 'offered', 720_000],
        ['Oak House', 'sent', null],
      ],
    )
    assert.equal(v.requests[2]!.milesFromChildHome, 0.6)
    assert.equal(v.requests[1]!.milesFromChildHome, null, 'Cedar View has no location')
    assert.equal(v.requests[2]!.judgement, 'Good')
    await assert.rejects(w.placements.referralRequests(w.actors.bob, referralId), NotFoundError)
    await assert.rejects(w.placements.referralRequests(w.actors.acme, referralId), NotFoundError)
    // Withdraw Oak House: the provider is told and can no longer answer.
    await assert.rejects(w.placements.withdrawReferralRequest(w.actors.acme, oakReq!), ForbiddenError)
    await w.placements.withdrawReferralRequest(w.actors.officer, oakReq!)
    await rejectsOnField(w.placements.withdrawReferralRequest(w.actors.officer, oakReq!), undefined, /already withdrawn/)
    const told = (await emails(ctx().db, 'referral-request-withdrawn')).filter((m) => m.related_id === oakReq)
    assert.deepEqual(
      told.map((m) => m.to_address),
      ['manager@acme.test'],
    )
    await rejectsOnField(
      w.placements.respondToReferralRequest(w.actors.acme, oakReq!, { kind: 'decline', reason: 'staffing' }),
      undefined,
      /closed/,
    )
    assert.equal((await w.placements.referralRequests(w.actors.officer, referralId)).requests.at(-1)!.status, 'withdrawn')
  })

  test('booking closes the rest: the booked home’s request accepted, the others withdrawn and told', async () => {
    w.clock.set(NOW)
    const { referralId } = await newReferral()
    const [oakReq, cedarReq] = await w.placements.sendReferralRequests(w.actors.officer, referralId, { homeIds: [w.oak.id, w.cedar.id] })
    await w.placements.respondToReferralRequest(w.actors.acme, oakReq!, {
      kind: 'offer',
      weeklyPricePence: 560_000,
      startDate: '2026-04-08',
    })
    const closed = await w.placements.closeRequestsForReferral(ctx().db, referralId, w.actors.officer, w.oak.id)
    assert.equal(closed, 2)
    const rows = await requestsOf(referralId)
    assert.deepEqual(
      rows.map((r) => [r.id, r.status]).sort(),
      [
        [oakReq, 'accepted'],
        [cedarReq, 'withdrawn'],
      ].sort(),
    )
    const told = (await emails(ctx().db, 'referral-request-closed')).filter((m) => m.related_id === cedarReq)
    assert.deepEqual(
      told.map((m) => m.to_address),
      ['manager@brook.test'],
    )
    assert.equal(
      await w.placements.closeRequestsForReferral(ctx().db, referralId, w.actors.officer, w.oak.id),
      0,
      'closing twice changes nothing',
    )
  })
})
