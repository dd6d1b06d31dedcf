import assert from 'node:assert/strict'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, test } from 'node:test'
import express from 'express'
import { CHEAP_PASSWORDS, Client, TEST_PASSWORD, testConfig } from '../../test/support/app.js'
import { freshSqlite, type TestDatabase } from '../../test/support/databases.js'
import { systemActor } from '../platform/auth/actor.js'
import type { Role } from '../platform/auth/roles.js'
import { inTransaction } from '../platform/db/transaction.js'
import { createServices } from '../platform/services.js'
import { errorHandler, notFoundHandler } from '../platform/web/errorHandler.js'
import { routes } from '../platform/web/routes.js'
import { setUpAuthentication } from '../platform/web/setUpAuthentication.js'
import { setUpCsrf } from '../platform/web/setUpCsrf.js'
import { setUpNunjucks } from '../platform/web/setUpNunjucks.js'
import { setUpSecurity } from '../platform/web/setUpSecurity.js'
import { setUpSessions } from '../platform/web/setUpSessions.js'
import { membershipField } from './domain/schemas.js'
import { createMarketService } from './marketService.js'
import { marketPaths } from './paths.js'
import { marketRoutes } from './routes.js'
import { seedMarket } from './testing/marketFixtures.js'

/**
 * The market pages on the real middleware (sessions, CSRF, sign-in, error pages). Built here
 * rather than with createApp so the pages can be tested before the shell mounts them.
 */
