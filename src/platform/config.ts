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
  // Social workers' statutory visits (src/placement/travel): average road speed, mileage rate,
  // the hourly cost of a social worker's time, and the distance the council's children were
  // placed at before (the baseline travel is avoided against; "over 50 miles" was the finding).
  VISIT_AVERAGE_SPEED_MPH: z.coerce.number().positive().default(30),
  VISIT_MILEAGE_RATE_PENCE: z.coerce.number().int().min(0).default(45),
  SOCIAL_WORKER_HOURLY_COST_PENCE: z.coerce.number().int().min(0).default(3800),
  PREVIOUS_PLACEMENT_MILES: z.coerce.number().positive().default(50),
  TRUST_PROXY: z.string().optional(),
  // The key that wraps each tender's bid key: 32 random bytes, base64. Never stored in the database.
  BID_MASTER_KEY: z.string().optional(),
  // Outgoing email (src/platform/outbox). Without SMTP_HOST, emails are written to stdout instead.
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_SECURE: z.enum(['true', 'false']).optional(), // TLS from the start; by default only on port 465
  SMTP_FROM: z.string().regex(/@/, 'an address such as "Placewise <placewise@council.gov.uk>"').optional(),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  // The council's registered OCDS ocid prefix (src/tender/ocds/ocid.ts); ours is a placeholder.
  OCDS_PREFIX: z
    .string()
    .regex(/^ocds-[a-z0-9]+$/, "a registered prefix such as 'ocds-abc123'")
    .default('ocds-placewise'),
})

/** How to reach the council's mail server. */
export type SmtpConfig = {
  host: string
  port: number
  secure: boolean
  from: string
  auth: { user: string; pass: string } | null
}

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
  /** What a social worker's statutory visit costs in travel (src/placement/travel). */
  travel: { averageSpeedMph: number; mileageRatePence: number; hourlyCostPence: number; previousPlacementMiles: number }
  trustProxy: string | undefined
  /**
   * The master key for sealed bids (BID_MASTER_KEY), or null outside production when it is not
   * set: then src/tender/sealing/masterKey.ts keeps a generated one in a file beside the SQLite db.
   */
  bidMasterKey: Buffer | null
  /** Null when SMTP_HOST is not set: emails then go to stdout (the log transport). */
  smtp: SmtpConfig | null
  ocds: { prefix: string }
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
    const missing = [
      !e.SESSION_SECRET && 'SESSION_SECRET',
      !e.DATABASE_URL && 'DATABASE_URL',
      !e.BID_MASTER_KEY && 'BID_MASTER_KEY',
    ].filter(Boolean)
    if (missing.length > 0) throw new ConfigError(`Missing production settings: ${missing.join(', ')}`)
  }
  const rawKey = e.BID_MASTER_KEY?.trim()
  const bidMasterKey = rawKey ? Buffer.from(rawKey, 'base64') : null
  if (bidMasterKey && (bidMasterKey.length !== 32 || bidMasterKey.toString('base64') !== rawKey)) {
    throw new ConfigError('Invalid configuration:\n  BID_MASTER_KEY: must be 32 random bytes, base64-encoded (44 characters)')
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
    travel: {
      averageSpeedMph: e.VISIT_AVERAGE_SPEED_MPH,
      mileageRatePence: e.VISIT_MILEAGE_RATE_PENCE,
      hourlyCostPence: e.SOCIAL_WORKER_HOURLY_COST_PENCE,
      previousPlacementMiles: e.PREVIOUS_PLACEMENT_MILES,
    },
    trustProxy: e.TRUST_PROXY,
    bidMasterKey,
    smtp: smtpConfig(e),
    ocds: { prefix: e.OCDS_PREFIX },
  }
}

function smtpConfig(e: z.infer<typeof EnvSchema>): SmtpConfig | null {
  if (!e.SMTP_HOST) return null
  const problems = [
    !e.SMTP_FROM && 'SMTP_FROM: required when SMTP_HOST is set',
    Boolean(e.SMTP_USER) !== Boolean(e.SMTP_PASSWORD) && 'SMTP_USER and SMTP_PASSWORD: set both or neither',
  ].filter(Boolean)
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`)
  const port = e.SMTP_PORT ?? 587
  return {
    host: e.SMTP_HOST,
    port,
    secure: e.SMTP_SECURE ? e.SMTP_SECURE === 'true' : port === 465,
    from: e.SMTP_FROM!,
    auth: e.SMTP_USER && e.SMTP_PASSWORD ? { user: e.SMTP_USER, pass: e.SMTP_PASSWORD } : null,
  }
}
