import assert from 'node:assert/strict'
import { test } from 'node:test'
import { freshSqlite } from '../../../test/support/databases.js'
import { ocdsSkip, ocdsValidator } from '../../../test/support/ocdsSchema.js'
import { registerWorld } from '../../contract/register/testing/registerWorld.js'
import { buildReleasePackage } from './releasePackage.js'
import { samplePublishOptions } from './sampleRecord.js'

test(
  'a taken extension reaches the tender’s OCDS contract release as an amendment, and the package stays valid',
  { skip: ocdsSkip },
  async () => {
    const handle = await freshSqlite()
    try {
      const w = await registerWorld(handle)
      const { tenderId, acme } = await w.awardedContracts()
      w.clock.set('2028-09-01T09:00:00.000Z')
      await w.register.proposeExtensionDecision(w.actors.officer, acme.id, {
        decision: 'extend',
        rationale: 'Occupancy and cost against spot.',
      })
      await w.register.settleExtensionDecision(w.actors.head, acme.id, { approve: true, note: '' })

      const record = await w.tenders.ocdsRecord(w.actors.officer, tenderId)
      const pkg = buildReleasePackage(record, 'contract', samplePublishOptions)
      const release = pkg.releases[0]
      const contract = release.contracts!.find((c) => c.id === acme.reference)!
      assert.deepEqual(release.tag, ['contractAmendment'])
      assert.equal(contract.period.endDate, '2031-04-30T23:59:59+01:00')
      assert.deepEqual(
        contract.amendments!.map((a) => [a.rationale, a.description, a.amendsReleaseID, a.releaseID]),
        [
          [
            'Occupancy and cost against spot.',
            'Extension taken: the end date moves from 2029-04-30 to 2031-04-30',
            `${record.tender.ocid}-contract-1`,
            `${record.tender.ocid}-contract-2`,
          ],
        ],
      )
      assert.equal(release.id, `${record.tender.ocid}-contract-2`)
      assert.deepEqual(ocdsValidator()(pkg), [])
    } finally {
      await handle.close()
    }
  },
)
