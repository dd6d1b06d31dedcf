/**
 * The cascade world inside a running app (startTestApp): the market, postcodes and contracts of
 * seedCascade, people who sign in (two placement officers, a head of service, a social worker,
 * a user of each provider), and children referred through the placement service.
 */
import { councilActor } from '../../../market/testing/marketFixtures.js'
import { systemActor } from '../../../platform/auth/actor.js'
import { inTransaction } from '../../../platform/db/transaction.js'
import { Client, type TestApp } from '../../../../test/support/app.js'
import type { ChildInput } from '../../children/childSchema.js'
import { referChild, seedCascade } from './cascadeWorld.js'

export async function cascadeAppWorld(t: TestApp) {
  const seeded = await seedCascade(
    t.database,
    () => t.services.contracts,
    () => t.services.clock.now(),
    t.councilId,
  )
  const providerOrg = (providerId: string, name: string) =>
    inTransaction(t.services.db, (tx) =>
      t.services.users.createOrganisation(systemActor('test'), tx, { name, kind: 'provider', providerId }),
    )
  const acmeOrg = await providerOrg(seeded.providers.acme, 'Acme Care Ltd')
  const brookOrg = await providerOrg(seeded.providers.brook, 'Brook Homes')
  const people = {
    officer: await t.createUser('placement_officer'),
    second: await t.createUser('placement_officer'),
    head: await t.createUser('head_of_service'),
    socialWorker: await t.createUser('social_worker'),
    acme: await t.createUser('provider_user', { organisationId: acmeOrg }),
    brook: await t.createUser('provider_user', { organisationId: brookOrg }),
  }
  const officer = councilActor('placement_officer', t.councilId)
  let n = 0
  return {
    ...seeded,
    people,
    /** A child with an open referral, made through the service as a placement officer. */
    referred: (extra: Partial<ChildInput> = {}) => referChild(t.services.placements, officer, `APP-${++n}`, extra),
    /** A client signed in as one of the people, holding a CSRF token for its forms. */
    async signedIn(who: keyof typeof people) {
      const client = new Client(t.baseUrl)
      const res = await client.signIn(people[who].email)
      if (res.status !== 302) throw new Error(`${who} did not sign in (${res.status})`)
      // Signing in starts a new session with a new CSRF token: read it from a page with a form.
      await client.get('/sign-out')
      return client
    },
  }
}
