import assert from 'node:assert/strict'
import { test } from 'node:test'
import { sql } from 'kysely'
import { describeEachDialect } from '../../../test/support/databases.js'
import { systemActor } from '../auth/actor.js'
import { inTransaction } from '../db/transaction.js'
import type { Db, Dialect } from '../db/database.js'
import { createAuditRepository } from './auditRepository.js'
import { createAuditService } from './auditService.js'

/** What a DBA with raw access could do: switch the guard off, tamper, switch it on. */
async function tamper(db: Db, dialect: Dialect, statement: ReturnType<typeof sql>) {
  if (dialect === 'postgres') {
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(db)
    await statement.execute(db)
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(db)
  } else {
    await sql`drop trigger audit_log_no_update`.execute(db)
    await sql`drop trigger audit_log_no_delete`.execute(db)
    await statement.execute(db)
    await sql`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit_log is append-only'); end`.execute(
      db,
    )
    await sql`create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'audit_log is append-only'); end`.execute(
      db,
    )
  }
}

describeEachDialect('audit trail', (ctx) => {
  const actor = systemActor('test')

  async function freshLog() {
    const { db, dialect } = ctx()
    await tamper(db, dialect, sql`delete from audit_log`)
    const audit = createAuditService(createAuditRepository(dialect), db)
    for (let i = 1; i <= 7; i++) {
      await inTransaction(db, (tx) =>
        audit.record(tx, actor, {
          action: 'update',
          entityType: 'home',
          entityId: `h${i}`,
          before: { places: i },
          after: { places: i + 1 },
        }),
      )
    }
    const seqs = (await db.selectFrom('audit_log').select('seq').orderBy('seq').execute()).map((r) => r.seq)
    return { db, dialect, audit, seqs }
  }

  test('an untouched chain verifies, across pages too', async () => {
    const { audit, db, dialect } = await freshLog()
    assert.deepEqual(await audit.verify(), { rows: 7, break: null })
    assert.deepEqual(await createAuditRepository(dialect).verify(db, 2), { rows: 7, break: null })
  })

  test('the database itself refuses to update or delete an audit row', async () => {
    const { db } = await freshLog()
    await assert.rejects(db.updateTable('audit_log').set({ actor_label: 'someone else' }).execute(), /append-only/)
    await assert.rejects(db.deleteFrom('audit_log').execute(), /append-only/)
  })

  test('verify reports the first edited row', async () => {
    const { audit, db, dialect, seqs } = await freshLog()
    await tamper(db, dialect, sql`update audit_log set after_json = ${'{"places":99}'} where seq = ${seqs[3]}`)
    const result = await audit.verify()
    assert.deepEqual(result.break, { seq: seqs[3], reason: 'edited' })
  })

  test('verify reports a deleted row at the row after it, even across a page boundary', async () => {
    const { db, dialect, seqs } = await freshLog()
    await tamper(db, dialect, sql`delete from audit_log where seq = ${seqs[2]}`)
    const result = await createAuditRepository(dialect).verify(db, 2)
    assert.deepEqual(result.break, { seq: seqs[3], reason: 'deleted or reordered' })
  })

  test('verify reports two rows swapped', async () => {
    const { audit, db, dialect, seqs } = await freshLog()
    // Swap the contents of rows 5 and 6 (hashes and all), as a reordering would.
    await tamper(
      db,
      dialect,
      sql`update audit_log set entity_id = case when seq = ${seqs[4]} then 'h6' else 'h5' end,
            before_json = case when seq = ${seqs[4]} then '{"places":6}' else '{"places":5}' end,
            after_json = case when seq = ${seqs[4]} then '{"places":7}' else '{"places":6}' end,
            prev_hash = case when seq = ${seqs[4]} then (select prev_hash from audit_log where seq = ${seqs[5]}) else (select prev_hash from audit_log where seq = ${seqs[4]}) end,
            hash = case when seq = ${seqs[4]} then (select hash from audit_log where seq = ${seqs[5]}) else (select hash from audit_log where seq = ${seqs[4]}) end
          where seq in (${seqs[4]}, ${seqs[5]})`,
    )
    const result = await audit.verify()
    assert.deepEqual(result.break, { seq: seqs[4], reason: 'deleted or reordered' })
  })

  test('a child read is logged with who and why', async () => {
    const { audit, db } = await freshLog()
    await inTransaction(db, (tx) => audit.recordChildRead(tx, actor, 'child-1', 'referral matching'))
    const { rows } = await audit.list({ entityType: 'child', entityId: 'child-1', limit: 5, offset: 0 })
    assert.equal(rows.length, 1)
    assert.equal(rows[0]!.action, 'read')
    assert.equal(rows[0]!.actor_label, 'test')
  })
})
