import type { Selectable } from 'kysely'
import type { Db } from '../db/database.js'
import type { PlatformTables } from '../db/schema.js'

export type UserRow = Selectable<PlatformTables['users']>
export type OrganisationRow = Selectable<PlatformTables['organisations']>
export type UserWithOrganisation = UserRow & {
  organisation_name: string
  organisation_kind: 'council' | 'provider'
  provider_id: string | null
}

export function createUserRepository() {
  const withOrg = (db: Db) =>
    db
      .selectFrom('users')
      .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
      .selectAll('users')
      .select(['organisations.name as organisation_name', 'organisations.kind as organisation_kind', 'organisations.provider_id'])

  return {
    findById: (db: Db, id: string): Promise<UserWithOrganisation | undefined> => withOrg(db).where('users.id', '=', id).executeTakeFirst(),
    findByEmail: (db: Db, email: string): Promise<UserWithOrganisation | undefined> =>
      withOrg(db).where('users.email', '=', email.trim().toLowerCase()).executeTakeFirst(),
    findByInviteHash: (db: Db, hash: string): Promise<UserWithOrganisation | undefined> =>
      withOrg(db).where('users.invite_token_hash', '=', hash).executeTakeFirst(),
    list: (db: Db): Promise<UserWithOrganisation[]> => withOrg(db).orderBy('organisations.name').orderBy('users.display_name').execute(),
    insert: async (db: Db, row: UserRow): Promise<void> => {
      await db.insertInto('users').values(row).execute()
    },
    update: async (db: Db, id: string, changes: Partial<Omit<UserRow, 'id'>>): Promise<void> => {
      await db.updateTable('users').set(changes).where('id', '=', id).execute()
    },

    listOrganisations: (db: Db): Promise<OrganisationRow[]> =>
      db.selectFrom('organisations').selectAll().orderBy('kind').orderBy('name').execute(),
    findOrganisation: (db: Db, id: string): Promise<OrganisationRow | undefined> =>
      db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst(),
    findOrganisationByProvider: (db: Db, providerId: string): Promise<OrganisationRow | undefined> =>
      db.selectFrom('organisations').selectAll().where('provider_id', '=', providerId).executeTakeFirst(),
    insertOrganisation: async (db: Db, row: OrganisationRow): Promise<void> => {
      await db.insertInto('organisations').values(row).execute()
    },
  }
}
export type UserRepository = ReturnType<typeof createUserRepository>
