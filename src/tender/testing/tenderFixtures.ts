/**
 * A small world for tender tests: the market fixture (src/market/testing) plus two more providers
 * near Southampton, provider users to email, the area postcode in the directory, a contract
 * register, a recording outbox and a clock the test moves by hand.
 */
import { randomBytes } from 'node:crypto'
import { createAwardRegisterPart } from '../../contract/contractService.js'
import { createPostcodeService } from '../../geo/postcodeService.js'
import { councilActor, providerActor, seedMarket, CENTRE } from '../../market/testing/marketFixtures.js'
import { createUserRepository } from '../../platform/auth/userRepository.js'
import { createUserService } from '../../platform/auth/userService.js'
import { systemActor, type Actor } from '../../platform/auth/actor.js'
import { settableClock } from '../../platform/clock.js'
import type { DatabaseHandle, Db } from '../../platform/db/database.js'
import { inTransaction } from '../../platform/db/transaction.js'
import { createOutboxService } from '../../platform/outbox/outboxService.js'
import type { RequirementInput } from '../tenderApi.js'
import { createTenderService } from '../tenderService.js'
import type { OutboundEmail } from '../service/context.js'

export const START = '2026-03-02T09:00:00.000Z'
export const DEADLINE = '2026-03-16T12:00:00.000Z'

/** Southampton's demo postcode, at the council's centre. */
export const AREA_POSTCODE = 'SO14 7DU'

export async function tenderWorld(handle: DatabaseHandle) {
  const clock = settableClock(START)
  const seeded = await seedMarket(handle, { now: clock.now })
  const { market, audit, officer, lot } = seeded
  const base = {
    sexesAccepted: 'mixed' as const,
    status: 'active' as const,
    ageMin: 11,
    ageMax: 17,
    ofstedJudgement: 'Good' as const,
    ofstedJudgementDate: '2025-02-01',
  }
  const near = (de: number) => ({ easting: CENTRE.easting + de, northing: CENTRE.northing, precision: 'unit' as const, lad: 'E06000045' })
  const cove = await market.createProvider(officer, { name: 'Cove Children’s Homes', companiesHouseNumber: '07654321' })
  const delta = await market.createProvider(officer, { name: 'Delta Care', companiesHouseNumber: null })
  const elder = await market.createProvider(officer, { name: 'Elder Homes', companiesHouseNumber: null })
  for (const [p, rate] of [
    [cove, 560_000],
    [delta, 480_000],
    [elder, 610_000],
  ] as const) {
    await market.setMembership(officer, { providerId: p, lotId: lot(1), status: 'active', spotRatePencePerWeek: rate })
  }
  const coveHome = await market.createHome(officer, {
    ...base,
    urn: 'SC100001',
    name: 'Cove House',
    providerId: cove,
    postcode: 'SO15 1AA',
    location: near(2000),
    registeredPlaces: 4,
    beds: 4,
  })
  const deltaHome = await market.createHome(officer, {
    ...base,
    urn: 'SC100002',
    name: 'Delta Lodge',
    providerId: delta,
    postcode: 'SO16 1AA',
    location: near(3000),
    registeredPlaces: 2,
    beds: 2,
  })
  const elderHome = await market.createHome(officer, {
    ...base,
    urn: 'SC100003',
    name: 'Elder Court',
    providerId: elder,
    postcode: 'SO17 1AA',
    location: near(4000),
    registeredPlaces: 3,
    beds: 3,
  })

  await handle.db
    .insertInto('postcode_units')
    .values({ postcode: AREA_POSTCODE, lad: 'E06000045', easting: CENTRE.easting, northing: CENTRE.northing, terminated: 0 })
    .execute()
  const postcodes = createPostcodeService({ db: handle.db, dialect: handle.dialect, audit })

  // Provider users, so invitations and notices have someone to email.
  const users = createUserService({ db: handle.db, repo: createUserRepository(), audit, passwordCost: { N: 2 ** 12, r: 8, p: 1 } })
  const admin = systemActor('test')
  const providers = { acme: seeded.providers.acme, brook: seeded.providers.brook, cove, delta, elder }
  await inTransaction(handle.db, async (tx) => {
    for (const [key, id] of Object.entries(providers)) {
      const org = await users.createOrganisation(admin, tx, { id: `org-${id}`, name: key, kind: 'provider', providerId: id })
      await users.createActive(admin, tx, {
        email: `${key}@provider.test`,
        displayName: `${key} bids`,
        organisationId: org,
        role: 'provider_user',
        password: 'a test passphrase of some length',
      })
    }
  })

  // The real outbox (its table is part of the database the sealed-bid test dumps), never delivering.
  const realOutbox = createOutboxService({
    db: handle.db,
    now: clock.now,
    transport: { name: 'none', send: async () => undefined, close: () => undefined },
  })
  const sent: OutboundEmail[] = []
  const outbox = {
    enqueue: async (tx: Db, m: OutboundEmail) => {
      sent.push(m)
      return realOutbox.enqueue(tx, m)
    },
  }
  const contracts = createAwardRegisterPart({ db: handle.db, audit, now: clock.now })
  const masterKey = randomBytes(32)
  const tenders = createTenderService({
    db: handle.db,
    dialect: handle.dialect,
    audit,
    market,
    postcodes,
    contracts,
    masterKey,
    config: { council: { name: 'Southampton City Council', onsCode: 'E06000045', logoText: 'SCC', centre: CENTRE, localRadiusMiles: 20 } },
    outbox,
    now: clock.now,
  })

  const actors = {
    officer: councilActor('commissioning_officer', seeded.councilId),
    head: councilActor('head_of_service', seeded.councilId),
    third: { ...councilActor('commissioning_officer', seeded.councilId), userId: 'user-third-officer', label: 'Third Officer' } as Actor,
    finance: councilActor('finance_officer', seeded.councilId),
    admin: councilActor('admin', seeded.councilId),
    acme: providerActor(providers.acme),
    brook: providerActor(providers.brook),
    cove: providerActor(cove),
    delta: providerActor(delta),
    elder: providerActor(elder),
  }
  const homes = { ...seeded.homes, cove: coveHome, delta: deltaHome, elder: elderHome }
  return { ...seeded, clock, postcodes, contracts, tenders, outbox, sent, masterKey, actors, providers, homes }
}
export type TenderWorld = Awaited<ReturnType<typeof tenderWorld>>

