import assert from 'node:assert/strict'
import { test } from 'node:test'
import { CHEAP_PASSWORDS, testConfig } from '../../test/support/app.js'
import { freshSqlite } from '../../test/support/databases.js'
import { systemActor } from '../platform/auth/actor.js'
import { createServices } from '../platform/services.js'
import { buildDemo } from './buildDemo.js'

test('the demo’s children: about 50 synthetic children with placement histories, open referrals and visits overdue; built once', async () => {
  const handle = await freshSqlite()
  try {
    const services = createServices(handle, testConfig(), { passwordCost: CHEAP_PASSWORDS })
    const actor = systemActor('demo')
    await buildDemo({ ...services, actor })
    const db = handle.db
    const children = await db.selectFrom('children').selectAll().where('case_reference', 'like', 'DEMO-0%').execute()
    assert.equal(children.length, 50)
    const sam = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'sam.social.worker@southampton.demo')
      .executeTakeFirstOrThrow()
    assert.ok(
      children.every((c) => c.allocated_social_worker_user_id === sam.id),
      'allocated to the demo social worker',
    )
    assert.ok(
      children.every((c) => /^SO\d\d \d[A-Z]{2}$/.test(c.home_postcode ?? '')),
      'Southampton-area postcodes',
    )

    const ids = children.map((c) => c.id)
    const placements = await db.selectFrom('placements').selectAll().where('child_id', 'in', ids).execute()
    const open = placements.filter((p) => p.end_date === null)
    assert.ok(open.length >= 25, `${open.length} current placements`)
    assert.ok(open.every((p) => p.route === 'spot' || p.route === 'in-house'))
    const ended = placements.filter((p) => p.end_date !== null)
    assert.ok(
      ended.some((p) => p.end_reason === 'X1' && p.reason_place_change !== null),
      'moves to another placement',
    )
    assert.ok(
      ended.some((p) => p.end_reason !== 'X1' && p.reason_place_change === null),
      'children who left care',
    )
    // No bed holds two of the demo's placements at once.
    for (const a of placements)
      for (const b of placements)
        if (a.id < b.id && a.bed_id === b.bed_id)
          assert.ok(
            (a.end_date !== null && a.end_date <= b.start_date) || (b.end_date !== null && b.end_date <= a.start_date),
            `bed ${a.bed_id}`,
          )

    const referrals = await db.selectFrom('referrals').select('urgency').where('child_id', 'in', ids).where('status', '=', 'open').execute()
    assert.deepEqual([...new Set(referrals.map((r) => r.urgency))].sort(), ['over-5-days', 'today', 'under-5-days'])

    // Spot referrals sent to chosen homes, answered in the portal: offers, declines, and some still waiting.
    const requests = await db
      .selectFrom('referral_requests')
      .innerJoin('referrals', 'referrals.id', 'referral_requests.referral_id')
      .select('referral_requests.status')
      .where('referrals.child_id', 'in', ids)
      .execute()
    assert.deepEqual([...new Set(requests.map((r) => r.status))].sort(), ['declined', 'offered', 'sent'], 'offers, declines, waiting')

    const due = await services.placements.statutoryDueList(actor)
    const mine = due.filter((d) => d.caseReference.startsWith('DEMO-0'))
    assert.ok(
      mine.some((d) => d.kind === 'visit' && d.overdue),
      'visits overdue today',
    )
    assert.ok(
      mine.some((d) => d.kind === 'placement-plan'),
      'plans due',
    )
    assert.ok(
      mine.some((d) => !d.overdue),
      'and some due soon',
    )

    // The whole thing went through the service: each placement booked and audited.
    const audited = await db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('entity_type', '=', 'placement')
      .where('action', '=', 'create')
      .execute()
    const auditedIds = new Set(audited.map((a) => a.entity_id))
    assert.ok(placements.every((p) => auditedIds.has(p.id)))

    await buildDemo({ ...services, actor })
    assert.equal(
      (await db.selectFrom('children').select('id').where('case_reference', 'like', 'DEMO-0%').execute()).length,
      50,
      'built once',
    )
  } finally {
    await handle.close()
  }
})
