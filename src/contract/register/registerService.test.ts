import assert from 'node:assert/strict'
import { test } from 'node:test'
import { describeEachDialect } from '../../../test/support/databases.js'
import { createPlacementPort } from '../../placement/ports/placementPort.js'
import { systemActor } from '../../platform/auth/actor.js'
import { ForbiddenError } from '../../platform/auth/scope.js'
import { createUserRepository } from '../../platform/auth/userRepository.js'
import { createUserService } from '../../platform/auth/userService.js'
import { inTransaction } from '../../platform/db/transaction.js'
import { NotFoundError, UserInputError } from '../../platform/errors.js'
import { REMINDER_PURPOSE } from './extensionService.js'
import { uplift } from './indexation.js'
import type { ContractTerms } from './terms.js'
import { registerWorld, type RegisterWorld } from './testing/registerWorld.js'

const refused = (pattern: RegExp, field?: string) => (e: unknown) =>
  e instanceof UserInputError && pattern.test(e.message) && (field === undefined || e.where?.field === field)

/**
 * The register's life in order, on one database per dialect: an award's contracts and two entered
 * by hand, the beds they reserve, variations, CPI and indexation, reminders and the extension
 * decision, and the outcomes of the children placed. Each test picks up where the last left off.
 */
describeEachDialect('the register: beds, variations, indexation and the extension decision', (ctx) => {
  type Made = {
    w: RegisterWorld
    acme: string
    acmeRef: string
    cove: string
    inHouse: string
    spot: string
    bedA: string
    bedB: string
    bed0: string
  }
  let made: Promise<Made> | undefined
  const world = () =>
    (made ??= (async () => {
      const w = await registerWorld(ctx())
      const { acme, cove } = await w.awardedContracts()
      const [bed0, bedA, bedB] = w.homes.oak.bedIds as [string, string, string]
      return { w, acme: acme.id, acmeRef: acme.reference, cove: cove.id, inHouse: '', spot: '', bedA, bedB, bed0 }
    })())
  const count = async (table: 'contracts' | 'contract_variations' | 'contract_prices' | 'outbox') =>
    Number(
      (
        await ctx()
          .db.selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  const routes = async (w: RegisterWorld, date: string) => inTransaction(ctx().db, (tx) => w.register.bedRoutes(tx, date))

  test('bed routes: every block bed reserved on the date with its contract and price; none before the start', async () => {
    const { w, acme, acmeRef, bed0, bedA } = await world()
    const may = await routes(w, '2026-05-01')
    assert.equal(may.size, 6)
    assert.deepEqual(may.get(bedA), {
      bedId: bedA,
      homeId: w.homes.oak.id,
      route: 'block',
      contractId: acme,
      contractReference: acmeRef,
      weeklyPricePence: 500_000,
    })
    assert.equal(may.has(bed0), false, 'the occupied spot bed is not reserved')
    assert.deepEqual([...new Set([...may.values()].map((r) => r.weeklyPricePence))].sort(), [500_000, 520_000])
    assert.equal((await routes(w, '2026-04-30')).size, 0)
  })

  test('hand entry: an in-house unit and a spot arrangement; bad terms refused by control, nothing written', async () => {
    const m = await world()
    const { w } = m
    const delta = await w.register.bedsOfProvider(w.actors.officer, w.providers.delta)
    const elder = await w.register.bedsOfProvider(w.actors.officer, w.providers.elder)
    const terms = (over: Partial<ContractTerms>): ContractTerms => ({
      reference: 'IH-1',
      kind: 'in-house',
      providerId: w.providers.delta,
      bedIds: delta.map((b) => b.bedId),
      pricePencePerBedWeek: 450_000,
      pricingModel: 'block',
      placementFeePencePerWeek: null,
      startDate: '2025-01-15',
      initialEndDate: '2029-01-14',
      maxExtentDate: '2030-01-14',
      extensionMonths: 12,
      extensionNoticeDate: '2028-09-30',
      paymentFrequency: 'monthly',
      voidReleaseAfterDays: 28,
      indexation: { capBps: 150, reviewBps: 300, cpiLagMonths: 2 },
      ...over,
    })
    const before = await count('contracts')
    await assert.rejects(w.register.createContract(w.actors.finance, terms({})), ForbiddenError)
    await assert.rejects(
      w.register.createContract(
        w.actors.officer,
        terms({ reference: 'B-1', kind: 'block', providerId: w.providers.acme, bedIds: [m.bedA] }),
      ),
      refused(new RegExp(`Oak House Bed 2 is already reserved by contract ${m.acmeRef} from 1 May 2026`), 'bedIds'),
    )
    await assert.rejects(
      w.register.createContract(w.actors.officer, terms({ pricingModel: 'core-and-placement' })),
      refused(/fee per occupied bed-week/, 'placementFeePencePerWeek'),
    )
    await assert.rejects(
      w.register.createContract(w.actors.officer, terms({ extensionNoticeDate: null })),
      refused(/notice/, 'extensionNoticeDate'),
    )
    await assert.rejects(
      w.register.createContract(w.actors.officer, terms({ bedIds: [elder[0]!.bedId] })),
      refused(/provider’s own homes/, 'bedIds'),
    )
    await assert.rejects(
      w.register.createContract(w.actors.officer, terms({ reference: 'PW-2026-0001-C1' })),
      refused(/already a contract/, 'reference'),
    )
    await assert.rejects(
      w.register.createContract(w.actors.officer, terms({ indexation: { capBps: 150, reviewBps: 300, cpiLagMonths: 13 } })),
      refused(/12 months/, 'cpiLagMonths'),
    )
    assert.equal(await count('contracts'), before)

    m.inHouse = await w.register.createContract(w.actors.officer, terms({}))
    m.spot = await w.register.createContract(
      w.actors.officer,
      terms({
        reference: 'SPOT-1',
        kind: 'spot-arrangement',
        providerId: w.providers.elder,
        bedIds: [elder[0]!.bedId],
        pricePencePerBedWeek: 610_000,
        startDate: '2026-04-01',
        initialEndDate: '2027-09-30',
        maxExtentDate: '2028-09-30',
        extensionNoticeDate: '2027-06-30',
        indexation: null,
        voidReleaseAfterDays: null,
      }),
    )
    const may = await routes(w, '2026-05-01')
    assert.deepEqual(
      delta.map((b) => may.get(b.bedId)?.route),
      ['in-house', 'in-house'],
    )
    assert.equal(may.has(elder[0]!.bedId), false, 'a spot arrangement reserves no bed')
    assert.deepEqual(
      (await w.register.register(w.actors.acme)).map((r) => r.contract.reference),
      [m.acmeRef],
    )
  })

  test('variations: a bed with a child placed cannot be taken away; approval needs someone else with contract:approve', async () => {
    const { w, acme, bedA, bedB, bed0 } = await world()
    w.clock.set('2026-06-01T09:00:00.000Z')
    await w.placeChild({ bedId: bedA, contractId: acme, startDate: '2026-05-10', homePostcode: 'SO14 7DU' })
    const variations = await count('contract_variations')
    await assert.rejects(
      w.register.proposeVariation(w.actors.officer, acme, {
        kind: 'beds',
        effectiveDate: '2026-07-01',
        reason: 'Fewer beds',
        bedIds: [bedB, w.homes.oak.bedIds[3]!],
      }),
      refused(/Oak House Bed 2 has a child placed in it with no end date: the variation would leave the child without a bed/, 'bedIds'),
    )
    assert.equal(await count('contract_variations'), variations, 'nothing written')

    const swap = await w.register.proposeVariation(w.actors.officer, acme, {
      kind: 'beds',
      effectiveDate: '2026-07-01',
      reason: 'Bed 3 is to be refurbished; Bed 1 comes into the block instead.',
      bedIds: [bedA, w.homes.oak.bedIds[3]!, bed0],
    })
    await assert.rejects(w.register.decideVariation(w.actors.officer, swap, { approve: true, note: '' }), ForbiddenError)
    w.clock.set('2026-06-01T10:00:00.000Z')
    const system = systemActor('test: someone with every permission')
    const own = await w.register.proposeVariation(system, acme, {
      kind: 'price',
      effectiveDate: '2026-09-01',
      reason: 'A test',
      pricePencePerBedWeek: 1,
      placementFeePencePerWeek: null,
    })
    await assert.rejects(
      w.register.decideVariation(system, own, { approve: true, note: '' }),
      refused(/You proposed this variation/, 'decision'),
    )
    await assert.rejects(w.register.decideVariation(w.actors.head, own, { approve: false, note: ' ' }), refused(/why/, 'note'))
    await w.register.decideVariation(w.actors.head, own, { approve: false, note: 'Not agreed with the provider.' })

    await w.register.decideVariation(w.actors.head, swap, { approve: true, note: '' })
    await assert.rejects(w.register.decideVariation(w.actors.head, swap, { approve: true, note: '' }), refused(/already been approved/))
    const july = await routes(w, '2026-07-01')
    assert.equal(july.get(bed0)?.contractId, acme)
    assert.equal(july.has(bedB), false)
    assert.equal((await routes(w, '2026-06-30')).get(bedB)?.contractId, acme, 'the old bed is reserved to the day before')
    w.clock.set('2026-07-02T09:00:00.000Z')
    const detail = await w.register.contractDetail(w.actors.officer, acme)
    assert.equal(detail.contract.beds, 3)
    assert.deepEqual(
      detail.beds.past.map((b) => [b.label, b.toDate]),
      [['Bed 3', '2026-06-30']],
    )
    assert.deepEqual(
      detail.variations.map((v) => [v.status, v.decided_by_label, v.description]),
      [
        ['rejected', 'Test head_of_service', 'Price: £0.01 per bed-week'],
        ['approved', 'Test head_of_service', 'Beds: add Oak House Bed 1; remove Oak House Bed 3'],
      ],
    )

    const price = await w.register.proposeVariation(w.actors.officer, acme, {
      kind: 'price',
      effectiveDate: '2026-08-01',
      reason: 'Agreed uplift for a waking night staff member',
      pricePencePerBedWeek: 510_000,
      placementFeePencePerWeek: null,
    })
    await w.register.decideVariation(w.actors.head, price, { approve: true, note: 'Agreed' })
    assert.equal((await routes(w, '2026-08-01')).get(bedA)?.weeklyPricePence, 510_000)
    assert.equal((await routes(w, '2026-07-31')).get(bedA)?.weeklyPricePence, 500_000)

    await assert.rejects(
      w.register.proposeVariation(w.actors.officer, acme, {
        kind: 'dates',
        effectiveDate: '2026-08-01',
        reason: 'End early',
        endDate: '2027-04-30',
        extensionNoticeDate: '2027-01-31',
      }),
      refused(/child placed in it with no end date/, 'endDate'),
    )
    const actions = (await ctx().db.selectFrom('audit_log').select('action').where('entity_id', '=', acme).execute()).map((a) => a.action)
    assert.deepEqual(
      ['propose-variation', 'approve-variation', 'reject-variation'].map((a) => actions.filter((x) => x === a).length),
      [3, 2, 1],
    )
  })

  test('CPI and indexation: refused without the month’s CPI; applied once, capped and flagged; a used figure cannot change', async () => {
    const { w, inHouse } = await world()
    const prices = await count('contract_prices')
    await assert.rejects(
      w.register.applyIndexationDue(w.actors.officer),
      refused(/No CPI figure for November 2025: contract IH-1 is indexed on 2026-01-15/, 'month'),
    )
    assert.equal(await count('contract_prices'), prices, 'nothing written')

    await assert.rejects(w.register.recordCpi(w.actors.officer, { month: '2025-13', rateBps: 380 }), refused(/year and month/, 'month'))
    await assert.rejects(w.register.recordCpi(w.actors.head, { month: '2025-11', rateBps: 380 }), ForbiddenError)
    await w.register.recordCpi(w.actors.officer, { month: '2025-11', rateBps: 380 })
    const applied = await w.register.applyIndexationDue(w.actors.officer)
    assert.deepEqual(applied, [
      { contractId: inHouse, reference: 'IH-1', date: '2026-01-15', pricePence: uplift(450_000, 150), appliedBps: 150, reviewFlag: true },
    ])
    assert.equal(uplift(450_000, 150), 456_750)
    assert.deepEqual(await w.register.applyIndexationDue(w.actors.officer), [], 'idempotent')
    assert.equal(
      (await routes(w, '2026-01-15')).get((await w.register.contractDetail(w.actors.officer, inHouse)).beds.current[0]!.bedId)
        ?.weeklyPricePence,
      456_750,
    )

    await assert.rejects(
      w.register.recordCpi(w.actors.officer, { month: '2025-11', rateBps: 390 }),
      refused(/used to index contract IH-1/, 'rateBps'),
    )
    await w.register.recordCpi(w.actors.officer, { month: '2026-11', rateBps: 120 })
    await w.register.recordCpi(w.actors.officer, { month: '2026-11', rateBps: 130 })
    const corrected = await ctx()
      .db.selectFrom('audit_log')
      .select(['before_json', 'after_json'])
      .where('action', '=', 'correct-cpi')
      .execute()
    assert.deepEqual(
      corrected.map((c) => [JSON.parse(c.before_json!), JSON.parse(c.after_json!)]),
      [[{ rateBps: 120 }, { rateBps: 130 }]],
    )
    const schedule = (await w.register.contractDetail(w.actors.officer, inHouse)).schedule
    assert.deepEqual(
      schedule.map((s) => [s.date, s.applied, s.cpiBps, s.pricePence]),
      [
        ['2026-01-15', true, 380, 456_750],
        ['2027-01-15', false, 130, uplift(456_750, 130)],
        ['2028-01-15', false, null, null],
      ],
    )
  })

  test('reminders: once per contract and threshold, to commissioning officers and heads of service', async () => {
    const { w, acmeRef } = await world()
    const users = createUserService({
      db: ctx().db,
      repo: createUserRepository(),
      audit: w.audit,
      passwordCost: { N: 2 ** 12, r: 8, p: 1 },
    })
    await inTransaction(ctx().db, async (tx) => {
      for (const role of ['commissioning_officer', 'head_of_service', 'finance_officer'] as const)
        await users.createActive(systemActor('test'), tx, {
          email: `${role}@council.test`,
          displayName: role,
          organisationId: w.councilId,
          role,
          password: 'a test passphrase of some length',
        })
    })
    const remind = () => w.register.sendExtensionReminders(systemActor('reminders'))
    w.clock.set('2028-07-01T09:00:00.000Z')
    assert.equal(await remind(), 0, 'acme’s notice date (30 October) is 121 days away: not yet due')
    w.clock.set('2028-08-01T09:00:00.000Z')
    // acme and cove: 90 days; the in-house unit: 60 days. Two people each; the finance officer is not told.
    assert.equal(await remind(), 6)
    assert.equal(await remind(), 0)
    w.clock.set('2028-08-05T09:00:00.000Z')
    assert.equal(await remind(), 0, 'still within the same thresholds')
    w.clock.set('2028-09-01T09:00:00.000Z')
    assert.equal(await remind(), 6)
    const mail = await ctx().db.selectFrom('outbox').select(['to_address', 'subject']).where('purpose', '=', REMINDER_PURPOSE).execute()
    assert.deepEqual([...new Set(mail.map((m) => m.to_address))].sort(), [
      'commissioning_officer@council.test',
      'head_of_service@council.test',
    ])
    assert.ok(mail.some((m) => m.subject === `Extension decision due: contract ${acmeRef} (notice by 30 October 2028)`))
    const listed = await w.register.register(w.actors.officer)
    assert.deepEqual(
      listed
        .filter((r) => r.extension.kind === 'due')
        .map((r) => r.contract.reference)
        .sort(),
      ['IH-1', 'PW-2026-0001-C1', 'PW-2026-0001-C2'],
    )
  })

  test('the extension decision: proposed, approved by someone else, the end moved, the schedule re-issued, an OCDS amendment', async () => {
    const { w, acme, cove, inHouse, spot } = await world()
    await assert.rejects(
      w.register.proposeExtensionDecision(w.actors.officer, acme, { decision: 'extend', rationale: ' ' }),
      refused(/reasons/, 'rationale'),
    )
    await w.register.proposeExtensionDecision(w.actors.officer, acme, {
      decision: 'extend',
      rationale: 'Occupancy 94%; cost per occupied bed-week below spot; KPIs green; children stable and near home.',
    })
    await assert.rejects(
      w.register.proposeExtensionDecision(w.actors.third, acme, { decision: 'do-not-extend', rationale: 'No' }),
      refused(/already waiting/, 'decision'),
    )
    await assert.rejects(w.register.settleExtensionDecision(w.actors.officer, acme, { approve: true, note: '' }), ForbiddenError)
    await w.register.settleExtensionDecision(w.actors.head, acme, { approve: true, note: '' })
    const after = await w.register.contractDetail(w.actors.officer, acme)
    assert.deepEqual(
      [after.contract.endDate, after.contract.initialEndDate, after.contract.extensionStatus],
      ['2031-04-30', '2029-04-30', 'taken'],
    )
    assert.deepEqual(
      after.decisions.map((d) => [d.status, d.previous_end_date, d.new_end_date]),
      [['approved', '2029-04-30', '2031-04-30']],
    )
    // The reserved beds run on to the new end.
    assert.equal((await routes(w, '2030-06-01')).size > 0, true)
    const forTender = await inTransaction(ctx().db, (tx) => w.register.forTender(tx, after.contract.tenderId!))
    assert.deepEqual(
      forTender.find((c) => c.id === acme)!.amendments.map((a) => a.id.split('-')[0]),
      ['variation', 'variation', 'extension'],
    )

    // Not extending: declined, the end stays.
    await w.register.proposeExtensionDecision(w.actors.officer, cove, { decision: 'do-not-extend', rationale: 'Occupancy under 60%.' })
    await w.register.settleExtensionDecision(w.actors.head, cove, { approve: true, note: '' })
    const c = await w.register.contractDetail(w.actors.officer, cove)
    assert.deepEqual([c.contract.endDate, c.contract.extensionStatus], ['2029-04-30', 'declined'])

    // The in-house unit, indexed: its schedule is re-issued to the new end.
    await w.register.proposeExtensionDecision(w.actors.officer, inHouse, { decision: 'extend', rationale: 'Needed locally.' })
    await w.register.settleExtensionDecision(w.actors.head2, inHouse, { approve: true, note: '' })
    const reissued = await ctx()
      .db.selectFrom('audit_log')
      .select(['before_json', 'after_json'])
      .where('action', '=', 'reissue-indexation-schedule')
      .execute()
    assert.deepEqual(
      reissued.map((r) => [JSON.parse(r.before_json!).anniversaries, JSON.parse(r.after_json!).anniversaries]),
      [
        [
          ['2026-01-15', '2027-01-15', '2028-01-15'],
          ['2026-01-15', '2027-01-15', '2028-01-15', '2029-01-15'],
        ],
      ],
    )
    assert.equal((await w.register.contractDetail(w.actors.officer, inHouse)).schedule.length, 4)

    // Past the notice date the extension can no longer be taken; sent back, the proposal can be made again.
    await w.register.proposeExtensionDecision(w.actors.officer, spot, { decision: 'extend', rationale: 'Late.' })
    await assert.rejects(
      w.register.settleExtensionDecision(w.actors.head, spot, { approve: true, note: '' }),
      refused(/30 June 2027, has passed/, 'approve'),
    )
    await assert.rejects(w.register.settleExtensionDecision(w.actors.head, spot, { approve: false, note: '' }), refused(/why/, 'note'))
    await w.register.settleExtensionDecision(w.actors.head, spot, { approve: false, note: 'The notice date has passed.' })
    assert.equal((await w.register.contractDetail(w.actors.officer, spot)).contract.extensionStatus, 'available')
  })

  test('outcomes of the children placed: counts, stability and distance from home, nobody named', async () => {
    const { w, acme, bed0 } = await world()
    await w.placeChild({
      bedId: bed0,
      contractId: acme,
      startDate: '2026-07-01',
      endDate: '2026-08-15',
      endedPlanned: 'unplanned',
      homePostcode: null,
    })
    const o = await inTransaction(ctx().db, (tx) => createPlacementPort().outcomesForContract(tx, acme, '2028-06-01'))
    // One from 10 May 2026, still there: 754 days to 1 June 2028 inclusive; one for 45 nights.
    assert.deepEqual(o, {
      placements: 2,
      children: 2,
      endedUnplanned: 1,
      within20MilesShare: 1,
      medianMilesFromHome: 0.6,
      lastedTwoYears: 1,
      averageDays: Math.round((754 + 45) / 2),
    })
    const pack = await w.register.extensionPack(w.actors.officer, acme)
    assert.deepEqual(
      pack.homes.map((h) => [h.name, h.judgement]),
      [['Oak House', 'Good']],
    )
    assert.equal(pack.outcomes.placements, 2)
    await assert.rejects(w.register.extensionPack(w.actors.acme, acme), NotFoundError)
  })
})
