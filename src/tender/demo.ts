/**
 * The demo council's mini-competitions, built by the tender service itself with a clock moved by
 * hand: one completed (two block contracts, 6 beds in the Southampton area, PCR 2015 voluntary
 * standstill over, contracts made) and one open for bids, to which the demo providers P01 and P02
 * are invited (their users Pat and Quinn Provider can bid; Quinn has already). Runs inside the
 * demo builder's transaction, after buildDemo has made the market and the users.
 */
import { DEMO_DISTRICTS } from '../demo/districts.js'
import { createAwardRegisterPart, type AwardTerms, type ContractFromAward } from '../contract/contractService.js'
import { addMonths } from '../contract/register/dates.js'
import { DEMO_KPI_TARGETS } from '../demo/contractDemoReturns.js'
import { createPostcodeService } from '../geo/postcodeService.js'
import { tryParsePostcode } from '../geo/postcode.js'
import type { Location } from '../geo/types.js'
import { createMarketService } from '../market/marketService.js'
import type { AuditService } from '../platform/audit/auditService.js'
import type { Actor } from '../platform/auth/actor.js'
import { createUserRepository } from '../platform/auth/userRepository.js'
import { toActor } from '../platform/auth/userService.js'
import { settableClock } from '../platform/clock.js'
import type { Config } from '../platform/config.js'
import type { Db, Dialect } from '../platform/db/database.js'
import { UserInputError } from '../platform/errors.js'
import { londonDate } from './domain/dates.js'
import type { BidInput, RequirementInput, ScoreInput } from './tenderApi.js'
import { createTenderService } from './tenderService.js'

export const DEMO_AREA_POSTCODE = 'SO14 7DU'
const DAY = 86_400_000
/** How far before today the completed competition ran: its contracts start about 791 days (2 years 2 months) ago. */
const COMPLETED_YEARS_BACK_DAYS = 716

/**
 * 3 years + an optional 2 (from the requirement), notice 7 months before the initial end (so the
 * decision is due about 3 months from today), the lower of 1.5% and CPI two months before each
 * anniversary with a review above 3%, a 28-day void rule, 4-weekly payments and the KPI targets.
 */
function demoContractTerms(initialEndDate: string): AwardTerms {
  return {
    extensionNoticeDate: addMonths(initialEndDate, -7),
    indexation: { capBps: 150, reviewBps: 300, cpiLagMonths: 2 },
    voidReleaseAfterDays: 28,
    paymentFrequency: '4-weekly',
    kpis: [...DEMO_KPI_TARGETS],
  }
}

export type TenderDemoDeps = {
  dialect: Dialect
  audit: AuditService
  config: Pick<Config, 'council'>
  masterKey: Buffer | (() => Buffer)
  now?: () => Date
}
export type TenderDemoResult = { built: boolean; completedTenderId: string | null; openTenderId: string | null; contractIds: string[] }

/** Without a postcode directory, a postcode is placed at its district's centroid from the demo's own list. */
function demoLocate(postcodes: { locate: (p: string) => Promise<Location | null> }) {
  return async (postcode: string): Promise<Location | null> => {
    const found = await postcodes.locate(postcode)
    if (found) return found
    const district = tryParsePostcode(postcode)?.district
    const d = DEMO_DISTRICTS.find((x) => x.district === district)
    return d ? { postcode, easting: d.easting, northing: d.northing, lad: d.lad, precision: 'district' } : null
  }
}

async function demoActor(tx: Db, where: { organisationId: string; role?: string }): Promise<Actor> {
  let q = tx.selectFrom('users').select('id').where('organisation_id', '=', where.organisationId).where('status', '=', 'active')
  if (where.role) q = q.where('role', '=', where.role)
  const row = await q.orderBy('email').executeTakeFirst()
  const user = row && (await createUserRepository().findById(tx, row.id))
  if (!user)
    throw new UserInputError(
      `The tender demo needs the demo council's users (none in ${where.organisationId}${where.role ? ` as ${where.role}` : ''}); build the demo council first`,
    )
  return toActor(user)
}

