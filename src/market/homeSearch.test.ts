import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { describeEachDialect } from '../../test/support/databases.js'
import { NotFoundError } from '../platform/errors.js'
import type { HomeSearchFilters, HomeSortKey } from './homeRepository.js'
import { councilActor, providerActor, seedMarket } from './testing/marketFixtures.js'

type Seeded = Awaited<ReturnType<typeof seedMarket>>

describeEachDialect('market register: searching homes', (ctx) => {
  let s: Seeded
  before(async () => {
    s = await seedMarket(ctx())
  })

  const names = async (
    filters: HomeSearchFilters,
    key: HomeSortKey = 'name',
    direction: 'asc' | 'desc' = 'asc',
    actor = councilActor('placement_officer'),
  ) => (await s.market.searchHomes(actor, filters, { key, direction }, { page: 1, pageSize: 50 })).items.map((h) => h.name)

  test('with no filters every home comes back, by name', async () => {
    assert.deepEqual(await names({}), ['Birch Lodge', 'Cedar View', 'Elm Court', 'Fir Grange', 'Gorse Hall', 'Oak House'])
  })

  test('free text matches name, URN, postcode in any spacing and provider name, in any case', async () => {
    assert.deepEqual(await names({ q: 'OAK' }), ['Oak House'])
    assert.deepEqual(await names({ q: 'sc000004' }), ['Elm Court'])
    assert.deepEqual(await names({ q: 'so147d' }), ['Oak House'])
    assert.deepEqual(await names({ q: 'so14 7du' }), ['Oak House'])
    assert.deepEqual(await names({ q: 'brook' }), ['Cedar View', 'Elm Court'])
    // LIKE's wildcards in the text are matched literally.
    assert.deepEqual(await names({ q: '%' }), [])
    assert.deepEqual(await names({ q: '_' }), [])
  })

  test('a lot filter keeps homes whose provider is an active member of it; suspended members are left out', async () => {
    assert.deepEqual(await names({ lotId: s.lot(1) }), ['Birch Lodge', 'Fir Grange', 'Gorse Hall', 'Oak House'])
    assert.deepEqual(await names({ lotId: s.lot(2) }), ['Cedar View', 'Elm Court'])
    assert.deepEqual(await names({ lotId: s.lot(3) }), [])
  })

  test('judgement, category, need, status, provider and vacancy filters', async () => {
    assert.deepEqual(await names({ judgement: 'Good' }), ['Oak House'])
    assert.deepEqual(await names({ judgement: 'Not yet inspected' }), ['Cedar View', 'Fir Grange', 'Gorse Hall'])
    assert.deepEqual(await names({ category: 'LD' }), ['Birch Lodge'])
    assert.deepEqual(await names({ category: 'EBD' }), ['Birch Lodge', 'Oak House'])
    assert.deepEqual(await names({ need: 'autism' }), ['Birch Lodge'])
    assert.deepEqual(await names({ status: 'suspended' }), ['Elm Court'])
    assert.deepEqual(await names({ providerId: s.providers.brook }), ['Cedar View', 'Elm Court'])
    assert.deepEqual(await names({ hasVacancy: true }), ['Cedar View', 'Gorse Hall', 'Oak House'])
    assert.deepEqual(await names({ hasVacancy: true, lotId: s.lot(1), category: 'EBD' }), ['Oak House'])
  })

  test('within 20 miles is the DfE distance rounded to 0.1: 20.0 is in, 20.1 is out, unknown is out', async () => {
    assert.deepEqual(await names({ withinMiles: 20 }), ['Birch Lodge', 'Fir Grange', 'Oak House'])
    assert.deepEqual(await names({ withinMiles: 20.1 }), ['Birch Lodge', 'Fir Grange', 'Gorse Hall', 'Oak House'])
    assert.deepEqual(await names({ withinMiles: 0 }), [])
    const page = await s.market.searchHomes(
      councilActor(),
      { withinMiles: 20 },
      { key: 'distance', direction: 'asc' },
      { page: 1, pageSize: 10 },
    )
    assert.deepEqual(
      page.items.map((h) => [h.name, h.distance.miles, h.distance.withinRadius, h.distance.approximate]),
      [
        ['Oak House', 0.6, true, false],
        ['Birch Lodge', 18.6, true, true],
        ['Fir Grange', 20, true, false],
      ],
    )
  })

  test('sorting by distance puts homes with no known location last, both ways', async () => {
    assert.deepEqual(await names({}, 'distance'), ['Oak House', 'Birch Lodge', 'Fir Grange', 'Gorse Hall', 'Elm Court', 'Cedar View'])
    assert.deepEqual(await names({}, 'distance', 'desc'), [
      'Elm Court',
      'Gorse Hall',
      'Fir Grange',
      'Birch Lodge',
      'Oak House',
      'Cedar View',
    ])
  })

  test('sorting by judgement (best first), places, vacancies, provider, URN and name descending', async () => {
    assert.deepEqual(await names({}, 'judgement'), ['Birch Lodge', 'Oak House', 'Elm Court', 'Cedar View', 'Fir Grange', 'Gorse Hall'])
    assert.deepEqual(await names({}, 'places', 'desc'), ['Elm Court', 'Gorse Hall', 'Oak House', 'Cedar View', 'Birch Lodge', 'Fir Grange'])
    // Ties fall back to the name, A to Z.
    assert.deepEqual(await names({}, 'vacancies', 'desc'), [
      'Cedar View',
      'Oak House',
      'Gorse Hall',
      'Birch Lodge',
      'Elm Court',
      'Fir Grange',
    ])
    assert.deepEqual(await names({}, 'provider', 'desc'), [
      'Cedar View',
      'Elm Court',
      'Birch Lodge',
      'Fir Grange',
      'Gorse Hall',
      'Oak House',
    ])
    assert.deepEqual(await names({}, 'urn', 'desc'), ['Gorse Hall', 'Fir Grange', 'Elm Court', 'Cedar View', 'Birch Lodge', 'Oak House'])
    assert.deepEqual(await names({}, 'name', 'desc'), ['Oak House', 'Gorse Hall', 'Fir Grange', 'Elm Court', 'Cedar View', 'Birch Lodge'])
  })

  test('rows carry bed counts and the provider name', async () => {
    const { items } = await s.market.searchHomes(councilActor(), { q: 'oak' }, { key: 'name', direction: 'asc' }, { page: 1, pageSize: 10 })
    assert.deepEqual([items[0]?.provider_name, items[0]?.beds, items[0]?.vacant_beds], ['Acme Care Ltd', 4, 3])
  })

  test('pages hold pageSize rows, keep the total, and a page past the end is the last page', async () => {
    const sort = { key: 'name' as const, direction: 'asc' as const }
    const p2 = await s.market.searchHomes(councilActor(), {}, sort, { page: 2, pageSize: 4 })
    assert.deepEqual([p2.total, p2.page, p2.items.map((h) => h.name)], [6, 2, ['Gorse Hall', 'Oak House']])
    const far = await s.market.searchHomes(councilActor(), {}, sort, { page: 99, pageSize: 4 })
    assert.equal(far.page, 2)
    assert.deepEqual(
      far.items.map((h) => h.name),
      ['Gorse Hall', 'Oak House'],
    )
    const filtered = await s.market.searchHomes(councilActor(), { lotId: s.lot(1) }, sort, { page: 1, pageSize: 3 })
    assert.deepEqual([filtered.total, filtered.items.length], [4, 3])
  })

  test('a provider user sees only its own homes and providers, and another provider’s are not found', async () => {
    const acme = providerActor(s.providers.acme)
    assert.deepEqual(await names({}, 'name', 'asc', acme), ['Birch Lodge', 'Fir Grange', 'Gorse Hall', 'Oak House'])
    assert.deepEqual(await names({ q: 'brook' }, 'name', 'asc', acme), [])
    await assert.rejects(s.market.getHome(acme, s.homes.cedar.id), NotFoundError)
    await assert.rejects(s.market.getProvider(acme, s.providers.brook), NotFoundError)
    const own = await s.market.getHome(acme, s.homes.oak.id)
    assert.equal(own.home.name, 'Oak House')
    const providers = await s.market.listProviders(acme, { page: { page: 1, pageSize: 25 }, sort: { key: 'name', direction: 'asc' } })
    assert.deepEqual(
      providers.items.map((p) => p.name),
      ['Acme Care Ltd'],
    )
    const summary = await s.market.summary(acme)
    assert.deepEqual([summary.providers, summary.homes], [1, 4])
  })

  test('a provider organisation not yet linked to a provider sees nothing at all', async () => {
    const unlinked = { ...providerActor(s.providers.acme), providerId: null }
    assert.deepEqual(await names({}, 'name', 'asc', unlinked), [])
    assert.equal((await s.market.summary(unlinked)).homes, 0)
  })

  test('a home’s page has its lists, beds, provider and distance', async () => {
    const h = await s.market.getHome(councilActor(), s.homes.birch.id)
    assert.deepEqual(h.categories, ['EBD', 'LD'])
    assert.deepEqual(h.needs, ['autism'])
    assert.deepEqual(
      h.beds.map((b) => [b.label, b.status]),
      [
        ['Bed 1', 'occupied'],
        ['Bed 2', 'occupied'],
      ],
    )
    assert.equal(h.home.provider_name, 'Acme Care Ltd')
    assert.deepEqual([h.distance.miles, h.distance.approximate, h.withinRadius], [18.6, true, true])
    await assert.rejects(s.market.getHome(councilActor(), 'no-such-home'), NotFoundError)
  })

  test('providers: search by name or Companies House number, filter by lot, sort by homes', async () => {
    const officer = councilActor()
    const list = async (opts: { q?: string; lotId?: string }, key: 'name' | 'homes' | 'lots' = 'name', direction: 'asc' | 'desc' = 'asc') =>
      (await s.market.listProviders(officer, { ...opts, page: { page: 1, pageSize: 25 }, sort: { key, direction } })).items.map(
        (p) => p.name,
      )
    assert.deepEqual(await list({}), ['Acme Care Ltd', 'Brook Homes'])
    assert.deepEqual(await list({ q: 'sc123' }), ['Brook Homes'])
    assert.deepEqual(await list({ lotId: s.lot(1) }), ['Acme Care Ltd'])
    assert.deepEqual(await list({}, 'homes', 'desc'), ['Acme Care Ltd', 'Brook Homes'])
    const p = await s.market.getProvider(officer, s.providers.brook)
    assert.deepEqual(
      p.memberships.map((m) => [m.lot_number, m.status, m.spot_rate_pence_per_week]),
      [
        [1, 'suspended', 600_000],
        [2, 'active', 720_000],
      ],
    )
    assert.deepEqual(
      p.homes.map((h) => h.name),
      ['Cedar View', 'Elm Court'],
    )
  })

  test('a framework shows its regime, period and lots with counts of active members', async () => {
    const officer = councilActor()
    const [listed] = await s.market.listFrameworks(officer)
    assert.deepEqual([listed?.lot_count, listed?.active_providers], [6, 2])
    const f = await s.market.getFramework(officer, s.framework.id)
    assert.equal(f.framework.legal_regime, 'PCR2015')
    assert.deepEqual(
      f.lots.map((l) => [l.number, l.active_members, l.suspended_members]),
      [
        [1, 1, 1],
        [2, 1, 0],
        [3, 0, 0],
        [4, 0, 0],
        [5, 0, 0],
        [6, 0, 0],
      ],
    )
    await assert.rejects(s.market.getFramework(officer, 'nope'), NotFoundError)
  })

  test('the summary counts open homes, vacant beds in open homes, and homes within 20 miles', async () => {
    const summary = await s.market.summary(councilActor())
    // Cedar (3) + Gorse (1) + Oak (3) vacant; Elm is suspended and has no beds.
    assert.deepEqual(summary, { providers: 2, homes: 6, vacantBeds: 7, homesWithinRadius: 3, radiusMiles: 20 })
  })
})
