import { createHash } from 'node:crypto'
import type { Actor } from '../platform/auth/actor.js'
import type { Role } from '../platform/auth/roles.js'
import type { Db } from '../platform/db/database.js'
import { inTransaction } from '../platform/db/transaction.js'
import { UserInputError } from '../platform/errors.js'
import type { Services } from '../platform/services.js'
import { FRAMEWORK_LOTS } from '../market/domain/lots.js'
import { NEED_CODES } from '../market/domain/needs.js'
import { DEMO_DISTRICTS } from './districts.js'
import { generateRegion, type DemoHome } from './region.js'
import { buildTenderDemo } from '../tender/demo.js'
import { buildContractDemo } from './contractDemo.js'
import { buildPlacementDemo } from './placementDemo.js'
import { bidMasterKeyFor } from '../tender/sealing/masterKey.js'

/** Fixed ids, so a second run recognises its own demo council and never doubles it. */
export const DEMO_COUNCIL_ID = 'demo-council'
export const DEMO_FRAMEWORK_ID = 'demo-framework'
export const DEMO_PASSWORD = 'placewise-demo'
export const DEMO_EMAIL_DOMAIN = 'southampton.demo'

const COUNCIL_USERS: { role: Role; name: string }[] = [
  { role: 'commissioning_officer', name: 'Chris Commissioner' },
  { role: 'placement_officer', name: 'Priya Placements' },
  { role: 'social_worker', name: 'Sam Social-Worker' },
  { role: 'finance_officer', name: 'Fran Finance' },
  { role: 'head_of_service', name: 'Hari Head-of-Service' },
  { role: 'auditor', name: 'Alex Auditor' },
  { role: 'admin', name: 'Ada Admin' },
]

export type DemoLogin = { email: string; role: Role; organisation: string }
export type DemoResult = {
  built: boolean
  logins: DemoLogin[]
  homes: number
  providers: number
  exactLocations: number
  approximateLocations: number
}

type DemoServices = Pick<Services, 'db' | 'dialect' | 'audit' | 'clock' | 'users' | 'market' | 'postcodes' | 'config'> & { actor: Actor }

const emailFor = (name: string) => `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@${DEMO_EMAIL_DOMAIN}`

/** A stable choice of one unit postcode for a home, from the directory's postcodes in its district. */
function stableIndex(key: string, n: number): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) % n
}

/** Where a demo home is: a real unit postcode in its district when a directory is loaded, else the district centroid. */
async function demoLocation(s: DemoServices, home: DemoHome, tx: Db) {
  const units = await s.postcodes.unitsInDistrict(home.district.district, { liveOnly: true, limit: 400, db: tx })
  if (units.length > 0) {
    const unit = units[stableIndex(home.urn, units.length)]!
    return {
      postcode: unit.postcode,
      location: { easting: unit.easting, northing: unit.northing, precision: 'unit' as const, lad: unit.lad },
    }
  }
  const d = home.district
  return { postcode: null, location: { easting: d.easting, northing: d.northing, precision: 'district' as const, lad: d.lad } }
}

function region() {
  return generateRegion({ needCodes: NEED_CODES })
}

/**
 * Builds the demo council — Southampton leading a regional framework, about 40 providers and 150
 * homes — in one transaction. On a database that already has it, only upgrades approximate
 * locations to exact ones (after a postcode directory import). Never touches a real council's data.
 */
