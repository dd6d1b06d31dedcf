import assert from 'node:assert/strict'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, test } from 'node:test'
import express from 'express'
import { systemActor } from '../../src/platform/auth/actor.js'
import type { Role } from '../../src/platform/auth/roles.js'
import { inTransaction } from '../../src/platform/db/transaction.js'
import { createServices } from '../../src/platform/services.js'
import { errorHandler, notFoundHandler } from '../../src/platform/web/errorHandler.js'
import { routes } from '../../src/platform/web/routes.js'
import { setUpAuthentication } from '../../src/platform/web/setUpAuthentication.js'
import { setUpCsrf } from '../../src/platform/web/setUpCsrf.js'
import { setUpNunjucks } from '../../src/platform/web/setUpNunjucks.js'
import { setUpSecurity } from '../../src/platform/web/setUpSecurity.js'
import { setUpSessions } from '../../src/platform/web/setUpSessions.js'
import { tenderPaths } from '../../src/tender/paths.js'
import { tenderRoutes } from '../../src/tender/routes.js'
import { DEADLINE, tenderWorld, type TenderWorld } from '../../src/tender/testing/tenderFixtures.js'
import { CHEAP_PASSWORDS, Client, TEST_PASSWORD, testConfig } from '../support/app.js'
import { freshSqlite, type TestDatabase } from '../support/databases.js'

/**
 * The mini-competition's pages on the real middleware (sessions, CSRF, sign-in, error pages) and
 * the real tender service, run through their forms from requirement to contracts. The app is
 * built here so the pages are tested whether or not the shell has mounted them yet.
 */
