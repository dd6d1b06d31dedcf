import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { describeEachDialect } from '../../../test/support/databases.js'
import { ForbiddenError } from '../../platform/auth/scope.js'
import { NotFoundError, UserInputError } from '../../platform/errors.js'
import { child, childReads, placementWorld, referral, type PlacementWorld } from '../placements/testing/placementWorld.js'

async function rejectsOnField(promise: Promise<unknown>, field: string, message?: RegExp): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof UserInputError, String(err))
    assert.equal(err.where?.field, field, err.message)
    if (message) assert.match(err.message, message)
    return true
  })
}

describeEachDialect('placement: who may read a child’s record', (ctx) => {
  let w: PlacementWorld
  let annsChild: string
  let bobsChild: string
  before(async () => {
    w = await placementWorld(ctx())
    const { officer, bob } = w.actors
    annsChild = await w.placements.createChild(officer, child('CASE-ANN-1'))
    // A social worker creating a record is allocated to it.
    bobsChild = await w.placements.createChild(bob, child('CASE-BOB-1', { allocatedSocialWorkerUserId: null }))
    // Ann's child is placed at Oak House (Acme).
    const ref = await w.placements.createReferral(officer, referral(annsChild))
    await w.placements.book(officer, {
      referralId: ref,
      homeId: w.oak.id,
      bedId: w.oak.vacantBeds[0]!,
      route: 'spot',
      weeklyPricePence: 550_000,
      startDate: '2026-04-02',
    })
  })

  test('social workers read only the children allocated to them', async () => {
    const { ann, bob } = w.actors
    assert.equal((await w.placements.getChild(ann, annsChild)).caseReference, 'CASE-ANN-1')
    await assert.rejects(w.placements.getChild(ann, bobsChild), NotFoundError)
    assert.equal((await w.placements.getChild(bob, bobsChild)).allocatedSocialWorkerUserId, 'sw-bob')
    assert.deepEqual(
      (await w.placements.listChildren(ann)).map((c) => c.caseReference),
      ['CASE-ANN-1'],
    )
    assert.deepEqual(
      (await w.placements.listChildren(bob)).map((c) => c.caseReference),
      ['CASE-BOB-1'],
    )
  })

  test('placement officers and heads of service read all', async () => {
    for (const a of [w.actors.officer, w.actors.head]) {
      assert.deepEqual(
        (await w.placements.listChildren(a)).map((c) => c.caseReference),
        ['CASE-ANN-1', 'CASE-BOB-1'],
      )
      assert.equal((await w.placements.getChild(a, bobsChild)).id, bobsChild)
    }
  })

  test('a provider user reads only children placed (open) in its own homes', async () => {
    const { acme, brook } = w.actors
    assert.deepEqual(
      (await w.placements.listChildren(acme)).map((c) => c.id),
      [annsChild],
    )
    assert.equal((await w.placements.getChild(acme, annsChild)).homePostcode, 'SO14 7DU')
    await assert.rejects(w.placements.getChild(acme, bobsChild), NotFoundError)
    assert.deepEqual(await w.placements.listChildren(brook), [])
    await assert.rejects(w.placements.getChild(brook, annsChild), NotFoundError)
  })

  test('other roles read nothing and write nothing', async () => {
    for (const a of [w.actors.commissioner, w.actors.finance]) {
      assert.deepEqual(await w.placements.listChildren(a), [])
      await assert.rejects(w.placements.getChild(a, annsChild), NotFoundError)
      await assert.rejects(w.placements.createChild(a, child('CASE-X')), ForbiddenError)
    }
    await assert.rejects(w.placements.createChild(w.actors.acme, child('CASE-Y')), ForbiddenError)
    await assert.rejects(w.placements.updateChild(w.actors.ann, bobsChild, child('CASE-BOB-1')), NotFoundError)
  })

  test('every read of a child’s record leaves an audit row with its purpose', async () => {
    const before = await childReads(ctx(), annsChild, 'sw-ann')
    await w.placements.getChild(w.actors.ann, annsChild, 'prepare review')
    await w.placements.listChildren(w.actors.ann)
    assert.equal(await childReads(ctx(), annsChild, 'sw-ann'), before + 2)
    const last = await ctx()
      .db.selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'child')
      .where('action', '=', 'read')
      .orderBy('seq', 'desc')
      .limit(2)
      .execute()
    assert.deepEqual(
      last.map((r) => JSON.parse(r.after_json!).purpose),
      ['list children', 'prepare review'],
    )
    // A refused read leaves no row saying the child was read.
    const bobReadsBefore = await childReads(ctx(), annsChild, 'sw-bob')
    await assert.rejects(w.placements.getChild(w.actors.bob, annsChild), NotFoundError)
    assert.equal(await childReads(ctx(), annsChild, 'sw-bob'), bobReadsBefore)
  })

  test('writes are audited with before and after', async () => {
    await w.placements.updateChild(w.actors.ann, annsChild, child('CASE-ANN-1', { legalStatus: 'V2' }))
    const row = await ctx()
      .db.selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'child')
      .where('action', '=', 'update')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow()
    assert.equal(JSON.parse(row.before_json!).legalStatus, 'C2')
    assert.equal(JSON.parse(row.after_json!).legalStatus, 'V2')
    assert.equal(row.entity_id, annsChild)
  })

  test('bad input names the field, and nothing is written', async () => {
    const count = async () => (await ctx().db.selectFrom('children').select('id').execute()).length
    const n = await count()
    const { officer } = w.actors
    await rejectsOnField(w.placements.createChild(officer, child('CASE-Z', { legalStatus: 'XX' as never })), 'legalStatus', /legal status/)
    await rejectsOnField(w.placements.createChild(officer, child('CASE-Z', { dateOfBirth: '2012-02-30' })), 'dateOfBirth', /real date/)
    await rejectsOnField(w.placements.createChild(officer, child('CASE-Z', { homePostcode: 'nowhere' })), 'homePostcode', /postcode/)
    await rejectsOnField(w.placements.createChild(officer, child('CASE-Z', { risksToChild: ['fire-setting' as never] })), 'risksToChild')
    await rejectsOnField(w.placements.createChild(officer, child('CASE-ANN-1')), 'caseReference', /already exists/)
    assert.equal(await count(), n)
    await rejectsOnField(w.placements.createReferral(officer, { ...referral(annsChild), urgency: 'soon' as never }), 'urgency')
    await rejectsOnField(
      w.placements.createReferral(officer, { ...referral(annsChild), placementTypes: [] }),
      'placementTypes',
      /at least one/,
    )
    await rejectsOnField(w.placements.createReferral(w.actors.ann, referral(bobsChild)), 'childId')
  })
})
