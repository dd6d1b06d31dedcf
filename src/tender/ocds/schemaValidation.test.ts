import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, test } from 'node:test'
import { OCDS_BUNDLE as bundle, ocdsSkip as skip, ocdsValidator as validator } from '../../../test/support/ocdsSchema.js'
import { buildReleasePackage } from './releasePackage.js'
import { samplePublishOptions, sampleRecord } from './sampleRecord.js'

describe('OCDS packages against the OCDS 1.1.5 + extensions schema bundle', { skip }, () => {
  test('the validator accepts the bundle’s own valid example, and rejects it broken', () => {
    const validate = validator()
    const example = JSON.parse(readFileSync(resolve(bundle, 'examples', 'valid-release-package.json'), 'utf8')) as {
      releases: Record<string, unknown>[]
    }
    assert.deepEqual(validate(example), [])
    delete example.releases[0]!.ocid
    assert.notDeepEqual(validate(example), [])
  })

  for (const stage of ['tender', 'award', 'contract'] as const) {
    test(`the ${stage} package is valid`, () => {
      assert.deepEqual(validator()(buildReleasePackage(sampleRecord(), stage, samplePublishOptions)), [])
    })
  }

  test('a package with a bare date where a date-time belongs fails, so format checks are on', () => {
    const pkg = buildReleasePackage(sampleRecord(), 'contract', samplePublishOptions) as unknown as {
      releases: { contracts: { dateSigned: string }[] }[]
    }
    pkg.releases[0]!.contracts[0]!.dateSigned = '2026-07-03'
    assert.match(validator()(pkg).join('\n'), /dateSigned must match format "date-time"/)
  })

  test('the codes we use come from the (open) codelists, which the schema does not check', () => {
    const codes = (list: string) =>
      new Set(
        readFileSync(resolve(bundle, 'codelists', `${list}.csv`), 'utf8')
          .split('\n')
          .slice(1)
          .map((line) => line.split(',')[0])
          .filter(Boolean),
      )
    const r = buildReleasePackage(sampleRecord(), 'contract', samplePublishOptions).releases[0]
    const used: [string, string[]][] = [
      ['partyRole', r.parties.flatMap((p) => p.roles)],
      [
        'itemClassificationScheme',
        r.tender.items.flatMap((i) => [i.classification.scheme, ...i.additionalClassifications.map((c) => c.scheme)]),
      ],
      ['unitClassificationScheme', r.tender.items.map((i) => i.unit.scheme)],
      ['submissionMethod', r.tender.submissionMethod],
      ['awardCriteria', [r.tender.awardCriteria]],
      ['relatedProcess', r.relatedProcesses.flatMap((p) => p.relationship)],
      ['relatedProcessScheme', r.relatedProcesses.map((p) => p.scheme)],
      ['awardCriterionType', r.tender.lots.flatMap((l) => l.awardCriteria.criteria.map((c) => c.type))],
    ]
    for (const [list, values] of used) for (const v of values) assert.ok(codes(list).has(v), `${v} is not in ${list}.csv`)
  })

  test('no lots, no extension, a provider without a Companies House number: still valid', () => {
    const record = sampleRecord()
    record.tender.lots = []
    record.tender.extensionYears = 0
    record.tender.tenderers.push({ id: 'prov-meadow', name: 'Meadow House Trust', companiesHouseNumber: null })
    for (const stage of ['tender', 'award'] as const)
      assert.deepEqual(validator()(buildReleasePackage(record, stage, samplePublishOptions)), [])
  })
})
