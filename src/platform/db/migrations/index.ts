import type { DialectMigration } from '../migrate.js'
import * as platform from './0001_platform.js'
import * as market from './0002_market.js'
import * as geo from './0003_geo.js'
import * as auditAppendOnly from './0004_audit_append_only.js'
import * as marketSearchIndexes from './0005_market_search_indexes.js'
import * as platformOutbox from './0009_platform_outbox.js'
import * as tender from './0010_tender.js'
import * as contract from './0011_contract.js'
import * as placement from './0020_placement.js'

/** Every migration, in order. Names are permanent once released: add, never rename. */
export const migrations: Record<string, DialectMigration> = {
  '0001_platform': platform,
  '0002_market': market,
  '0003_geo': geo,
  '0004_audit_append_only': auditAppendOnly,
  '0005_market_search_indexes': marketSearchIndexes,
  '0009_platform_outbox': platformOutbox,
  '0010_tender': tender,
  '0011_contract': contract,
  '0020_placement': placement,
}
