import type { DialectMigration } from '../migrate.js'
import * as platform from './0001_platform.js'
import * as market from './0002_market.js'
import * as geo from './0003_geo.js'
import * as auditAppendOnly from './0004_audit_append_only.js'
import * as marketSearchIndexes from './0005_market_search_indexes.js'
import * as platformOutbox from './0009_platform_outbox.js'
import * as tender from './0010_tender.js'
import * as contract from './0011_contract.js'
import * as contractRegister from './0012_contract_register.js'
import * as contractLedger from './0013_contract_ledger.js'
import * as contractReturns from './0014_contract_returns.js'
import * as placement from './0020_placement.js'
import * as placementCascade from './0021_placement_cascade.js'
import * as placementOffers from './0022_placement_offers.js'
import * as placementChildProfile from './0023_placement_child_profile.js'

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
  '0012_contract_register': contractRegister,
  '0013_contract_ledger': contractLedger,
  '0014_contract_returns': contractReturns,
  '0020_placement': placement,
  '0021_placement_cascade': placementCascade,
  '0022_placement_offers': placementOffers,
  '0023_placement_child_profile': placementChildProfile,
}
