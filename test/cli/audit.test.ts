import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import SQLite from 'better-sqlite3'
import { runCli } from '../support/cli.js'

const dir = mkdtempSync(join(tmpdir(), 'placewise-cli-'))
after(() => rmSync(dir, { recursive: true, force: true }))

test('`placewise audit verify` passes an intact trail and names the first edited row', () => {
  const env = { SQLITE_PATH: join(dir, 'audit.db') }
  // Building the demo writes hundreds of audited changes through the real services.
  const demo = runCli(['demo'], env)
  assert.equal(demo.status, 0, demo.stderr)
  const ok = runCli(['audit', 'verify'], env)
  assert.equal(ok.status, 0, ok.stderr)
  assert.match(ok.stdout, /Audit trail intact: \d+ entries verified/)

  // Tamper as someone with the database file would: drop the guard, edit a row.
  const db = new SQLite(env.SQLITE_PATH)
  const target = db.prepare('select seq from audit_log order by seq limit 1 offset 41').get() as { seq: number }
  db.exec('drop trigger audit_log_no_update')
  db.prepare(`update audit_log set after_json = '{"name":"Someone Else"}' where seq = ?`).run(target.seq)
  db.close()

  const broken = runCli(['audit', 'verify'], env)
  assert.equal(broken.status, 3)
  assert.match(broken.stderr, new RegExp(`BROKEN at entry ${target.seq}: edited`))
})