const provider = (providerId: string, label: string): Actor => ({
  userId: null,
  label,
  organisationId: null,
  organisationKind: 'provider',
  role: 'provider_user',
  providerId,
})

export async function buildTenderDemo(deps: TenderDemoDeps, actor: Actor, tx: Db): Promise<TenderDemoResult> {
  const existing = await tx.selectFrom('tenders').select('id').where('framework_id', '=', 'demo-framework').executeTakeFirst()
  if (existing) return { built: false, completedTenderId: null, openTenderId: null, contractIds: [] }

  const t0 = (deps.now ?? (() => new Date()))()
  const clock = settableClock(t0)
  const at = (days: number, hour = 9) => {
    const d = new Date(t0.getTime() + days * DAY)
    d.setUTCHours(hour, 0, 0, 0)
    return d
  }
  const dateAt = (days: number) => londonDate(at(days, 12))
  // The completed competition ran long enough ago that its contracts started about two years and
  // two months before today: two anniversaries indexed, the extension decision coming due.
  const past = (days: number, hour?: number) => at(days - COMPLETED_YEARS_BACK_DAYS, hour)
  const pastDate = (days: number) => dateAt(days - COMPLETED_YEARS_BACK_DAYS)
  const { audit } = deps
  const market = createMarketService({ db: tx, audit, config: deps.config, now: clock.now })
  const postcodes = createPostcodeService({ db: tx, dialect: deps.dialect, audit })
  const register = createAwardRegisterPart({ db: tx, audit, now: clock.now })
  // The council's usual block-contract terms, which the tender does not set (ADR 0014).
  const contracts = {
    ...register,
    createFromAward: (t: Db, who: Actor, input: ContractFromAward) =>
      register.createFromAward(t, who, { ...input, terms: demoContractTerms(input.endDate) }),
  }
  const tenders = createTenderService({
    db: tx,
    dialect: deps.dialect,
    audit,
    market,
    postcodes: { locate: demoLocate(postcodes) },
    contracts,
    masterKey: deps.masterKey,
    config: deps.config,
    now: clock.now,
  })

  const chris = await demoActor(tx, { organisationId: 'demo-council', role: 'commissioning_officer' })
  const hari = await demoActor(tx, { organisationId: 'demo-council', role: 'head_of_service' })
  const pat = await demoActor(tx, { organisationId: 'demo-org-p01' })
  const quinn = await demoActor(tx, { organisationId: 'demo-org-p02' })
  const p06 = provider('demo-p06', `${actor.label} (demo bid for P06)`)
  const { lots } = await market.getFramework(chris, 'demo-framework')
  const lotIds = lots.filter((l) => l.number === 1 || l.number === 2).map((l) => l.id)

  const questions: RequirementInput['questions'] = [
    {
      title: 'Safeguarding and keeping children safe',
      guidance: 'How the home keeps children safe, including from exploitation and going missing.',
      weight: 25,
      minimumScore: 2,
      kind: 'quality',
    },
    {
      title: 'Stability and outcomes',
      guidance: 'How placements are kept stable and children make progress in education and health.',
      weight: 20,
      minimumScore: 2,
      kind: 'quality',
    },
    {
      title: 'Local partnership',
      guidance: 'Working with Southampton’s schools, health services and families.',
      weight: 15,
      minimumScore: 0,
      kind: 'quality',
    },
    { title: 'Social value', guidance: 'Local jobs, apprenticeships and care leavers.', weight: 10, minimumScore: 0, kind: 'social-value' },
  ]
  const requirement = (o: Partial<RequirementInput>): RequirementInput => ({
    frameworkId: 'demo-framework',
    title: 'Block beds for children in the Southampton area',
    description:
      'One or two block contracts for 3 to 6 beds in children’s homes within 20 miles of Southampton, for children with the full range of needs including challenging behaviour: 3 years with an optional 2-year extension.',
    lotIds,
    bedsMin: 3,
    bedsMax: 6,
    areaPostcode: DEMO_AREA_POSTCODE,
    areaMiles: 20,
    needs: ['challenging-behaviour', 'missing', 'self-harm'],
    ageMin: 11,
    ageMax: 17,
    startDate: dateAt(90),
    termYears: 3,
    extensionYears: 2,
    pricePercent: 30,
    priceMethod: 'per-bed-week',
    awardRule: 'optimal',
    maxProviders: 2,
    fillToMax: false,
    budgetPencePerWeek: null,
    excludedJudgements: ['Inadequate'],
    abnormallyLowPercent: 70,
    abnormallyLowBasis: 'median-of-bids',
    clarificationDeadline: at(7, 12).toISOString(),
    submissionDeadline: at(14, 12).toISOString(),
    evaluationEndDate: dateAt(30),
    questions,
    ...o,
  })

  /** A provider's nearest eligible home with room for the beds. */
  async function homeFor(who: Actor, tenderId: string, beds: number): Promise<string> {
    for (const h of await tenders.eligibleHomes(who, tenderId)) {
      if ((await market.getHome(chris, h.homeId)).home.registered_places >= beds) return h.homeId
    }
    throw new UserInputError(`Demo provider ${who.providerId} has no eligible home with ${beds} places near Southampton`)
  }
  async function bid(who: Actor, tenderId: string, beds: number, price: number, answers: string[]): Promise<string> {
    const questionIds = (await tenders.get(who, tenderId)).questions.map((q) => q.id)
    const part = Math.round(price * 0.08)
    const input: BidInput = {
      lines: [{ homeId: await homeFor(who, tenderId, beds), beds }],
      pricePencePerBedWeek: price,
      coreFeePencePerWeek: null,
      perPlacementFeePencePerWeek: null,
      costBreakdown: { staffing: price - part * 5, premises: part, education: part, therapy: part, overheads: part, profit: part },
      answers: questionIds.map((questionId, i) => ({ questionId, text: answers[i] ?? answers.at(-1)! })),
    }
    const id = await tenders.saveBid(who, tenderId, input)
    await tenders.submitBid(who, tenderId)
    return id
  }

  // ——— The completed competition: its contracts started about two years and two months ago ———
  clock.set(past(-150))
  const done = await tenders.createRequirement(
    chris,
    requirement({
      clarificationDeadline: past(-130, 12).toISOString(),
      submissionDeadline: past(-120, 12).toISOString(),
      evaluationEndDate: pastDate(-100),
      startDate: pastDate(-75),
    }),
  )
  await tenders.publish(chris, done, ['demo-p01', 'demo-p02', 'demo-p06'])
  clock.set(past(-140))
  const asked = await tenders.askClarification(quinn, done, 'Can a bid offer beds in two of our homes?')
  await tenders.answerClarification(chris, done, asked, 'Yes: offer beds in any of your homes that pass the gateway, up to 6 beds in all.')
  clock.set(past(-125))
  const b01 = await bid(pat, done, 3, 515_000, [
    'Named safeguarding lead in each home; missing-from-care protocol agreed with Hampshire Police.',
    'Keyworkers stay with a child for the whole placement.',
    'Link worker with Southampton virtual school.',
    'Two apprenticeships a year for care leavers.',
  ])
  const b02 = await bid(quinn, done, 3, 498_000, [
    'Daily exploitation risk review; staff trained in contextual safeguarding.',
    'Therapeutic model with clinical psychologist on site.',
    'Family time supported within 5 miles of home.',
    'Local recruitment and a care leavers’ bursary.',
  ])
  const b06 = await bid(p06, done, 3, 560_000, [
    'Policies follow the Children’s Homes Regulations.',
    'Placements reviewed monthly.',
    'Will work with local services.',
    'Local suppliers where possible.',
  ])
  clock.set(past(-120, 14))
  await tenders.open(chris, done)
  await tenders.open(hari, done)
  const qids = (await tenders.get(chris, done)).questions.map((q) => q.id)
  const scores = (bidId: string, s: number[], who: string): ScoreInput[] =>
    qids.map((questionId, i) => ({
      bidId,
      questionId,
      score: s[i]!,
      rationale: `${who}: ${['Strong evidence', 'Some evidence', 'Meets the descriptor', 'Limited evidence', 'Clear added value'][s[i]! % 5]}`,
    }))
  for (const [who, offset] of [
    [chris, 0],
    [hari, 1],
  ] as const) {
    clock.set(past(-115 + offset))
    await tenders.declareConflict(who, done, false, '')
    await tenders.saveScores(who, done, [
      ...scores(b01, [4, 4, 4, 3], 'Evaluator'),
      ...scores(b02, [4, 5, 3, 4], 'Evaluator'),
      ...scores(b06, [2, 3, 2, 2], 'Evaluator'),
    ])
    await tenders.submitScores(who, done)
  }
  clock.set(past(-110))
  const consensus = (bidId: string, s: number[], why: string[]): ScoreInput[] =>
    qids.map((questionId, i) => ({ bidId, questionId, score: s[i]!, rationale: why[i]! }))
  await tenders.moderate(hari, done, [
    ...consensus(
      b01,
      [4, 4, 4, 3],
      [
        'Clear, tested safeguarding arrangements.',
        'Good evidence of stable placements.',
        'Established links with the virtual school.',
        'Modest but concrete commitments.',
      ],
    ),
    ...consensus(
      b02,
      [4, 5, 3, 4],
      [
        'Strong exploitation risk management.',
        'Excellent therapeutic evidence and outcomes.',
        'Family contact well planned; fewer school links.',
        'Specific local commitments.',
      ],
    ),
    ...consensus(
      b06,
      [2, 3, 2, 2],
      [
        'Restates the regulations with little local detail.',
        'Acceptable review arrangements.',
        'Few specifics about local services.',
        'General statements only.',
      ],
    ),
  ])
  await tenders.proposeAward(chris, done)
  clock.set(past(-95, 10))
  await tenders.recordDecision(chris, done, {
    decisionMaker: 'Director of Integration and Quality',
    consulted: ['Leader of the Council', 'Cabinet Member for Children’s Social Care', 'Director of Children’s Services'],
    decidedOn: pastDate(-95),
    rationale:
      'Two block contracts for six local beds give placement stability and better value than spot purchase, as the Cabinet decision intended.',
  })
  clock.set(past(-80, 10))
  const { contractIds } = await tenders.conclude(chris, done)

  // ——— The open competition: published five days ago, bids due in two weeks ———
  clock.set(at(-5))
  const open = await tenders.createRequirement(
    chris,
    requirement({
      title: 'Block beds for children with complex needs near Southampton',
      bedsMin: 2,
      bedsMax: 4,
      needs: ['autism', 'learning-disability', 'mental-health'],
    }),
  )
  await tenders.publish(chris, open, ['demo-p01', 'demo-p02'])
  clock.set(at(-3))
  const q = await tenders.askClarification(pat, open, 'Is the price per bed-week to include education?')
  await tenders.answerClarification(
    chris,
    open,
    q,
    'Yes: the price per bed-week includes everything in the service specification, education included.',
  )
  clock.set(at(-1))
  await bid(quinn, open, 2, 612_000, [
    'Autism-trained staff in every shift; positive behaviour support plans.',
    'Transition plans agreed with each child’s school.',
    'Speech and language therapist visits weekly.',
    'Local jobs for care leavers.',
  ])
  return { built: true, completedTenderId: done, openTenderId: open, contractIds }
}
