import { z } from 'zod'

/** Everything the app reads from the environment, checked once at start. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().url().optional(),
  SQLITE_PATH: z.string().default('./data/placewise.db'),
  SESSION_SECRET: z.string().min(32).optional(),
  COUNCIL_NAME: z.string().default('Southampton City Council'),
  COUNCIL_ONS_CODE: z
    .string()
    .regex(/^[EWS]\d{8}$/, 'an ONS code such as E06000045')
    .default('E06000045'),
  COUNCIL_LOGO_TEXT: z.string().default('Southampton City Council'),
  // Council centre (British National Grid metres); SO14 district centroid by default.
  COUNCIL_CENTRE_EASTING: z.coerce.number().int().default(442520),
  COUNCIL_CENTRE_NORTHING: z.coerce.number().int().default(112207),
  COUNCIL_CENTRE_LABEL: z.string().default('Southampton city centre (SO14)'),
  LOCAL_RADIUS_MILES: z.coerce.number().positive().default(20),
  TRUST_PROXY: z.string().optional(),
})

export type Config = {
  env: 'development' | 'test' | 'production'
  port: number
  database: { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string }
  sessionSecret: string
  council: {
    name: string
    onsCode: string
    logoText: string
    centre: { easting: number; northing: number; label: string }
    localRadiusMiles: number
  }
  trustProxy: string | undefined
}

export class ConfigError extends Error {}

/** Fails fast: in production a missing secret or database is an error, not a default. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`)
  }
  const e = parsed.data
  if (e.NODE_ENV === 'production') {
    const missing = [!e.SESSION_SECRET && 'SESSION_SECRET', !e.DATABASE_URL && 'DATABASE_URL'].filter(Boolean)
    if (missing.length > 0) throw new ConfigError(`Missing production settings: ${missing.join(', ')}`)
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'sqlite', path: e.SQLITE_PATH },
    // Outside production a per-process secret is fine: sessions live in the database but die on restart.
    sessionSecret: e.SESSION_SECRET ?? `dev-${crypto.randomUUID()}-${crypto.randomUUID()}`,
    council: {
      name: e.COUNCIL_NAME,
      onsCode: e.COUNCIL_ONS_CODE,
      logoText: e.COUNCIL_LOGO_TEXT,
      centre: { easting: e.COUNCIL_CENTRE_EASTING, northing: e.COUNCIL_CENTRE_NORTHING, label: e.COUNCIL_CENTRE_LABEL },
      localRadiusMiles: e.LOCAL_RADIUS_MILES,
    },
    trustProxy: e.TRUST_PROXY,
  }
}
