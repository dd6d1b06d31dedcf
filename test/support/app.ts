import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { systemActor } from '../../src/platform/auth/actor.js'
import type { Clock } from '../../src/platform/clock.js'
import type { Role } from '../../src/platform/auth/roles.js'
import { loadConfig, type Config } from '../../src/platform/config.js'
import { inTransaction } from '../../src/platform/db/transaction.js'
import { createServices, type Services } from '../../src/platform/services.js'
import { createApp } from '../../src/platform/web/createApp.js'
import { freshSqlite, type TestDatabase } from './databases.js'

export const CHEAP_PASSWORDS = { N: 2 ** 12, r: 8, p: 1 }
export const TEST_PASSWORD = 'a test passphrase of some length'

export function testConfig(overrides: Partial<NodeJS.ProcessEnv> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'x'.repeat(40), ...overrides })
}

export type TestApp = {
  services: Services
  database: TestDatabase
  baseUrl: string
  councilId: string
  /** Creates an active user of the council (or of the given organisation) with TEST_PASSWORD. */
  createUser: (role: Role, opts?: { organisationId?: string; email?: string }) => Promise<{ id: string; email: string }>
  close: () => Promise<void>
}

/** A real app on a fresh migrated database, listening on a free loopback port. */
export async function startTestApp(opts: { database?: TestDatabase; demo?: boolean; clock?: Clock } = {}): Promise<TestApp> {
  const db = opts.database ?? (await freshSqlite())
  const services = createServices(db, testConfig(), { passwordCost: CHEAP_PASSWORDS, clock: opts.clock })
  const system = systemActor('test')
  let councilId: string
  if (opts.demo) {
    // The demo council, built by the same code `npm start` runs (with cheap password hashes).
    const { buildDemo, DEMO_COUNCIL_ID } = await import('../../src/demo/buildDemo.js')
    await buildDemo({ ...services, actor: system })
    councilId = DEMO_COUNCIL_ID
  } else {
    councilId = await inTransaction(services.db, (tx) =>
      services.users.createOrganisation(system, tx, { name: 'Test Council', kind: 'council', onsCode: 'E06000045' }),
    )
  }
  const app = createApp(services, { log: () => undefined })
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  const { port } = server.address() as AddressInfo
  let n = 0
  return {
    services,
    database: db,
    baseUrl: `http://127.0.0.1:${port}`,
    councilId,
    createUser: async (role, opts = {}) => {
      const email = opts.email ?? `${role}.${++n}@test.invalid`
      const id = await inTransaction(services.db, (tx) =>
        services.users.createActive(system, tx, {
          email,
          displayName: `Test ${role}`,
          organisationId: opts.organisationId ?? councilId,
          role,
          password: TEST_PASSWORD,
        }),
      )
      return { id, email }
    },
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await db.close()
    },
  }
}

/** A cookie-keeping client that reads the CSRF token from the last page, as a browser would. */
export class Client {
  private cookie = ''
  csrf = ''
  constructor(private readonly baseUrl: string) {}

  async get(path: string): Promise<{ status: number; text: string; location: string | null }> {
    const res = await fetch(this.baseUrl + path, { headers: { cookie: this.cookie }, redirect: 'manual' })
    return this.read(res)
  }

  async post(path: string, form: Record<string, string | string[]>, opts: { csrf?: string | null } = {}) {
    const body = new URLSearchParams()
    const token = opts.csrf === undefined ? this.csrf : opts.csrf
    if (token !== null) body.append('_csrf', token)
    for (const [k, v] of Object.entries(form)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item)
    const res = await fetch(this.baseUrl + path, {
      method: 'POST',
      headers: { cookie: this.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body,
      redirect: 'manual',
    })
    return this.read(res)
  }

  async signIn(email: string, password = TEST_PASSWORD) {
    await this.get('/sign-in')
    const res = await this.post('/sign-in', { email, password })
    return res
  }

  private async read(res: Response) {
    const set = res.headers.getSetCookie()
    for (const c of set) {
      const pair = c.split(';')[0]!
      if (pair.startsWith('placewise.sid=')) this.cookie = pair
    }
    const text = await res.text()
    const m = /name="_csrf" value="([^"]+)"/.exec(text)
    if (m) this.csrf = m[1]!
    return { status: res.status, text, location: res.headers.get('location') }
  }
}
