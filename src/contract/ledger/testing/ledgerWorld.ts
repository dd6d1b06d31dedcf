/**
 * A world for ledger tests: the market fixture, a placement service on a clock the test moves,
 * the contract service with its real placement port, and factories for block contracts (written
 * as the register writes them: terms, reserved beds, the start price) and for placements made
 * and ended through the placement service.
 */
import { councilActor, providerActor, seedMarket } from '../../../market/testing/marketFixtures.js'
import type { RegistrationCategoryCode } from '../../../market/domain/categories.js'
import type { NeedCode } from '../../../market/domain/needs.js'
import type { Actor } from '../../../platform/auth/actor.js'
import { settableClock } from '../../../platform/clock.js'
import { loadConfig } from '../../../platform/config.js'
import type { DatabaseHandle } from '../../../platform/db/database.js'
import { createOutboxService } from '../../../platform/outbox/outboxService.js'
import { createPlacementService } from '../../../placement/placementService.js'
import { createPlacementPort } from '../../../placement/ports/placementPort.js'
import { child, referral } from '../../../placement/placements/testing/placementWorld.js'
import { createContractService } from '../../contractService.js'
import { insertBlockContract, type ContractSpec } from './contractRows.js'
import { createHomeWithBeds } from './homes.js'

export const LEDGER_NOW = '2026-07-01T09:00:00.000Z'

export async function ledgerWorld(handle: DatabaseHandle) {
  const clock = settableClock(LEDGER_NOW)
  const seeded = await seedMarket(handle, { now: clock.now })
  const { market, audit, officer } = seeded
  const config = loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'x'.repeat(40) })
  const placementPort = createPlacementPort()
  const outbox = createOutboxService({
    db: handle.db,
    transport: { name: 'test', send: async () => undefined, close: () => undefined },
    now: clock.now,
  })
  const contracts = createContractService({ ...handle, audit, market, outbox, config, now: clock.now, placements: () => placementPort })
  // Without the contract room, bookings are not held to the register's routes: histories may start before a contract does.
  const placements = createPlacementService({ db: handle.db, dialect: handle.dialect, audit, market, now: clock.now })
  const actors = {
    commissioner: councilActor('commissioning_officer'),
    officer: councilActor('placement_officer'),
    finance: councilActor('finance_officer'),
    head: councilActor('head_of_service'),
    socialWorker: councilActor('social_worker'),
    acme: providerActor(seeded.providers.acme),
    brook: providerActor(seeded.providers.brook),
  }
  let n = 0

  /** A new home of the provider with the given beds, near the council, covering the given needs. */
  async function home(providerId: string, beds: number, extra: { needs?: NeedCode[]; categories?: RegistrationCategoryCode[] } = {}) {
    n++
    return createHomeWithBeds(market, officer, { n: 900_000 + n, name: `Ledger Home ${n}`, providerId, beds, ...extra })
  }

  /** A block contract as the register writes one. */
  const contract = (spec: ContractSpec): Promise<string> =>
    insertBlockContract(handle.db, spec, { reference: `BLK-${++n}`, at: clock.now().toISOString() })

  /** A child placed in the bed from start and (when end is given) ended then, through the placement service. */
  async function place(p: {
    homeId: string
    bedId: string
    start: string
    end?: string | null
    route?: 'block' | 'spot'
    contractId?: string | null
    weeklyPricePence?: number
    needs?: NeedCode[]
  }): Promise<string> {
    const childId = await placements.createChild(actors.officer, child(`LEDGER-${++n}`, p.needs ? { needs: p.needs } : {}))
    const referralId = await placements.createReferral(actors.officer, referral(childId))
    const id = await placements.book(actors.officer, {
      referralId,
      homeId: p.homeId,
      bedId: p.bedId,
      route: p.route ?? 'block',
      contractId: p.route === 'spot' ? null : (p.contractId ?? null),
      weeklyPricePence: p.weeklyPricePence ?? 500_000,
      startDate: p.start,
    })
    if (p.end)
      await placements.end(actors.officer, id, { endDate: p.end, reasonEpisodeCeased: 'E8', reasonPlaceChange: null, planned: 'planned' })
    return id
  }

  return { ...seeded, db: handle.db, clock, contracts, placements, placementPort, actors, home, contract, place }
}
export type LedgerWorld = Awaited<ReturnType<typeof ledgerWorld>>

export const actorOfProvider = (providerId: string): Actor => providerActor(providerId)
