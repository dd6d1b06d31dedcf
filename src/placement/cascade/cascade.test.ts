import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { describeEachDialect } from '../../../test/support/databases.js'
import { ForbiddenError } from '../../platform/auth/scope.js'
import { DEFAULT_COMPATIBILITY_RULES } from '../domain/compatibilityRules.js'
import { cascadeWorld, type CascadeWorld } from './testing/cascadeWorld.js'
import { rejectsOnField } from '../placements/testing/rejectsOnField.js'

describeEachDialect('placement cascade: search, compatibility, passing over block beds', (ctx) => {
  let w: CascadeWorld
  before(async () => {
    w = await cascadeWorld(ctx())
  })
  const homesOf = (s: Awaited<ReturnType<CascadeWorld['placements']['searchReferral']>>, route: string) =>
    s.groups.find((g) => g.route === route)!.homes
  const booking = (referralId: string, homeId: string, bedId: string, route: 'in-house' | 'block' | 'spot', extra = {}) => ({
    referralId,
    homeId,
    bedId,
    route,
    contractId: route === 'block' ? w.contracts.block : null,
    weeklyPricePence: 500_000,
    startDate: '2026-04-01',
    ...extra,
  })

  test('every live vacancy, grouped in cascade order, with reasons, prices, distances and the score in parts', async () => {
    const { referralId } = await w.referred()
    const s = await w.placements.searchReferral(w.actors.officer, referralId)
    assert.deepEqual(
      s.groups.map((g) => [g.route, g.listed, g.feasible]),
      [
        ['in-house', 1, 0],
        ['block', 2, 1],
        ['spot', 2, 1],
      ],
    )
    const [cedar] = homesOf(s, 'in-house')
    assert.equal(cedar!.name, 'Cedar View')
    assert.equal(cedar!.feasible, false)
    assert.deepEqual(cedar!.reasonCodes, ['CATEGORY', 'NEEDS'])
    assert.deepEqual(cedar!.reasons, [
      'Not registered with Ofsted for: Emotional and behavioural difficulties',
      'Its Statement of Purpose does not cover: Self-harm',
    ])
    assert.equal(cedar!.milesFromHome, null, 'Cedar View has no known location')
    assert.equal(cedar!.weeklyPricePence, 410_000)
    assert.equal(cedar!.contractReference, 'INHOUSE-1')

    const [oakBlock, gorse] = homesOf(s, 'block')
    assert.deepEqual([oakBlock!.name, oakBlock!.feasible, gorse!.name, gorse!.feasible], ['Oak House', true, 'Gorse Hall', false])
    assert.deepEqual(
      oakBlock!.beds.map((b) => b.id),
      [w.beds.oakBlock],
    )
    assert.equal(oakBlock!.weeklyPricePence, 480_000)
    assert.deepEqual([oakBlock!.milesFromHome, oakBlock!.milesFromSchool, oakBlock!.schoolContinuity], [0.6, 3.1, true])
    // Each part as the weights say: nearer home, school kept, cheapest feasible, Good, block.
    assert.deepEqual(oakBlock!.score.parts, { distance: 29.82, school: 19.69, price: 25, judgement: 15, route: 2.5, compatibility: 0 })
    assert.equal(oakBlock!.score.total, 92.01)

    const [oakSpot, cedarSpot] = homesOf(s, 'spot')
    assert.deepEqual([oakSpot!.name, oakSpot!.feasible, cedarSpot!.name, cedarSpot!.feasible], ['Oak House', true, 'Cedar View', false])
    assert.equal(oakSpot!.beds.length, 2)
    assert.equal(oakSpot!.weeklyPricePence, 550_000, "Acme's lot 1 spot rate")
    assert.equal(cedarSpot!.weeklyPricePence, 720_000, "Brook's only active lot is lot 2")
    assert.equal(oakSpot!.score.parts.price, 21.82)
    assert.equal(oakSpot!.contractId, null)

    assert.deepEqual(
      s.emptyBlockBeds.map((b) => [b.bedId, b.contractReference]),
      [[w.beds.oakBlock, 'BLOCK-1']],
    )
    assert.deepEqual(s.origin, { home: 'home postcode', school: true })

    const feasible = await w.placements.searchReferral(w.actors.officer, referralId, { feasibleOnly: true, route: 'spot' })
    assert.deepEqual(
      feasible.groups.map((g) => [g.route, g.shown]),
      [
        ['in-house', 0],
        ['block', 0],
        ['spot', 1],
      ],
    )
  })

  test('only those who arrange placements search; the child and the residents weighed are audited reads', async () => {
    const { referralId, childId } = await w.referred()
    await assert.rejects(w.placements.searchReferral(w.actors.ann, referralId), ForbiddenError)
    await assert.rejects(w.placements.searchReferral(w.actors.acme, referralId), ForbiddenError)
    const reads = () =>
      ctx()
        .db.selectFrom('audit_log')
        .select(['entity_id', 'after_json'])
        .where('entity_type', '=', 'child')
        .where('action', '=', 'read')
        .orderBy('seq')
        .execute()
    const before = (await reads()).length
    await w.placements.searchReferral(w.actors.officer, referralId)
    const after = await reads()
    assert.equal(after.length, before + 1, 'no resident yet: only the child')
    assert.equal(after.at(-1)!.entity_id, childId)
    assert.match(after.at(-1)!.after_json!, /placement search/)
  })

  test('placing elsewhere while a feasible block bed stands empty needs a reason, which becomes the void cause', async () => {
    const { referralId } = await w.referred()
    const spotBed = w.beds.oakSpot[0]!
    await rejectsOnField(
      w.placements.book(w.actors.officer, booking(referralId, w.homes.oak.id, spotBed, 'spot')),
      'emptyBedCause',
      /empty block bed is not used for this child: Oak House \(/,
    )
    assert.equal((await w.causes()).length, 0)
    const id = await w.placements.book(
      w.actors.officer,
      booking(referralId, w.homes.oak.id, spotBed, 'spot', {
        startDate: '2026-04-02',
        emptyBedCause: 'provider-declined',
        emptyBedNote: 'Manager declined on the phone',
      }),
    )
    assert.deepEqual(await w.causes(), [
      { bedId: w.beds.oakBlock, fromDate: '2026-04-02', cause: 'provider-declined', referralId, note: 'Manager declined on the phone' },
    ])
    const r = await w.placements.getReferral(w.actors.officer, referralId)
    assert.equal(r.placementId, id)
    assert.deepEqual(
      r.passedOver.map((p) => [p.homeName, p.contractReference, p.cause, p.note]),
      [['Oak House', 'BLOCK-1', 'provider-declined', 'Manager declined on the phone']],
    )
    await rejectsOnField(
      w.placements.book(
        w.actors.officer,
        booking((await w.referred()).referralId, w.homes.oak.id, w.beds.oakSpot[1]!, 'spot', { emptyBedCause: 'no-referral' }),
      ),
      'emptyBedCause',
    )
  })

  test('the route booked must be the bed’s own; a block booking passes nothing over', async () => {
    const { referralId } = await w.referred({ risksToOthers: ['sexual-harm'] })
    await rejectsOnField(
      w.placements.book(w.actors.officer, { ...booking(referralId, w.homes.oak.id, w.beds.oakBlock, 'spot'), contractId: null }),
      'route',
      /block contract, not framework spot purchase/,
    )
    const before = (await w.causes()).length
    await w.placements.book(w.actors.officer, booking(referralId, w.homes.oak.id, w.beds.oakBlock, 'block', { weeklyPricePence: 480_000 }))
    assert.equal((await w.causes()).length, before)
  })

  test('a resident’s risk rules a home out by the council’s rule set; a head of service changes the set, audited', async () => {
    // Oak House now has a resident who presents a risk of sexual harm (the previous test).
    const { referralId } = await w.referred({ risksToChild: ['sexual-exploitation', 'going-missing'] })
    const [oak] = homesOf(await w.placements.searchReferral(w.actors.officer, referralId), 'spot')
    assert.equal(oak!.name, 'Oak House')
    assert.deepEqual(oak!.reasonCodes, ['INCOMPATIBLE'])
    assert.deepEqual(oak!.reasons, ['A child at risk of sexual exploitation is not placed with a child who presents a risk of sexual harm'])

    const warnOnly = {
      compatibility: [
        {
          id: 'missing-with-sexual-harm',
          description: 'A child who goes missing, with a child who presents a sexual-harm risk',
          ifChild: 'going-missing',
          ifResident: 'sexual-harm',
          effect: 'warn',
          penalty: 7,
        },
      ],
      excludedJudgements: ['Inadequate'],
      weights: {},
    }
    await assert.rejects(w.placements.setCouncilRules(w.actors.officer, JSON.stringify(warnOnly)), ForbiddenError)
    await rejectsOnField(w.placements.setCouncilRules(w.actors.head, '{ not json'), 'rules', /not valid JSON/)
    await rejectsOnField(
      w.placements.setCouncilRules(w.actors.head, JSON.stringify({ compatibility: [{ ...warnOnly.compatibility[0], ifChild: 'arson' }] })),
      'rules[0].ifChild',
      /^Rule 1, ifChild/,
    )
    await w.placements.setCouncilRules(w.actors.head, JSON.stringify(warnOnly))
    const s = await w.placements.searchReferral(w.actors.officer, referralId)
    const [again] = homesOf(s, 'spot')
    assert.equal(again!.feasible, true)
    assert.deepEqual(again!.warnings, ['A child who goes missing, with a child who presents a sexual-harm risk'])
    assert.equal(again!.score.parts.compatibility, -7)
    assert.equal(s.compatibility.length, 1)
    const audit = await ctx()
      .db.selectFrom('audit_log')
      .select(['before_json', 'after_json'])
      .where('entity_type', '=', 'matching_rules')
      .executeTakeFirstOrThrow()
    assert.equal(JSON.parse(audit.before_json!).rules.compatibility.length, DEFAULT_COMPATIBILITY_RULES.length)
    assert.equal(JSON.parse(audit.after_json!).rules.compatibility[0].id, 'missing-with-sexual-harm')
    // The residents weighed were read for this referral, and the reads say so.
    const residentReads = await ctx()
      .db.selectFrom('audit_log')
      .select('after_json')
      .where('entity_type', '=', 'child')
      .where('after_json', 'like', `%compatibility check for referral ${referralId}%`)
      .execute()
    assert.equal(residentReads.length, 4, 'two searches, two residents in Oak House')
  })
})
