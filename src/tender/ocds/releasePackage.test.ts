import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { ocdsDateTime } from './dateTime.js'
import { penceToPounds } from './money.js'
import { newOcid } from './ocid.js'
import { buildReleasePackage, OCDS_EXTENSIONS, OcdsRecordError } from './releasePackage.js'
import { samplePublishOptions, sampleRecord } from './sampleRecord.js'

const build = (stage: 'tender' | 'award' | 'contract', record = sampleRecord()) => buildReleasePackage(record, stage, samplePublishOptions)

describe('OCDS release packages for a mini-competition', () => {
  test('every stage is a 1.1 package with one release on the tender’s own ocid, linked to the framework', () => {
    for (const stage of ['tender', 'award', 'contract'] as const) {
      const pkg = build(stage)
      assert.equal(pkg.version, '1.1')
      assert.equal(pkg.uri, samplePublishOptions.uri)
      assert.equal(pkg.publishedDate, '2026-07-03T12:00:00Z')
      assert.deepEqual(pkg.publisher, { name: 'Southampton City Council' })
      assert.deepEqual(pkg.extensions, [...OCDS_EXTENSIONS])
      assert.equal(pkg.releases.length, 1)
      const r = pkg.releases[0]
      assert.equal(r.ocid, 'ocds-placewise-PW-2026-0001')
      assert.equal(r.id, `ocds-placewise-PW-2026-0001-${stage}-1`)
      assert.deepEqual(r.tag, [stage])
      assert.equal(r.initiationType, 'tender')
      assert.deepEqual(r.relatedProcesses, [
        {
          id: '1',
          relationship: ['framework'],
          scheme: 'ocid',
          identifier: 'ocds-placewise-fw-2024-01',
          title: 'Children’s Residential Care Framework 2024',
        },
      ])
      assert.deepEqual(r.tender.techniques, { hasFrameworkAgreement: true, frameworkAgreement: { method: 'withReopeningCompetition' } })
      assert.equal(r.tender.competitive, true)
      assert.equal(r.tender.procurementMethod, 'selective')
      assert.equal(r.tender.mainProcurementCategory, 'services')
      assert.deepEqual(r.buyer, { id: 'GB-PPON-PQRS-1234-WXYZ', name: 'Southampton City Council' })
    }
  })

  test('tender stage: bed-weeks without a price, lots, periods in UK time, renewal — and no bidders named', () => {
    const r = build('tender').releases[0]
    assert.equal(r.date, '2026-05-01T08:30:00Z')
    assert.equal(r.awards, undefined)
    const [item] = r.tender.items
    assert.equal(item?.quantity, 6 * 52 * 3)
    assert.deepEqual(item?.unit, { scheme: 'UNCEFACT', id: 'WEE', name: 'bed-week' })
    assert.equal(item?.classification.id, '85311300')
    assert.deepEqual(
      item?.additionalClassifications.map((c) => c.id),
      ['85311000'],
    )
    assert.equal(item?.relatedLot, 'lot-1')
    assert.deepEqual(
      r.tender.lots.map((l) => l.id),
      ['lot-1'],
    )
    assert.deepEqual(
      r.tender.lots[0]?.awardCriteria.criteria.map((c) => [c.type, c.name, c.numbers[0]?.number]),
      [
        ['quality', 'Q1 Care and outcomes', 50],
        ['quality', 'Q2 Social value', 10],
        ['price', 'Price per bed-week', 40],
      ],
    )
    assert.match(r.tender.awardCriteriaDetails, /Q1 Care and outcomes 50% \(minimum score 2\); Q2 Social value 10%; Price per bed-week 40%/)
    assert.deepEqual(r.tender.tenderPeriod, { startDate: '2026-05-01T08:30:00Z', endDate: '2026-05-29T11:00:00Z' })
    assert.deepEqual(r.tender.enquiryPeriod?.endDate, '2026-05-15T11:00:00Z')
    assert.deepEqual(r.tender.contractPeriod, {
      startDate: '2026-09-01T00:00:00+01:00',
      endDate: '2029-08-31T23:59:59+01:00',
      maxExtentDate: '2031-08-31T23:59:59+01:00',
    })
    assert.equal(r.tender.hasRenewal, true)
    assert.deepEqual(r.tender.renewal, {
      description: 'The contract may be extended once, by up to 2 years.',
      maximumRenewals: 1,
      period: { durationInDays: 730 },
    })
    assert.equal(r.tender.tenderers, undefined)
    assert.deepEqual(r.parties, [
      {
        id: 'GB-PPON-PQRS-1234-WXYZ',
        name: 'Southampton City Council',
        identifier: { scheme: 'GB-PPON', id: 'PQRS-1234-WXYZ', legalName: 'Southampton City Council' },
        address: { streetAddress: 'Civic Centre', locality: 'Southampton', postalCode: 'SO14 7LY', countryName: 'United Kingdom' },
        roles: ['buyer', 'procuringEntity'],
      },
    ])
  })

  test('award stage: suppliers and tenderers as parties with Companies House ids; unit price and value in pounds', () => {
    const r = build('award').releases[0]
    assert.equal(r.date, '2026-06-22T00:00:00+01:00')
    assert.deepEqual(
      r.tender.tenderers?.map((t) => t.id),
      ['GB-COH-01234567', 'GB-COH-SC123456'],
    )
    assert.equal(r.tender.numberOfTenderers, 2)
    assert.deepEqual(
      r.parties.map((p) => [p.id, p.roles]),
      [
        ['GB-PPON-PQRS-1234-WXYZ', ['buyer', 'procuringEntity']],
        ['GB-COH-01234567', ['tenderer', 'supplier']],
        ['GB-COH-SC123456', ['tenderer']],
      ],
    )
    const [award] = r.awards ?? []
    assert.deepEqual(award?.suppliers, [{ id: 'GB-COH-01234567', name: 'Harbour Lights Care Ltd' }])
    assert.deepEqual(award?.value, { amount: 2_397_774.6, currency: 'GBP' }) // 3 beds × 156 weeks × £5,123.45
    assert.deepEqual(
      award?.items.map((i) => [i.id, i.quantity, i.unit.value?.amount]),
      [
        ['home-a', 2 * 156, 5123.45],
        ['home-b', 156, 5123.45],
      ],
    )
    assert.deepEqual(award?.relatedLots, ['lot-1'])
    assert.deepEqual(award?.standstillPeriod, { startDate: '2026-06-22T00:00:00+01:00', endDate: '2026-07-01T23:59:59+01:00' })
    assert.equal(r.contracts, undefined)
  })

  test('contract stage: period with maxExtentDate, renewal, value, date signed', () => {
    const r = build('contract').releases[0]
    assert.equal(r.date, '2026-07-03T09:00:00Z')
    const [c] = r.contracts ?? []
    assert.equal(c?.awardID, 'award-1')
    assert.deepEqual(c?.period, {
      startDate: '2026-09-01T00:00:00+01:00',
      endDate: '2029-08-31T23:59:59+01:00',
      maxExtentDate: '2031-08-31T23:59:59+01:00',
    })
    assert.equal(c?.renewal?.period.durationInDays, 730)
    assert.deepEqual(c?.value, { amount: 2_397_774.6, currency: 'GBP' })
    assert.deepEqual(c?.items[0]?.unit, { scheme: 'UNCEFACT', id: 'WEE', name: 'bed-week', value: { amount: 5123.45, currency: 'GBP' } })
    assert.equal(c?.dateSigned, '2026-07-03T09:00:00Z')
  })

  test('no lots: a single virtual lot; no extension: no renewal; a provider without Companies House number keeps our id', () => {
    const record = sampleRecord()
    record.tender.lots = []
    record.tender.extensionYears = 0
    record.tender.tenderers.push({ id: 'prov-meadow', name: 'Meadow House Trust', companiesHouseNumber: null })
    const r = buildReleasePackage(record, 'award', samplePublishOptions).releases[0]
    assert.deepEqual(
      r.tender.lots.map((l) => [l.id, l.title]),
      [['1', record.tender.title]],
    )
    assert.equal(r.tender.items[0]?.relatedLot, '1')
    assert.equal(r.tender.hasRenewal, false)
    assert.equal(r.tender.renewal, undefined)
    assert.ok(r.parties.some((p) => p.id === 'placewise-provider-prov-meadow' && p.identifier === undefined))
  })

  test('stable: the same record gives the same package; the release number is in the id', () => {
    assert.deepEqual(build('contract'), build('contract'))
    const again = buildReleasePackage(sampleRecord(), 'award', { ...samplePublishOptions, releaseNumber: 2 })
    assert.equal(again.releases[0].id, 'ocds-placewise-PW-2026-0001-award-2')
  })

  test('a bad record is refused, naming the field', () => {
    const record = sampleRecord()
    record.tender.tenderers[0]!.companiesHouseNumber = '12-34'
    assert.throws(
      () => build('award', record),
      (e: unknown) => e instanceof OcdsRecordError && /tender\.tenderers\.0\.companiesHouseNumber/.test(e.message),
    )
    const draft = sampleRecord()
    draft.tender.publishedAt = null
    assert.throws(() => build('tender', draft), /not been published/)
    const noAward = sampleRecord()
    noAward.awards = []
    assert.throws(() => build('award', noAward), /no award/)
    const orphan = sampleRecord()
    orphan.contracts[0]!.awardId = 'award-9'
    assert.throws(() => build('contract', orphan), /award award-9/)
  })
})

