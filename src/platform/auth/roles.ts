/** The roles a user can hold, and what each may do. The one place access is decided. */
export const ROLES = [
  'commissioning_officer',
  'placement_officer',
  'social_worker',
  'finance_officer',
  'head_of_service',
  'provider_user',
  'auditor',
  'admin',
] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  commissioning_officer: 'Commissioning officer',
  placement_officer: 'Placement officer',
  social_worker: 'Social worker',
  finance_officer: 'Finance officer',
  head_of_service: 'Head of service',
  provider_user: 'Provider user',
  auditor: 'Auditor',
  admin: 'Administrator',
}

export const PERMISSIONS = [
  'market:read',
  'market:edit',
  'import:run',
  'users:manage',
  'audit:read',
  'child:read',
  // The contract register and its ledger; a provider user reads only its own contracts (scope.ts).
  'contract:read',
  // Enter contracts, propose variations and extension decisions, record bed events and CPI.
  'contract:edit',
  // Approve or reject what another officer proposed (variations, extension decisions).
  'contract:approve',
  // Run and export payment schedules.
  'payment:run',
] as const
export type Permission = (typeof PERMISSIONS)[number]

const GRANTS: Record<Role, readonly Permission[]> = {
  commissioning_officer: ['market:read', 'market:edit', 'import:run', 'contract:read', 'contract:edit'],
  placement_officer: ['market:read', 'child:read', 'contract:read'],
  social_worker: ['market:read', 'child:read'],
  finance_officer: ['market:read', 'contract:read', 'payment:run'],
  head_of_service: ['market:read', 'child:read', 'contract:read', 'contract:approve'],
  // A provider user reads the market and its contracts, but only its own organisation's part (see scope.ts).
  provider_user: ['market:read', 'contract:read'],
  auditor: ['market:read', 'audit:read', 'contract:read'],
  admin: ['market:read', 'market:edit', 'import:run', 'users:manage', 'audit:read', 'contract:read'],
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

export function roleCan(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission)
}

/** Roles that belong to a council organisation; provider organisations hold only provider_user. */
export function rolesFor(kind: 'council' | 'provider'): readonly Role[] {
  return kind === 'provider' ? ['provider_user'] : ROLES.filter((r) => r !== 'provider_user')
}
