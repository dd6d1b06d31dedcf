/**
 * Where the bid master key comes from. Production: BID_MASTER_KEY (config refuses to start
 * without it). Development and test without it: a random key generated once and kept in a file
 * beside the SQLite database (mode 0600) — never in the database, so a copy of the database
 * alone opens no bid. Losing that file makes the development database's bids unreadable.
 */
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { Config } from '../../platform/config.js'

export const KEY_FILE_NAME = 'bid-master.key'

/** The key file for a configuration: beside the SQLite file, or in ./data for PostgreSQL. */
export function keyFilePath(database: Config['database']): string | null {
  if (database.kind === 'sqlite') return database.path === ':memory:' ? null : join(dirname(resolve(database.path)), KEY_FILE_NAME)
  return resolve('data', KEY_FILE_NAME)
}

export function readOrCreateKeyFile(path: string): Buffer {
  try {
    const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64')
    if (key.length !== 32) throw new Error(`${path} does not hold a 32-byte base64 key`)
    return key
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
  mkdirSync(dirname(path), { recursive: true })
  const key = randomBytes(32)
  // 'wx': if another process made it first, fail here rather than overwrite its key.
  writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' })
  chmodSync(path, 0o600)
  return key
}

/** The master key the tender service uses; throws in production if none is configured. */
export function bidMasterKeyFor(config: Pick<Config, 'env' | 'database' | 'bidMasterKey'>): Buffer {
  if (config.bidMasterKey) return config.bidMasterKey
  if (config.env === 'production') throw new Error('BID_MASTER_KEY is required in production')
  const path = keyFilePath(config.database)
  return path ? readOrCreateKeyFile(path) : randomBytes(32)
}