describe('OCDS helpers', () => {
  test('pence → pounds exactly, to the penny', () => {
    assert.equal(penceToPounds(512_345), 5123.45)
    assert.equal(penceToPounds(10), 0.1)
    assert.equal(JSON.stringify(penceToPounds(239_777_460)), '2397774.6')
    assert.throws(() => penceToPounds(1.5), /whole number of pence/)
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999_999 }), (p) => {
        const decimal = `${Math.floor(p / 100)}.${String(p % 100).padStart(2, '0')}`.replace(/\.?0+$/, '')
        assert.equal(JSON.stringify(penceToPounds(p)), decimal === '' ? '0' : decimal)
      }),
    )
  })

  test('dates as London date-times, either side of the clock changes', () => {
    assert.equal(ocdsDateTime('2026-01-15'), '2026-01-15T00:00:00Z')
    assert.equal(ocdsDateTime('2026-07-01', 'end'), '2026-07-01T23:59:59+01:00')
    assert.equal(ocdsDateTime('2026-03-29'), '2026-03-29T00:00:00Z') // BST starts at 01:00 UTC that day
    assert.equal(ocdsDateTime('2026-03-29', 'end'), '2026-03-29T23:59:59+01:00')
    assert.equal(ocdsDateTime('2026-10-25'), '2026-10-25T00:00:00+01:00')
    assert.equal(ocdsDateTime('2026-10-25', 'end'), '2026-10-25T23:59:59Z')
    assert.equal(ocdsDateTime('2026-05-01T09:30:00.250+01:00'), '2026-05-01T08:30:00.250Z')
  })

  test('new ocids: a registered-looking prefix and our tender id', () => {
    assert.equal(newOcid('ocds-placewise', 'PW-2026-0001'), 'ocds-placewise-PW-2026-0001')
    assert.throws(() => newOcid('placewise', 'PW-1'), /prefix/)
    assert.throws(() => newOcid('ocds-abc123', 'PW 1'), /tender id/)
  })
})
