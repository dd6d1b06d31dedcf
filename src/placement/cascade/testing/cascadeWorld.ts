/**
 * A world for cascade tests: the market fixture, the postcode directory holding the child's home
 * and school, the contract room on the same database with two contracts in its register (a block
 * contract with Acme and an in-house unit), and the placement service wired to both.
 */
import { testConfig } from '../../../../test/support/app.js'
import { createContractService, type ContractService } from '../../../contract/contractService.js'
import { createPostcodeService } from '../../../geo/postcodeService.js'
import type { MarketService } from '../../../market/marketService.js'
import { councilActor, providerActor, seedMarket } from '../../../market/testing/marketFixtures.js'
import type { AuditService } from '../../../platform/audit/auditService.js'
import type { Actor } from '../../../platform/auth/actor.js'
import { settableClock } from '../../../platform/clock.js'
import type { DatabaseHandle } from '../../../platform/db/database.js'
import { createOutboxService } from '../../../platform/outbox/outboxService.js'
import type { ChildInput } from '../../children/childSchema.js'
import { createPlacementService, type PlacementService } from '../../placementService.js'
import { createPlacementPort } from '../../ports/placementPort.js'
import { child, NOW, referral, socialWorker } from '../../placements/testing/placementWorld.js'

/** The child's home (Southampton's centre) and school, 3 miles north by the DfE formula. */
export const HOME_POSTCODE = 'SO14 7DU'
export const SCHOOL_POSTCODE = 'SO16 3AA'

/** A contract entered in the register by hand, from 1 January 2026 for three years, at a pure block price. */
export const contractTerms = (reference: string, kind: 'block' | 'in-house', providerId: string, bedIds: string[], pricePence: number) => ({
  reference,
  kind,
  providerId,
  bedIds,
  pricePencePerBedWeek: pricePence,
  pricingModel: 'block' as const,
  placementFeePencePerWeek: null,
  startDate: '2026-01-01',
  initialEndDate: '2028-12-31',
  maxExtentDate: '2028-12-31',
  extensionMonths: null,
  extensionNoticeDate: null,
  paymentFrequency: '4-weekly' as const,
  voidReleaseAfterDays: null,
  indexation: null,
})

/**
 * The market fixture, the postcodes of the child's home and school, and two contracts entered in
 * the register: Acme's block (Oak's second bed, Gorse's only bed) and an in-house unit (Cedar's first bed).
 */
export async function seedCascade(
  handle: DatabaseHandle,
  contracts: (market: MarketService, audit: AuditService) => Pick<ContractService, 'createContract'>,
  now: () => Date,
  councilId?: string,
) {
  const seeded = await seedMarket(handle, { now })
  await handle.db
    .insertInto('postcode_units')
    .values([
      { postcode: HOME_POSTCODE, lad: 'E06000045', easting: 442_520, northing: 112_207, terminated: 0 },
      { postcode: SCHOOL_POSTCODE, lad: 'E06000045', easting: 442_520, northing: 117_035, terminated: 0 },
    ])
    .execute()
  const { oak, cedar, gorse } = seeded.homes
  const register = contracts(seeded.market, seeded.audit)
  const commissioner = councilActor('commissioning_officer', councilId)
  const block = await register.createContract(
    commissioner,
    contractTerms('BLOCK-1', 'block', seeded.providers.acme, [oak.bedIds[1]!, gorse.bedIds[0]!], 480_000),
  )
  const inHouse = await register.createContract(
    commissioner,
    contractTerms('INHOUSE-1', 'in-house', seeded.providers.brook, [cedar.bedIds[0]!], 410_000),
  )
  return {
    ...seeded,
    contracts: { block, inHouse },
    beds: {
      oakBlock: oak.bedIds[1]!,
      oakSpot: [oak.bedIds[2]!, oak.bedIds[3]!],
      gorseBlock: gorse.bedIds[0]!,
      cedarInHouse: cedar.bedIds[0]!,
    },
  }
}

/** A child (female, 13 at NOW, needs self-harm) for an EBD home, with an open referral. */
export async function referChild(
  placements: Pick<PlacementService, 'createChild' | 'createReferral'>,
  actor: Actor,
  caseReference: string,
  extra: Partial<ChildInput> = {},
) {
  const childId = await placements.createChild(
    actor,
    child(caseReference, { homePostcode: HOME_POSTCODE, schoolPostcode: SCHOOL_POSTCODE, ...extra }),
  )
  const referralId = await placements.createReferral(actor, { ...referral(childId), categories: ['EBD'] })
  return { childId, referralId }
}

export async function cascadeWorld(handle: DatabaseHandle) {
  const clock = settableClock(NOW)
  const { db, dialect } = handle
  const outbox = createOutboxService({
    db,
    now: clock.now,
    transport: { name: 'none', send: async () => undefined, close: () => undefined },
  })
  let contracts!: ContractService
  const seeded = await seedCascade(
    handle,
    (market, audit) =>
      (contracts = createContractService({
        db,
        dialect,
        audit,
        market,
        outbox,
        config: testConfig(),
        now: clock.now,
        placements: () => createPlacementPort(),
      })),
    clock.now,
  )
  const postcodes = createPostcodeService({ db, dialect, audit: seeded.audit })
  const placements = createPlacementService({
    db,
    dialect,
    audit: seeded.audit,
    market: seeded.market,
    postcodes,
    contracts,
    now: clock.now,
  })
  const actors = {
    officer: councilActor('placement_officer'),
    head: councilActor('head_of_service'),
    ann: socialWorker('sw-ann'),
    acme: providerActor(seeded.providers.acme),
  }
  let n = 0
  return {
    ...seeded,
    clock,
    placements,
    /** The void causes the bed ledger holds. */
    causes: () =>
      db
        .selectFrom('bed_events')
        .select(['bed_id as bedId', 'from_date as fromDate', 'cause', 'referral_id as referralId', 'note'])
        .where('kind', '=', 'empty-cause')
        .orderBy('seq')
        .execute(),
    actors,
    referred: (extra: Partial<ChildInput> = {}) => referChild(placements, actors.officer, `CASCADE-${++n}`, extra),
  }
}
export type CascadeWorld = Awaited<ReturnType<typeof cascadeWorld>>
