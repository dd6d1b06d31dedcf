import { randomUUID } from 'node:crypto'
import { createAuditRepository } from '../../platform/audit/auditRepository.js'
import { createAuditService } from '../../platform/audit/auditService.js'
import type { Actor } from '../../platform/auth/actor.js'
import type { Role } from '../../platform/auth/roles.js'
import type { DatabaseHandle } from '../../platform/db/database.js'
import { createMarketService, type MarketServiceDeps } from '../marketService.js'

/** Southampton's default centre, as config has it. */
export const CENTRE = { easting: 442_520, northing: 112_207, label: 'Southampton city centre (SO14)' }

export function councilActor(role: Role = 'commissioning_officer', organisationId = 'council'): Actor {
  return { userId: `user-${role}`, label: `Test ${role}`, organisationId, organisationKind: 'council', role, providerId: null }
}

export function providerActor(providerId: string): Actor {
  return {
    userId: `user-${providerId}`,
    label: `Provider user of ${providerId}`,
    organisationId: `org-${providerId}`,
    organisationKind: 'provider',
    role: 'provider_user',
    providerId,
  }
}

/** A market service on a migrated database, with a council organisation to lead frameworks. */
export async function marketOn(handle: DatabaseHandle, extra: Partial<MarketServiceDeps> = {}) {
  const audit = createAuditService(createAuditRepository(handle.dialect), handle.db)
  const councilId = `council-${randomUUID()}`
  await handle.db
    .insertInto('organisations')
    .values({
      id: councilId,
      kind: 'council',
      name: 'Southampton City Council',
      ons_code: 'E06000045',
      provider_id: null,
      created_at: new Date().toISOString(),
    })
    .execute()
  const market = createMarketService({
    db: handle.db,
    audit,
    config: { council: { name: 'Southampton City Council', onsCode: 'E06000045', logoText: 'SCC', centre: CENTRE, localRadiusMiles: 20 } },
    ...extra,
  })
  return { market, audit, councilId, officer: councilActor('commissioning_officer', councilId) }
}

/**
 * A small market: two providers on a six-lot framework and six homes at known distances.
 * Fir Grange is 20.0 miles away by the DfE formula (inside 20); Gorse Hall 20.1 (outside).
 */
export async function seedMarket(handle: DatabaseHandle, extra: Partial<MarketServiceDeps> = {}) {
  const ctx = await marketOn(handle, extra)
  const { market, officer, councilId } = ctx
  const framework = await market.createFramework(officer, {
    name: 'Children’s Residential Placements',
    legalRegime: 'PCR2015',
    startsOn: '2024-10-01',
    endsOn: '2028-09-30',
    leadOrganisationId: councilId,
  })
  const lot = (n: number) => framework.lots.find((l) => l.number === n)!.id
  const acme = await market.createProvider(officer, { name: 'Acme Care Ltd', companiesHouseNumber: '01234567' })
  const brook = await market.createProvider(officer, { name: 'Brook Homes', companiesHouseNumber: 'SC123456' })
  await market.setMembership(officer, { providerId: acme, lotId: lot(1), status: 'active', spotRatePencePerWeek: 550_000 })
  await market.setMembership(officer, { providerId: brook, lotId: lot(1), status: 'suspended', spotRatePencePerWeek: 600_000 })
  await market.setMembership(officer, { providerId: brook, lotId: lot(2), status: 'active', spotRatePencePerWeek: 720_000 })
  const base = { sexesAccepted: 'mixed' as const, status: 'active' as const, ageMin: 11, ageMax: 17 }
  const at = (de: number, dn: number, precision: 'unit' | 'sector' | 'district' = 'unit') => ({
    easting: CENTRE.easting + de,
    northing: CENTRE.northing + dn,
    precision,
    lad: 'E06000045',
  })
  const oak = await market.createHome(officer, {
    ...base,
    urn: 'SC000001',
    name: 'Oak House',
    providerId: acme,
    postcode: 'SO14 7DU',
    location: at(1000, 0),
    registeredPlaces: 4,
    beds: 4,
    ofstedJudgement: 'Good',
    ofstedJudgementDate: '2025-01-10',
    categories: ['EBD'],
    needs: ['self-harm'],
  })
  const birch = await market.createHome(officer, {
    ...base,
    urn: 'SC000002',
    name: 'Birch Lodge',
    providerId: acme,
    postcode: 'SO50 1AA',
    location: at(0, 30_000, 'sector'),
    registeredPlaces: 2,
    beds: 2,
    ofstedJudgement: 'Outstanding',
    ofstedJudgementDate: '2024-06-01',
    categories: ['EBD', 'LD'],
    needs: ['autism'],
  })
  const cedar = await market.createHome(officer, {
    ...base,
    urn: 'SC000003',
    name: 'Cedar View',
    providerId: brook,
    postcode: null,
    location: null,
    registeredPlaces: 3,
    beds: 3,
  })
  const elm = await market.createHome(officer, {
    ...base,
    urn: 'SC000004',
    name: 'Elm Court',
    providerId: brook,
    postcode: 'BN1 1AA',
    location: at(60_000, 0),
    registeredPlaces: 6,
    beds: 0,
    ofstedJudgement: 'Inadequate',
    ofstedJudgementDate: '2025-05-05',
    status: 'suspended',
    categories: ['MD'],
  })
  const fir = await market.createHome(officer, {
    ...base,
    urn: 'SC000005',
    name: 'Fir Grange',
    providerId: acme,
    postcode: 'SO40 1AA',
    location: at(-32_260, 0),
    registeredPlaces: 1,
    beds: 0,
  })
  const gorse = await market.createHome(officer, {
    ...base,
    urn: 'SC000006',
    name: 'Gorse Hall',
    providerId: acme,
    postcode: 'SO41 1AA',
    location: at(0, -32_270),
    registeredPlaces: 5,
    beds: 1,
  })
  // Oak House has one bed taken; Birch Lodge is full.
  await market.setBedStatus(officer, oak.bedIds[0]!, 'occupied')
  for (const b of birch.bedIds) await market.setBedStatus(officer, b, 'occupied')
  return { ...ctx, framework, lot, providers: { acme, brook }, homes: { oak, birch, cedar, elm, fir, gorse } }
}
