import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Command } from 'commander'
import { freshSqlite, type TestDatabase } from '../../test/support/databases.js'
import { createAuditRepository } from '../platform/audit/auditRepository.js'
import { createAuditService } from '../platform/audit/auditService.js'
import { UserInputError } from '../platform/errors.js'
import { registerPostcodeCommands } from './cli.js'

const fixture = (name: string) => new URL(`./onspd/fixtures/${name}`, import.meta.url).pathname

async function run(h: TestDatabase, args: string[]): Promise<{ out: string[]; err: string[]; closed: number }> {
  const out: string[] = []
  const err: string[] = []
  let closed = 0
  const program = new Command().exitOverride()
  registerPostcodeCommands(
    program,
    async () => ({
      db: h.db,
      dialect: h.dialect,
      audit: createAuditService(createAuditRepository(h.dialect), h.db),
      close: async () => void closed++,
    }),
    { out: (t) => out.push(t), err: (t) => err.push(t) },
  )
  await program.parseAsync(['node', 'placewise', ...args])
  return { out, err, closed }
}

test('postcodes import, lookup and status', async () => {
  const h = await freshSqlite()
  try {
    const imported = await run(h, ['postcodes', 'import', fixture('onspd-legacy.csv')])
    const summary = imported.out.join('\n')
    assert.match(summary, /^Imported onspd-legacy\.csv \(onspd-legacy\)/)
    assert.match(summary, /unit postcodes +6 \(of which terminated, kept: 1\)/)
    assert.match(summary, /sectors +4\n +districts +3\n +skipped BT \(NI\) +1\n +skipped, no grid ref +1/)
    assert.match(summary, /Source: Office for National Statistics licensed under the Open Government Licence v\.3\.0/)
    assert.equal(imported.closed, 1)

    const progress = await run(h, ['postcodes', 'import', fixture('postcode-grid.csv'), '--limit', '2'])
    assert.match(progress.out.join('\n'), /unit postcodes +2 /)

    await run(h, ['postcodes', 'import', fixture('onspd-legacy.csv')])
    assert.deepEqual((await run(h, ['postcodes', 'lookup', 'so147ab'])).out, [
      'SO14 7AB\n  easting    442600\n  northing   112300\n  LAD        E07000086\n  precision  unit: exact (unit postcode)',
    ])
    assert.match((await run(h, ['postcodes', 'lookup', 'SO14 7ZZ'])).out[0]!, /precision {2}sector: approximate \(sector centroid\)/)
    assert.match(
      (await run(h, ['postcodes', 'status'])).out[0]!,
      /^Last import: onspd-legacy\.csv \(onspd-legacy\) at .*\n {2}unit postcodes {2}6/,
    )
  } finally {
    await h.close()
  }
})

test('bad input is a UserInputError with a clear message', async () => {
  const h = await freshSqlite()
  try {
    await assert.rejects(
      run(h, ['postcodes', 'import', fixture('bad-row.csv')]),
      (e: unknown) => e instanceof UserInputError && /bad-row\.csv: line 4, column easting/.test(e.message),
    )
    await assert.rejects(
      run(h, ['postcodes', 'import', fixture('postcode-grid.csv'), '--limit', 'lots']),
      (e: unknown) =>
        e instanceof UserInputError && e.where?.field === 'limit' && e.message === '--limit must be a whole number of rows, at least 1',
    )
    await assert.rejects(
      run(h, ['postcodes', 'lookup', 'not-a-postcode']),
      (e: unknown) => e instanceof UserInputError && /is not a UK postcode/.test(e.message),
    )
    await assert.rejects(
      run(h, ['postcodes', 'lookup', 'SO14 7AA']),
      /No location known for 'SO14 7AA'\. The directory is empty: run `placewise postcodes import <file>` first\./,
    )
  } finally {
    await h.close()
  }
})
