/**
 * The real app for the children, due-list, travel and panel route tests: the market fixture, a
 * provider organisation for Acme, users of each role signed in, and two children of Ann's — one
 * placed at Oak House on 20 March 2026 (visits and plan overdue on 1 April), one with an open referral.
 */
import assert from 'node:assert/strict'
import { Client, startTestApp, type TestApp } from '../../../../test/support/app.js'
import { seedMarket } from '../../../market/testing/marketFixtures.js'
import { systemActor } from '../../../platform/auth/actor.js'
import type { Role } from '../../../platform/auth/roles.js'
import { settableClock } from '../../../platform/clock.js'
import { inTransaction } from '../../../platform/db/transaction.js'
import { child, childReads as childReadsOf, NOW, referral } from '../../placements/testing/placementWorld.js'

/** The page's text without tags, for matching what a person reads. */
export const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')

export const errorLinks = (html: string) =>
  [...(/govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '').matchAll(/href="(#[^"]+)"/g)].map((m) => m[1])

export async function routeWorld() {
  const clock = settableClock(NOW)
  const t: TestApp = await startTestApp({ clock })
  const seeded = await seedMarket(t.database, { now: clock.now })
  const providerOrg = await inTransaction(t.services.db, (tx) =>
    t.services.users.createOrganisation(systemActor('test'), tx, {
      name: 'Acme staff',
      kind: 'provider',
      providerId: seeded.providers.acme,
    }),
  )
  const users: Partial<Record<'officer' | 'head' | 'ann' | 'bob' | 'commissioner' | 'provider', { id: string; client: Client }>> = {}
  const signIn = async (key: keyof typeof users, role: Role, organisationId?: string) => {
    const u = await t.createUser(role, { organisationId })
    const client = new Client(t.baseUrl)
    assert.equal((await client.signIn(u.email)).status, 302)
    users[key] = { id: u.id, client }
  }
  await signIn('officer', 'placement_officer')
  await signIn('head', 'head_of_service')
  await signIn('ann', 'social_worker')
  await signIn('bob', 'social_worker')
  await signIn('commissioner', 'commissioning_officer')
  await signIn('provider', 'provider_user', providerOrg)
  const system = systemActor('test')
  const p = t.services.placements
  const placedChild = await p.createChild(system, child('ROUTE-1', { allocatedSocialWorkerUserId: users.ann!.id }))
  const placement = await p.book(system, {
    referralId: await p.createReferral(system, referral(placedChild)),
    homeId: seeded.homes.oak.id,
    bedId: seeded.homes.oak.bedIds[1]!,
    route: 'spot',
    weeklyPricePence: 550_000,
    startDate: '2026-03-20',
  })
  const waitingChild = await p.createChild(
    system,
    child('ROUTE-2', { allocatedSocialWorkerUserId: users.ann!.id, needs: [], risksToChild: [] }),
  )
  const openReferral = await p.createReferral(system, referral(waitingChild))
  const childReads = (childId: string) => childReadsOf(t.database, childId)
  return {
    t,
    clock,
    seeded,
    placedChild,
    placement,
    waitingChild,
    openReferral,
    childReads,
    officer: users.officer!,
    head: users.head!,
    ann: users.ann!,
    bob: users.bob!,
    commissioner: users.commissioner!,
    provider: users.provider!,
  }
}
export type RouteWorld = Awaited<ReturnType<typeof routeWorld>>
