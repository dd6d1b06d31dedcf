import { createPostcodeService } from '../geo/postcodeService.js'
import { createMarketService } from '../market/marketService.js'
import { createOfstedImportService } from '../market/ofsted/ofstedImportService.js'
import { createContractService } from '../contract/contractService.js'
import { createPlacementService } from '../placement/placementService.js'
import { createPlacementPort } from '../placement/ports/placementPort.js'
import { bidMasterKeyFor } from '../tender/sealing/masterKey.js'
import { createTenderService } from '../tender/tenderService.js'
import { createOutboxService } from './outbox/outboxService.js'
import { transportFromConfig, type MailTransport } from './outbox/transport.js'
import { systemClock, type Clock } from './clock.js'
import type { Config } from './config.js'
import { createAuditRepository } from './audit/auditRepository.js'
import { createAuditService } from './audit/auditService.js'
import { createUserRepository } from './auth/userRepository.js'
import { createUserService } from './auth/userService.js'
import type { ScryptCost } from './auth/password.js'
import type { DatabaseHandle } from './db/database.js'
import { can } from './auth/scope.js'

/** Every service, built once from the database and config: the rooms' single meeting point. */
export function createServices(
  handle: DatabaseHandle,
  config: Config,
  opts: { passwordCost?: ScryptCost; clock?: Clock; mailTransport?: MailTransport } = {},
) {
  const { db, dialect } = handle
  const clock = opts.clock ?? systemClock
  const audit = createAuditService(createAuditRepository(dialect), db)
  const users = createUserService({ db, repo: createUserRepository(), audit, passwordCost: opts.passwordCost })
  const postcodes = createPostcodeService({ db, dialect, audit })
  const market = createMarketService({ db, audit, config, locatePostcode: (postcode) => postcodes.locate(postcode) })
  const ofstedImport = createOfstedImportService({
    db,
    audit,
    locateMany: (list) => postcodes.locateMany(list),
    // A new judgement for a contracted home raises an Ofsted alert at once, not at the next look.
    afterImport: async (actor) => {
      if (can(actor, 'contract:read')) await contracts.checkOfstedAlerts(actor)
    },
  })
  const now = () => clock.now()
  const outbox = createOutboxService({ db, transport: opts.mailTransport ?? transportFromConfig(config.smtp), now })
  // The contract and placement rooms ask things of each other (src/contract/ports.ts); the
  // placement port is plain queries, so it is built first and handed over.
  const placementPort = createPlacementPort()
  const contracts = createContractService({ db, dialect, audit, market, outbox, config, now, placements: () => placementPort })
  const tender = createTenderService({
    db,
    dialect,
    audit,
    market,
    postcodes,
    contracts,
    outbox,
    // Read when first needed, so commands that never touch bids never create a key file.
    masterKey: () => bidMasterKeyFor(config),
    config,
    now,
  })
  const placements = createPlacementService({ db, dialect, audit, market, postcodes, contracts, config, outbox, now })
  return { config, clock, db, dialect, audit, users, postcodes, market, ofstedImport, outbox, contracts, tender, placements }
}
export type Services = ReturnType<typeof createServices>
