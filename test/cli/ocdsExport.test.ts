import assert from 'node:assert/strict'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import SQLite from 'better-sqlite3'
import { runCli } from '../support/cli.js'
import { ocdsSkip, ocdsValidator } from '../support/ocdsSchema.js'

const dir = mkdtempSync(join(tmpdir(), 'placewise-ocds-'))
after(() => rmSync(dir, { recursive: true, force: true }))

test(
  '`placewise ocds export` writes the demo’s concluded mini-competition as three valid OCDS release packages',
  { skip: ocdsSkip },
  () => {
    const env = { SQLITE_PATH: join(dir, 'ocds.db') }
    assert.equal(runCli(['demo'], env).status, 0)
    const db = new SQLite(env.SQLITE_PATH, { readonly: true })
    const { id } = db.prepare(`select id from tenders where status = 'concluded'`).get() as { id: string }
    db.close()
    const out = join(dir, 'out')
    const res = runCli(['ocds', 'export', '--tender', id, '--output', out], env)
    assert.equal(res.status, 0, res.stderr)
    const files = readdirSync(out).sort()
    assert.deepEqual(
      files.map((f) => f.replace(/^.*-(tender|award|contract)\.json$/, '$1')),
      ['award', 'contract', 'tender'],
    )
    const validate = ocdsValidator()
    for (const f of files) {
      const pkg = JSON.parse(readFileSync(join(out, f), 'utf8')) as { releases: { relatedProcesses: { relationship: string[] }[] }[] }
      assert.deepEqual(validate(pkg), [], f)
      assert.deepEqual(pkg.releases[0]!.relatedProcesses[0]!.relationship, ['framework'])
    }
    const contract = JSON.parse(
      readFileSync(
        join(
          out,
          files.find((f) => f.endsWith('contract.json'))!,
        ),
        'utf8',
      ),
    ) as {
      releases: { contracts: { items: { unit: { id: string } }[] }[] }[]
    }
    assert.equal(contract.releases[0]!.contracts.length, 2, 'two block contracts')
    assert.equal(contract.releases[0]!.contracts[0]!.items[0]!.unit.id, 'WEE')
  },
)

test('an unknown tender is a clear error, not a stack trace', () => {
  const env = { SQLITE_PATH: join(dir, 'empty.db') }
  const res = runCli(['ocds', 'export', '--tender', 'no-such-tender', '--output', join(dir, 'none')], env)
  assert.notEqual(res.status, 0)
  assert.match(res.stderr, /no-such-tender|not found|No such/i)
  assert.doesNotMatch(res.stderr, /at .*\.ts:\d+/)
})
