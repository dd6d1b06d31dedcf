import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { describeEachDialect } from '../../../test/support/databases.js'
import { ForbiddenError } from '../../platform/auth/scope.js'
import { UserInputError } from '../../platform/errors.js'
import { pagesWorld, type PagesWorld } from '../children/testing/pagesWorld.js'
import { exhaustiveMinimum } from '../matching/exhaustive.js'
import { child, childReads, referral } from '../placements/testing/placementWorld.js'
import { slotKey } from './panelService.js'

describeEachDialect('placement: panel allocation', (ctx) => {
  let w: PagesWorld
  const referrals: string[] = []
  const children: string[] = []
  before(async () => {
    w = await pagesWorld(ctx())
    const { officer } = w.actors
    // Four children whose needs (self-harm) only Oak House meets — it has 3 vacant beds — and two who fit anywhere.
    const specs = [
      child('P-1'),
      child('P-2', { schoolPostcode: 'SO14 7DU' }),
      child('P-3', { homePostcode: 'SO40 1AA' }),
      child('P-4', { homePostcode: 'PO1 1AA' }),
      child('P-5', { needs: [], risksToChild: [] }),
      child('P-6', { needs: [], risksToChild: [], homePostcode: 'SO51 1AA' }),
    ]
    for (const c of specs) {
      const id = await w.placements.createChild(officer, c)
      children.push(id)
      referrals.push(await w.placements.createReferral(officer, { ...referral(id), preferredPostcode: null }))
    }
  })

  test('the proposal is the exact optimum: its total equals an exhaustive search', async () => {
    for (const unplacedCost of [100, 60, 30, 0]) {
      const p = await w.placements.proposePanel(w.actors.officer, { referralIds: referrals, unplacedCost })
      assert.equal(Math.round(p.totalCostPoints * 100), exhaustiveMinimum(p.problem), `U = ${unplacedCost}`)
      // The total is the sum of what each row counts.
      assert.equal(Math.round(p.rows.reduce((s, r) => s + r.costPoints, 0) * 100), Math.round(p.totalCostPoints * 100))
      const inOak = p.rows.filter((r) => r.chosen?.name === 'Oak House').length
      assert.ok(inOak <= 3, 'never more children than beds')
      for (const r of p.rows.slice(0, 4)) assert.ok(r.chosen === null || r.chosen.name === 'Oak House', 'only Oak House meets self-harm')
    }
    const all = await w.placements.proposePanel(w.actors.officer, { referralIds: referrals, unplacedCost: 100 })
    assert.equal(all.placed, 5, 'three in Oak House, and the two who fit anywhere elsewhere')
    assert.equal(all.rows.filter((r) => r.chosen === null).length, 1)
    assert.equal(all.maxScore, 100)
    const none = await w.placements.proposePanel(w.actors.officer, { referralIds: referrals, unplacedCost: 0 })
    assert.equal(none.placed, 0, 'when leaving a child unplaced costs nothing, nobody is placed')
  })

  test('an officer fixes a child’s home or leaves them unplaced; the rest is solved again around it', async () => {
    const first = await w.placements.proposePanel(w.actors.officer, { referralIds: referrals, unplacedCost: 100 })
    const left = first.rows.findIndex((r) => r.chosen === null)
    const placedInOak = first.rows.findIndex((r, k) => k < 4 && r.chosen !== null)
    const fixed = new Map([
      [referrals[placedInOak]!, 'unplaced'],
      [referrals[5]!, slotKey({ homeId: w.cedar.id, route: 'spot', contractId: null })],
    ])
    const second = await w.placements.proposePanel(w.actors.officer, { referralIds: referrals, unplacedCost: 100, fixed })
    assert.equal(second.rows[placedInOak]!.chosen, null)
    assert.equal(second.rows[placedInOak]!.fixed, true)
    assert.equal(second.rows[5]!.chosen?.name, 'Cedar View')
    assert.equal(second.rows[left]!.chosen?.name, 'Oak House', 'the child left out before takes the freed bed')
    // The fixed choices are out of the problem solved; its optimum plus theirs is the total.
    const fixedCost = second.rows[placedInOak]!.costPoints + second.rows[5]!.costPoints
    assert.equal(Math.round((second.totalCostPoints - fixedCost) * 100), exhaustiveMinimum(second.problem))
    await assert.rejects(
      w.placements.proposePanel(w.actors.officer, {
        referralIds: referrals,
        unplacedCost: 100,
        fixed: new Map([[referrals[0]!, slotKey({ homeId: w.cedar.id, route: 'spot', contractId: null })]]),
      }),
      (e: unknown) => e instanceof UserInputError && e.where?.field === `home-${referrals[0]}` && /P-1/.test(e.message),
    )
  })

  test('each child in the panel is an audited read; bad requests name the field; only the placements team', async () => {
    const n = await childReads(ctx(), children[0]!)
    const listed = await w.placements.panelReferrals(w.actors.officer)
    assert.equal(listed.referrals.length, 6)
    assert.equal(listed.maxScore, 100)
    assert.equal(await childReads(ctx(), children[0]!), n + 1)
    const bad = async (request: Parameters<PagesWorld['placements']['proposePanel']>[1], field: string) =>
      assert.rejects(
        w.placements.proposePanel(w.actors.officer, request),
        (e: unknown) => e instanceof UserInputError && e.where?.field === field,
      )
    await bad({ referralIds: [], unplacedCost: 100 }, 'referralIds')
    await bad({ referralIds: ['nope'], unplacedCost: 100 }, 'referralIds')
    await bad({ referralIds: [referrals[0]!], unplacedCost: -1 }, 'unplacedCost')
    await bad({ referralIds: [referrals[0]!], unplacedCost: 1.234 }, 'unplacedCost')
    await assert.rejects(w.placements.proposePanel(w.actors.ann, { referralIds: [referrals[0]!], unplacedCost: 100 }), ForbiddenError)
    await assert.rejects(w.placements.panelReferrals(w.actors.acme), ForbiddenError)
  })
})
