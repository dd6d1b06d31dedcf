import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { settableClock } from '../../platform/clock.js'
import { startTestApp, type Client, type TestApp } from '../../../test/support/app.js'
import { freshPostgres, freshSqlite, postgresAvailable } from '../../../test/support/databases.js'
import { BED_JUST_TAKEN } from '../placements/bookingService.js'
import { NOW } from '../placements/testing/placementWorld.js'
import { cascadeAppWorld } from './testing/appWorld.js'
import { cascadePaths } from './paths.js'

/** The page's text, tags stripped, spaces collapsed, entities for quotes undone. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
/** The error summary's links, in order. */
const errorLinks = (html: string) => {
  const summary = /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? ''
  return [...summary.matchAll(/<a href="(#[^"]+)"/g)].map((m) => m[1])
}
const idFrom = (location: string | null, prefix: string): string => {
  assert.ok(location?.startsWith(prefix), `redirected to ${location}`)
  return location!.slice(prefix.length)
}

/**
 * The referral, cascade, booking and placement pages through the real app (sessions, CSRF,
 * sign-in, error pages) on each database, including two officers booking one bed at once.
 */
for (const dialect of ['sqlite', 'postgres'] as const) {
  const skip = dialect === 'postgres' && !postgresAvailable() ? 'PLACEWISE_TEST_DATABASE_URL not set' : false
  describe(`referral, cascade, booking and placement pages [${dialect}]`, { skip }, () => {
    let t: TestApp
    let w: Awaited<ReturnType<typeof cascadeAppWorld>>
    let officer: Client
    before(async () => {
      t = await startTestApp({ database: dialect === 'sqlite' ? await freshSqlite() : await freshPostgres(), clock: settableClock(NOW) })
      w = await cascadeAppWorld(t)
      officer = await w.signedIn('officer')
    })
    after(async () => {
      await t?.close()
    })
    const openOn = (bedId: string) =>
      t.services.db.selectFrom('placements').select('id').where('bed_id', '=', bedId).where('end_date', 'is', null).execute()
    const bedStatus = async (bedId: string) =>
      (await t.services.db.selectFrom('beds').select('status').where('id', '=', bedId).executeTakeFirstOrThrow()).status

    test('a referral is made from the child’s record, changed, given a matching meeting and closed; every view is an audited read', async () => {
      const { childId } = await w.referred()
      const form = await officer.get(cascadePaths.newReferral(childId))
      assert.equal(form.status, 200)
      assert.match(text(form.text), /Refer for a placement/)
      const missing = await officer.post(cascadePaths.newReferral(''), {
        childId,
        placementTypes: 'residential',
        'plannedStartDate-day': '31',
        'plannedStartDate-month': '2',
        'plannedStartDate-year': '2026',
      })
      assert.equal(missing.status, 400)
      assert.deepEqual(errorLinks(missing.text), ['#urgency', '#deprivationOfLiberty', '#plannedStartDate-day'])
      const made = await officer.post(cascadePaths.newReferral(''), {
        childId,
        urgency: 'today',
        placementTypes: 'residential',
        categories: ['EBD', 'DRG'],
        deprivationOfLiberty: 'no',
        siblings: 'A brother, placed separately',
        'plannedStartDate-day': '',
        'plannedStartDate-month': '',
        'plannedStartDate-year': '',
      })
      assert.equal(made.status, 303)
      const id = idFrom(made.location, '/referrals/')
      const reads = async () =>
        Number(
          (
            await t.services.db
              .selectFrom('audit_log')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('entity_type', '=', 'child')
              .where('action', '=', 'read')
              .where('entity_id', '=', childId)
              .executeTakeFirstOrThrow()
          ).n,
        )
      const before = await reads()
      const page = text((await officer.get(cascadePaths.referral(id))).text)
      assert.equal(await reads(), before + 1)
      assert.match(page, /Needed by Today/)
      assert.match(page, /Home must be registered for Emotional and behavioural difficulties, Drug problems/)
      assert.match(page, /Referral sent/)

      const edited = await officer.post(cascadePaths.editReferral(id), {
        urgency: 'under-5-days',
        placementTypes: 'residential',
        categories: 'EBD',
        deprivationOfLiberty: 'yes',
      })
      assert.equal(edited.status, 303)
      const meeting = await officer.post(cascadePaths.referralEvents(id), {
        kind: 'matching-meeting',
        detail: 'Met with the social worker and Oak House manager',
      })
      assert.equal(meeting.status, 303)
      const noReason = await officer.post(cascadePaths.closeReferral(id), { reason: '' })
      assert.deepEqual([noReason.status, errorLinks(noReason.text)], [400, ['#reason']])
      assert.equal((await officer.post(cascadePaths.closeReferral(id), { reason: 'Returned home' })).status, 303)
      const closed = text((await officer.get(cascadePaths.referral(id))).text)
      assert.match(closed, /Deprivation of Liberty Order Yes/)
      assert.match(closed, /Matching meeting Met with the social worker and Oak House manager/)
      assert.match(closed, /Referral closed Returned home/)
      assert.doesNotMatch(closed, /Search for a placement/)
      // A provider's user has no business here.
      const acme = await w.signedIn('acme')
      assert.equal((await acme.get(cascadePaths.referral(id))).status, 403)
    })

    test('the search lists every route in cascade order with the reasons a home cannot take the child, and filters', async () => {
      const { referralId } = await w.referred()
      const res = await officer.get(cascadePaths.search(referralId))
      assert.equal(res.status, 200)
      const page = text(res.text)
      const order = ['1. In-house homes', '2. Block contract beds', '3. Framework spot purchase'].map((h) => page.indexOf(h))
      assert.ok(
        order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1]!)),
        `routes in cascade order: ${order}`,
      )
      assert.match(page, /Cedar View .*Cannot take the child Not registered with Ofsted for: Emotional and behavioural difficulties/)
      assert.match(page, /1 empty block bed fits this child/)
      assert.match(res.text, new RegExp(`href="/referrals/${referralId}/book\\?homeId=${w.homes.oak.id}&amp;route=block"`))
      assert.doesNotMatch(res.text, new RegExp(`book\\?homeId=${w.homes.gorse.id}`), 'no booking where the child cannot go')
      const spot = text((await officer.get(cascadePaths.search(referralId, { route: 'spot', feasible: 'yes' }))).text)
      assert.doesNotMatch(spot, /In-house homes|Cedar View/)
      assert.match(spot, /Oak House/)
      const sw = await w.signedIn('socialWorker')
      assert.equal((await sw.get(cascadePaths.search(referralId))).status, 403)
    })

    test('booking elsewhere while a block bed that fits stands empty needs a reason; the price comes from the route', async () => {
      const { referralId } = await w.referred()
      const path = cascadePaths.book(referralId, w.homes.oak.id, 'spot')
      const page = await officer.get(path)
      assert.equal(page.status, 200)
      assert.match(page.text, /id="weeklyPrice" name="weeklyPrice" type="text" spellcheck="false" value="5500.00"/)
      assert.match(text(page.text), /Why is the empty block bed not used for this child\?/)
      const form = {
        bedId: w.beds.oakSpot[0]!,
        'startDate-day': '1',
        'startDate-month': '4',
        'startDate-year': '2026',
        weeklyPrice: '5500.00',
      }
      const refused = await officer.post(path, form)
      assert.deepEqual([refused.status, errorLinks(refused.text)], [400, ['#emptyBedCause']])
      assert.equal((await openOn(w.beds.oakSpot[0]!)).length, 0)
      const booked = await officer.post(path, { ...form, emptyBedCause: 'no-compatible-match', emptyBedNote: 'Too near her exploiters' })
      assert.equal(booked.status, 303)
      const placementId = idFrom(booked.location, '/placements/')
      const shown = text((await officer.get(booked.location!)).text)
      assert.match(shown, /Route Framework spot purchase/)
      assert.match(shown, /Weekly price £5,500.00/)
      const referral = text((await officer.get(cascadePaths.referral(referralId))).text)
      assert.match(referral, /Empty block beds passed over .*Oak House .*BLOCK-1 No compatible match Too near her exploiters/)
      assert.equal((await openOn(w.beds.oakSpot[0]!))[0]!.id, placementId)
    })

    test('two officers book the last block bed at the same moment: exactly one succeeds, the other is told why', async () => {
      const a = await w.referred()
      const b = await w.referred()
      const second = await w.signedIn('second')
      const form = { bedId: w.beds.oakBlock, 'startDate-day': '1', 'startDate-month': '4', 'startDate-year': '2026', weeklyPrice: '4800' }
      const [one, two] = await Promise.all([
        officer.post(cascadePaths.book(a.referralId, w.homes.oak.id, 'block'), form),
        second.post(cascadePaths.book(b.referralId, w.homes.oak.id, 'block'), form),
      ])
      assert.deepEqual([one.status, two.status].sort(), [303, 409])
      const loser = one.status === 409 ? one : two
      assert.match(text(loser.text), new RegExp(BED_JUST_TAKEN))
      assert.deepEqual(errorLinks(loser.text), ['#bedId'])
      assert.equal((await openOn(w.beds.oakBlock)).length, 1)
      assert.equal(await bedStatus(w.beds.oakBlock), 'occupied')
    })

    test('the placement shows its timers; the provider records its impact assessment; ending frees the bed', async () => {
      const [open] = await openOn(w.beds.oakSpot[0]!)
      const id = open!.id
      const page = text((await officer.get(cascadePaths.placement(id))).text)
      // Started Wednesday 1 April 2026: the plan within 5 working days (Good Friday and Easter Monday are not), the first visit within a week.
      assert.match(page, /Placement plan Not recorded: due by 10 April 2026/)
      assert.match(page, /Next social worker visit Due by 8 April 2026/)
      assert.match(page, /Impact risk assessment Not recorded yet/)
      const list = text((await officer.get(cascadePaths.placements())).text)
      assert.match(list, /Open placements/)

      const brook = await w.signedIn('brook')
      assert.equal((await brook.get(cascadePaths.portalImpact(id))).status, 404)
      const acme = await w.signedIn('acme')
      assert.match(text((await acme.get(cascadePaths.portalPlacements())).text), /Oak House .*Not recorded yet Record it/)
      const empty = await acme.post(cascadePaths.portalImpact(id), { assessment: ' ' })
      assert.deepEqual([empty.status, errorLinks(empty.text)], [400, ['#assessment']])
      assert.equal(
        (await acme.post(cascadePaths.portalImpact(id), { assessment: 'Settles well with the two girls here; staff briefed.' })).status,
        303,
      )
      assert.match(
        text((await officer.get(cascadePaths.placement(id))).text),
        /Recorded by Test provider_user on .*Settles well with the two girls here/,
      )

      const endForm = {
        'endDate-day': '30',
        'endDate-month': '6',
        'endDate-year': '2026',
        planned: 'planned',
        reasonEpisodeCeased: 'X1',
        reasonPlaceChange: '',
      }
      const refused = await officer.post(cascadePaths.endPlacement(id), endForm)
      assert.deepEqual([refused.status, errorLinks(refused.text)], [400, ['#reasonPlaceChange']])
      assert.equal(await bedStatus(w.beds.oakSpot[0]!), 'occupied')
      const ended = await officer.post(cascadePaths.endPlacement(id), { ...endForm, reasonPlaceChange: 'CARPL' })
      assert.equal(ended.status, 303)
      assert.equal(await bedStatus(w.beds.oakSpot[0]!), 'vacant')
      const done = text((await officer.get(cascadePaths.placement(id))).text)
      assert.match(done, /Reason episode ceased \(REC\) X1: Episode ceases/)
      assert.match(done, /Reason for the change of placement CARPL: Change to\/implementation of care plan/)
      assert.doesNotMatch(done, /End the placement/)
      assert.equal((await acme.get(cascadePaths.portalImpact(id))).status, 404, 'the provider no longer sees an ended placement')
    })

    test('the matching rules page: everyone who arranges placements reads them, a head of service changes them', async () => {
      const rules = await officer.get(cascadePaths.matchingRules())
      assert.match(text(rules.text), /A child at risk of sexual exploitation is not placed with a child who presents a risk of sexual harm/)
      assert.equal((await officer.post(cascadePaths.matchingRules(), { rules: '{}' })).status, 403)
      const head = await w.signedIn('head')
      const bad = await head.post(cascadePaths.matchingRules(), { rules: '{"compatibility": [{"id": "x"}]}' })
      assert.deepEqual([bad.status, errorLinks(bad.text)], [400, ['#rules']])
      assert.match(text(bad.text), /Rule 1, description/)
      assert.equal(
        (await head.post(cascadePaths.matchingRules(), { rules: '{"compatibility": [], "excludedJudgements": ["Inadequate"]}' })).status,
        303,
      )
      assert.match(text((await officer.get(cascadePaths.matchingRules())).text), /The council set them on/)
    })
  })
}
