import { createPostcodeService } from '../geo/postcodeService.js'
import { createMarketService } from '../market/marketService.js'
import { createOfstedImportService } from '../market/ofsted/ofstedImportService.js'
import { systemClock, type Clock } from './clock.js'
import type { Config } from './config.js'
import { createAuditRepository } from './audit/auditRepository.js'
import { createAuditService } from './audit/auditService.js'
import { createUserRepository } from './auth/userRepository.js'
import { createUserService } from './auth/userService.js'
import type { ScryptCost } from './auth/password.js'
import type { DatabaseHandle } from './db/database.js'

/** Every service, built once from the database and config: the rooms' single meeting point. */
export function createServices(handle: DatabaseHandle, config: Config, opts: { passwordCost?: ScryptCost; clock?: Clock } = {}) {
  const { db, dialect } = handle
  const clock = opts.clock ?? systemClock
  const audit = createAuditService(createAuditRepository(dialect), db)
  const users = createUserService({ db, repo: createUserRepository(), audit, passwordCost: opts.passwordCost })
  const postcodes = createPostcodeService({ db, dialect, audit })
  const market = createMarketService({ db, audit, config, locatePostcode: (postcode) => postcodes.locate(postcode) })
  const ofstedImport = createOfstedImportService({ db, audit, locateMany: (list) => postcodes.locateMany(list) })
  return { config, clock, db, dialect, audit, users, postcodes, market, ofstedImport }
}
export type Services = ReturnType<typeof createServices>
