import { sql } from 'kysely'
import type { Db, Dialect } from '../db/database.js'
import { chainHash, findChainBreak, GENESIS_HASH, type AuditFields, type ChainBreak } from './hashChain.js'

export type AuditRow = AuditFields & { seq: number; prev_hash: string; hash: string }

// Any constant works: it only serialises writers of the chain on PostgreSQL.
const AUDIT_LOCK_KEY = 7_270_001

export function createAuditRepository(dialect: Dialect) {
  return {
    /** Appends one row. Must run inside the caller's transaction so the change and its record commit together. */
    async append(tx: Db, fields: AuditFields): Promise<void> {
      // SQLite serialises writers itself; PostgreSQL needs a lock or two writers could fork the chain.
      if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(tx)
      const last = await tx.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst()
      const prev = last?.hash ?? GENESIS_HASH
      await tx
        .insertInto('audit_log')
        .values({ ...fields, prev_hash: prev, hash: chainHash(prev, fields) })
        .execute()
    },

    /** Verifies the whole chain in pages, so memory stays flat however long the log grows. */
    async verify(db: Db, pageSize = 5000): Promise<{ rows: number; break: ChainBreak | null }> {
      let after = -1
      let count = 0
      let prevTail: AuditRow | null = null
      for (;;) {
        const page: AuditRow[] = await db
          .selectFrom('audit_log')
          .selectAll()
          .where('seq', '>', after)
          .orderBy('seq')
          .limit(pageSize)
          .execute()
        if (page.length === 0) return { rows: count, break: null }
        // Carry the previous page's last row so the link across pages is checked too.
        const found = findChainBreak(prevTail ? [prevTail, ...page] : page, prevTail?.prev_hash)
        if (found) return { rows: count + page.length, break: found }
        count += page.length
        prevTail = page[page.length - 1]!
        after = prevTail.seq
      }
    },

    async list(db: Db, opts: { entityType?: string; entityId?: string; limit: number; offset: number }) {
      let q = db.selectFrom('audit_log').selectAll()
      if (opts.entityType) q = q.where('entity_type', '=', opts.entityType)
      if (opts.entityId) q = q.where('entity_id', '=', opts.entityId)
      const rows = await q.orderBy('seq', 'desc').limit(opts.limit).offset(opts.offset).execute()
      let c = db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n'))
      if (opts.entityType) c = c.where('entity_type', '=', opts.entityType)
      if (opts.entityId) c = c.where('entity_id', '=', opts.entityId)
      const { n } = await c.executeTakeFirstOrThrow()
      return { rows, total: Number(n) }
    },
  }
}
export type AuditRepository = ReturnType<typeof createAuditRepository>
