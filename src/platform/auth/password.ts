import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const scrypt = (password: string, salt: Buffer, keylen: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))))

// OWASP's scrypt floor (N=2^17, r=8, p=1) costs ~128 MiB per hash; we keep that in production.
// Tests and the demo may lower N through the parameters encoded in each hash, never below 2^12.
const KEYLEN = 32

export type ScryptCost = { N: number; r: number; p: number }
export const PRODUCTION_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 }

/** Hashes as `scrypt$N$r$p$salt$key` so the cost can rise later without breaking old hashes. */
export async function hashPassword(password: string, cost: ScryptCost = PRODUCTION_COST): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password, salt, KEYLEN, { ...cost, maxmem: 256 * cost.N * cost.r })
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltB64, keyB64] = stored.split('$')
  if (scheme !== 'scrypt' || !saltB64 || !keyB64) return false
  const cost = { N: Number(n), r: Number(r), p: Number(p) }
  if (!(cost.N >= 2 ** 12) || !(cost.r >= 1) || !(cost.p >= 1)) return false
  const expected = Buffer.from(keyB64, 'base64')
  const actual = await scrypt(password, Buffer.from(saltB64, 'base64'), expected.length, { ...cost, maxmem: 256 * cost.N * cost.r })
  return timingSafeEqual(actual, expected)
}

/** A password policy in the NCSC spirit: length over composition rules. */
export function passwordProblem(password: string): string | null {
  if (password.length < 12) return 'Password must be at least 12 characters'
  if (password.length > 256) return 'Password must be 256 characters or fewer'
  return null
}
