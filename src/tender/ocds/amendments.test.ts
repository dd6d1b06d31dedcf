import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ocdsSkip, ocdsValidator } from '../../../test/support/ocdsSchema.js'
import { buildReleasePackage } from './releasePackage.js'
import { samplePublishOptions, sampleRecord } from './sampleRecord.js'

const extension = {
  id: 'extension-1',
  date: '2029-03-10T11:00:00Z',
  rationale: 'Occupancy 92%, cost per occupied bed-week below spot, KPIs green.',
  description: 'Extension taken: the end date moves from 2029-08-31 to 2031-08-31',
}
const variation = {
  id: 'variation-1',
  date: '2027-01-05',
  rationale: 'A fourth bed at Harbour View for sibling groups.',
  description: 'Variation of the beds from 2027-02-01',
}

test('a changed contract: its amendments in order, each amending the release before it; the release is a contractAmendment', () => {
  const record = sampleRecord()
  record.contracts[0]!.period.endDate = '2031-08-31'
  record.contracts[0]!.amendments = [extension, variation]
  const r = buildReleasePackage(record, 'contract', samplePublishOptions).releases[0]
  const ocid = record.tender.ocid
  assert.deepEqual(r.tag, ['contractAmendment'])
  assert.equal(r.id, `${ocid}-contract-3`)
  assert.equal(r.date, '2029-03-10T11:00:00Z')
  const amendments = r.contracts![0]!.amendments!
  assert.deepEqual(
    amendments.map((a) => [a.id, a.amendsReleaseID, a.releaseID]),
    [
      ['variation-1', `${ocid}-contract-1`, `${ocid}-contract-2`],
      ['extension-1', `${ocid}-contract-2`, `${ocid}-contract-3`],
    ],
  )
  assert.equal(amendments[0]!.date, '2027-01-05T00:00:00Z')
  assert.equal(r.contracts![0]!.period.endDate, '2031-08-31T23:59:59+01:00')
  // The tender and award stages are not republished by a contract change.
  assert.deepEqual(buildReleasePackage(record, 'award', samplePublishOptions).releases[0].tag, ['award'])
})

test('an unchanged contract has no amendments and stays the first contract release', () => {
  const r = buildReleasePackage(sampleRecord(), 'contract', samplePublishOptions).releases[0]
  assert.deepEqual(r.tag, ['contract'])
  assert.equal(r.contracts![0]!.amendments, undefined)
  assert.match(r.id, /-contract-1$/)
})

test('an amended contract release is valid against the OCDS 1.1 schema bundle', { skip: ocdsSkip }, () => {
  const record = sampleRecord()
  record.contracts[0]!.amendments = [extension, variation]
  assert.deepEqual(ocdsValidator()(buildReleasePackage(record, 'contract', samplePublishOptions)), [])
})
