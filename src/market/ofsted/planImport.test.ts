import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { HomeRow } from './ofstedImportRepository.js'
import { planImport, type CurrentState } from './planImport.js'
import type { OfstedHomeRecord } from './validateRow.js'

const NOW = '2026-01-01T00:00:00.000Z'
function ids() {
  let n = 0
  return { newId: () => `id${++n}`, now: NOW }
}
const empty = (): CurrentState => ({ providers: [], homesByUrn: new Map(), categoriesByHome: new Map(), bedLabelsByHome: new Map() })

function record(overrides: Partial<OfstedHomeRecord> = {}): OfstedHomeRecord {
  return {
    row: 2,
    urn: 'SC100001',
    name: 'Oak House',
    owner: { ofstedOwnerId: 'OW1', name: 'Acorn Care Ltd' },
    addressLine: '1 Oak Road',
    town: 'Southampton',
    postcode: 'SO15 5AB',
    registeredPlaces: 3,
    judgement: 'Good',
    judgementDate: '2024-10-15',
    registrationDate: '2019-04-01',
    status: 'active',
    categories: ['EBD'],
    ...overrides,
  }
}

function existingHome(overrides: Partial<HomeRow> = {}): HomeRow {
  return {
    id: 'h1',
    urn: 'SC100001',
    name: 'Oak House',
    provider_id: 'p1',
    address_line: '1 Oak Road',
    town: 'Southampton',
    postcode: 'SO15 5AB',
    easting: 440000,
    northing: 113000,
    location_precision: 'unit',
    lad_code: 'E06000045',
    registered_places: 3,
    age_min: 8,
    age_max: 17,
    sexes_accepted: 'mixed',
    ofsted_judgement: 'Good',
    ofsted_judgement_date: '2024-10-15',
    status: 'active',
    registration_date: '2019-04-01',
    created_at: NOW,
    updated_at: NOW,
    ...overrides,
  }
}

function stateWith(home: HomeRow, beds = ['Bed 1', 'Bed 2', 'Bed 3']): CurrentState {
  return {
    providers: [{ id: 'p1', name: 'Acorn Care Ltd', ofsted_owner_id: 'OW1' }],
    homesByUrn: new Map([[home.urn, home]]),
    categoriesByHome: new Map([[home.id, ['EBD']]]),
    bedLabelsByHome: new Map([[home.id, beds]]),
  }
}

test('a new home brings its provider, its categories and a vacant bed per registered place', () => {
  const plan = planImport([record()], empty(), null, ids())
  assert.equal(plan.providerCreates.length, 1)
  assert.equal(plan.providerCreates[0]!.ofsted_owner_id, 'OW1')
  assert.equal(plan.homeCreates.length, 1)
  const created = plan.homeCreates[0]!
  assert.equal(created.home.provider_id, plan.providerCreates[0]!.id)
  assert.equal(created.home.location_precision, 'none')
  assert.deepEqual(created.categories, ['EBD'])
  assert.deepEqual(
    created.beds.map((b) => [b.label, b.status, b.home_id]),
    [
      ['Bed 1', 'vacant', created.home.id],
      ['Bed 2', 'vacant', created.home.id],
      ['Bed 3', 'vacant', created.home.id],
    ],
  )
})

test('one owner of several homes is one provider', () => {
  const plan = planImport([record(), record({ urn: 'SC100002', row: 3 })], empty(), null, ids())
  assert.equal(plan.providerCreates.length, 1)
  assert.equal(new Set(plan.homeCreates.map((c) => c.home.provider_id)).size, 1)
})

test('the same home as the database holds is unchanged, and its location is kept when there is no locator', () => {
  const plan = planImport([record()], stateWith(existingHome()), null, ids())
  assert.equal(plan.unchanged, 1)
  assert.deepEqual([plan.homeUpdates, plan.homeCreates, plan.providerCreates, plan.providerUpdates], [[], [], [], []])
})

test('changed places, judgement and categories update the home; beds are added up to the places, never removed', () => {
  const grown = planImport(
    [record({ registeredPlaces: 5, judgement: 'Outstanding', categories: ['LD'] })],
    stateWith(existingHome()),
    null,
    ids(),
  )
  const u = grown.homeUpdates[0]!
  assert.deepEqual(u.patch, { registered_places: 5, ofsted_judgement: 'Outstanding', updated_at: NOW })
  assert.deepEqual(u.before, { registered_places: 3, ofsted_judgement: 'Good', categories: ['EBD'] })
  assert.deepEqual(u.after, { registered_places: 5, ofsted_judgement: 'Outstanding', categories: ['LD'], bedsAdded: ['Bed 4', 'Bed 5'] })
  assert.deepEqual([u.addCategories, u.removeCategories], [['LD'], ['EBD']])

  const shrunk = planImport([record({ registeredPlaces: 1 })], stateWith(existingHome()), null, ids())
  assert.deepEqual(shrunk.homeUpdates[0]!.beds, [])
  assert.deepEqual(shrunk.homeUpdates[0]!.patch, { registered_places: 1, updated_at: NOW })
})

test('new bed labels fill gaps rather than clash with beds a council renamed or removed', () => {
  const plan = planImport([record({ registeredPlaces: 3 })], stateWith(existingHome(), ['Bed 2', 'Annex']), null, ids())
  assert.deepEqual(
    plan.homeUpdates[0]!.beds.map((b) => b.label),
    ['Bed 1'],
  )
})

test('a changed postcode without a locator drops the old location rather than keep a wrong one', () => {
  const plan = planImport([record({ postcode: 'SO16 3AB' })], stateWith(existingHome()), null, ids())
  assert.deepEqual(plan.homeUpdates[0]!.patch, {
    postcode: 'SO16 3AB',
    easting: null,
    northing: null,
    location_precision: 'none',
    lad_code: null,
    updated_at: NOW,
  })
})

test('a provider entered by hand is found by name and given its Ofsted Owner ID; a renamed owner is renamed', () => {
  const byName = planImport(
    [record()],
    { ...empty(), providers: [{ id: 'p9', name: 'ACORN  care ltd', ofsted_owner_id: null }] },
    null,
    ids(),
  )
  assert.equal(byName.providerCreates.length, 0)
  assert.deepEqual(byName.providerUpdates, [
    { id: 'p9', before: { name: 'ACORN  care ltd', ofsted_owner_id: null }, after: { name: 'Acorn Care Ltd', ofsted_owner_id: 'OW1' } },
  ])
  assert.equal(byName.homeCreates[0]!.home.provider_id, 'p9')

  const renamed = planImport([record({ owner: { ofstedOwnerId: 'OW1', name: 'Acorn Homes Ltd' } })], stateWith(existingHome()), null, ids())
  assert.deepEqual(renamed.providerUpdates, [{ id: 'p1', before: { name: 'Acorn Care Ltd' }, after: { name: 'Acorn Homes Ltd' } }])
  assert.equal(renamed.unchanged, 1)
})

test('a same-named provider with a different Owner ID is a different provider', () => {
  const plan = planImport(
    [record({ owner: { ofstedOwnerId: 'OW2', name: 'Acorn Care Ltd' } })],
    { ...empty(), providers: [{ id: 'p1', name: 'Acorn Care Ltd', ofsted_owner_id: 'OW1' }] },
    null,
    ids(),
  )
  assert.equal(plan.providerCreates.length, 1)
  assert.equal(plan.providerCreates[0]!.ofsted_owner_id, 'OW2')
})