describe('mini-competition pages', () => {
  let database: TestDatabase
  let server: Server
  let baseUrl = ''
  let w: TenderWorld
  let services: ReturnType<typeof createServices>
  let tenderId = ''

  const signedIn = async (role: Role, opts: { organisationId?: string; email?: string } = {}) => {
    const email = opts.email ?? `${role}.${Math.random().toString(36).slice(2)}@test.invalid`
    if (!opts.email)
      await inTransaction(services.db, (tx) =>
        services.users.createActive(systemActor('test'), tx, {
          email,
          displayName: `Officer ${email.slice(0, 8)}`,
          organisationId: opts.organisationId ?? w.councilId,
          role,
          password: TEST_PASSWORD,
        }),
      )
    const client = new Client(baseUrl)
    const res = await client.signIn(email)
    assert.equal(res.status, 302, `${email} signs in`)
    // Signing in starts a new session with a new CSRF token: read it from a page with a form.
    await client.get('/sign-out')
    return client
  }
  const provider = (key: 'acme' | 'brook' | 'cove' | 'delta' | 'elder') => signedIn('provider_user', { email: `${key}@provider.test` })
  /** The error summary's links, in order. */
  const errorLinks = (html: string) => {
    const summary = /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? ''
    return [...summary.matchAll(/<a href="(#[^"]+)"/g)].map((m) => m[1])
  }
  const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

  let officer: Client
  let second: Client

  before(async () => {
    database = await freshSqlite()
    w = await tenderWorld(database)
    const config = testConfig()
    services = createServices(database, config, { passwordCost: CHEAP_PASSWORDS })
    const app = express()
    setUpSecurity(app)
    setUpNunjucks(app, config)
    app.use(express.urlencoded({ extended: false }))
    setUpSessions(app, config, database.db)
    setUpCsrf(app)
    setUpAuthentication(app, services.users)
    app.use(tenderRoutes({ tender: w.tenders, market: w.market, clock: w.clock }))
    app.use(routes(services))
    app.use(notFoundHandler)
    app.use(errorHandler(() => undefined))
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s))
    })
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    officer = await signedIn('commissioning_officer')
    second = await signedIn('commissioning_officer')
  })

  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await database.close()
  })

  const requirementForm = (changes: Record<string, string | string[]> = {}) => ({
    title: 'Block beds in the Southampton area',
    description: 'Three to six beds, a full range of needs.',
    lotIds: [w.lot(1), w.lot(2)],
    bedsMin: '3',
    bedsMax: '6',
    areaPostcode: 'SO14 7DU',
    areaMiles: '20',
    needs: 'challenging-behaviour',
    ageMin: '11',
    ageMax: '17',
    'startDate-day': '1',
    'startDate-month': '5',
    'startDate-year': '2026',
    termYears: '3',
    extensionYears: '2',
    pricePercent: '40',
    priceMethod: 'per-bed-week',
    awardRule: 'optimal',
    maxProviders: '2',
    budgetPencePerWeek: '',
    excludedJudgements: 'Inadequate',
    abnormallyLowPercent: '70',
    abnormallyLowBasis: 'median-of-bids',
    'clarificationDeadline-day': '9',
    'clarificationDeadline-month': '3',
    'clarificationDeadline-year': '2026',
    'clarificationDeadline-time': '12:00',
    'submissionDeadline-day': '16',
    'submissionDeadline-month': '3',
    'submissionDeadline-year': '2026',
    'submissionDeadline-time': '12:00',
    'evaluationEndDate-day': '31',
    'evaluationEndDate-month': '3',
    'evaluationEndDate-year': '2026',
    'question-1-title': 'Safeguarding',
    'question-1-weight': '35',
    'question-1-minimumScore': '2',
    'question-1-kind': 'quality',
    'question-2-title': 'Local links',
    'question-2-weight': '25',
    'question-2-kind': 'social-value',
    ...changes,
  })

  test('who may see what: a provider is not told the council’s pages exist; a social worker may not read tenders', async () => {
    const pat = await provider('acme')
    assert.equal((await pat.get(tenderPaths.list())).status, 404)
    assert.equal((await pat.get(tenderPaths.create())).status, 404)
    const sw = await signedIn('social_worker')
    assert.equal((await sw.get(tenderPaths.list())).status, 403)
    assert.equal((await sw.get(tenderPaths.invitations())).status, 403, 'the portal is for provider users')
    const finance = await signedIn('finance_officer')
    assert.equal((await finance.get(tenderPaths.list())).status, 200)
    assert.equal((await finance.get(tenderPaths.create())).status, 403, 'reading is not writing')
    const anonymous = await new Client(baseUrl).get(tenderPaths.list())
    assert.equal(anonymous.location, '/sign-in')
    assert.match((await finance.get('/')).text, /href="\/tenders"/, 'council readers are shown the competitions')
    assert.doesNotMatch((await sw.get('/')).text, /href="\/tenders"/)
    const portal = (await pat.get('/')).text
    assert.match(portal, /href="\/portal\/invitations"/, 'a provider’s users are shown their invitations')
    assert.doesNotMatch(portal, /href="\/tenders"/)
  })

  test('the requirement form names each bad control, and the service’s refusal lands on its control too', async () => {
    const page = await officer.get(tenderPaths.create())
    assert.equal(page.status, 200)
    assert.match(page.text, /id="question-5-title"/, 'five question rows')
    const bad = await officer.post(
      tenderPaths.create(),
      requirementForm({ title: '', bedsMin: 'three', 'submissionDeadline-day': '', 'question-1-weight': 'x' }),
    )
    assert.equal(bad.status, 400)
    assert.deepEqual(errorLinks(bad.text), ['#title', '#bedsMin', '#submissionDeadline-day', '#question-1-weight'])
    assert.match(bad.text, /value="Safeguarding"/, 'what was typed is kept')
    const refused = await officer.post(tenderPaths.create(), requirementForm({ areaPostcode: 'SO99 9ZZ' }))
    assert.equal(refused.status, 400)
    assert.deepEqual(errorLinks(refused.text), ['#areaPostcode'])
    assert.match(text(refused.text), /not in the postcode directory/)
    const past = await officer.post(
      tenderPaths.create(),
      requirementForm({ 'submissionDeadline-day': '1', 'clarificationDeadline-day': '1', 'clarificationDeadline-time': '09:00' }),
    )
    assert.deepEqual(errorLinks(past.text), ['#submissionDeadline-day'], 'the service’s date field links to its day box')

    const made = await officer.post(tenderPaths.create(), requirementForm())
    assert.equal(made.status, 302)
    tenderId = decodeURIComponent(made.location!.split('/').pop()!)
    const overview = await officer.get(made.location!)
    assert.equal(overview.status, 200)
    assert.match(text(overview.text), /Mini-competition created as a draft/)
    assert.match(text(overview.text), /Write the requirement In progress/)
    assert.match(text(overview.text), /16 March 2026 at midday/)
    const list = await officer.get(tenderPaths.list())
    assert.match(list.text, new RegExp(`href="/tenders/${tenderId}"`))

    const edited = await officer.post(tenderPaths.edit(tenderId), requirementForm({ title: 'Block beds near Southampton' }))
    assert.equal(edited.status, 302)
    assert.equal((await w.tenders.get(w.actors.officer, tenderId)).title, 'Block beds near Southampton')
  })

  test('the gateway lists every provider with reasons; only eligible ones can be invited', async () => {
    const page = await officer.get(tenderPaths.invite(tenderId))
    assert.equal(page.status, 200)
    const gateway = await w.tenders.gateway(w.actors.officer, tenderId)
    const ticks = [...page.text.matchAll(/<input[^>]*name="providerIds"[^>]*>/g)].map((m) => /value="([^"]+)"/.exec(m[0])?.[1])
    assert.deepEqual(
      ticks.sort(),
      gateway
        .filter((g) => g.eligible)
        .map((g) => g.providerId)
        .sort(),
      'a checkbox for each eligible provider, no other',
    )
    const ineligible = gateway.find((g) => !g.eligible)
    assert.ok(ineligible, 'the fixture has a provider that fails the gateway')
    assert.match(text(page.text), new RegExp(`${ineligible.providerName} Not eligible`))
    assert.ok(text(page.text).includes(ineligible.reasons[0]!), 'with its reason')
    const none = await officer.post(tenderPaths.invite(tenderId), {})
    assert.equal(none.status, 400)
    assert.deepEqual(errorLinks(none.text), ['#providerIds'])
    const published = await officer.post(tenderPaths.invite(tenderId), { providerIds: [w.providers.acme, w.providers.cove] })
    assert.equal(published.status, 302)
    assert.equal((await w.tenders.get(w.actors.officer, tenderId)).status, 'open')
  })

  test('a stage not reached yet says so rather than failing', async () => {
    const expectations: [string, RegExp][] = [
      [tenderPaths.open(tenderId), /The deadline has not passed yet/],
      [tenderPaths.evaluate(tenderId), /Scoring starts once two officers have opened the bids/],
      [tenderPaths.moderate(tenderId), /Moderation starts once/],
      [tenderPaths.results(tenderId), /The results are ready once/],
      [tenderPaths.award(tenderId), /The award can be proposed once/],
      [tenderPaths.decision(tenderId), /once an award has been proposed/],
      [tenderPaths.standstill(tenderId), /Standstill starts when the decision is recorded/],
      [tenderPaths.notices(tenderId), /No notices yet/],
    ]
    for (const [path, says] of expectations) {
      const page = await officer.get(path)
      assert.equal(page.status, 200, path)
      assert.match(text(page.text), says, path)
    }
  })

  test('clarification: a provider asks, an officer answers; blank ones are named', async () => {
    const pat = await provider('acme')
    const invitations = await pat.get(tenderPaths.invitations())
    assert.match(invitations.text, new RegExp(`href="/portal/tenders/${tenderId}"`))
    const blank = await pat.post(tenderPaths.portalAsk(tenderId), { question: '' })
    assert.equal(blank.status, 400)
    assert.deepEqual(errorLinks(blank.text), ['#question'])
    assert.equal((await pat.post(tenderPaths.portalAsk(tenderId), { question: 'Is education on site required?' })).status, 302)

    const page = await officer.get(tenderPaths.clarifications(tenderId))
    const action = /action="(\/tenders\/[^"]+\/answer)"/.exec(page.text)?.[1]
    assert.ok(action, 'an answer form for the question')
    const cid = decodeURIComponent(action.split('/').at(-2)!)
    const empty = await officer.post(action, { answer: '' })
    assert.equal(empty.status, 400)
    assert.deepEqual(errorLinks(empty.text), [`#answer-${cid}`])
    assert.equal((await officer.post(action, { answer: 'No: education nearby is fine.' })).status, 302)
    const cove = await provider('cove')
    assert.match(
      text((await cove.get(tenderPaths.portalTender(tenderId))).text),
      /education nearby is fine/,
      'every invitee sees the answer',
    )
  })

  const questionIds = async () => (await w.tenders.get(w.actors.officer, tenderId)).questions.map((q) => q.id)
  const bidForm = async (homeId: string, price: string, changes: Record<string, string> = {}) => {
    const [q1, q2] = await questionIds()
    return {
      [`line-${homeId}`]: '2',
      pricePencePerBedWeek: price,
      coreFeePencePerWeek: '',
      perPlacementFeePencePerWeek: '',
      'costBreakdown-staffing': String(Number(price) - 1000),
      'costBreakdown-premises': '400',
      'costBreakdown-education': '100',
      'costBreakdown-therapy': '200',
      'costBreakdown-overheads': '150',
      'costBreakdown-profit': '150',
      [`answer-${q1}`]: 'Two staff to each child, waking nights.',
      [`answer-${q2}`]: 'Local schools and CAMHS.',
      ...changes,
    }
  }

  test('a provider’s bid: bad input named, a draft saved, an incomplete submission refused on its control, then submitted', async () => {
    const pat = await provider('acme')
    const oak = w.homes.oak.id
    const page = await pat.get(tenderPaths.bid(tenderId))
    assert.equal(page.status, 200)
    assert.match(page.text, new RegExp(`id="line-${oak}"`))
    const bad = await pat.post(
      tenderPaths.bid(tenderId),
      await bidForm(oak, '4500', { pricePencePerBedWeek: 'lots', 'costBreakdown-therapy': '' }),
    )
    assert.equal(bad.status, 400)
    assert.deepEqual(errorLinks(bad.text), ['#pricePencePerBedWeek', '#costBreakdown-therapy'])
    const draft = await pat.post(tenderPaths.bid(tenderId), { ...(await bidForm(oak, '4500')), action: 'save' })
    assert.equal(draft.status, 302)
    assert.match(text((await pat.get(tenderPaths.bid(tenderId))).text), /Your draft bid is saved/)
    const [q1] = await questionIds()
    const incomplete = await pat.post(tenderPaths.bid(tenderId), {
      ...(await bidForm(oak, '4500', { [`answer-${q1}`]: '' })),
      action: 'submit',
    })
    assert.equal(incomplete.status, 400)
    assert.deepEqual(errorLinks(incomplete.text), [`#answer-${q1}`], 'the service’s completeness check names the unanswered question')
    const sum = await pat.post(tenderPaths.bid(tenderId), {
      ...(await bidForm(oak, '4500', { 'costBreakdown-profit': '999' })),
      action: 'submit',
    })
    assert.deepEqual(errorLinks(sum.text), ['#costBreakdown-staffing'])
    const submitted = await pat.post(tenderPaths.bid(tenderId), { ...(await bidForm(oak, '4500')), action: 'submit' })
    assert.equal(submitted.status, 302)
    assert.equal((await w.tenders.myBid(w.actors.acme, tenderId))?.status, 'submitted')

    const cove = await provider('cove')
    assert.equal(
      (await cove.post(tenderPaths.bid(tenderId), { ...(await bidForm(w.homes.cove.id, '5200')), action: 'submit' })).status,
      302,
    )

    const sealed = await officer.get(tenderPaths.bids(tenderId))
    assert.match(sealed.text, /Acme Care Ltd/)
    assert.doesNotMatch(sealed.text, /£|4,500|5,200/, 'before opening, no price is on the page')
  })

  test('a provider not invited finds nothing on any portal route: not found', async () => {
    const delta = await provider('delta')
    assert.doesNotMatch((await delta.get(tenderPaths.invitations())).text, new RegExp(tenderId))
    assert.equal((await delta.get(tenderPaths.portalTender(tenderId))).status, 404)
    assert.equal((await delta.post(tenderPaths.portalAsk(tenderId), { question: 'Hello?' })).status, 404)
    assert.equal((await delta.get(tenderPaths.bid(tenderId))).status, 404)
    assert.equal(
      (await delta.post(tenderPaths.bid(tenderId), { ...(await bidForm(w.homes.delta.id, '4000')), action: 'submit' })).status,
      404,
    )
    assert.equal((await delta.post(tenderPaths.attachments(tenderId), {})).status, 404)
    assert.equal((await delta.post(tenderPaths.withdraw(tenderId), {})).status, 404)
    assert.equal((await delta.get(tenderPaths.portalNotices(tenderId))).status, 404)
    assert.equal((await delta.get(tenderPaths.portalTender('no-such-tender'))).status, 404)
    assert.equal((await delta.get(tenderPaths.bids(tenderId))).status, 404, 'nor the officers’ pages')
  })

  test('after the deadline: a late bid is refused; two different officers open the bids', async () => {
    w.clock.set(new Date(Date.parse(DEADLINE) + 60_000).toISOString())
    const pat = await provider('acme')
    const late = await pat.post(tenderPaths.bid(tenderId), { ...(await bidForm(w.homes.oak.id, '4400')), action: 'submit' })
    assert.equal(late.status, 400)
    assert.match(text(late.text), /deadline for bids was/)
    const closed = text((await pat.get(tenderPaths.bid(tenderId))).text)
    assert.match(closed, /Bids are closed: the deadline was 16 March 2026 at midday/)
    assert.match(closed, /£4,500\.00/, 'the provider can still read its own bid')
    assert.doesNotMatch(closed, /Submit bid/)

    assert.equal((await officer.post(tenderPaths.open(tenderId), {})).status, 302)
    const waiting = await officer.get(tenderPaths.open(tenderId))
    assert.match(text(waiting.text), /stay sealed until a second officer opens them/)
    assert.match(text(waiting.text), /Opened by officer 1 of 2/)
    await officer.post(tenderPaths.open(tenderId), {})
    assert.match(text((await officer.get(tenderPaths.open(tenderId))).text), /a different officer must open it too/, 'the refusal is shown')
    const opened = await second.post(tenderPaths.open(tenderId), {})
    assert.equal(opened.location, tenderPaths.bids(tenderId))
    const bids = await second.get(tenderPaths.bids(tenderId))
    assert.match(text(bids.text), /£4,500\.00/)
    assert.match(text(bids.text), /Two staff to each child/)
  })

  test('evaluation, moderation, results, award, decision, standstill and contracts through their forms', async () => {
    const [q1, q2] = await questionIds()
    const bids = await w.tenders.bids(w.actors.officer, tenderId)
    const scores = (s: number) =>
      Object.fromEntries(
        bids.flatMap((b) =>
          [q1!, q2!].flatMap((q) => [
            [`score-${b.id}-${q}`, String(s)],
            [`rationale-${b.id}-${q}`, `Scored ${s}`],
          ]),
        ),
      )

    const first = await officer.get(tenderPaths.evaluate(tenderId))
    assert.match(text(first.text), /Do you have a conflict of interest/)
    const undecided = await officer.post(tenderPaths.conflict(tenderId), {})
    assert.deepEqual(errorLinks(undecided.text), ['#hasConflict'])
    const noDetails = await officer.post(tenderPaths.conflict(tenderId), { hasConflict: 'yes' })
    assert.deepEqual(errorLinks(noDetails.text), ['#details'])
    for (const c of [officer, second]) assert.equal((await c.post(tenderPaths.conflict(tenderId), { hasConflict: 'no' })).status, 302)

    const missing = await officer.post(tenderPaths.evaluate(tenderId), { [`score-${bids[0]!.id}-${q1}`]: '4', action: 'save' })
    assert.deepEqual(errorLinks(missing.text), [`#rationale-${bids[0]!.id}-${q1}`])
    assert.equal(
      (
        await officer.post(tenderPaths.evaluate(tenderId), {
          [`score-${bids[0]!.id}-${q1}`]: '4',
          [`rationale-${bids[0]!.id}-${q1}`]: 'Good',
          action: 'save',
        })
      ).status,
      302,
    )
    const early = await officer.post(tenderPaths.evaluate(tenderId), { action: 'submit' })
    assert.equal(early.status, 400, 'every bid must be scored before submitting')
    assert.equal(errorLinks(early.text)[0]?.startsWith('#score-'), true)
    const hidden = await officer.get(tenderPaths.evaluate(tenderId))
    assert.doesNotMatch(text(hidden.text), /Every evaluator’s scores/)
    assert.equal((await officer.post(tenderPaths.evaluate(tenderId), { ...scores(4), action: 'submit' })).status, 302)
    assert.equal((await second.post(tenderPaths.evaluate(tenderId), { ...scores(3), action: 'submit' })).status, 302)
    // Head-of-service users are evaluators too, but only those who declare must submit.
    assert.match(text((await officer.get(tenderPaths.evaluate(tenderId))).text), /Every evaluator’s scores/)

    const moderation = await officer.get(tenderPaths.moderate(tenderId))
    assert.match(text(moderation.text), /Scored 4.*Scored 3/)
    assert.equal((await officer.post(tenderPaths.moderate(tenderId), scores(4))).status, 302)
    assert.equal((await w.tenders.get(w.actors.officer, tenderId)).status, 'moderated')
    const noReason = await officer.post(tenderPaths.moderate(tenderId), { ...scores(4), [`score-${bids[0]!.id}-${q1}`]: '5' })
    assert.deepEqual(errorLinks(noReason.text), ['#changeReason'])
    assert.equal(
      (
        await officer.post(tenderPaths.moderate(tenderId), {
          ...scores(4),
          [`score-${bids[0]!.id}-${q1}`]: '5',
          changeReason: 'Evidence rechecked',
        })
      ).status,
      302,
    )

    const results = await officer.get(tenderPaths.results(tenderId))
    assert.match(text(results.text), /Acme Care Ltd/)
    assert.match(results.text, /Total \(out of 100\)/)
    assert.equal((await officer.post(tenderPaths.award(tenderId), {})).status, 302)
    const award = await officer.get(tenderPaths.award(tenderId))
    assert.match(text(award.text), /Proposed award/)
    assert.match(award.text, /Why not chosen|no other combination/)

    const undated = await officer.post(tenderPaths.decision(tenderId), { decisionMaker: '', consulted: '', rationale: '' })
    assert.deepEqual(errorLinks(undated.text), ['#decisionMaker', '#decidedOn-day', '#rationale'])
    const future = await officer.post(tenderPaths.decision(tenderId), {
      decisionMaker: 'Director of Integration and Quality',
      consulted: 'Leader of the Council\nDirector of Children’s Services',
      'decidedOn-day': '1',
      'decidedOn-month': '1',
      'decidedOn-year': '2027',
      rationale: 'Best value',
    })
    assert.deepEqual(errorLinks(future.text), ['#decidedOn-day'], 'the service’s refusal links to the day box')
    const decided = await officer.post(tenderPaths.decision(tenderId), {
      decisionMaker: 'Director of Integration and Quality',
      consulted: 'Leader of the Council\nDirector of Children’s Services',
      'decidedOn-day': '16',
      'decidedOn-month': '3',
      'decidedOn-year': '2026',
      rationale: 'Best value for local beds',
    })
    assert.equal(decided.location, tenderPaths.standstill(tenderId))
    const standstill = await officer.get(tenderPaths.standstill(tenderId))
    assert.match(text(standstill.text), /Contracts can be made from/)
    const early2 = await officer.post(tenderPaths.conclude(tenderId), {})
    assert.equal(early2.location, tenderPaths.standstill(tenderId))
    assert.match(text((await officer.get(tenderPaths.standstill(tenderId))).text), /Standstill runs to the end of/)
    const blankChallenge = await officer.post(tenderPaths.challenge(tenderId), { details: '' })
    assert.deepEqual(errorLinks(blankChallenge.text), ['#details'])

    const notices = await (await provider('acme')).get(tenderPaths.portalNotices(tenderId))
    assert.equal(notices.status, 200)
    assert.match(text(notices.text), /Award notice/)
    assert.doesNotMatch(text(notices.text), /Assessment summary for Cove/, 'a provider reads only its own assessment summary')

    const s = await w.tenders.standstill(w.actors.officer, tenderId)
    w.clock.set(`${s!.earliestContractDate}T09:00:00.000Z`)
    const concluded = await officer.post(tenderPaths.conclude(tenderId), {})
    assert.equal(concluded.location, tenderPaths.tender(tenderId))
    const overview = await officer.get(tenderPaths.tender(tenderId))
    assert.match(text(overview.text), /contracts? created/i)
    assert.equal((await w.tenders.get(w.actors.officer, tenderId)).status, 'concluded')
  })

  test('cancelling asks for a reason, then the competition is cancelled', async () => {
    const id = await w.tenders.createRequirement(w.actors.officer, {
      ...(await w.tenders.get(w.actors.officer, tenderId)),
      title: 'A competition to cancel',
      submissionDeadline: '2027-01-15T12:00:00.000Z',
      clarificationDeadline: '2027-01-08T12:00:00.000Z',
      evaluationEndDate: '2027-01-31',
      startDate: '2027-04-01',
      questions: [{ title: 'Safeguarding', guidance: '', weight: 60, minimumScore: 0, kind: 'quality' }],
    })
    assert.match((await officer.get(tenderPaths.tender(id))).text, /Cancel this mini-competition/)
    const blank = await officer.post(tenderPaths.cancel(id), { reason: '' })
    assert.equal(blank.status, 400)
    assert.deepEqual(errorLinks(blank.text), ['#reason'])
    assert.equal((await officer.post(tenderPaths.cancel(id), { reason: 'The need has changed' })).location, tenderPaths.tender(id))
    const overview = text((await officer.get(tenderPaths.tender(id))).text)
    assert.match(overview, /Cancelled/)
    assert.doesNotMatch(overview, /Cancel this mini-competition/)
  })
})
