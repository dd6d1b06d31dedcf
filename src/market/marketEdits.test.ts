import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { describeEachDialect } from '../../test/support/databases.js'
import { ForbiddenError } from '../platform/auth/scope.js'
import type { Db } from '../platform/db/database.js'
import { inTransaction } from '../platform/db/transaction.js'
import { NotFoundError, UserInputError } from '../platform/errors.js'
import { membershipField } from './domain/schemas.js'
import { councilActor, providerActor, seedMarket } from './testing/marketFixtures.js'

type Seeded = Awaited<ReturnType<typeof seedMarket>>

/** Every row of every market table and the audit log, to prove a refused change changed nothing. */
async function snapshot(db: Db) {
  const tables = ['frameworks', 'lots', 'providers', 'provider_lots', 'homes', 'home_categories', 'home_needs', 'beds'] as const
  const out: Record<string, unknown[]> = {}
  for (const t of tables)
    out[t] = await db
      .selectFrom(t)
      .selectAll()
      .execute()
      .then((rows) => rows.map((r) => JSON.stringify(r)).sort())
  out.audit = (await db.selectFrom('audit_log').select('seq').execute()).map((r) => r.seq)
  return out
}

async function rejectsOnField(promise: Promise<unknown>, field: string): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof UserInputError, String(err))
    assert.equal(err.where?.field, field, err.message)
    return true
  })
}

const lastAudit = (db: Db) => db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow()

