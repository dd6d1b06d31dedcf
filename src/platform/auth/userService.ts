import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { AuditService } from '../audit/auditService.js'
import type { Db } from '../db/database.js'
import { inTransaction } from '../db/transaction.js'
import { UserInputError } from '../errors.js'
import type { Actor } from './actor.js'
import { afterFailedLogin, isLocked } from './loginThrottle.js'
import { hashPassword, passwordProblem, verifyPassword, PRODUCTION_COST, type ScryptCost } from './password.js'
import { isRole, rolesFor, type Role } from './roles.js'
import { authorise } from './scope.js'
import type { OrganisationRow, UserRepository, UserRow, UserWithOrganisation } from './userRepository.js'

export type LoginResult = { ok: true; user: UserWithOrganisation } | { ok: false; reason: 'invalid' | 'locked' }

const INVITE_DAYS = 7
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

/** What is stored in the audit trail about a user: never a hash or a token. */
function auditView(u: Pick<UserRow, 'email' | 'display_name' | 'role' | 'status' | 'organisation_id'>) {
  return { email: u.email, display_name: u.display_name, role: u.role, status: u.status, organisation_id: u.organisation_id }
}

export function toActor(u: UserWithOrganisation): Actor {
  return {
    userId: u.id,
    label: `${u.display_name} <${u.email}>`,
    organisationId: u.organisation_id,
    organisationKind: u.organisation_kind,
    role: isRole(u.role) ? u.role : 'social_worker',
    providerId: u.organisation_kind === 'provider' ? u.provider_id : null,
  }
}

