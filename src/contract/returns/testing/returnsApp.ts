/**
 * The real app (startTestApp) with what the returns pages need: two providers with a home each,
 * a user of each provider, council users by role, and a block contract with each provider.
 */
import { systemActor } from '../../../platform/auth/actor.js'
import type { Role } from '../../../platform/auth/roles.js'
import { settableClock } from '../../../platform/clock.js'
import { inTransaction } from '../../../platform/db/transaction.js'
import { startTestApp, type TestApp } from '../../../../test/support/app.js'
import { insertContract, NOW } from './returnsWorld.js'

export async function returnsApp() {
  const clock = settableClock(NOW)
  const t: TestApp = await startTestApp({ clock })
  const system = systemActor('test')
  const { market, users } = t.services
  const acme = await market.createProvider(system, { name: 'Acme Care Ltd', companiesHouseNumber: '01234567' })
  const brook = await market.createProvider(system, { name: 'Brook Homes', companiesHouseNumber: null })
  const home = (providerId: string, urn: string, name: string) =>
    market.createHome(system, {
      urn,
      name,
      providerId,
      postcode: null,
      location: null,
      registeredPlaces: 3,
      beds: 3,
      sexesAccepted: 'mixed',
      status: 'active',
      ageMin: 11,
      ageMax: 17,
      ofstedJudgement: 'Good',
      ofstedJudgementDate: '2025-01-10',
    })
  const oak = await home(acme, 'SC000001', 'Oak House')
  const cedar = await home(brook, 'SC000003', 'Cedar View')
  const orgs = await inTransaction(t.services.db, async (tx) => ({
    acme: await users.createOrganisation(system, tx, { name: 'Acme Care Ltd', kind: 'provider', providerId: acme }),
    brook: await users.createOrganisation(system, tx, { name: 'Brook Homes', kind: 'provider', providerId: brook }),
  }))
  const contracts = {
    acme: await insertContract(t.services.db, {
      reference: 'PW-C-ACME',
      providerId: acme,
      homeIds: [oak.id],
      startDate: '2025-11-10',
      endDate: '2028-11-09',
    }),
    brook: await insertContract(t.services.db, {
      reference: 'PW-C-BROOK',
      providerId: brook,
      homeIds: [cedar.id],
      startDate: '2026-01-01',
      endDate: '2028-12-31',
    }),
  }
  const emails = {
    acme: (await t.createUser('provider_user', { organisationId: orgs.acme })).email,
    brook: (await t.createUser('provider_user', { organisationId: orgs.brook })).email,
    commissioner: (await t.createUser('commissioning_officer')).email,
  }
  const councilUser = async (role: Role) => (await t.createUser(role)).email
  return { t, clock, providers: { acme, brook }, homes: { oak: oak.id, cedar: cedar.id }, contracts, emails, councilUser }
}
export type ReturnsApp = Awaited<ReturnType<typeof returnsApp>>
