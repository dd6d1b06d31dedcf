import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { describeEachDialect } from '../../../test/support/databases.js'
import { systemActor } from '../../platform/auth/actor.js'
import { ForbiddenError } from '../../platform/auth/scope.js'
import { NotFoundError, UserInputError } from '../../platform/errors.js'
import { pagesWorld, type PagesWorld } from '../children/testing/pagesWorld.js'
import { child, childReads, referral } from '../placements/testing/placementWorld.js'
import { sendStatutoryReminders } from './reminders.js'

async function rejectsOnField(promise: Promise<unknown>, field: string) {
  await assert.rejects(promise, (e: unknown) => e instanceof UserInputError && e.where?.field === field)
}

describeEachDialect('placement: statutory due list, plans and reminders', (ctx) => {
  let w: PagesWorld
  let annsPlacement: string
  let bobsPlacement: string
  let annsChild: string
  before(async () => {
    w = await pagesWorld(ctx())
    const { officer } = w.actors
    annsChild = await w.placements.createChild(officer, child('CASE-ANN'))
    const bobsChild = await w.placements.createChild(officer, child('CASE-BOB', { allocatedSocialWorkerUserId: 'sw-bob' }))
    const unallocated = await w.placements.createChild(officer, child('CASE-NONE', { allocatedSocialWorkerUserId: null }))
    const book = async (childId: string, bed: string, startDate: string) =>
      w.placements.book(officer, {
        referralId: await w.placements.createReferral(officer, referral(childId)),
        homeId: w.oak.id,
        bedId: bed,
        route: 'spot',
        weeklyPricePence: 550_000,
        startDate,
      })
    // Today is Wed 1 Apr 2026. Ann's child started Fri 20 Mar: plan due 27 Mar, first visit due 27 Mar — both overdue.
    annsPlacement = await book(annsChild, w.oak.vacantBeds[0]!, '2026-03-20')
    // Bob's child starts Mon 30 Mar: first visit due Mon 6 Apr; the plan 5 working days on, over Easter: Wed 8 Apr.
    bobsPlacement = await book(bobsChild, w.oak.vacantBeds[1]!, '2026-03-30')
    await book(unallocated, w.oak.vacantBeds[2]!, '2026-03-20')
  })

  test('the placements team sees every child’s items, overdue first; a social worker only their own', async () => {
    const all = await w.placements.statutoryDueList(w.actors.officer)
    assert.deepEqual(
      all.map((i) => [i.caseReference, i.kind, i.dueOn, i.overdue, i.daysOverdue]),
      [
        ['CASE-ANN', 'placement-plan', '2026-03-27', true, 5],
        ['CASE-ANN', 'visit', '2026-03-27', true, 5],
        ['CASE-NONE', 'placement-plan', '2026-03-27', true, 5],
        ['CASE-NONE', 'visit', '2026-03-27', true, 5],
        ['CASE-BOB', 'visit', '2026-04-06', false, 0],
        ['CASE-BOB', 'placement-plan', '2026-04-08', false, 0],
      ],
    )
    assert.equal(all[0]!.socialWorker, 'Ann Social-Worker')
    assert.deepEqual(
      (await w.placements.statutoryDueList(w.actors.bob)).map((i) => i.caseReference),
      ['CASE-BOB', 'CASE-BOB'],
    )
    await assert.rejects(w.placements.statutoryDueList(w.actors.acme), ForbiddenError)
    const n = await childReads(ctx(), annsChild, 'sw-ann')
    await w.placements.statutoryDueList(w.actors.ann)
    assert.equal(await childReads(ctx(), annsChild, 'sw-ann'), n + 1, 'one audited read per child listed')
  })

  test('recording the plan and a visit clears them from the list', async () => {
    await w.placements.recordPlacementPlan(w.actors.ann, annsPlacement, '2026-03-25')
    await w.placements.recordVisit(w.actors.ann, annsPlacement, '2026-03-31')
    const items = (await w.placements.statutoryDueList(w.actors.ann)).filter((i) => i.placementId === annsPlacement)
    assert.deepEqual(items, [], 'next visit is 12 May: not due within two weeks')
    const record = await w.placements.statutoryRecord(w.actors.ann, annsPlacement)
    assert.equal(record.planPreparedOn, '2026-03-25')
    assert.deepEqual(record.visits, [{ visitedOn: '2026-03-31', by: 'Ann Social-Worker' }])
    assert.deepEqual(record.items, [{ kind: 'visit', dueOn: '2026-05-12', overdue: false, daysOverdue: 0 }])
    const audit = await ctx()
      .db.selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'placement_plan')
      .where('entity_id', '=', annsPlacement)
      .execute()
    assert.equal(audit.length, 1)
    assert.equal(JSON.parse(audit[0]!.after_json!).prepared_on, '2026-03-25')
  })

  test('a plan’s date is checked and named; others’ placements are not found', async () => {
    await rejectsOnField(w.placements.recordPlacementPlan(w.actors.bob, bobsPlacement, '2026-02-30'), 'preparedOn')
    await rejectsOnField(w.placements.recordPlacementPlan(w.actors.bob, bobsPlacement, '2026-04-02'), 'preparedOn')
    await assert.rejects(w.placements.recordPlacementPlan(w.actors.ann, bobsPlacement, '2026-03-30'), NotFoundError)
    await assert.rejects(w.placements.statutoryRecord(w.actors.acme, bobsPlacement), NotFoundError)
    await assert.rejects(w.placements.recordPlacementPlan(w.actors.finance, bobsPlacement, '2026-03-30'), ForbiddenError)
  })

  test('reminders: one email per item per reminder day to the allocated social worker, however often they run', async () => {
    const deps = { db: ctx().db, audit: w.audit, outbox: w.outbox, now: w.clock.now }
    const actor = systemActor('reminders test')
    // 1 Apr: Bob's visit (due 6 Apr) is reminded from 3 Apr, his plan (due 8 Apr) from 5 Apr; CASE-NONE has nobody to remind.
    assert.deepEqual(await sendStatutoryReminders(deps, actor), { queued: 0, alreadySent: 0, noSocialWorker: 2 })
    w.clock.set('2026-04-03T08:00:00.000Z')
    assert.deepEqual(await sendStatutoryReminders(deps, actor), { queued: 1, alreadySent: 0, noSocialWorker: 2 })
    assert.deepEqual(await sendStatutoryReminders(deps, actor), { queued: 0, alreadySent: 1, noSocialWorker: 2 })
    w.clock.set('2026-04-05T08:00:00.000Z')
    assert.deepEqual(await sendStatutoryReminders(deps, actor), { queued: 1, alreadySent: 1, noSocialWorker: 2 }, 'the plan’s first')
    w.clock.set('2026-04-06T08:00:00.000Z')
    assert.deepEqual(await sendStatutoryReminders(deps, actor), { queued: 1, alreadySent: 1, noSocialWorker: 2 }, 'the visit, on the day')
    // 9 Apr: the visit's reminder day is 7 Apr (overdue), the plan's 9 Apr; two runs at once queue each once.
    w.clock.set('2026-04-09T08:00:00.000Z')
    const racing = await Promise.all([sendStatutoryReminders(deps, actor), sendStatutoryReminders(deps, actor)])
    assert.equal(racing[0].queued + racing[1].queued, 2)
    const sent = await w.outbox.list({ purpose: 'statutory-reminder' })
    assert.equal(sent.length, 5)
    assert.ok(sent.every((m) => m.to === 'sw-bob@council.test'))
    assert.ok(
      sent.some((m) =>
        /placement plan for the child with case reference CASE-BOB, placed at Oak House, is due by 8 April 2026/.test(m.body),
      ),
    )
    assert.equal((await ctx().db.selectFrom('audit_log').select('seq').where('action', '=', 'remind').execute()).length, 5)
    w.clock.set('2026-04-01T09:00:00.000Z')
  })
})
