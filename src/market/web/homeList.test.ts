import assert from 'node:assert/strict'
import { test } from 'node:test'
import { distanceView } from '../domain/distance.js'
import { distanceHtml, homeListView, parseHomeQuery, type HomeListItem } from './homeList.js'

const lots = [{ id: 'lot-1', number: 1, name: 'Planned and same-day residential', framework_name: 'F' }]
const centre = { easting: 442_520, northing: 112_207 }

test('the query string becomes filters; what is not understood is named and not applied', () => {
  const q = parseHomeQuery(
    { q: ' oak ', lot: 'lot-1', judgement: 'Good', category: 'LD', vacancy: 'yes', within: '20', sort: 'distance', dir: 'desc', page: '2' },
    lots,
  )
  assert.deepEqual(q.filters, { q: 'oak', lotId: 'lot-1', judgement: 'Good', category: 'LD', hasVacancy: true, withinMiles: 20 })
  assert.deepEqual([q.sort, q.page], [{ key: 'distance', direction: 'desc' }, 2])
  const bad = parseHomeQuery({ lot: 'nope', judgement: 'Great', within: '-3', category: ['XX', 'LD'], sort: 'drop' }, lots)
  assert.deepEqual(bad.filters, {})
  assert.deepEqual(
    bad.errors.list.map((e) => e.href),
    ['#lot', '#judgement', '#category', '#within'],
  )
  assert.equal(bad.sort.key, 'name')
})

test('a distance cell says miles, whether local, and whether approximate; unknown says so', () => {
  const near = distanceView(centre, { easting: 443_520, northing: 112_207, location_precision: 'sector' }, 20)
  assert.equal(
    distanceHtml(near, 20),
    '0.6&nbsp;miles<br><strong class="govuk-tag govuk-tag--green">Within 20 miles</strong><br><span class="govuk-body-s govuk-!-margin-0">approximate</span>',
  )
  const far = distanceView(centre, { easting: 502_520, northing: 112_207, location_precision: 'unit' }, 20)
  assert.equal(distanceHtml(far, 20), '37.3&nbsp;miles')
  assert.match(distanceHtml(distanceView(centre, { easting: null, northing: null, location_precision: 'none' }, 20), 20), /Unknown/)
})

test('the table escapes names, links each home, and keeps filters and sort in its links', () => {
  const item: HomeListItem = {
    id: 'h1',
    urn: 'SC1',
    name: '<Oak> & Co',
    provider_id: 'p',
    postcode: null,
    easting: null,
    northing: null,
    location_precision: 'none',
    registered_places: 4,
    ofsted_judgement: 'Good',
    ofsted_judgement_date: '2025-01-10',
    status: 'suspended',
    provider_name: 'Acme',
    vacant_beds: 2,
    beds: 4,
    distance: distanceView(centre, { easting: null, northing: null, location_precision: 'none' }, 20),
  }
  const query = parseHomeQuery({ q: 'oak', sort: 'places', dir: 'desc' }, lots)
  const v = homeListView({ query, pageSize: 1, result: { items: [item], total: 3, page: 2 }, lots, radiusMiles: 20 })
  const [name, , , places, vacant, judgement] = v.table.rows[0]!
  assert.match(name!.html!, /href="\/market\/homes\/h1">&lt;Oak&gt; &amp; Co<\/a>/)
  assert.match(name!.html!, /Suspended/)
  assert.deepEqual([places!.text, vacant!.text], ['4', '2'])
  assert.match(judgement!.html!, /govuk-tag--teal">Good<.*10 January 2025/)
  assert.equal(v.page.pagination.next?.href, '/market/homes?q=oak&sort=places&dir=desc&page=3')
  assert.equal(v.table.head[3]!.attributes['aria-sort'], 'descending')
  assert.equal(v.caption, '3 homes match your filters')
  assert.equal(v.choices.lot.find((o) => o.selected)?.value, '')
})
