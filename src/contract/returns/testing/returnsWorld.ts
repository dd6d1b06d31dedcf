/**
 * A small world for returns tests: the market fixture (Acme's Oak House, Brook's Cedar View), a
 * block contract with each, commissioning officers to email, the real contract service and
 * outbox (never delivering), and a clock the test moves by hand.
 */
import { randomUUID } from 'node:crypto'
import { councilActor, providerActor, seedMarket } from '../../../market/testing/marketFixtures.js'
import { createPlacementPort } from '../../../placement/ports/placementPort.js'
import { systemActor } from '../../../platform/auth/actor.js'
import { createUserRepository } from '../../../platform/auth/userRepository.js'
import { createUserService } from '../../../platform/auth/userService.js'
import { settableClock } from '../../../platform/clock.js'
import { loadConfig } from '../../../platform/config.js'
import type { DatabaseHandle, Db } from '../../../platform/db/database.js'
import { inTransaction } from '../../../platform/db/transaction.js'
import { createOutboxService } from '../../../platform/outbox/outboxService.js'
import { createContractService } from '../../contractService.js'
import type { ReturnFigures } from '../domain/figures.js'

export const NOW = '2026-05-20T09:00:00.000Z'

/** A month's figures that meet every usual target; change what a test is about. */
export function figures(changes: Partial<ReturnFigures> = {}): ReturnFigures {
  return {
    childrenAccommodated: 3,
    incidents: 2,
    missingEpisodes: 0,
    educationHoursPerChildPerWeek: 25,
    physicalInterventions: 1,
    staffHours: 2000,
    agencyStaffHours: 100,
    regulation40Notifications: 0,
    notes: null,
    ...changes,
  }
}

/** A contract row as the register would hold it, written straight to the table for the test. */
export async function insertContract(
  db: Db,
  c: { reference: string; providerId: string; homeIds: string[]; startDate: string; endDate: string; status?: 'active' | 'ended' },
): Promise<string> {
  const id = randomUUID()
  await db
    .insertInto('contracts')
    .values({
      id,
      reference: c.reference,
      kind: 'block',
      tender_id: null,
      bid_id: null,
      provider_id: c.providerId,
      home_ids_json: JSON.stringify(c.homeIds),
      beds: 3,
      price_pence_per_bed_week: 500_000,
      pricing_model: 'block',
      placement_fee_pence_per_week: null,
      start_date: c.startDate,
      initial_end_date: c.endDate,
      end_date: c.endDate,
      max_extent_date: c.endDate,
      extension_months: null,
      extension_notice_date: null,
      extension_status: 'none',
      payment_frequency: '4-weekly',
      void_release_after_days: null,
      indexation_kind: 'none',
      indexation_cap_bps: null,
      indexation_review_bps: null,
      indexation_cpi_lag_months: null,
      status: c.status ?? 'active',
      created_at: NOW,
      updated_at: NOW,
    })
    .execute()
  return id
}

export async function returnsWorld(handle: DatabaseHandle) {
  const clock = settableClock(NOW)
  const seeded = await seedMarket(handle, { now: clock.now })
  const { market, audit, councilId } = seeded
  const config = loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'x'.repeat(40) })
  const outbox = createOutboxService({
    db: handle.db,
    now: clock.now,
    transport: { name: 'none', send: async () => undefined, close: () => undefined },
  })
  const contracts = createContractService({
    db: handle.db,
    dialect: handle.dialect,
    audit,
    market,
    outbox,
    config,
    now: clock.now,
    placements: () => createPlacementPort(),
  })
  // Two commissioning officers to tell of Ofsted changes, and a finance officer who is not told.
  const users = createUserService({ db: handle.db, repo: createUserRepository(), audit, passwordCost: { N: 2 ** 12, r: 8, p: 1 } })
  await inTransaction(handle.db, async (tx) => {
    for (const [email, role] of [
      ['chris@council.test', 'commissioning_officer'],
      ['cara@council.test', 'commissioning_officer'],
      ['fran@council.test', 'finance_officer'],
    ] as const) {
      await users.createActive(systemActor('test'), tx, {
        email,
        displayName: email.split('@')[0]!,
        organisationId: councilId,
        role,
        password: 'a test passphrase of some length',
      })
    }
  })
  const { acme, brook } = seeded.providers
  const acmeContract = await insertContract(handle.db, {
    reference: 'PW-C-ACME',
    providerId: acme,
    homeIds: [seeded.homes.oak.id],
    startDate: '2025-11-10',
    endDate: '2028-11-09',
  })
  const brookContract = await insertContract(handle.db, {
    reference: 'PW-C-BROOK',
    providerId: brook,
    homeIds: [seeded.homes.cedar.id],
    startDate: '2026-01-01',
    endDate: '2028-12-31',
  })
  return {
    ...seeded,
    clock,
    config,
    outbox,
    contracts,
    contractIds: { acme: acmeContract, brook: brookContract },
    actors: {
      officer: councilActor('commissioning_officer', councilId),
      head: councilActor('head_of_service', councilId),
      finance: councilActor('finance_officer', councilId),
      social: councilActor('social_worker', councilId),
      acme: providerActor(acme),
      brook: providerActor(brook),
    },
  }
}
export type ReturnsWorld = Awaited<ReturnType<typeof returnsWorld>>
