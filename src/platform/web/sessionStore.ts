import session from 'express-session'
import type { Db } from '../db/database.js'

const DAY_MS = 24 * 60 * 60 * 1000

/** express-session's store over our own database, so sessions survive restarts and need no extra service. */
export class DatabaseSessionStore extends session.Store {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    super()
  }

  override get(sid: string, callback: (err: unknown, session?: session.SessionData | null) => void): void {
    this.db
      .selectFrom('sessions')
      .select(['data', 'expires_at'])
      .where('sid', '=', sid)
      .executeTakeFirst()
      .then((row) => {
        if (!row || row.expires_at <= this.now().toISOString()) return callback(null, null)
        callback(null, JSON.parse(row.data) as session.SessionData)
      }, callback)
  }

  override set(sid: string, data: session.SessionData, callback?: (err?: unknown) => void): void {
    const expires = data.cookie?.expires ? new Date(data.cookie.expires) : new Date(this.now().getTime() + DAY_MS)
    const row = { sid, data: JSON.stringify(data), expires_at: expires.toISOString() }
    this.db
      .insertInto('sessions')
      .values(row)
      .onConflict((oc) => oc.column('sid').doUpdateSet({ data: row.data, expires_at: row.expires_at }))
      .execute()
      .then(
        () => callback?.(),
        (err: unknown) => callback?.(err),
      )
  }

  override destroy(sid: string, callback?: (err?: unknown) => void): void {
    this.db
      .deleteFrom('sessions')
      .where('sid', '=', sid)
      .execute()
      .then(
        () => callback?.(),
        (err: unknown) => callback?.(err),
      )
  }

  override touch(sid: string, data: session.SessionData, callback?: () => void): void {
    this.set(sid, data, () => callback?.())
  }

  /** Removes expired sessions; called now and then, not per request. */
  async prune(): Promise<number> {
    const res = await this.db.deleteFrom('sessions').where('expires_at', '<=', this.now().toISOString()).executeTakeFirst()
    return Number(res.numDeletedRows)
  }
}
