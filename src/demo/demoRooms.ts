/**
 * What the demo's history builders share: the contract and placement rooms built inside the demo's
 * transaction on the builder's own clock (as src/tender/demo.ts does), and the demo's people.
 */
import { createContractService } from '../contract/contractService.js'
import type { PostcodeService } from '../geo/postcodeService.js'
import { createMarketService } from '../market/marketService.js'
import { createPlacementService } from '../placement/placementService.js'
import { createPlacementPort } from '../placement/ports/placementPort.js'
import type { Actor } from '../platform/auth/actor.js'
import { createUserRepository } from '../platform/auth/userRepository.js'
import { toActor } from '../platform/auth/userService.js'
import type { Db } from '../platform/db/database.js'
import { UserInputError } from '../platform/errors.js'
import { createOutboxService } from '../platform/outbox/outboxService.js'
import { createLogTransport } from '../platform/outbox/transport.js'
import type { HistoryDemoServices } from './contractDemo.js'

/** The rooms on `tx` and `now`. The demo sends no email: its outbox is never delivered from here. */
export function demoRooms(s: HistoryDemoServices, tx: Db, now: () => Date, opts: { postcodes?: PostcodeService } = {}) {
  const market = createMarketService({ db: tx, audit: s.audit, config: s.config, now })
  const outbox = createOutboxService({ db: tx, transport: createLogTransport(() => undefined), now })
  const port = createPlacementPort()
  const deps = { db: tx, dialect: s.dialect, audit: s.audit, market, config: s.config, now }
  const contracts = createContractService({ ...deps, outbox, placements: () => port })
  const placements = createPlacementService({ ...deps, postcodes: opts.postcodes, contracts })
  return { tx, market, contracts, placements }
}
export type DemoRooms = ReturnType<typeof demoRooms>

/** A demo user (`name`@southampton.demo) as an actor; refused, naming the builder, before the demo council exists. */
export async function demoPerson(tx: Db, name: string, builder: string): Promise<Actor> {
  const u = await createUserRepository().findByEmail(tx, `${name}@southampton.demo`)
  if (!u) throw new UserInputError(`The ${builder} needs the demo user ${name}@southampton.demo; build the demo council first`)
  return toActor(u)
}
