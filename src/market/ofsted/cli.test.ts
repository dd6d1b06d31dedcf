import assert from 'node:assert/strict'
import { after, test } from 'node:test'
import { Command } from 'commander'
import { freshSqlite } from '../../../test/support/databases.js'
import { createAuditRepository } from '../../platform/audit/auditRepository.js'
import { createAuditService } from '../../platform/audit/auditService.js'
import { UserInputError } from '../../platform/errors.js'
import { registerOfstedCommands } from './cli.js'
import { CH_HEADERS, chHome, rowFor, tempDir, writeCsv } from './testFixtures.js'

const tmp = tempDir()
after(tmp.cleanup)

async function run(args: string[]) {
  const h = await freshSqlite()
  const printed: string[] = []
  let closed = false
  const program = new Command().exitOverride()
  registerOfstedCommands(
    program,
    async () => ({
      db: h.db,
      dialect: h.dialect,
      audit: createAuditService(createAuditRepository(h.dialect), h.db),
      close: async () => {
        closed = true
      },
    }),
    { out: (t) => printed.push(t) },
  )
  try {
    await program.parseAsync(['node', 'placewise', ...args])
    return { printed: printed.join('\n'), closed }
  } finally {
    await h.close()
  }
}

test('`ofsted import <file>` prints created, updated, unchanged, skipped and rejected rows with reasons', async () => {
  const path = writeCsv(tmp.dir, 'ch.csv', [
    CH_HEADERS,
    rowFor(CH_HEADERS, chHome()),
    rowFor(CH_HEADERS, chHome({ URN: 'SC100002', 'Max Users': '-2' })),
  ])
  const { printed, closed } = await run(['ofsted', 'import', path])
  assert.ok(closed)
  assert.match(printed, /^Imported ch\.csv: 2 rows$/m)
  assert.match(printed, /homes created: +1$/m)
  assert.match(printed, /homes updated: +0$/m)
  assert.match(printed, /homes unchanged: +0$/m)
  assert.match(printed, /skipped \(not a children's home\): 0$/m)
  assert.match(printed, /rejected: +1$/m)
  assert.match(printed, /row 3 \(URN SC100002\):\n +- row 3, column "Max Users": "-2" is not a number of places/)
})

test('`ofsted import` of a file that is not a list fails with a message naming it', async () => {
  const path = writeCsv(tmp.dir, 'nope.csv', [['Name'], ['Oak']])
  await assert.rejects(
    run(['ofsted', 'import', path]),
    (err: unknown) => err instanceof UserInputError && /nope\.csv has no "URN" column/.test(err.message),
  )
})