describe('market pages', () => {
  let database: TestDatabase
  let server: Server
  let baseUrl = ''
  let seeded: Awaited<ReturnType<typeof seedMarket>>
  let services: ReturnType<typeof createServices>

  const signedIn = async (role: Role, organisationId?: string) => {
    const email = `${role}.${Math.random().toString(36).slice(2)}@test.invalid`
    await inTransaction(services.db, (tx) =>
      services.users.createActive(systemActor('test'), tx, {
        email,
        displayName: `Test ${role}`,
        organisationId: organisationId ?? seeded.councilId,
        role,
        password: TEST_PASSWORD,
      }),
    )
    const client = new Client(baseUrl)
    const res = await client.signIn(email)
    assert.equal(res.status, 302)
    return client
  }

  before(async () => {
    database = await freshSqlite()
    seeded = await seedMarket(database)
    const config = testConfig()
    services = createServices(database, config, { passwordCost: CHEAP_PASSWORDS })
    const market = createMarketService({ db: database.db, audit: services.audit, config })
    const app = express()
    setUpSecurity(app)
    setUpNunjucks(app, config)
    app.use(express.urlencoded({ extended: false }))
    setUpSessions(app, config, database.db)
    setUpCsrf(app)
    setUpAuthentication(app, services.users)
    app.use(marketRoutes({ market }))
    app.use(routes(services))
    app.use(notFoundHandler)
    app.use(errorHandler(() => undefined))
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s))
    })
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await database.close()
  })

  test('the homes list filters, sorts and shows distance tags', async () => {
    const c = await signedIn('placement_officer')
    const all = await c.get(marketPaths.homes())
    assert.equal(all.status, 200)
    assert.match(all.text, /6 homes/)
    assert.match(all.text, /Within 20 miles/)
    assert.match(all.text, /approximate/)
    const local = await c.get(`${marketPaths.homes()}?within=20&sort=distance`)
    assert.match(local.text, /3 homes match your filters/)
    assert.ok(local.text.indexOf('Oak House') < local.text.indexOf('Birch Lodge'))
    assert.match(local.text, /aria-sort="ascending"/)
    const lot = await c.get(`${marketPaths.homes()}?lot=${seeded.lot(2)}&vacancy=yes`)
    assert.match(lot.text, /1 home match your filters/)
    assert.match(lot.text, /Cedar View/)
  })

  test('a filter that is not understood is named in the error summary and not applied', async () => {
    const c = await signedIn('placement_officer')
    const res = await c.get(`${marketPaths.homes()}?within=far`)
    assert.equal(res.status, 400)
    assert.match(res.text, /There is a problem/)
    assert.match(res.text, /href="#within"/)
    assert.match(res.text, /6 homes/)
  })

  test('a home’s page shows summary lists and its beds; an editor can change a bed', async () => {
    const c = await signedIn('commissioning_officer')
    const page = await c.get(marketPaths.home(seeded.homes.oak.id))
    assert.equal(page.status, 200)
    assert.match(page.text, /govuk-summary-list/)
    assert.match(page.text, /Bed 1/)
    const bed = seeded.homes.oak.bedIds[1]!
    const res = await c.post(marketPaths.bedStatus(seeded.homes.oak.id, bed), { status: 'unavailable' })
    assert.equal(res.status, 302)
    const again = await c.get(marketPaths.home(seeded.homes.oak.id))
    assert.match(again.text, /Bed 2 is now unavailable/)
  })

  test('the home form: errors are linked to their controls and change nothing; a good form saves', async () => {
    const c = await signedIn('commissioning_officer')
    const id = seeded.homes.birch.id
    const form = await c.get(marketPaths.editHome(id))
    assert.equal(form.status, 200)
    assert.match(form.text, /name="_csrf"/)
    const good = {
      name: 'Birch Lodge',
      postcode: 'SO50 1AA',
      registeredPlaces: '2',
      ageMin: '11',
      ageMax: '17',
      sexesAccepted: 'mixed',
      status: 'active',
      ofstedJudgement: 'Outstanding',
      'ofstedJudgementDate-day': '1',
      'ofstedJudgementDate-month': '6',
      'ofstedJudgementDate-year': '2024',
      categories: ['EBD', 'LD'],
      needs: ['autism'],
    }
    const bad = await c.post(marketPaths.editHome(id), {
      ...good,
      name: 'Renamed',
      ageMin: '17',
      ageMax: '12',
      'ofstedJudgementDate-month': '13',
    })
    assert.equal(bad.status, 400)
    assert.match(bad.text, /href="#ageMax"/)
    assert.match(bad.text, /href="#ofstedJudgementDate-day"/)
    assert.match(bad.text, /value="Renamed"/, 'what was typed is kept')
    assert.equal((await seeded.market.getHome(seeded.officer, id)).home.name, 'Birch Lodge')
    const saved = await c.post(marketPaths.editHome(id), { ...good, name: 'Birch Lodge North', needs: ['autism', 'solo'] })
    assert.equal(saved.status, 302)
    assert.equal(saved.location, marketPaths.home(id))
    const h = await seeded.market.getHome(seeded.officer, id)
    assert.deepEqual([h.home.name, h.needs], ['Birch Lodge North', ['autism', 'solo']])
  })

  test('the provider form sets the rate card in pounds; a bad rate is linked to its control', async () => {
    const c = await signedIn('commissioning_officer')
    const id = seeded.providers.acme
    assert.equal((await c.get(marketPaths.editProvider(id))).status, 200)
    const bad = await c.post(marketPaths.editProvider(id), {
      name: 'Acme Care Ltd',
      companiesHouseNumber: '01234567',
      [membershipField(seeded.lot(1), 'status')]: 'active',
      [membershipField(seeded.lot(1), 'rate')]: 'lots',
    })
    assert.equal(bad.status, 400)
    assert.match(bad.text, new RegExp(`href="#${membershipField(seeded.lot(1), 'rate')}"`))
    const saved = await c.post(marketPaths.editProvider(id), {
      name: 'Acme Care Ltd',
      companiesHouseNumber: '01234567',
      [membershipField(seeded.lot(1), 'status')]: 'active',
      [membershipField(seeded.lot(1), 'rate')]: '£5,600.50',
      [membershipField(seeded.lot(3), 'status')]: 'active',
      [membershipField(seeded.lot(3), 'rate')]: '',
    })
    assert.equal(saved.status, 302)
    const page = await c.get(marketPaths.provider(id))
    assert.match(page.text, /£5,600\.50 a week/)
    assert.match(page.text, /Lot 3: Residential with education/)
  })

  test('providers and frameworks lists and pages render', async () => {
    const c = await signedIn('finance_officer')
    const providers = await c.get(`${marketPaths.providers()}?sort=homes&dir=desc`)
    assert.equal(providers.status, 200)
    assert.match(providers.text, /Brook Homes/)
    const frameworks = await c.get(marketPaths.frameworks())
    assert.match(frameworks.text, /Public Contracts Regulations 2015/)
    const framework = await c.get(marketPaths.framework(seeded.framework.id))
    assert.equal(framework.status, 200)
    assert.match(framework.text, /Lot 6: Children with disabilities/)
  })

  test('a reader cannot open an edit form; a provider user gets not-found for another provider’s home', async () => {
    const reader = await signedIn('social_worker')
    assert.equal((await reader.get(marketPaths.editHome(seeded.homes.oak.id))).status, 403)
    const orgId = await inTransaction(services.db, (tx) =>
      services.users.createOrganisation(systemActor('test'), tx, {
        name: 'Acme Care Ltd',
        kind: 'provider',
        providerId: seeded.providers.acme,
      }),
    )
    const provider = await signedIn('provider_user', orgId)
    assert.equal((await provider.get(marketPaths.home(seeded.homes.oak.id))).status, 200)
    assert.equal((await provider.get(marketPaths.home(seeded.homes.cedar.id))).status, 404)
    assert.equal((await provider.get(marketPaths.provider(seeded.providers.brook))).status, 404)
    const list = await provider.get(marketPaths.homes())
    assert.doesNotMatch(list.text, /Cedar View/)
    assert.equal(
      (await provider.post(marketPaths.bedStatus(seeded.homes.oak.id, seeded.homes.oak.bedIds[0]!), { status: 'vacant' })).status,
      403,
    )
  })
})
