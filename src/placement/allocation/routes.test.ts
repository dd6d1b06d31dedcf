import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { childPaths } from '../children/paths.js'
import { errorLinks, routeWorld, text, type RouteWorld } from '../children/testing/routeWorld.js'

describe('travel and panel pages', () => {
  let w: RouteWorld
  before(async () => {
    w = await routeWorld()
  })
  after(() => w.t.close())

  test('travel totals: the placements team and heads of service; nobody else', async () => {
    const page = await w.head.client.get(childPaths.travel())
    assert.equal(page.status, 200)
    const t = text(page.text)
    assert.match(t, /Social workers set out from Southampton city centre \(SO14\)/)
    assert.match(t, /Previous placement distance \(baseline\) 50 miles/)
    // Oak House is 0.6 miles from the centre: each visit 1.2 miles there and back.
    assert.match(t, /Oak House Framework spot purchase 1 0\.6 \d+ [\d.]+ 0 h \d+ min £\d+ £[\d,]+/)
    assert.equal((await w.officer.client.get(childPaths.travel())).status, 200)
    assert.equal((await w.ann.client.get(childPaths.travel())).status, 403)
    assert.equal((await w.provider.client.get(childPaths.travel())).status, 403)
  })

  test('the panel: choose referrals, see the proposal with score parts, book or adjust', async () => {
    const choose = await w.officer.client.get(childPaths.panel())
    assert.equal(choose.status, 200)
    assert.match(choose.text, new RegExp(`name="referralIds" type="checkbox" value="${w.openReferral}"`))
    const proposal = await w.officer.client.get(`${childPaths.panel()}?referralIds=${w.openReferral}&unplacedCost=100`)
    assert.equal(proposal.status, 200)
    const t = text(proposal.text)
    assert.match(t, /1 of 1 child placed; total score [\d.]+; total cost [\d.]+ points/)
    assert.match(t, /distance [\d.]+, school [\d.]+, price [\d.]+, Ofsted [\d.]+, route [\d.]+/)
    const book = /href="(\/referrals\/[^"]+\/book\?homeId=[^"]+)"/.exec(proposal.text)?.[1]
    assert.ok(book?.startsWith(`/referrals/${w.openReferral}/book?homeId=`), 'each proposed pair goes to the booking page')
    // Adjust: leave the child unplaced; the proposal says so.
    const adjusted = await w.officer.client.get(
      `${childPaths.panel()}?referralIds=${w.openReferral}&unplacedCost=100&home-${w.openReferral}=unplaced`,
    )
    assert.match(text(adjusted.text), /0 of 1 child placed/)
    assert.match(adjusted.text, /<option value="unplaced" selected>Leave unplaced<\/option>/)
  })

  test('bad requests are named; only the placements team', async () => {
    const none = await w.officer.client.get(`${childPaths.panel()}?unplacedCost=100`)
    assert.equal(none.status, 400)
    assert.deepEqual(errorLinks(none.text), ['#referralIds'])
    const cost = await w.officer.client.get(`${childPaths.panel()}?referralIds=${w.openReferral}&unplacedCost=lots`)
    assert.equal(cost.status, 400)
    assert.deepEqual(errorLinks(cost.text), ['#unplacedCost'])
    const home = await w.officer.client.get(
      `${childPaths.panel()}?referralIds=${w.openReferral}&unplacedCost=100&home-${w.openReferral}=nowhere|spot`,
    )
    assert.equal(home.status, 400)
    assert.deepEqual(errorLinks(home.text), [`#home-${w.openReferral}`])
    assert.match(home.text, new RegExp(`id="home-${w.openReferral}"`), 'the proposal is shown, so the link leads to the select')
    assert.equal((await w.ann.client.get(childPaths.panel())).status, 403)
    assert.equal((await w.provider.client.get(childPaths.panel())).status, 403)
  })
})
