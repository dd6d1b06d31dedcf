import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { childPaths } from '../children/paths.js'
import { errorLinks, routeWorld, text, type RouteWorld } from '../children/testing/routeWorld.js'

describe('due and overdue, visits and plans', () => {
  let w: RouteWorld
  before(async () => {
    w = await routeWorld()
  })
  after(() => w.t.close())

  test('the due list: the team sees all with social workers; a social worker their own; providers 404', async () => {
    const team = await w.officer.client.get(childPaths.due())
    assert.equal(team.status, 200)
    const t = text(team.text)
    assert.match(t, /Overdue \(2\)/)
    assert.match(t, /ROUTE-1 Placement plan Oak House 27 March 2026 Overdue by 5 days Test social_worker Record the plan/)
    assert.match(t, /ROUTE-1 Social worker visit Oak House 27 March 2026 Overdue by 5 days Test social_worker Record a visit/)
    assert.match((await w.ann.client.get(childPaths.due())).text, /ROUTE-1/)
    const bobs = await w.bob.client.get(childPaths.due())
    assert.equal(bobs.status, 200)
    assert.match(text(bobs.text), /Nothing is overdue or due in the next two weeks/)
    assert.equal((await w.provider.client.get(childPaths.due())).status, 404)
    assert.equal((await w.commissioner.client.get(childPaths.due())).status, 403)
  })

  test('the visits page: a bad date is named and nothing recorded; a good one is recorded and clears the item', async () => {
    const page = await w.ann.client.get(childPaths.visits(w.placement))
    assert.equal(page.status, 200)
    assert.match(text(page.text), /Not recorded: due by 27 March 2026 \(overdue by 5 days\)/)
    const future = await w.ann.client.post(childPaths.visits(w.placement), {
      'visitedOn-day': '2',
      'visitedOn-month': '4',
      'visitedOn-year': '2026',
    })
    assert.equal(future.status, 400)
    assert.deepEqual(errorLinks(future.text), ['#visitedOn-day'])
    assert.match(text(future.text), /The visit date must be within the placement and not in the future/)
    const unreal = await w.ann.client.post(childPaths.visits(w.placement), {
      'visitedOn-day': '31',
      'visitedOn-month': '2',
      'visitedOn-year': '2026',
    })
    assert.equal(unreal.status, 400)
    assert.match(text(unreal.text), /must be a real date/)
    assert.equal((await w.t.services.db.selectFrom('placement_visits').select('id').execute()).length, 0)
    const ok = await w.ann.client.post(childPaths.visits(w.placement), {
      'visitedOn-day': '30',
      'visitedOn-month': '3',
      'visitedOn-year': '2026',
    })
    assert.equal(ok.status, 302)
    const plan = await w.ann.client.post(childPaths.plan(w.placement), {
      'preparedOn-day': '24',
      'preparedOn-month': '3',
      'preparedOn-year': '2026',
    })
    assert.equal(plan.status, 302)
    const after = text((await w.ann.client.get(childPaths.visits(w.placement))).text)
    assert.match(after, /Prepared on 24 March 2026/)
    assert.match(after, /30 March 2026 Test social_worker/)
    assert.match(after, /Due by 11 May 2026/)
    assert.match(text((await w.ann.client.get(childPaths.due())).text), /Nothing is overdue/)
  })

  test('others cannot see or record on a placement that is not theirs', async () => {
    assert.equal((await w.bob.client.get(childPaths.visits(w.placement))).status, 404)
    assert.equal((await w.provider.client.get(childPaths.visits(w.placement))).status, 404)
    await w.bob.client.get(childPaths.due())
    await w.bob.client.get('/children/new')
    const r = await w.bob.client.post(childPaths.visits(w.placement), {
      'visitedOn-day': '30',
      'visitedOn-month': '3',
      'visitedOn-year': '2026',
    })
    assert.equal(r.status, 404)
    assert.equal((await w.ann.client.get(childPaths.visits('no-such-placement'))).status, 404)
  })
})
