import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { describeEachDialect } from '../../../test/support/databases.js'
import { ForbiddenError } from '../../platform/auth/scope.js'
import type { Db } from '../../platform/db/database.js'
import { NotFoundError, UserInputError } from '../../platform/errors.js'
import { BED_JUST_TAKEN, isOpenBedClash } from './bookingService.js'
import { child, placementWorld, referral, type PlacementWorld } from './testing/placementWorld.js'
import { rejectsOnField } from './testing/rejectsOnField.js'

const bedStatus = (db: Db, bedId: string) =>
  db
    .selectFrom('beds')
    .select('status')
    .where('id', '=', bedId)
    .executeTakeFirstOrThrow()
    .then((r) => r.status)
const openOn = (db: Db, bedId: string) =>
  db.selectFrom('placements').select('id').where('bed_id', '=', bedId).where('end_date', 'is', null).execute()

describeEachDialect('placement: booking, impact assessment, ending, visits', (ctx) => {
  let w: PlacementWorld
  let n = 0
  /** A fresh child with an open referral, for each booking. */
  async function newReferral(): Promise<{ childId: string; referralId: string }> {
    const childId = await w.placements.createChild(w.actors.officer, child(`CASE-${++n}`))
    const referralId = await w.placements.createReferral(w.actors.officer, referral(childId))
    return { childId, referralId }
  }
  const booking = (referralId: string, bedId: string) => ({
    referralId,
    homeId: w.oak.id,
    bedId,
    route: 'spot' as const,
    weeklyPricePence: 550_000,
    startDate: '2026-04-02',
  })

  before(async () => {
    w = await placementWorld(ctx())
  })

  test('booking occupies the bed, closes the referral as matched and is audited, all at once', async () => {
    const { referralId } = await newReferral()
    const bed = w.oak.vacantBeds[0]!
    const id = await w.placements.book(w.actors.officer, booking(referralId, bed))
    assert.equal(await bedStatus(ctx().db, bed), 'occupied')
    const r = await w.placements.getReferral(w.actors.officer, referralId)
    assert.equal(r.status, 'matched')
    assert.deepEqual(
      r.timeline.map((e) => e.kind),
      ['sent', 'admission'],
    )
    const p = await w.placements.getPlacement(w.actors.officer, id)
    assert.equal(p.weekly_price_pence, 550_000)
    assert.equal(p.start_date, '2026-04-02')
    const audited = await ctx().db.selectFrom('audit_log').select('entity_type').where('entity_id', 'in', [id, bed]).execute()
    assert.deepEqual(audited.map((a) => a.entity_type).sort(), ['bed', 'placement'])
  })

  test('booking a taken bed is refused clearly and changes nothing', async () => {
    const { referralId } = await newReferral()
    const taken = w.oak.vacantBeds[0]!
    const before = (await ctx().db.selectFrom('placements').select('id').execute()).length
    await rejectsOnField(w.placements.book(w.actors.officer, booking(referralId, taken)), 'bedId', /just taken/)
    assert.equal((await ctx().db.selectFrom('placements').select('id').execute()).length, before)
    assert.equal((await w.placements.getReferral(w.actors.officer, referralId)).status, 'open')
  })

  test('two officers booking the last bed at once: exactly one succeeds', async () => {
    const a = await newReferral()
    const b = await newReferral()
    const bed = w.oak.vacantBeds[1]!
    const results = await Promise.allSettled([
      w.placements.book(w.actors.officer, booking(a.referralId, bed)),
      w.placements.book(w.actors.head, booking(b.referralId, bed)),
    ])
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1)
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    assert.equal(rejected.length, 1)
    assert.ok(rejected[0]!.reason instanceof UserInputError, String(rejected[0]!.reason))
    assert.equal(rejected[0]!.reason.message, BED_JUST_TAKEN)
    assert.equal((await openOn(ctx().db, bed)).length, 1)
    const statuses = [
      (await w.placements.getReferral(w.actors.officer, a.referralId)).status,
      (await w.placements.getReferral(w.actors.officer, b.referralId)).status,
    ]
    assert.deepEqual(statuses.sort(), ['matched', 'open'])
  })

  test('the database itself refuses a second open placement on a bed', async () => {
    const [open] = await openOn(ctx().db, w.oak.vacantBeds[0]!)
    const row = await ctx().db.selectFrom('placements').selectAll().where('id', '=', open!.id).executeTakeFirstOrThrow()
    // …and the service recognises that refusal, to turn it into the clear message.
    await assert.rejects(
      ctx()
        .db.insertInto('placements')
        .values({ ...row, id: 'duplicate' })
        .execute(),
      (e: unknown) => {
        assert.equal(isOpenBedClash(e), true, String(e))
        return true
      },
    )
  })

  test('only placement officers and heads of service book; bad input names the field', async () => {
    const { referralId } = await newReferral()
    const bed = w.cedar.vacantBeds[0]!
    await assert.rejects(w.placements.book(w.actors.ann, booking(referralId, bed)), ForbiddenError)
    await assert.rejects(w.placements.book(w.actors.acme, booking(referralId, bed)), ForbiddenError)
    await rejectsOnField(w.placements.book(w.actors.officer, booking(referralId, bed)), 'bedId', /in the chosen home/)
    await rejectsOnField(
      w.placements.book(w.actors.officer, { ...booking(referralId, w.oak.vacantBeds[2]!), weeklyPricePence: 12.5 }),
      'weeklyPricePence',
    )
    await rejectsOnField(
      w.placements.book(w.actors.officer, { ...booking(referralId, w.oak.vacantBeds[2]!), route: 'block' }),
      'contractId',
      /block contract/,
    )
    await rejectsOnField(
      w.placements.book(w.actors.officer, { ...booking(referralId, w.oak.vacantBeds[2]!), startDate: '2026-13-01' }),
      'startDate',
    )
    await rejectsOnField(w.placements.book(w.actors.officer, { ...booking('nope', w.oak.vacantBeds[2]!) }), 'referralId')
    assert.equal(await bedStatus(ctx().db, w.oak.vacantBeds[2]!), 'vacant')
  })

  test('the home’s own provider user records the impact risk assessment, before or at the start', async () => {
    const [open] = await openOn(ctx().db, w.oak.vacantBeds[0]!)
    await assert.rejects(w.placements.recordImpactAssessment(w.actors.brook, open!.id, { assessment: 'x' }), NotFoundError)
    await assert.rejects(w.placements.recordImpactAssessment(w.actors.officer, open!.id, { assessment: 'x' }), NotFoundError)
    await rejectsOnField(w.placements.recordImpactAssessment(w.actors.acme, open!.id, { assessment: '  ' }), 'assessment')
    await w.placements.recordImpactAssessment(w.actors.acme, open!.id, { assessment: 'Compatible with current residents' })
    assert.equal((await w.placements.getPlacement(w.actors.officer, open!.id)).impact_assessment, 'Compatible with current residents')
    w.clock.set('2026-04-03T09:00:00.000Z')
    try {
      await rejectsOnField(
        w.placements.recordImpactAssessment(w.actors.acme, open!.id, { assessment: 'late' }),
        'assessment',
        /before or on the start date/,
      )
    } finally {
      w.clock.set('2026-04-01T09:00:00.000Z')
    }
  })

  test('visits and the statutory timers list', async () => {
    const [open] = await openOn(ctx().db, w.oak.vacantBeds[0]!)
    w.clock.set('2026-04-20T09:00:00.000Z')
    try {
      const due = await w.placements.dueAndOverdue(w.actors.officer)
      const item = due.find((d) => d.placementId === open!.id)!
      assert.equal(item.placementPlanDue, '2026-04-13')
      assert.deepEqual([item.nextVisitDue, item.visitOverdue], ['2026-04-09', true])
      await rejectsOnField(w.placements.recordVisit(w.actors.officer, open!.id, '2026-04-21'), 'visitedOn')
      await w.placements.recordVisit(w.actors.officer, open!.id, '2026-04-08')
      const after = (await w.placements.dueAndOverdue(w.actors.officer)).find((d) => d.placementId === open!.id)!
      assert.deepEqual([after.nextVisitDue, after.visitOverdue, after.lastVisit], ['2026-05-20', false, '2026-04-08'])
      // Ann is allocated to every test child here; Bob to none.
      assert.deepEqual(await w.placements.dueAndOverdue(w.actors.bob), [])
      await assert.rejects(w.placements.dueAndOverdue(w.actors.acme), ForbiddenError)
    } finally {
      w.clock.set('2026-04-01T09:00:00.000Z')
    }
  })

  test('ending validates the SSDA903 codes and frees the bed', async () => {
    const bed = w.oak.vacantBeds[0]!
    const [open] = await openOn(ctx().db, bed)
    const id = open!.id
    const end = { endDate: '2026-06-30', reasonEpisodeCeased: 'X1' as const, reasonPlaceChange: null, planned: 'planned' as const }
    await assert.rejects(w.placements.end(w.actors.ann, id, end), ForbiddenError)
    await rejectsOnField(w.placements.end(w.actors.officer, id, end), 'reasonPlaceChange', /moves to another placement/)
    await rejectsOnField(
      w.placements.end(w.actors.officer, id, { ...end, reasonEpisodeCeased: 'E4A', reasonPlaceChange: 'CARPL' }),
      'reasonPlaceChange',
    )
    await rejectsOnField(
      w.placements.end(w.actors.officer, id, { ...end, reasonEpisodeCeased: 'E99' as never }),
      'reasonEpisodeCeased',
      /REC/,
    )
    await rejectsOnField(w.placements.end(w.actors.officer, id, { ...end, reasonPlaceChange: 'NOPE' as never }), 'reasonPlaceChange')
    await rejectsOnField(w.placements.end(w.actors.officer, id, { ...end, reasonPlaceChange: 'CARPL', endDate: '2026-03-01' }), 'endDate')
    await rejectsOnField(
      w.placements.end(w.actors.officer, id, { ...end, reasonPlaceChange: 'CARPL', planned: 'maybe' as never }),
      'planned',
    )
    assert.equal(await bedStatus(ctx().db, bed), 'occupied')

    await w.placements.end(w.actors.officer, id, { ...end, reasonPlaceChange: 'CARPL' })
    assert.equal(await bedStatus(ctx().db, bed), 'vacant')
    const p = await w.placements.getPlacement(w.actors.officer, id)
    assert.deepEqual([p.end_date, p.end_reason, p.reason_place_change, p.ended_planned], ['2026-06-30', 'X1', 'CARPL', 'planned'])
    const audit = await ctx()
      .db.selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', id)
      .where('action', '=', 'end')
      .executeTakeFirstOrThrow()
    assert.equal(JSON.parse(audit.before_json!).end_date, null)
    assert.equal(JSON.parse(audit.after_json!).end_date, '2026-06-30')
    // Once ended, the provider user no longer sees the child, and the bed can be booked again.
    await assert.rejects(w.placements.getPlacement(w.actors.acme, id), NotFoundError)
    await assert.rejects(w.placements.getChild(w.actors.acme, p.child_id), NotFoundError)
    await assert.rejects(w.placements.end(w.actors.officer, id, { ...end, reasonPlaceChange: 'CARPL' }), /already ended/)
    const { referralId } = await newReferral()
    // A back-dated start inside the ended stay would put two children in one bed on the same nights.
    await rejectsOnField(w.placements.book(w.actors.officer, booking(referralId, bed)), 'startDate', /occupied until 2026-06-30/)
    assert.equal((await openOn(ctx().db, bed)).length, 0)
    await w.placements.book(w.actors.officer, { ...booking(referralId, bed), startDate: '2026-06-30' })
    assert.equal((await openOn(ctx().db, bed)).length, 1)
  })

  test('referrals: update while open, timeline events, close', async () => {
    const { referralId } = await newReferral()
    await w.placements.updateReferral(w.actors.ann, referralId, { ...referral('x'), urgency: 'today', deprivationOfLiberty: 'yes' })
    await w.placements.recordReferralEvent(w.actors.officer, referralId, { kind: 'response', detail: 'Oak House can offer a bed' })
    await rejectsOnField(w.placements.closeReferral(w.actors.officer, referralId, ' '), 'reason')
    await w.placements.closeReferral(w.actors.officer, referralId, 'Child returned home')
    const r = await w.placements.getReferral(w.actors.ann, referralId)
    assert.deepEqual([r.urgency, r.deprivationOfLiberty, r.status], ['today', 'yes', 'closed'])
    assert.deepEqual(
      r.timeline.map((e) => e.kind),
      ['sent', 'response', 'closed'],
    )
    await assert.rejects(w.placements.updateReferral(w.actors.ann, referralId, referral('x')), /closed/)
    await assert.rejects(w.placements.getReferral(w.actors.bob, referralId), NotFoundError)
  })
})
