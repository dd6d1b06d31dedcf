import type { Actor } from '../auth/actor.js'
import type { Db } from '../db/database.js'
import type { AuditRepository } from './auditRepository.js'
import { canonicalJson } from './hashChain.js'

export type Change = {
  action: string
  entityType: string
  entityId: string
  before?: unknown
  after?: unknown
}

export function createAuditService(repo: AuditRepository, db: Db, now: () => Date = () => new Date()) {
  return {
    /** Records a change inside the transaction that makes it. */
    async record(tx: Db, actor: Actor, change: Change): Promise<void> {
      await repo.append(tx, {
        at: now().toISOString(),
        actor_user_id: actor.userId,
        actor_label: actor.label,
        action: change.action,
        entity_type: change.entityType,
        entity_id: change.entityId,
        before_json: canonicalJson(change.before),
        after_json: canonicalJson(change.after),
      })
    },

    /** Reading a child's record is special-category processing: every read leaves a row. */
    async recordChildRead(tx: Db, actor: Actor, childId: string, purpose: string): Promise<void> {
      await this.record(tx, actor, { action: 'read', entityType: 'child', entityId: childId, after: { purpose } })
    },

    verify: () => repo.verify(db),
    list: (opts: Parameters<AuditRepository['list']>[1]) => repo.list(db, opts),
  }
}
export type AuditService = ReturnType<typeof createAuditService>
