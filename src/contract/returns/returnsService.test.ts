import assert from 'node:assert/strict'
import { test } from 'node:test'
import { describeEachDialect } from '../../../test/support/databases.js'
import { systemActor } from '../../platform/auth/actor.js'
import { ForbiddenError } from '../../platform/auth/scope.js'
import { NotFoundError, UserInputError } from '../../platform/errors.js'
import { figures, returnsWorld, type ReturnsWorld } from './testing/returnsWorld.js'
import { sampleDocm, sampleDocx, samplePdf } from './testing/sampleDocuments.js'

const field = (f: string) => (err: unknown) => err instanceof UserInputError && err.where?.field === f

async function auditOf(w: ReturnsWorld, entityType: string, entityId: string) {
  return (await w.audit.list({ entityType, entityId, limit: 50, offset: 0 })).rows
}

describeEachDialect('provider returns', (ctx) => {
  let w: ReturnsWorld
  test('set up', async () => {
    w = await returnsWorld(ctx())
  })

  test('a provider sends a month’s return with its Regulation 44 report; a correction keeps the earlier version', async () => {
    const id = w.contractIds.acme
    w.clock.set('2026-04-10T10:00:00.000Z')
    const first = await w.contracts.submitReturn(w.actors.acme, id, '2026-03', figures({ incidents: 4 }), [
      { fileName: 'March visit.pdf', bytes: samplePdf() },
    ])
    assert.equal(first.version, 1)
    w.clock.set('2026-04-20T10:00:00.000Z')
    const second = await w.contracts.submitReturn(
      w.actors.acme,
      id,
      '2026-03',
      figures({ incidents: 3, notes: 'One incident was double-counted' }),
      [{ fileName: 'addendum.docx', bytes: sampleDocx() }],
    )
    assert.equal(second.version, 2)

    const detail = await w.contracts.returnMonth(w.actors.officer, id, '2026-03')
    assert.deepEqual(
      detail.versions.map((v) => [v.version, v.figures.incidents, v.supersededAt === null]),
      [
        [2, 3, true],
        [1, 4, false],
      ],
    )
    assert.equal(detail.month.status, 'submitted', 'on time: the first version came before the 15th')
    assert.equal(detail.month.current?.figures.notes, 'One incident was double-counted')
    assert.deepEqual(
      detail.documents.map((d) => [d.fileName, d.contentType]),
      [
        ['March visit.pdf', 'application/pdf'],
        ['addendum.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ],
    )
    const audit = await auditOf(w, 'provider_return', `${id}/2026-03`)
    assert.deepEqual(audit.map((r) => r.action).sort(), ['correct-return', 'submit-return'])
    assert.match(audit.find((r) => r.action === 'correct-return')!.before_json ?? '', /"incidents":4/)
  })

  test('months owed: submitted, late, missing; the provider sees the same as the council', async () => {
    const id = w.contractIds.acme
    w.clock.set('2026-02-20T10:00:00.000Z')
    await w.contracts.submitReturn(w.actors.acme, id, '2026-01', figures())
    w.clock.set('2026-05-10T09:00:00.000Z')
    const { months } = await w.contracts.returnMonths(w.actors.officer, id)
    assert.deepEqual(
      months.map((m) => [m.month, m.status]),
      [
        ['2025-11', 'missing'],
        ['2025-12', 'missing'],
        ['2026-01', 'late'],
        ['2026-02', 'missing'],
        ['2026-03', 'submitted'],
        ['2026-04', 'due'],
      ],
    )
    assert.deepEqual(
      (await w.contracts.returnMonths(w.actors.acme, id)).months.map((m) => m.status),
      months.map((m) => m.status),
    )
    const mine = await w.contracts.returnContracts(w.actors.acme)
    assert.deepEqual(
      mine.map((c) => c.contract.reference),
      ['PW-C-ACME'],
    )
    assert.equal((await w.contracts.returnContracts(w.actors.finance)).length, 2)
  })

  test('a provider cannot see or send another provider’s returns; only the provider, contract editors and the system send', async () => {
    const id = w.contractIds.acme
    await assert.rejects(w.contracts.returnMonths(w.actors.brook, id), NotFoundError)
    await assert.rejects(w.contracts.returnMonth(w.actors.brook, id, '2026-03'), NotFoundError)
    await assert.rejects(w.contracts.submitReturn(w.actors.brook, id, '2026-02', figures()), NotFoundError)
    await assert.rejects(w.contracts.submitReturn(w.actors.finance, id, '2026-02', figures()), ForbiddenError)
    await assert.rejects(w.contracts.returnMonths(w.actors.social, id), ForbiddenError)
    await assert.rejects(
      w.contracts.submitReturn(w.actors.officer, id, '2026-02', figures(), [], { submittedAt: '2026-03-01T00:00:00.000Z' }),
      ForbiddenError,
      'only the system back-dates',
    )
    const onBehalf = await w.contracts.submitReturn(w.actors.officer, id, '2026-02', figures())
    assert.equal(onBehalf.version, 1)
    const demo = await w.contracts.submitReturn(systemActor('demo'), id, '2025-12', figures(), [], {
      submittedAt: '2026-01-12T09:00:00.000Z',
    })
    assert.equal(demo.version, 1)
    assert.equal((await w.contracts.returnMonth(w.actors.officer, id, '2025-12')).month.status, 'submitted')
    await assert.rejects(w.contracts.returnMonth(w.actors.officer, id, '2026-05'), NotFoundError, 'the month is not over')
  })

  test('bad input names the control and writes nothing', async () => {
    const id = w.contractIds.acme
    const before = (await w.contracts.returnMonth(w.actors.acme, id, '2025-11')).versions.length
    await assert.rejects(w.contracts.submitReturn(w.actors.acme, id, '2026-05', figures()), field('month'))
    await assert.rejects(w.contracts.submitReturn(w.actors.acme, id, '2025-10', figures()), field('month'))
    await assert.rejects(w.contracts.submitReturn(w.actors.acme, id, 'March', figures()), field('month'))
    await assert.rejects(w.contracts.submitReturn(w.actors.acme, id, '2025-11', figures({ incidents: -1 })), field('incidents'))
    await assert.rejects(
      w.contracts.submitReturn(w.actors.acme, id, '2025-11', figures({ staffHours: 10, agencyStaffHours: 11 })),
      field('agencyStaffHours'),
    )
    await assert.rejects(
      w.contracts.submitReturn(w.actors.acme, id, '2025-11', figures(), [{ fileName: 'report.docm', bytes: sampleDocm() }]),
      field('regulation44Report'),
    )
    await assert.rejects(
      w.contracts.submitReturn(w.actors.acme, id, '2025-11', figures(), [{ fileName: 'report.pdf', bytes: Buffer.alloc(0) }]),
      field('regulation44Report'),
    )
    assert.equal((await w.contracts.returnMonth(w.actors.acme, id, '2025-11')).versions.length, before)
  })

  test('a document downloads whole for the council and its provider, never for another provider; each download audited', async () => {
    const id = w.contractIds.acme
    const doc = (await w.contracts.returnMonth(w.actors.officer, id, '2026-03')).documents[0]!
    const file = await w.contracts.returnDocument(w.actors.head, id, doc.id)
    assert.deepEqual(file.bytes, samplePdf())
    assert.equal(file.contentType, 'application/pdf')
    await w.contracts.returnDocument(w.actors.acme, id, doc.id)
    await assert.rejects(w.contracts.returnDocument(w.actors.brook, id, doc.id), NotFoundError)
    await assert.rejects(w.contracts.returnDocument(w.actors.officer, w.contractIds.brook, doc.id), NotFoundError)
    const downloads = await auditOf(w, 'contract_return_document', doc.id)
    assert.equal(downloads.filter((r) => r.action === 'download').length, 2)
  })

  test('KPI targets: added, changed and removed by a contract editor, audited; checked field by field', async () => {
    const id = w.contractIds.acme
    const o = w.actors.officer
    await w.contracts.setKpiTarget(o, id, { measure: 'incidents', direction: 'at-most', target: 3, amberMargin: 1 })
    await w.contracts.setKpiTarget(o, id, { measure: 'regulation-44-reports', direction: 'at-least', target: 1, amberMargin: 0 })
    await w.contracts.setKpiTarget(o, id, { measure: 'education-hours', direction: 'at-least', target: 25, amberMargin: 2.5 })
    await w.contracts.setKpiTarget(o, id, { measure: 'incidents', direction: 'at-most', target: 2, amberMargin: 1 })
    await w.contracts.setKpiTarget(o, id, { measure: 'physical-interventions', direction: 'at-most', target: 0, amberMargin: 0 })
    await w.contracts.removeKpiTarget(o, id, 'physical-interventions')
    const { targets } = await w.contracts.kpiTargets(w.actors.acme, id)
    assert.deepEqual(
      targets.map((t) => [t.measure, t.direction, t.target, t.amberMargin]),
      [
        ['incidents', 'at-most', 2, 1],
        ['education-hours', 'at-least', 25, 2.5],
        ['regulation-44-reports', 'at-least', 1, 0],
      ],
    )
    const incidents = targets[0]!
    assert.deepEqual(
      (await auditOf(w, 'contract_kpi', incidents.id)).map((r) => r.action),
      ['update', 'create'],
    )
    await assert.rejects(
      w.contracts.setKpiTarget(o, id, { measure: 'happiness', direction: 'at-most', target: 1, amberMargin: 0 }),
      field('measure'),
    )
    await assert.rejects(
      w.contracts.setKpiTarget(o, id, { measure: 'incidents', direction: 'sideways' as never, target: 1, amberMargin: 0 }),
      field('direction'),
    )
    await assert.rejects(
      w.contracts.setKpiTarget(o, id, { measure: 'agency-staff-share', direction: 'at-most', target: 120, amberMargin: 0 }),
      field('target'),
    )
    await assert.rejects(
      w.contracts.setKpiTarget(o, id, { measure: 'incidents', direction: 'at-most', target: 1, amberMargin: -1 }),
      field('amberMargin'),
    )
    await assert.rejects(
      w.contracts.setKpiTarget(w.actors.acme, id, { measure: 'incidents', direction: 'at-most', target: 9, amberMargin: 0 }),
      ForbiddenError,
    )
    await assert.rejects(
      w.contracts.setKpiTarget(w.actors.head, id, { measure: 'incidents', direction: 'at-most', target: 9, amberMargin: 0 }),
      ForbiddenError,
    )
    await assert.rejects(w.contracts.removeKpiTarget(o, id, 'missing-episodes'), NotFoundError)
  })

  test('the scorecard rates each target month by month from the current returns, and lists the missing months', async () => {
    const id = w.contractIds.acme
    // A measure this version does not know (entered elsewhere) shows no data rather than failing.
    await ctx()
      .db.insertInto('contract_kpis')
      .values({ id: 'kpi-unknown', contract_id: id, measure: 'complaints', direction: 'at-most', target: 1, amber_margin: 0 })
      .execute()
    const card = await w.contracts.scorecard(w.actors.finance, id)
    assert.deepEqual(card.months, ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04'])
    assert.deepEqual(card.returnsMissing, ['2025-11'])
    const row = (measure: string) => card.rows.find((r) => r.measure === measure)!
    // March's current version says 3 incidents (the corrected one): amber against at most 2 with 1 of margin.
    assert.deepEqual(row('incidents').values, [null, 2, 2, 2, 3, null])
    assert.deepEqual(row('incidents').rag, ['none', 'green', 'green', 'green', 'amber', 'none'])
    // Regulation 44 reports: March has two documents across its versions; other months none.
    assert.deepEqual(row('regulation-44-reports').rag, ['none', 'red', 'red', 'red', 'green', 'none'])
    assert.deepEqual(row('education-hours').rag, ['none', 'green', 'green', 'green', 'green', 'none'])
    assert.deepEqual(row('complaints').rag, ['none', 'none', 'none', 'none', 'none', 'none'])
    assert.equal(row('complaints').label, 'complaints')
    assert.deepEqual(card.ofstedAlerts, [])
    await assert.rejects(w.contracts.scorecard(w.actors.brook, id), NotFoundError)
  })
})

describeEachDialect('Ofsted alerts for contracted homes', (ctx) => {
  let w: ReturnsWorld
  test('set up', async () => {
    w = await returnsWorld(ctx())
  })
  const emails = async () => (await w.outbox.list({})).filter((m) => m.purpose === 'ofsted-alert')

  test('first sight records the judgement the contract began with; a change raises one alert and emails the commissioners once', async () => {
    const oak = w.homes.oak.id
    assert.deepEqual(await w.contracts.ofstedAlerts(w.actors.officer), [])
    const baseline = await ctx().db.selectFrom('contract_ofsted_baselines').selectAll().where('home_id', '=', oak).executeTakeFirstOrThrow()
    assert.deepEqual([baseline.judgement, baseline.judgement_date, baseline.source], ['Good', '2025-01-10', 'contract-start'])

    await w.market.updateHome(w.actors.officer, oak, {
      ofstedJudgement: 'Requires improvement to be good',
      ofstedJudgementDate: '2026-04-28',
    })
    const [alert, ...others] = await w.contracts.ofstedAlerts(w.actors.head)
    assert.equal(others.length, 0)
    assert.equal(alert!.homeName, 'Oak House')
    assert.deepEqual(
      [alert!.from, alert!.to, alert!.toDate, alert!.contractReference],
      ['Good', 'Requires improvement to be good', '2026-04-28', 'PW-C-ACME'],
    )
    // Seen again (the scorecard checks too): still one alert, still one email to each commissioning officer.
    const card = await w.contracts.scorecard(w.actors.acme, w.contractIds.acme)
    assert.deepEqual(
      card.ofstedAlerts.map((a) => [a.homeName, a.from, a.to, a.on]),
      [['Oak House', 'Good', 'Requires improvement to be good', '2026-04-28']],
    )
    await w.contracts.checkOfstedAlerts(w.actors.finance)
    const sent = await emails()
    assert.deepEqual(sent.map((m) => m.to).sort(), ['cara@council.test', 'chris@council.test'])
    assert.match(sent[0]!.subject, /Oak House \(PW-C-ACME\)/)
    assert.match(sent[0]!.body, /changed from Good .* to Requires improvement to be good/)
    assert.equal(sent[0]!.relatedId, alert!.id)
    assert.deepEqual(
      (await w.audit.list({ entityType: 'contract_ofsted_alert', entityId: alert!.id, limit: 10, offset: 0 })).rows.map((r) => r.action),
      ['raise'],
    )
    // The other provider does not see it.
    assert.deepEqual(await w.contracts.ofstedAlerts(w.actors.brook), [])
    await assert.rejects(w.contracts.ofstedAlert(w.actors.brook, alert!.id), NotFoundError)
  })

  test('a further change supersedes the open alert; acknowledging with a note closes it and makes it the baseline', async () => {
    const oak = w.homes.oak.id
    const [ri] = await w.contracts.ofstedAlerts(w.actors.officer)
    await w.market.updateHome(w.actors.officer, oak, { ofstedJudgement: 'Inadequate', ofstedJudgementDate: '2026-05-12' })
    const [inadequate, ...rest] = await w.contracts.ofstedAlerts(w.actors.officer)
    assert.equal(rest.length, 0)
    assert.deepEqual([inadequate!.from, inadequate!.to], ['Good', 'Inadequate'])
    assert.equal((await w.contracts.ofstedAlert(w.actors.officer, ri!.id)).status, 'superseded')
    assert.equal((await emails()).length, 4)

    await assert.rejects(w.contracts.acknowledgeOfstedAlert(w.actors.officer, inadequate!.id, '  '), field('note'))
    await assert.rejects(w.contracts.acknowledgeOfstedAlert(w.actors.finance, inadequate!.id, 'Seen'), ForbiddenError)
    await assert.rejects(w.contracts.acknowledgeOfstedAlert(w.actors.acme, inadequate!.id, 'Seen'), ForbiddenError)
    await assert.rejects(
      w.contracts.acknowledgeOfstedAlert(w.actors.officer, ri!.id, 'Seen'),
      field('note'),
      'a superseded alert is closed',
    )
    w.clock.advance(60_000)
    await w.contracts.acknowledgeOfstedAlert(w.actors.officer, inadequate!.id, 'Placements paused; visit booked for 20 May')
    assert.deepEqual(await w.contracts.ofstedAlerts(w.actors.officer), [])
    const closed = await w.contracts.ofstedAlerts(w.actors.officer, { status: 'closed' })
    assert.deepEqual(
      closed.map((a) => [a.to, a.status, a.note]),
      [
        ['Inadequate', 'acknowledged', 'Placements paused; visit booked for 20 May'],
        ['Requires improvement to be good', 'superseded', null],
      ],
    )
    const baseline = await ctx().db.selectFrom('contract_ofsted_baselines').selectAll().where('home_id', '=', oak).executeTakeFirstOrThrow()
    assert.deepEqual([baseline.judgement, baseline.source], ['Inadequate', 'acknowledged'])
    await assert.rejects(w.contracts.acknowledgeOfstedAlert(w.actors.officer, inadequate!.id, 'Again'), field('note'))
    assert.equal((await emails()).length, 4, 'no more emails')
  })

  test('a home inspected during the contract before anyone looked raises an alert with nothing accepted before', async () => {
    const cedar = w.homes.cedar.id
    // The Brook contract began on 1 January 2026; Cedar View was first judged after that.
    await ctx().db.deleteFrom('contract_ofsted_baselines').where('home_id', '=', cedar).execute()
    await w.market.updateHome(w.actors.officer, cedar, { ofstedJudgement: 'Good', ofstedJudgementDate: '2026-02-03' })
    const alerts = await w.contracts.ofstedAlerts(w.actors.officer)
    assert.deepEqual(
      alerts.map((a) => [a.homeName, a.from, a.to]),
      [['Cedar View', null, 'Good']],
    )
    const told = (await emails()).filter((m) => m.relatedId === alerts[0]!.id)
    assert.equal(told.length, 2)
    assert.match(
      told[0]!.body,
      /Cedar View, a home under contract PW-C-BROOK with Brook Homes, is Good, from an inspection during the contract/,
    )
  })
})
