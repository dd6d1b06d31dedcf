import type { Generated } from 'kysely'
import type { GeoTables } from '../../geo/tables.js'
import type { MarketTables } from '../../market/tables.js'
import type { OutboxTables } from '../outbox/tables.js'
import type { TenderTables } from '../../tender/tables.js'
import type { ContractTables } from '../../contract/tables.js'
import type { PlacementTables } from '../../placement/tables.js'

/** Platform tables: organisations, accounts, sessions, the audit trail and import runs. */
export interface PlatformTables {
  organisations: {
    id: string
    kind: 'council' | 'provider'
    name: string
    ons_code: string | null
    provider_id: string | null
    created_at: string
  }
  users: {
    id: string
    email: string
    display_name: string
    organisation_id: string
    role: string
    status: 'invited' | 'active' | 'disabled'
    password_hash: string | null
    invite_token_hash: string | null
    invite_expires_at: string | null
    failed_logins: number
    locked_until: string | null
    last_login_at: string | null
    created_at: string
  }
  sessions: {
    sid: string
    data: string
    expires_at: string
  }
  audit_log: {
    seq: Generated<number>
    at: string
    actor_user_id: string | null
    actor_label: string
    action: string
    entity_type: string
    entity_id: string
    before_json: string | null
    after_json: string | null
    prev_hash: string
    hash: string
  }
  import_runs: {
    id: string
    kind: string
    file_name: string
    started_at: string
    finished_at: string
    status: 'succeeded' | 'failed'
    created_count: number
    updated_count: number
    unchanged_count: number
    rejected_count: number
    report_json: string
    actor_label: string
  }
}

export interface Database extends PlatformTables, MarketTables, GeoTables, TenderTables, ContractTables, OutboxTables, PlacementTables {}