describeEachDialect('market register: edits', (ctx) => {
  let s: Seeded
  const located: string[] = []
  before(async () => {
    s = await seedMarket(ctx(), {
      // A stand-in for the geo room's postcode lookup: knows one postcode.
      locatePostcode: async (postcode) => {
        located.push(postcode)
        return postcode === 'SO15 2AA' ? { easting: 441_000, northing: 112_500, precision: 'unit', lad: 'E06000045' } : null
      },
    })
  })

  test('editing a home changes it and writes one audit record with before and after', async () => {
    const db = ctx().db
    await s.market.updateHome(s.officer, s.homes.oak.id, {
      name: 'Oak House (East)',
      categories: ['EBD', 'MD'],
      needs: ['self-harm', 'cse'],
      ageMin: 12,
    })
    const h = await s.market.getHome(s.officer, s.homes.oak.id)
    assert.deepEqual([h.home.name, h.home.age_min, h.categories, h.needs], ['Oak House (East)', 12, ['EBD', 'MD'], ['cse', 'self-harm']])
    const audit = await lastAudit(db)
    assert.deepEqual(
      [audit.action, audit.entity_type, audit.entity_id, audit.actor_label],
      ['update', 'home', s.homes.oak.id, s.officer.label],
    )
    const before = JSON.parse(audit.before_json!)
    const after = JSON.parse(audit.after_json!)
    assert.deepEqual(
      [before.name, after.name, before.categories, after.categories],
      ['Oak House', 'Oak House (East)', ['EBD'], ['EBD', 'MD']],
    )
  })

  test('an edit that changes nothing writes no audit record', async () => {
    const seqBefore = (await lastAudit(ctx().db)).seq
    await s.market.updateHome(s.officer, s.homes.oak.id, { name: 'Oak House (East)' })
    assert.equal((await lastAudit(ctx().db)).seq, seqBefore)
  })

  test('a bad home edit names the field and changes nothing', async () => {
    const db = ctx().db
    const was = await snapshot(db)
    await rejectsOnField(s.market.updateHome(s.officer, s.homes.oak.id, { ageMin: 18, name: 'Changed' }), 'ageMax')
    await rejectsOnField(s.market.updateHome(s.officer, s.homes.oak.id, { registeredPlaces: -1 }), 'registeredPlaces')
    await rejectsOnField(s.market.updateHome(s.officer, s.homes.oak.id, { postcode: 'SO14' }), 'postcode')
    await rejectsOnField(s.market.updateHome(s.officer, s.homes.oak.id, { categories: ['EBD', 'NOPE' as 'EBD'] }), 'categories')
    await rejectsOnField(s.market.updateHome(s.officer, s.homes.oak.id, { ofstedJudgementDate: '2025-13-01' }), 'ofstedJudgementDate')
    assert.deepEqual(await snapshot(db), was)
  })

  test('a new postcode is located afresh; one the directory does not know leaves the location unknown', async () => {
    await s.market.updateHome(s.officer, s.homes.gorse.id, { postcode: 'so152aa' })
    let h = await s.market.getHome(s.officer, s.homes.gorse.id)
    assert.deepEqual([h.home.postcode, h.home.easting, h.home.location_precision, h.distance.miles], ['SO15 2AA', 441_000, 'unit', 1])
    await s.market.updateHome(s.officer, s.homes.gorse.id, { postcode: 'ZZ1 1ZZ' })
    h = await s.market.getHome(s.officer, s.homes.gorse.id)
    assert.deepEqual([h.home.easting, h.home.location_precision, h.distance.text], [null, 'none', 'Unknown'])
    assert.deepEqual(located, ['SO15 2AA', 'ZZ1 1ZZ'])
  })

  test('setHomeLocation upgrades a location and is audited', async () => {
    await s.market.setHomeLocation(s.officer, s.homes.gorse.id, { easting: 442_520, northing: 80_000, precision: 'district', lad: null })
    const h = await s.market.getHome(s.officer, s.homes.gorse.id)
    assert.deepEqual([h.home.location_precision, h.distance.miles, h.distance.approximate], ['district', 20, true])
    assert.equal((await lastAudit(ctx().db)).action, 'locate')
    await rejectsOnField(
      s.market.setHomeLocation(s.officer, s.homes.gorse.id, { easting: -5, northing: 1, precision: 'unit', lad: null }),
      'easting',
    )
    const forRelocation = await s.market.listHomesForRelocation()
    assert.equal(forRelocation.find((r) => r.id === s.homes.gorse.id)?.location_precision, 'district')
  })

  test('bed status changes are audited and change what counts as a vacancy', async () => {
    const bed = s.homes.gorse.bedIds[0]!
    await s.market.setBedStatus(s.officer, bed, 'occupied')
    const h = await s.market.getHome(s.officer, s.homes.gorse.id)
    assert.equal(h.beds[0]?.status, 'occupied')
    const audit = await lastAudit(ctx().db)
    assert.deepEqual(
      [audit.entity_type, JSON.parse(audit.before_json!).status, JSON.parse(audit.after_json!).status],
      ['bed', 'vacant', 'occupied'],
    )
    const vacant = await s.market.searchHomes(s.officer, { hasVacancy: true }, { key: 'name', direction: 'asc' }, { page: 1, pageSize: 10 })
    assert.ok(!vacant.items.some((i) => i.id === s.homes.gorse.id))
    await rejectsOnField(s.market.setBedStatus(s.officer, bed, 'broken' as 'vacant'), 'status')
    await assert.rejects(s.market.setBedStatus(s.officer, 'no-such-bed', 'vacant'), NotFoundError)
  })

  test('provider edit: name, Companies House number and rate card land together', async () => {
    const { brook } = s.providers
    await s.market.updateProvider(s.officer, brook, {
      name: 'Brook Homes Ltd',
      companiesHouseNumber: 'sc 654321',
      memberships: [
        { lotId: s.lot(1), status: 'active', spotRatePencePerWeek: 610_000 },
        { lotId: s.lot(6), status: 'active', spotRatePencePerWeek: 900_050 },
      ],
    })
    const p = await s.market.getProvider(s.officer, brook)
    assert.deepEqual([p.provider.name, p.provider.companies_house_number], ['Brook Homes Ltd', 'SC654321'])
    assert.deepEqual(
      p.memberships.map((m) => [m.lot_number, m.status, m.spot_rate_pence_per_week]),
      [
        [1, 'active', 610_000],
        [2, 'active', 720_000],
        [6, 'active', 900_050],
      ],
    )
    const audits = await ctx().db.selectFrom('audit_log').select(['entity_type', 'entity_id']).orderBy('seq', 'desc').limit(3).execute()
    assert.deepEqual(audits.map((a) => a.entity_type).sort(), ['provider', 'provider_lot', 'provider_lot'])
  })

  test('a bad provider edit names the control of the field at fault and changes nothing', async () => {
    const db = ctx().db
    const was = await snapshot(db)
    const { acme } = s.providers
    await rejectsOnField(s.market.updateProvider(s.officer, acme, { companiesHouseNumber: '123' }), 'companiesHouseNumber')
    await rejectsOnField(s.market.updateProvider(s.officer, acme, { name: '   ' }), 'name')
    // The name is valid and comes first, but the second lot's rate is not: nothing lands.
    await rejectsOnField(
      s.market.updateProvider(s.officer, acme, {
        name: 'Renamed',
        memberships: [
          { lotId: s.lot(1), status: 'withdrawn', spotRatePencePerWeek: null },
          { lotId: s.lot(2), status: 'active', spotRatePencePerWeek: -100 },
        ],
      }),
      membershipField(s.lot(2), 'rate'),
    )
    await rejectsOnField(
      s.market.updateProvider(s.officer, acme, { memberships: [{ lotId: 'no-such-lot', status: 'active', spotRatePencePerWeek: 1 }] }),
      membershipField('no-such-lot', 'status'),
    )
    assert.deepEqual(await snapshot(db), was)
  })

  test('creating a home with a URN already on the register, or for no provider, is refused', async () => {
    const home = {
      name: 'Dup',
      providerId: s.providers.acme,
      registeredPlaces: 1,
      sexesAccepted: 'mixed' as const,
      status: 'active' as const,
    }
    await rejectsOnField(s.market.createHome(s.officer, { ...home, urn: 'sc000001' }), 'urn')
    await rejectsOnField(s.market.createHome(s.officer, { ...home, urn: 'SC999999', providerId: 'nobody' }), 'providerId')
  })

  test('only editors edit; a provider user cannot, and cannot reach another provider’s home at all', async () => {
    await assert.rejects(s.market.updateHome(councilActor('social_worker'), s.homes.oak.id, { name: 'x' }), ForbiddenError)
    await assert.rejects(s.market.updateHome(providerActor(s.providers.acme), s.homes.oak.id, { name: 'x' }), ForbiddenError)
    // A council editor asking for an id that does not exist gets not-found, as a provider asking for another's would.
    await assert.rejects(s.market.updateHome(s.officer, 'no-such-home', { name: 'x' }), NotFoundError)
  })

  test('writes join the caller’s transaction when given one, and roll back with it', async () => {
    const db = ctx().db
    const was = await snapshot(db)
    await assert.rejects(
      inTransaction(db, async (tx) => {
        const id = await s.market.createProvider(s.officer, { name: 'Transient Care' }, tx)
        await s.market.createHome(
          s.officer,
          { urn: 'SC777777', name: 'Transient', providerId: id, registeredPlaces: 2, beds: 2, sexesAccepted: 'female', status: 'active' },
          tx,
        )
        throw new Error('demo builder failed')
      }),
      /demo builder failed/,
    )
    assert.deepEqual(await snapshot(db), was)
  })

  test('a framework is created with the six lots of the real one unless told otherwise', async () => {
    const f = await s.market.createFramework(s.officer, {
      name: 'New framework',
      legalRegime: 'PA2023',
      startsOn: '2028-10-01',
      endsOn: '2032-09-30',
      leadOrganisationId: s.councilId,
    })
    assert.deepEqual(
      f.lots.map((l) => l.name),
      [
        'Planned and same-day residential',
        'Crisis care',
        'Residential with education',
        'Residential parenting assessments',
        'Therapeutic residential',
        'Children with disabilities',
      ],
    )
    const custom = await s.market.createFramework(s.officer, {
      name: 'DPS',
      legalRegime: 'PA2023',
      startsOn: '2026-01-01',
      endsOn: '2030-01-01',
      leadOrganisationId: s.councilId,
      lots: [{ number: 1, code: 'ALL', name: 'All homes' }],
    })
    assert.equal(custom.lots.length, 1)
    await rejectsOnField(
      s.market.createFramework(s.officer, {
        name: 'X',
        legalRegime: 'PA2023',
        startsOn: '2026-01-01',
        endsOn: '2030-01-01',
        leadOrganisationId: 'nobody',
      }),
      'leadOrganisationId',
    )
  })
})
