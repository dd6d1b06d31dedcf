import type { Role } from './roles.js'

/** Who is acting: a signed-in user, or the system (the CLI, the demo builder). */
export type Actor = {
  userId: string | null
  label: string
  organisationId: string | null
  organisationKind: 'council' | 'provider' | 'system'
  role: Role | 'system'
  /** Set for provider users: the market provider their organisation is. */
  providerId: string | null
}

export function systemActor(label: string): Actor {
  return { userId: null, label, organisationId: null, organisationKind: 'system', role: 'system', providerId: null }
}
