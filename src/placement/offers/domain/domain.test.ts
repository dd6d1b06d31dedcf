import assert from 'node:assert/strict'
import { test } from 'node:test'
import { defaultDeadline } from './deadlines.js'
import { ResponseSchema, SendRequestsSchema, MAX_HOMES_PER_SENDING } from './offerSchema.js'
import { providerReferralView, requestReference } from './providerView.js'
import { effectiveStatus } from './requestStatus.js'

test('deadlines by urgency: 5pm UK time, counting England’s working days (Easter 2026 skipped)', () => {
  // Wednesday 1 April 2026, 10am BST. Good Friday is 3 April, Easter Monday 6 April.
  const wed = new Date('2026-04-01T09:00:00Z')
  assert.equal(defaultDeadline('today', wed), '2026-04-01T16:00:00.000Z')
  assert.equal(defaultDeadline('under-5-days', wed), '2026-04-07T16:00:00.000Z')
  assert.equal(defaultDeadline('over-5-days', wed), '2026-04-10T16:00:00.000Z')
  // In winter 5pm UK is 5pm UTC.
  assert.equal(defaultDeadline('under-5-days', new Date('2026-01-14T10:00:00Z')), '2026-01-16T17:00:00.000Z')
})

test('a same-day referral sent late still leaves two hours to answer', () => {
  assert.equal(defaultDeadline('today', new Date('2026-04-01T15:30:00Z')), '2026-04-01T17:30:00.000Z')
  // A Saturday evening emergency: two hours, not the next working day.
  assert.equal(defaultDeadline('today', new Date('2026-04-04T20:00:00Z')), '2026-04-04T22:00:00.000Z')
})

test('status now: unanswered past the deadline is expired; open with the referral gone is withdrawn', () => {
  const r = { status: 'sent' as const, deadline: '2026-04-07T16:00:00.000Z' }
  assert.equal(effectiveStatus(r, 'open', '2026-04-07T15:59:59.999Z'), 'sent')
  assert.equal(effectiveStatus(r, 'open', '2026-04-07T16:00:00.000Z'), 'expired')
  assert.equal(
    effectiveStatus({ ...r, status: 'offered' }, 'open', '2026-05-01T00:00:00.000Z'),
    'offered',
    'an offer stands past the deadline',
  )
  assert.equal(effectiveStatus({ ...r, status: 'offered' }, 'matched', '2026-04-02T00:00:00.000Z'), 'withdrawn')
  assert.equal(effectiveStatus({ ...r, status: 'declined' }, 'closed', '2026-04-02T00:00:00.000Z'), 'declined')
})

test('sending needs one or more homes, at most a handful, each once', () => {
  const ok = SendRequestsSchema.parse({ homeIds: ['a', 'b', 'a'] })
  assert.deepEqual(ok, { homeIds: ['a', 'b'], deadline: null })
  assert.equal(SendRequestsSchema.safeParse({ homeIds: [] }).error?.issues[0]?.path[0], 'homeIds')
  const many = Array.from({ length: MAX_HOMES_PER_SENDING + 1 }, (_, i) => `h${i}`)
  assert.match(SendRequestsSchema.safeParse({ homeIds: many }).error?.issues[0]?.message ?? '', /at most 10 homes/)
  assert.equal(SendRequestsSchema.parse({ homeIds: ['a'], deadline: '2026-04-02T16:00:00+01:00' }).deadline, '2026-04-02T15:00:00.000Z')
  assert.equal(SendRequestsSchema.safeParse({ homeIds: ['a'], deadline: 'tomorrow' }).error?.issues[0]?.path[0], 'deadline')
})

test('an answer is an offer with price and start date, or a decline with a reason (and words for "other")', () => {
  const offer = ResponseSchema.parse({ kind: 'offer', weeklyPricePence: 550_000, startDate: '2026-04-08', note: '  ' })
  assert.deepEqual(offer, { kind: 'offer', weeklyPricePence: 550_000, startDate: '2026-04-08', note: null })
  const field = (input: unknown) => ResponseSchema.safeParse(input).error?.issues[0]?.path[0]
  assert.equal(field({ kind: 'offer', weeklyPricePence: 0, startDate: '2026-04-08' }), 'weeklyPricePence')
  assert.equal(field({ kind: 'offer', weeklyPricePence: 1.5, startDate: '2026-04-08' }), 'weeklyPricePence')
  assert.equal(field({ kind: 'offer', weeklyPricePence: 100, startDate: '2026-02-30' }), 'startDate')
  assert.equal(field({ kind: 'decline', reason: 'bored' }), 'reason')
  assert.equal(field({ kind: 'decline', reason: 'other', detail: '' }), 'detail')
  assert.equal(field({ kind: 'maybe' }), 'kind')
  assert.deepEqual(ResponseSchema.parse({ kind: 'decline', reason: 'no-vacancy' }), { kind: 'decline', reason: 'no-vacancy', detail: null })
})

test('a provider sees the referral’s needs and risks, the age not the birthday, the district not the postcode', () => {
  const child = {
    date_of_birth: '2012-05-14',
    sex: 'female' as const,
    legal_status: 'C2',
    needs_json: '["self-harm"]',
    risks_to_child_json: '["going-missing"]',
    risks_to_others_json: '["fire-setting"]',
    requirements: 'Needs to stay at her school',
  }
  const referral = {
    urgency: 'under-5-days' as const,
    placement_types_json: '["residential"]',
    deprivation_of_liberty: 'no' as const,
    preferred_postcode: 'SO15 1AA',
  }
  const v = providerReferralView(
    { ...child, case_reference: 'CASE-SECRET', home_postcode: 'SO14 7DU' } as typeof child,
    referral,
    '2026-05-13',
  )
  assert.equal(v.age, 13)
  assert.equal(providerReferralView(child, referral, '2026-05-14').age, 14)
  assert.deepEqual(v.legalStatus, { code: 'C2', label: 'Full care order' })
  assert.deepEqual(v.risksToChild, ['Going missing'])
  assert.deepEqual(v.risksToOthers, ['Fire-setting'])
  assert.equal(v.preferredArea, 'SO15')
  const text = JSON.stringify(v)
  for (const secret of ['CASE-SECRET', 'SO14', '2012', '1AA']) assert.ok(!text.includes(secret), `${secret} is not shown`)
  assert.equal(requestReference('0a1b2c3d-4e5f-6789-abcd-ef0123456789'), 'RR-0A1B2C3D')
})