export function createUserService(deps: {
  db: Db
  repo: UserRepository
  audit: AuditService
  now?: () => Date
  passwordCost?: ScryptCost
}) {
  const { db, repo, audit } = deps
  const now = deps.now ?? (() => new Date())
  const cost = deps.passwordCost ?? PRODUCTION_COST

  async function checkRoleFits(tx: Db, organisationId: string, role: string): Promise<OrganisationRow> {
    const org = await repo.findOrganisation(tx, organisationId)
    if (!org) throw new UserInputError('Select an organisation', { field: 'organisationId' })
    if (!isRole(role) || !rolesFor(org.kind).includes(role)) {
      throw new UserInputError(`Select a role that a ${org.kind} user can hold`, { field: 'role' })
    }
    return org
  }

  return {
    async login(email: string, password: string): Promise<LoginResult> {
      const user = await repo.findByEmail(db, email)
      const t = now()
      // Verify even when there is no such user, so timing does not reveal which emails exist.
      const hash = user?.password_hash ?? 'scrypt$4096$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='
      const matches = await verifyPassword(password, hash)
      if (!user || user.status !== 'active') return { ok: false, reason: 'invalid' }
      if (isLocked(user.locked_until, t)) return { ok: false, reason: 'locked' }
      if (!matches) {
        const next = afterFailedLogin(user.failed_logins, t)
        await inTransaction(db, async (tx) => {
          await repo.update(tx, user.id, next)
          if (next.locked_until) {
            await audit.record(tx, toActor(user), {
              action: 'lock',
              entityType: 'user',
              entityId: user.id,
              after: { locked_until: next.locked_until },
            })
          }
        })
        return { ok: false, reason: next.locked_until ? 'locked' : 'invalid' }
      }
      await inTransaction(db, async (tx) => {
        await repo.update(tx, user.id, { failed_logins: 0, locked_until: null, last_login_at: t.toISOString() })
        await audit.record(tx, toActor(user), { action: 'login', entityType: 'user', entityId: user.id })
      })
      return { ok: true, user }
    },

    findActiveById: async (id: string): Promise<UserWithOrganisation | undefined> => {
      const u = await repo.findById(db, id)
      return u?.status === 'active' ? u : undefined
    },

    async list(actor: Actor) {
      authorise(actor, 'users:manage')
      return repo.list(db)
    },

    async get(actor: Actor, id: string) {
      authorise(actor, 'users:manage')
      return repo.findById(db, id)
    },

    async organisations(actor: Actor) {
      authorise(actor, 'users:manage')
      return repo.listOrganisations(db)
    },

    /** Creates an invited user and returns the one-time token for the invitation link. */
    async invite(
      actor: Actor,
      input: { email: string; displayName: string; organisationId: string; role: Role },
    ): Promise<{ userId: string; token: string }> {
      authorise(actor, 'users:manage')
      const email = input.email.trim().toLowerCase()
      return inTransaction(db, async (tx) => {
        await checkRoleFits(tx, input.organisationId, input.role)
        if (await repo.findByEmail(tx, email)) throw new UserInputError('A user with this email address already exists', { field: 'email' })
        const token = randomBytes(24).toString('base64url')
        const row: UserRow = {
          id: randomUUID(),
          email,
          display_name: input.displayName.trim(),
          organisation_id: input.organisationId,
          role: input.role,
          status: 'invited',
          password_hash: null,
          invite_token_hash: hashToken(token),
          invite_expires_at: new Date(now().getTime() + INVITE_DAYS * 86_400_000).toISOString(),
          failed_logins: 0,
          locked_until: null,
          last_login_at: null,
          created_at: now().toISOString(),
        }
        await repo.insert(tx, row)
        await audit.record(tx, actor, { action: 'invite', entityType: 'user', entityId: row.id, after: auditView(row) })
        return { userId: row.id, token }
      })
    },

    async findInvitation(token: string) {
      const u = await repo.findByInviteHash(db, hashToken(token))
      if (!u || u.status !== 'invited' || !u.invite_expires_at || u.invite_expires_at < now().toISOString()) return undefined
      return u
    },

    async acceptInvitation(token: string, password: string): Promise<UserWithOrganisation> {
      const problem = passwordProblem(password)
      if (problem) throw new UserInputError(problem, { field: 'password' })
      const u = await this.findInvitation(token)
      if (!u) throw new UserInputError('This invitation link has expired or been used. Ask your administrator for a new one.')
      const passwordHash = await hashPassword(password, cost)
      await inTransaction(db, async (tx) => {
        await repo.update(tx, u.id, { status: 'active', password_hash: passwordHash, invite_token_hash: null, invite_expires_at: null })
        await audit.record(tx, toActor(u), {
          action: 'accept-invitation',
          entityType: 'user',
          entityId: u.id,
          before: auditView(u),
          after: auditView({ ...u, status: 'active' }),
        })
      })
      return { ...u, status: 'active' }
    },

    async changeRole(actor: Actor, userId: string, role: string): Promise<void> {
      authorise(actor, 'users:manage')
      await inTransaction(db, async (tx) => {
        const u = await repo.findById(tx, userId)
        if (!u) throw new UserInputError('No such user')
        await checkRoleFits(tx, u.organisation_id, role)
        if (u.id === actor.userId && role !== 'admin')
          throw new UserInputError('You cannot remove your own administrator role', { field: 'role' })
        await repo.update(tx, u.id, { role })
        await audit.record(tx, actor, {
          action: 're-role',
          entityType: 'user',
          entityId: u.id,
          before: auditView(u),
          after: auditView({ ...u, role }),
        })
      })
    },

    async setDisabled(actor: Actor, userId: string, disabled: boolean): Promise<void> {
      authorise(actor, 'users:manage')
      await inTransaction(db, async (tx) => {
        const u = await repo.findById(tx, userId)
        if (!u) throw new UserInputError('No such user')
        if (u.id === actor.userId) throw new UserInputError('You cannot disable your own account')
        const status = disabled ? 'disabled' : u.password_hash ? 'active' : 'invited'
        await repo.update(tx, u.id, { status })
        // Disabling also ends every session of that user at their next request (see setUpAuthentication).
        await audit.record(tx, actor, {
          action: disabled ? 'disable' : 'enable',
          entityType: 'user',
          entityId: u.id,
          before: auditView(u),
          after: auditView({ ...u, status }),
        })
      })
    },

    /** Used by the demo builder and the CLI: creates an active user with a known password. */
    async createActive(
      actor: Actor,
      tx: Db,
      input: { email: string; displayName: string; organisationId: string; role: Role; password: string },
    ): Promise<string> {
      authorise(actor, 'users:manage')
      await checkRoleFits(tx, input.organisationId, input.role)
      const row: UserRow = {
        id: randomUUID(),
        email: input.email.trim().toLowerCase(),
        display_name: input.displayName,
        organisation_id: input.organisationId,
        role: input.role,
        status: 'active',
        password_hash: await hashPassword(input.password, cost),
        invite_token_hash: null,
        invite_expires_at: null,
        failed_logins: 0,
        locked_until: null,
        last_login_at: null,
        created_at: now().toISOString(),
      }
      await repo.insert(tx, row)
      await audit.record(tx, actor, { action: 'create', entityType: 'user', entityId: row.id, after: auditView(row) })
      return row.id
    },

    async createOrganisation(
      actor: Actor,
      tx: Db,
      input: { name: string; kind: 'council' | 'provider'; onsCode?: string | null; providerId?: string | null; id?: string },
    ): Promise<string> {
      authorise(actor, 'users:manage')
      const row: OrganisationRow = {
        id: input.id ?? randomUUID(),
        kind: input.kind,
        name: input.name,
        ons_code: input.onsCode ?? null,
        provider_id: input.providerId ?? null,
        created_at: now().toISOString(),
      }
      await repo.insertOrganisation(tx, row)
      await audit.record(tx, actor, { action: 'create', entityType: 'organisation', entityId: row.id, after: row })
      return row.id
    },
  }
}
export type UserService = ReturnType<typeof createUserService>
