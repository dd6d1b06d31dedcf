import type { Actor } from '../auth/actor.js'
import { can } from '../auth/scope.js'
import { canReadTenders } from '../../tender/domain/access.js'
import { arrangesPlacements } from '../../placement/children/access.js'

type NavItem = { href: string; text: string; active?: boolean }

/** The service navigation, shown according to what the actor may do. */
export function navigationFor(actor: Actor | undefined, path: string): NavItem[] {
  if (!actor) return []
  const items: NavItem[] = [{ href: '/', text: 'Home' }]
  if (can(actor, 'market:read')) {
    items.push({ href: '/market/homes', text: 'Homes' }, { href: '/market/providers', text: 'Providers' })
    if (actor.organisationKind !== 'provider') items.push({ href: '/market/frameworks', text: 'Framework' })
  }
  // The council's readers of mini-competitions (officers, finance, audit); a provider's users their invitations.
  if (canReadTenders(actor)) items.push({ href: '/tenders', text: 'Mini-competitions' })
  if (can(actor, 'contract:read')) items.push({ href: '/contracts', text: 'Contracts' })
  if (can(actor, 'payment:run')) items.push({ href: '/payments', text: 'Payments' })
  if (can(actor, 'child:read') && actor.organisationKind === 'council') items.push({ href: '/children', text: 'Children' })
  if (arrangesPlacements(actor)) items.push({ href: '/placements', text: 'Placements' })
  else if (actor.role === 'social_worker' && actor.organisationKind === 'council')
    items.push({ href: '/placements/due', text: 'Visits due' })
  if (actor.organisationKind === 'provider') {
    items.push(
      { href: '/portal/invitations', text: 'Invitations' },
      { href: '/portal/referrals', text: 'Referrals' },
      { href: '/portal/placements', text: 'Placements' },
      { href: '/portal/returns', text: 'Returns' },
    )
  }
  if (can(actor, 'import:run')) items.push({ href: '/imports', text: 'Imports' })
  if (can(actor, 'users:manage')) items.push({ href: '/admin/users', text: 'Users' })
  if (can(actor, 'audit:read')) items.push({ href: '/audit', text: 'Audit trail' })
  items.push({ href: '/sign-out', text: 'Sign out' })
  return items.map((i) => ({ ...i, active: i.href === '/' ? path === '/' : path.startsWith(i.href) }))
}
