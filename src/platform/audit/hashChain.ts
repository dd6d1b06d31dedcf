import { createHash } from 'node:crypto'

/** The fields of an audit row that its hash covers. */
export type AuditFields = {
  at: string
  actor_user_id: string | null
  actor_label: string
  action: string
  entity_type: string
  entity_id: string
  before_json: string | null
  after_json: string | null
}

export const GENESIS_HASH = '0'.repeat(64)

/** Each row's hash covers its own fields and the previous row's hash, so any edit, deletion or reordering breaks the chain. */
export function chainHash(prevHash: string, row: AuditFields): string {
  const canonical = JSON.stringify([
    prevHash,
    row.at,
    row.actor_user_id,
    row.actor_label,
    row.action,
    row.entity_type,
    row.entity_id,
    row.before_json,
    row.after_json,
  ])
  return createHash('sha256').update(canonical).digest('hex')
}

export type ChainBreak = { seq: number; reason: 'edited' | 'deleted or reordered' }

/** Walks rows in seq order; returns the first that does not follow from the one before. */
export function findChainBreak(
  rows: Iterable<AuditFields & { seq: number; prev_hash: string; hash: string }>,
  startPrev: string = GENESIS_HASH,
): ChainBreak | null {
  let expectedPrev = startPrev
  for (const row of rows) {
    if (row.prev_hash !== expectedPrev) return { seq: row.seq, reason: 'deleted or reordered' }
    if (chainHash(row.prev_hash, row) !== row.hash) return { seq: row.seq, reason: 'edited' }
    expectedPrev = row.hash
  }
  return null
}

/** JSON with sorted keys, so the same record always serialises (and hashes) the same way. */
export function canonicalJson(value: unknown): string | null {
  if (value === undefined || value === null) return null
  return JSON.stringify(sortKeys(value))
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    )
  }
  return value
}
