import assert from 'node:assert/strict'
import { test } from 'node:test'
import { mapHeaders, type OfstedField } from './headers.js'
import { CH_HEADERS, COMBINED_2025_HEADERS } from './testFixtures.js'

const headerOf = (headers: string[], field: OfstedField) => mapHeaders(headers).columns[field]?.header

test("the Children's Homes list header maps every field the import reads", () => {
  const { columns } = mapHeaders(CH_HEADERS)
  assert.equal(columns.urn?.header, 'URN')
  assert.equal(columns.places?.header, 'Max Users')
  assert.equal(columns.name?.header, 'Setting Name')
  assert.equal(columns.status?.header, 'Provider Status')
  assert.equal(columns.closedDate?.header, 'Closed Date')
  assert.equal(columns.postcode?.header, 'Setting Address Postcode')
  assert.equal(columns.judgement?.header, 'Overall Effectiveness')
  assert.equal(columns.inspectionDate?.header, 'Full Inspection Start Date')
  assert.equal(columns.ownerName?.header, 'Owner Name')
  assert.equal(columns.ownerId?.header, 'Owner ID')
  assert.equal(columns.EBD?.header, 'Emotional and Behavioural Difficulties')
  assert.equal(columns.DRG?.header, 'Present Drug Problems')
  assert.equal(columns.urn?.index, 1)
})

test('the 2025 combined list header maps to the same fields under its own wording', () => {
  const { columns } = mapHeaders(COMBINED_2025_HEADERS)
  assert.equal(columns.places?.header, 'Number of registered places')
  assert.equal(columns.name?.header, 'Provider name')
  assert.equal(columns.status?.header, 'Registration status')
  assert.equal(columns.closedDate?.header, 'Deregistration date')
  assert.equal(columns.postcode?.header, 'Provider postcode')
  assert.equal(columns.judgement?.header, 'Overall effectiveness')
  assert.equal(columns.inspectionDate?.header, 'Date of last full inspection')
  assert.equal(columns.ownerName?.header, 'Owner name')
  assert.equal(columns.topCompany?.header, 'top_company')
  assert.equal(columns.ALC?.header, 'Present alcohol problems')
})

test('synonyms match whatever their case, spacing and apostrophes', () => {
  const cases: [string, OfstedField][] = [
    ['  setting   POSTCODE ', 'postcode'],
    ['Setting address postcode', 'postcode'],
    ['Places', 'places'],
    ['CAPACITY', 'places'],
    ['Organisation which owns the provider', 'ownerName'],
    ['Organisation name', 'ownerName'],
    ['Latest overall Effectiveness grade from last full inspection', 'judgement'],
    ['Overall experiences and progress of children and young people', 'judgement'],
    ['Latest full inspection date', 'inspectionDate'],
    ['Top company (as listed on Companies\u2019 House)', 'topCompany'],
    ['Provision type', 'providerType'],
  ]
  for (const [heading, field] of cases) {
    assert.equal(headerOf(['URN', heading], field), heading.trim(), `${heading} → ${field}`)
  }
})

test('the first of two synonymous columns wins and unknown headings are listed as ignored', () => {
  const m = mapHeaders(['URN', 'Max Users', 'Capacity', 'Owner Postcode', 'Interim Inspection Overall Effectiveness', ''])
  assert.equal(m.columns.places?.index, 1)
  assert.deepEqual(m.ignored, ['Capacity', 'Owner Postcode', 'Interim Inspection Overall Effectiveness'])
  assert.equal(m.columns.postcode, undefined)
  assert.equal(m.columns.judgement, undefined)
})
