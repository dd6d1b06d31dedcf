import assert from 'node:assert/strict'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { Command } from 'commander'
import { freshSqlite } from '../../test/support/databases.js'
import { testConfig } from '../../test/support/app.js'
import { UserInputError } from '../platform/errors.js'
import { registerTenderCommands } from './cli.js'
import { DECISION, moderatedCompetition, tenderWorld } from './testing/tenderFixtures.js'

test('ocds export writes one release package per stage the tender has reached', async () => {
  const handle = await freshSqlite()
  const dir = mkdtempSync(join(tmpdir(), 'placewise-ocds-'))
  try {
    const w = await tenderWorld(handle)
    const { id } = await moderatedCompetition(w)
    await w.tenders.proposeAward(w.actors.officer, id)
    w.clock.set('2026-04-01T10:00:00.000Z')
    await w.tenders.recordDecision(w.actors.officer, id, { ...DECISION, decidedOn: '2026-04-01' })
    const reference = (await w.tenders.get(w.actors.officer, id)).reference
    const lines: string[] = []
    const program = new Command().exitOverride()
    const open = async () => ({
      ...handle,
      audit: w.audit,
      market: w.market,
      postcodes: w.postcodes,
      config: testConfig(),
      tender: w.tenders,
      close: async () => undefined,
    })
    registerTenderCommands(program, open, { out: (t) => lines.push(t) })

    await program.parseAsync(['node', 'placewise', 'ocds', 'export', '--tender', reference, '--output', dir])
    const files = readdirSync(dir).sort()
    assert.deepEqual(files, [`ocds-placewise-${reference}-award.json`, `ocds-placewise-${reference}-tender.json`])
    const award = JSON.parse(readFileSync(join(dir, files[0]!), 'utf8'))
    assert.equal(award.version, '1.1')
    assert.deepEqual(award.releases[0].tag, ['award'])
    assert.equal(award.releases[0].awards.length, 2)
    assert.equal(lines.length, 2)

    await assert.rejects(
      program.parseAsync(['node', 'placewise', 'ocds', 'export', '--tender', reference, '--stage', 'contract', '--output', dir]),
      (e: unknown) => e instanceof UserInputError && /no contract stage/.test(e.message),
    )
    await assert.rejects(
      program.parseAsync(['node', 'placewise', 'ocds', 'export', '--tender', 'PW-1999-0001', '--output', dir]),
      /No tender PW-1999-0001/,
    )
    await assert.rejects(
      program.parseAsync(['node', 'placewise', 'ocds', 'export', '--tender', id, '--stage', 'everything']),
      /--stage must be/,
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
    await handle.close()
  }
})
