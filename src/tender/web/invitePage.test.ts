import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { GatewayResult } from '../tenderApi.js'
import { inviteView, parseInviteForm } from './invitePage.js'

const home = (id: string, eligible: boolean, reasons: string[] = []): GatewayResult['homes'][number] => ({
  homeId: id,
  name: `Home ${id}`,
  urn: `SC${id}`,
  miles: eligible ? 4.26 : 41,
  judgement: 'Good',
  eligible,
  reasons,
})
const results: GatewayResult[] = [
  {
    providerId: 'p2',
    providerName: 'Zephyr Care',
    eligible: false,
    reasons: ['No home within 20 miles'],
    homes: [home('3', false, ['41 miles away'])],
  },
  {
    providerId: 'p1',
    providerName: 'Harbour Care',
    eligible: true,
    reasons: [],
    homes: [home('1', true), home('2', false, ['Inadequate'])],
  },
]

test('only eligible providers can be ticked; every provider is listed with its reasons and homes', () => {
  const v = inviteView(results, null, true)
  assert.deepEqual(
    v.items.map((i) => [i.value, i.checked, i.hint.text]),
    [['p1', true, '1 eligible home']],
  )
  assert.deepEqual(
    v.providers.map((p) => [p.name, p.tag.text]),
    [
      ['Harbour Care', 'Eligible'],
      ['Zephyr Care', 'Not eligible'],
    ],
  )
  assert.deepEqual(v.providers[1]?.reasons, ['No home within 20 miles'])
  assert.equal(v.providers[0]?.homes.rows[0]?.[2]?.text, '4.3 miles')
  assert.match(String(v.providers[0]?.homes.rows[1]?.[4]?.html), /Not eligible.*Inadequate/)
  assert.equal(inviteView(results, [], true).items[0]?.checked, false, 'a resubmitted form keeps what was ticked')
})

test('the invitation form needs at least one provider, and only eligible ones', () => {
  assert.deepEqual(parseInviteForm({ providerIds: 'p1' }, results), { ok: true, data: ['p1'] })
  const none = parseInviteForm({}, results)
  assert.ok(!none.ok && none.errors.list[0]?.href === '#providerIds')
  const ineligible = parseInviteForm({ providerIds: ['p1', 'p2'] }, results)
  assert.ok(!ineligible.ok && /pass the gateway/.test(ineligible.errors.list[0]!.text))
})
