import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { describeEachDialect } from '../../../test/support/databases.js'
import { createAuditRepository } from '../../platform/audit/auditRepository.js'
import { createAuditService } from '../../platform/audit/auditService.js'
import { systemActor } from '../../platform/auth/actor.js'
import { createOfstedImportService } from './ofstedImportService.js'

// The published fake lists (real headers, fake rows) live beside the repo, never in it.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const fakeDir = join(resolve(repoRoot, '..', 'shared'), 'data', 'ofsted', 'fake')
const skip = existsSync(fakeDir) ? false : `${fakeDir} is not present`

// The fake rows carry made-up URNs ("njascn", "MDR00003") and judgements ("Troublingly Evil"),
// so their children's homes are rejected with reasons; everything else is other provision.
const expected: Record<string, { sheet: string; created: number; skipped: number; rejected: number; rejectedFor: RegExp }> = {
  'ch_fake.xlsx': {
    sheet: 'Provider information',
    created: 0,
    skipped: 0,
    rejected: 1,
    rejectedFor: /column "URN": "njascn" is not an Ofsted URN/,
  },
  'combined_scp_ch_fake.xlsx': {
    sheet: 'Providers',
    created: 0,
    skipped: 2,
    rejected: 2,
    rejectedFor: /"Troublingly Evil" is not an Ofsted judgement/,
  },
  'scp_ch_2025_fake.xlsx': { sheet: 'Providers', created: 0, skipped: 1, rejected: 0, rejectedFor: /^$/ },
  'scp_fake.xlsx': { sheet: 'Current providers', created: 0, skipped: 1, rejected: 0, rejectedFor: /^$/ },
  'scpch_assisted.xlsx': {
    sheet: 'Providers',
    created: 0,
    skipped: 2,
    rejected: 2,
    rejectedFor: /column "URN": "MDR00003" is not an Ofsted URN/,
  },
}

describeEachDialect('Ofsted import of the published fake lists', (ctx) => {
  for (const [file, want] of Object.entries(expected)) {
    test(file, { skip }, async () => {
      const { db, dialect } = ctx()
      const service = createOfstedImportService({ db, audit: createAuditService(createAuditRepository(dialect), db) })
      const report = await service.importFile(join(fakeDir, file), systemActor('test:fake'))
      assert.equal(report.sheet, want.sheet)
      assert.deepEqual([report.created, report.skipped, report.rejected.length], [want.created, want.skipped, want.rejected])
      if (want.rejected)
        assert.ok(
          report.rejected.some((r) => r.reasons.some((x) => want.rejectedFor.test(x))),
          JSON.stringify(report.rejected),
        )
      assert.equal(report.rowsRead, want.skipped + want.rejected + want.created)
    })
  }
})