export async function buildDemo(s: DemoServices): Promise<DemoResult> {
  const existing = await s.db.selectFrom('organisations').select(['id']).execute()
  if (existing.some((o) => o.id === DEMO_COUNCIL_ID)) return refreshDemoLocations(s)
  if (existing.length > 0) {
    throw new UserInputError(
      'This database already holds organisations that are not the demo council; the demo is only built on an empty database.',
    )
  }
  const { providers, homes } = region()
  const actor = s.actor
  return inTransaction(s.db, async (tx) => {
    await s.users.createOrganisation(actor, tx, {
      id: DEMO_COUNCIL_ID,
      name: s.config.council.name,
      kind: 'council',
      onsCode: s.config.council.onsCode,
    })
    // Without a directory, any postcode in these districts is located at its district centroid (approximate).
    await s.postcodes.seedDistrictCentroids(
      tx,
      actor,
      DEMO_DISTRICTS.map((d) => ({ key: d.district, lad: d.lad, easting: d.easting, northing: d.northing, postcodes: 0 })),
    )
    const framework = await s.market.createFramework(
      actor,
      {
        id: DEMO_FRAMEWORK_ID,
        name: 'Children’s Residential Placements – Consortia Commissioning',
        legalRegime: 'PCR2015',
        startsOn: '2024-09-01',
        endsOn: '2028-08-31',
        ocid: 'ocds-h6vhtk-0468ff',
        leadOrganisationId: DEMO_COUNCIL_ID,
        lots: FRAMEWORK_LOTS.map((l) => ({ ...l })),
      },
      tx,
    )
    const lotId = new Map(framework.lots.map((l) => [l.number, l.id]))
    const providerId = new Map<string, string>()
    for (const p of providers) {
      const id = await s.market.createProvider(
        actor,
        { id: `demo-${p.key.toLowerCase()}`, name: p.name, companiesHouseNumber: p.companiesHouseNumber },
        tx,
      )
      providerId.set(p.key, id)
      for (const m of p.memberships) {
        await s.market.setMembership(
          actor,
          { providerId: id, lotId: lotId.get(m.lotNumber)!, status: m.status, spotRatePencePerWeek: m.spotRatePencePerWeek },
          tx,
        )
      }
    }
    let exact = 0
    for (const h of homes) {
      const where = await demoLocation(s, h, tx)
      if (where.location.precision === 'unit') exact++
      const created = await s.market.createHome(
        actor,
        {
          id: `demo-${h.urn.toLowerCase()}`,
          urn: h.urn,
          name: h.name,
          providerId: providerId.get(h.providerKey)!,
          addressLine: h.addressLine,
          town: h.district.town,
          postcode: where.postcode,
          location: where.location,
          registeredPlaces: h.places,
          beds: h.places,
          ageMin: h.ageMin,
          ageMax: h.ageMax,
          sexesAccepted: h.sexesAccepted,
          ofstedJudgement: h.judgement as never,
          ofstedJudgementDate: h.judgementDate,
          status: h.status,
          registrationDate: h.registrationDate,
          categories: h.categories as never,
          needs: h.needs as never,
        },
        tx,
      )
      for (const [i, status] of h.bedStatuses.entries()) {
        if (status !== 'vacant') await s.market.setBedStatus(actor, created.bedIds[i]!, status, tx)
      }
    }

    const logins: DemoLogin[] = []
    for (const u of COUNCIL_USERS) {
      const email = emailFor(u.name)
      await s.users.createActive(actor, tx, {
        email,
        displayName: u.name,
        organisationId: DEMO_COUNCIL_ID,
        role: u.role,
        password: DEMO_PASSWORD,
      })
      logins.push({ email, role: u.role, organisation: s.config.council.name })
    }
    // Two providers' staff, to show what a provider sees: its own organisation and nothing else.
    for (const [key, person] of [
      ['P01', 'Pat Provider'],
      ['P02', 'Quinn Provider'],
    ] as const) {
      const p = providers.find((x) => x.key === key)!
      const orgId = await s.users.createOrganisation(actor, tx, {
        id: `demo-org-${key.toLowerCase()}`,
        name: p.name,
        kind: 'provider',
        providerId: providerId.get(key)!,
      })
      const email = emailFor(person)
      await s.users.createActive(actor, tx, {
        email,
        displayName: person,
        organisationId: orgId,
        role: 'provider_user',
        password: DEMO_PASSWORD,
      })
      logins.push({ email, role: 'provider_user', organisation: p.name })
    }
    await buildTenders(s, tx)
    await buildHistories(s, tx)
    return {
      built: true,
      logins,
      homes: homes.length,
      providers: providers.length,
      exactLocations: exact,
      approximateLocations: homes.length - exact,
    }
  })
}

/** A completed mini-competition (two block contracts, 6 beds) and one open for bids. */
function buildTenders(s: DemoServices, tx: Db) {
  const { dialect, audit, config } = s
  return buildTenderDemo({ dialect, audit, config, masterKey: () => bidMasterKeyFor(config), now: () => s.clock.now() }, s.actor, tx)
}

/**
 * The placements team's children, referrals and offers, then two years of the block contracts'
 * life — in that order, so the contract demo's payment runs also pay the children's spot months.
 */
async function buildHistories(s: DemoServices, tx: Db) {
  await buildPlacementDemo(s, tx)
  await buildContractDemo(s, tx)
}

/** After a postcode directory import: gives each demo home a real unit postcode in its district. */
async function refreshDemoLocations(s: DemoServices): Promise<DemoResult> {
  const { homes, providers } = region()
  return inTransaction(s.db, async (tx) => {
    const precision = new Map((await s.market.listHomesForRelocation(tx)).map((h) => [h.id, h.location_precision]))
    let exact = 0
    for (const h of homes) {
      const id = `demo-${h.urn.toLowerCase()}`
      if (!precision.has(id)) continue
      if (precision.get(id) === 'unit') {
        exact++
        continue
      }
      const where = await demoLocation(s, h, tx)
      if (where.location.precision !== 'unit') continue
      await s.market.updateHome(s.actor, id, { postcode: where.postcode }, tx)
      await s.market.setHomeLocation(s.actor, id, where.location, tx)
      exact++
    }
    // A demo database from before mini-competitions existed gains them now.
    await buildTenders(s, tx)
    await buildHistories(s, tx)
    const logins = (await tx.selectFrom('users').select(['email', 'role']).where('email', 'like', `%@${DEMO_EMAIL_DOMAIN}`).execute()).map(
      (u) => ({
        email: u.email,
        role: u.role as Role,
        organisation: '',
      }),
    )
    return {
      built: false,
      logins,
      homes: homes.length,
      providers: providers.length,
      exactLocations: exact,
      approximateLocations: homes.length - exact,
    }
  })
}

/** The demo's sign-ins, if this database holds the demo council: printed at every start. */
export async function demoLogins(db: Db): Promise<DemoLogin[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.email', 'users.role', 'organisations.name'])
    .where('users.email', 'like', `%@${DEMO_EMAIL_DOMAIN}`)
    .where('users.status', '=', 'active')
    .orderBy('organisations.kind')
    .orderBy('users.email')
    .execute()
  return rows.map((r) => ({ email: r.email, role: r.role as Role, organisation: r.name }))
}

export function printDemoLogins(result: DemoResult, log: (line: string) => void = console.log): void {
  log(
    result.built
      ? `Built the demo council: ${result.providers} providers, ${result.homes} homes (${result.exactLocations} exact locations, ${result.approximateLocations} approximate).`
      : `The demo council is already built: ${result.exactLocations} of ${result.homes} homes now have exact locations.`,
  )
  log(`Demo sign-ins (every password is "${DEMO_PASSWORD}"; the data is synthetic):`)
  for (const l of result.logins) log(`  ${l.role.padEnd(22)} ${l.email}${l.organisation ? `  (${l.organisation})` : ''}`)
}
