import assert from 'node:assert/strict'
import { test } from 'node:test'
import { distanceView } from '../domain/distance.js'
import type { HomeRow } from '../homeRepository.js'
import { ageRangeText, homeDetailView, type HomeDetail } from './homePage.js'

const centre = { easting: 442_520, northing: 112_207, label: 'Southampton city centre (SO14)' }
const home: HomeRow & { provider_name: string } = {
  id: 'h1',
  urn: 'SC000004',
  name: 'Elm Court',
  provider_id: 'p1',
  provider_name: 'Brook Homes',
  address_line: '1 High St',
  town: 'Brighton',
  postcode: 'BN1 1AA',
  easting: 502_520,
  northing: 112_207,
  location_precision: 'unit',
  lad_code: null,
  registered_places: 6,
  age_min: 12,
  age_max: 17,
  sexes_accepted: 'female',
  ofsted_judgement: 'Inadequate',
  ofsted_judgement_date: '2025-05-05',
  status: 'suspended',
  registration_date: null,
  created_at: '',
  updated_at: '',
}
const detail: HomeDetail = {
  home,
  categories: ['EBD', 'MD'],
  needs: ['self-harm'],
  beds: [
    { id: 'b2', home_id: 'h1', label: 'Bed 2', status: 'vacant', updated_at: '2025-06-01T10:00:00.000Z' },
    { id: 'b1', home_id: 'h1', label: 'Bed 1', status: 'occupied', updated_at: '2025-06-01T10:00:00.000Z' },
  ],
  distance: distanceView(centre, home, 20),
  radiusMiles: 20,
  centre,
}

test('age ranges read naturally', () => {
  assert.deepEqual(
    [ageRangeText(11, 17), ageRangeText(null, 16), ageRangeText(8, null), ageRangeText(null, null), ageRangeText(16, 16)],
    ['11 to 17', 'Up to 16', '8 and over', 'Not recorded', '16'],
  )
})

test('the summary lists say what the home is, with labels for codes and change links for editors', () => {
  const v = homeDetailView(detail, true)
  const row = (rows: typeof v.details, key: string) => rows.find((r) => r.key.text === key)!
  assert.equal(row(v.details, 'Accepts').value.text, 'Girls only')
  assert.match(row(v.details, 'Status').value.html!, /Suspended/)
  assert.match(row(v.details, 'Address').value.html!, /1 High St<br>Brighton<br>BN1 1AA/)
  assert.match(row(v.ofsted, 'Registration categories').value.html!, /Emotional and behavioural difficulties.*Mental disorders/)
  assert.match(row(v.needs, 'Needs the Statement of Purpose covers').value.html!, /Self-harm/)
  assert.equal(row(v.details, 'Name').actions?.items[0]?.href, '/market/homes/h1/edit#name')
  assert.equal(row(v.ofsted, 'Date of judgement').actions?.items[0]?.href, '/market/homes/h1/edit#ofstedJudgementDate-day')
  assert.equal(v.outsideRadius, 'This home is 37.3 miles from Southampton city centre (SO14): outside the 20-mile local area.')
  assert.equal(v.bedsCaption, '2 beds, 1 vacant')
  assert.equal(v.beds[0]?.items.find((i) => i.selected)?.value, 'vacant')
})

test('a reader gets no change links and no edit button', () => {
  const v = homeDetailView(detail, false)
  assert.equal(v.editHref, null)
  assert.ok(v.details.every((r) => !r.actions))
})