/** A requirement under the fixture's framework: 3–6 beds within 20 miles of SO14 7DU, lots 1 and 2. */
export function requirement(w: Pick<TenderWorld, 'framework' | 'lot'>, overrides: Partial<RequirementInput> = {}): RequirementInput {
  return {
    frameworkId: w.framework.id,
    title: 'Block beds in the Southampton area',
    description: 'Three to six beds for children with a full range of needs, including challenging behaviour.',
    lotIds: [w.lot(1), w.lot(2)],
    bedsMin: 3,
    bedsMax: 6,
    areaPostcode: 'so14 7du',
    areaMiles: 20,
    needs: ['challenging-behaviour'],
    ageMin: 11,
    ageMax: 17,
    startDate: '2026-05-01',
    termYears: 3,
    extensionYears: 2,
    pricePercent: 40,
    priceMethod: 'per-bed-week',
    awardRule: 'optimal',
    maxProviders: 2,
    fillToMax: false,
    budgetPencePerWeek: null,
    excludedJudgements: ['Inadequate'],
    abnormallyLowPercent: 70,
    abnormallyLowBasis: 'median-of-bids',
    clarificationDeadline: '2026-03-09T12:00:00.000Z',
    submissionDeadline: DEADLINE,
    evaluationEndDate: '2026-03-31',
    questions: [
      { title: 'Safeguarding', guidance: 'How you keep children safe.', weight: 30, minimumScore: 2, kind: 'quality' },
      { title: 'Local links', guidance: 'Schools, health and family contact.', weight: 20, minimumScore: 0, kind: 'quality' },
      { title: 'Social value', guidance: 'Local jobs and training.', weight: 10, minimumScore: 0, kind: 'social-value' },
    ],
    ...overrides,
  }
}

/** A complete bid offering one home's beds at a price, the breakdown adding up and every question answered. */
export function bidFor(questionIds: string[], homeId: string, beds: number, price: number, answer = 'Our answer') {
  const part = Math.floor(price / 6)
  return {
    lines: [{ homeId, beds }],
    pricePencePerBedWeek: price,
    coreFeePencePerWeek: null,
    perPlacementFeePencePerWeek: null,
    costBreakdown: { staffing: price - part * 5, premises: part, education: part, therapy: part, overheads: part, profit: part },
    answers: questionIds.map((questionId, i) => ({ questionId, text: `${answer} (${i + 1})` })),
  }
}

/** A short competition to the moderated stage: acme (Oak House, 3 beds, £5,000) and cove (Cove House, 3 beds, £5,200). */
export async function moderatedCompetition(w: TenderWorld, overrides: Partial<RequirementInput> = {}, scores = { acme: 3, cove: 5 }) {
  const id = await w.tenders.createRequirement(w.actors.officer, requirement(w, overrides))
  const q = (await w.tenders.get(w.actors.officer, id)).questions.map((x) => x.id)
  await w.tenders.publish(w.actors.officer, id, [w.providers.acme, w.providers.cove])
  const acme = await w.tenders.saveBid(w.actors.acme, id, bidFor(q, w.homes.oak.id, 3, 500_000))
  await w.tenders.submitBid(w.actors.acme, id)
  const cove = await w.tenders.saveBid(w.actors.cove, id, bidFor(q, w.homes.cove.id, 3, 520_000))
  await w.tenders.submitBid(w.actors.cove, id)
  w.clock.set(overrides.submissionDeadline ?? DEADLINE)
  await w.tenders.open(w.actors.officer, id)
  await w.tenders.open(w.actors.head, id)
  await w.tenders.declareConflict(w.actors.officer, id, false, '')
  const all = (bidId: string, score: number) => q.map((questionId) => ({ bidId, questionId, score, rationale: `Scored ${score}` }))
  await w.tenders.saveScores(w.actors.officer, id, [...all(acme, 3), ...all(cove, 3)])
  await w.tenders.submitScores(w.actors.officer, id)
  await w.tenders.moderate(w.actors.officer, id, [...all(acme, scores.acme), ...all(cove, scores.cove)])
  return { id, q, bids: { acme, cove } }
}

export const DECISION = {
  decisionMaker: 'Director of Integration and Quality',
  consulted: ['Leader of the Council', 'Cabinet Member for Children’s Social Care', 'Director of Children’s Services'],
  rationale: 'The highest-scoring bids give local beds at the best value, within the delegated authority.',
}
