import assert from 'node:assert/strict'
import { test } from 'node:test'
import { membershipField } from '../domain/schemas.js'
import { frameworkDetailView } from './frameworkPages.js'
import { parseProviderForm, providerFormLots, providerFormValues } from './providerPages.js'

const lots = [1, 2, 3].map((n) => ({ id: `l${n}`, number: n, name: `Lot name ${n}`, framework_name: 'Framework' }))

test('the provider form: rates in pounds become pence; untouched lots are left alone', () => {
  const r = parseProviderForm(
    {
      name: ' Acme ',
      companiesHouseNumber: 'sc123456',
      [membershipField('l1', 'status')]: 'active',
      [membershipField('l1', 'rate')]: '£5,250.50',
      [membershipField('l2', 'status')]: 'withdrawn',
    },
    lots,
  )
  assert.ok(r.ok)
  assert.deepEqual(r.data, {
    name: 'Acme',
    companiesHouseNumber: 'sc123456',
    memberships: [
      { lotId: 'l1', status: 'active', spotRatePencePerWeek: 525_050 },
      { lotId: 'l2', status: 'withdrawn', spotRatePencePerWeek: null },
    ],
  })
})

test('the provider form names each bad control: company number, a rate that is not money, a rate with no status', () => {
  const r = parseProviderForm(
    {
      name: 'Acme',
      companiesHouseNumber: '12',
      [membershipField('l1', 'status')]: 'active',
      [membershipField('l1', 'rate')]: '12.345',
      [membershipField('l3', 'rate')]: '100',
    },
    lots,
  )
  assert.equal(r.ok, false)
  if (r.ok) return
  assert.deepEqual(
    r.errors.list.map((e) => e.href),
    ['#companiesHouseNumber', `#${membershipField('l1', 'rate')}`, `#${membershipField('l3', 'status')}`],
  )
  assert.match(r.errors.byField[membershipField('l1', 'rate')]!.text, /Lot 1: Lot name 1/)
})

test('a lot the provider is on cannot be set back to "not a member"; the form shows current rates in pounds', () => {
  const values = providerFormValues({
    provider: { id: 'p', name: 'Acme', companies_house_number: null, ofsted_owner_id: null, created_at: '', updated_at: '' },
    memberships: [
      {
        provider_id: 'p',
        lot_id: 'l2',
        status: 'suspended',
        spot_rate_pence_per_week: 612_000,
        lot_number: 2,
        lot_code: 'C',
        lot_name: 'Lot name 2',
        framework_id: 'f',
        framework_name: 'Framework',
      },
    ],
  })
  const [group] = providerFormLots(lots, values, new Set(['l2']))
  const l1 = group!.lots[0]!
  const l2 = group!.lots[1]!
  assert.equal(l1.statusItems[0]?.text, 'Not a member')
  assert.ok(!l2.statusItems.some((i) => i.value === ''))
  assert.equal(l2.statusItems.find((i) => i.selected)?.value, 'suspended')
  assert.equal(l2.rate, '6120.00')
})

test('a framework page lists its lots with member counts and a link to their homes', () => {
  const v = frameworkDetailView({
    framework: {
      id: 'f',
      name: 'F',
      legal_regime: 'PA2023',
      starts_on: '2025-02-24',
      ends_on: '2029-02-23',
      ocid: null,
      lead_organisation_id: 'o',
      created_at: '',
      updated_at: '',
    },
    lots: [
      {
        id: 'l1',
        framework_id: 'f',
        number: 1,
        code: 'PSDR',
        name: 'Planned and same-day residential',
        active_members: 3,
        suspended_members: 1,
      },
    ],
  })
  assert.equal(v.details[0]?.value.text, 'Procurement Act 2023')
  assert.equal(v.details[1]?.value.text, '24 February 2025 to 23 February 2029')
  assert.deepEqual(
    v.lots.rows[0]?.slice(0, 4).map((c) => c.text),
    ['Lot 1: Planned and same-day residential', 'PSDR', '3', '1'],
  )
  assert.match(v.lots.rows[0]![4]!.html!, /\/market\/homes\?lot=l1/)
})
