import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Actor } from '../auth/actor.js'
import { navigationFor } from './navigation.js'

const actor = (role: Actor['role'], kind: Actor['organisationKind'] = 'council'): Actor => ({
  userId: 'u',
  label: 'u',
  organisationId: 'o',
  organisationKind: kind,
  role,
  providerId: kind === 'provider' ? 'p' : null,
})

test('an admin sees user management and the audit trail; a social worker sees neither', () => {
  const admin = navigationFor(actor('admin'), '/').map((i) => i.href)
  assert.ok(admin.includes('/admin/users') && admin.includes('/audit'))
  const sw = navigationFor(actor('social_worker'), '/').map((i) => i.href)
  assert.ok(!sw.includes('/admin/users') && !sw.includes('/audit') && !sw.includes('/imports'))
})

test('a provider user is not shown the framework and the current section is marked', () => {
  const nav = navigationFor(actor('provider_user', 'provider'), '/market/homes/x')
  assert.ok(!nav.some((i) => i.href === '/market/frameworks'))
  assert.equal(nav.find((i) => i.active)?.href, '/market/homes')
})

test('nobody signed in, no navigation', () => {
  assert.deepEqual(navigationFor(undefined, '/'), [])
})

test('placements and contracts appear by role: officers the placements list, social workers their due visits, finance payments', () => {
  const hrefs = (role: Parameters<typeof actor>[0], kind?: Parameters<typeof actor>[1]) =>
    navigationFor(actor(role, kind), '/').map((i) => i.href)
  assert.ok(hrefs('placement_officer').includes('/placements') && hrefs('placement_officer').includes('/children'))
  assert.ok(hrefs('social_worker').includes('/placements/due') && !hrefs('social_worker').includes('/placements'))
  assert.ok(hrefs('finance_officer').includes('/payments') && !hrefs('finance_officer').includes('/children'))
  const provider = hrefs('provider_user', 'provider')
  assert.ok(provider.includes('/portal/referrals') && provider.includes('/portal/returns') && !provider.includes('/children'))
})
