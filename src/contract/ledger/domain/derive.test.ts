import assert from 'node:assert/strict'
import { test } from 'node:test'
import { toEpochDay } from '../../../platform/calendar/isoDate.js'
import { causeCode, causeName, stateName } from './codes.js'
import { deriveLedger, OccupancyClashError, type EventSpan, type LedgerInput } from './derive.js'

const d = toEpochDay
const FROM = d('2026-01-01')

/** One bed reserved for January 2026, with what the test adds. */
function january(extra: Partial<LedgerInput>): LedgerInput {
  return {
    from: FROM,
    to: d('2026-01-31'),
    beds: ['bed-1'],
    reserved: [{ bed: 0, from: FROM, to: d('2026-01-31') }],
    placements: [],
    events: [],
    ...extra,
  }
}
const dayOf = (input: LedgerInput, date: string) => {
  const l = deriveLedger(input)
  const i = d(date) - l.from
  return { state: stateName(l.state[i]!), cause: causeName(l.cause[i]!), placement: l.placement[i]! }
}
const ev = (kind: EventSpan['kind'], from: string, to: string | null, cause = 0): EventSpan => ({
  kind,
  bed: 0,
  from: d(from),
  to: to === null ? null : d(to),
  cause,
})

test('a placement occupies its bed from its start to the day before its end; other reserved days are empty for want of a referral', () => {
  const input = january({ placements: [{ id: 'p1', bed: 0, start: d('2026-01-05'), end: d('2026-01-10') }] })
  assert.deepEqual(dayOf(input, '2026-01-04'), { state: 'empty', cause: 'no-referral', placement: -1 })
  assert.deepEqual(dayOf(input, '2026-01-05'), { state: 'occupied', cause: null, placement: 0 })
  assert.equal(dayOf(input, '2026-01-09').state, 'occupied')
  assert.equal(dayOf(input, '2026-01-10').state, 'empty', 'the end day is not a night in the bed')
})

test('days outside the reservation are not in the ledger, even when a child is in the bed', () => {
  const input = january({
    reserved: [{ bed: 0, from: d('2026-01-10'), to: d('2026-01-20') }],
    placements: [{ id: 'p1', bed: 0, start: FROM, end: null }],
  })
  assert.equal(dayOf(input, '2026-01-09').state, null)
  assert.equal(dayOf(input, '2026-01-10').state, 'occupied')
  assert.equal(dayOf(input, '2026-01-21').state, null)
})

test('priority when events overlap: occupied > unavailable > released > held > empty', () => {
  const input = january({
    placements: [{ id: 'p1', bed: 0, start: d('2026-01-20'), end: d('2026-01-22') }],
    events: [
      ev('held', '2026-01-02', '2026-01-25'),
      ev('released', '2026-01-10', '2026-01-25'),
      ev('unavailable', '2026-01-15', '2026-01-25'),
    ],
  })
  assert.equal(dayOf(input, '2026-01-01').state, 'empty')
  assert.equal(dayOf(input, '2026-01-05').state, 'held')
  assert.equal(dayOf(input, '2026-01-12').state, 'released')
  assert.deepEqual(dayOf(input, '2026-01-16'), { state: 'unavailable', cause: 'provider-unavailable', placement: -1 })
  assert.equal(dayOf(input, '2026-01-21').state, 'occupied')
  assert.equal(dayOf(input, '2026-01-23').state, 'unavailable')
  assert.equal(dayOf(input, '2026-01-26').state, 'empty')
})

test('an open event runs to the end of the range', () => {
  assert.equal(dayOf(january({ events: [ev('released', '2026-01-10', null)] }), '2026-01-31').state, 'released')
})

test('an empty cause lasts until the bed is next occupied or held; the latest-dated cause wins, then the latest recorded', () => {
  const declined = causeCode('provider-declined')
  const noMatch = causeCode('no-compatible-match')
  const input = january({
    placements: [{ id: 'p1', bed: 0, start: d('2026-01-12'), end: d('2026-01-15') }],
    events: [
      ev('empty-cause', '2026-01-03', null, declined),
      ev('empty-cause', '2026-01-06', null, noMatch),
      ev('empty-cause', '2026-01-06', null, declined), // same day, recorded later: wins
      ev('held', '2026-01-25', '2026-01-26'),
      ev('empty-cause', '2026-01-20', '2026-01-28', noMatch),
    ],
  })
  assert.equal(dayOf(input, '2026-01-02').cause, 'no-referral')
  assert.equal(dayOf(input, '2026-01-04').cause, 'provider-declined')
  assert.equal(dayOf(input, '2026-01-07').cause, 'provider-declined')
  assert.equal(dayOf(input, '2026-01-16').cause, 'no-referral', 'the causes lapsed when the bed was occupied')
  assert.equal(dayOf(input, '2026-01-21').cause, 'no-compatible-match')
  assert.equal(dayOf(input, '2026-01-27').cause, 'no-referral', 'lapsed when the bed was held')
})

test('a cause recorded before the range still applies in it, unless the bed was filled in between', () => {
  const declined = causeCode('provider-declined')
  const before = january({ events: [ev('empty-cause', '2025-12-01', null, declined)] })
  assert.equal(dayOf(before, '2026-01-15').cause, 'provider-declined')
  const filled = january({
    events: [ev('empty-cause', '2025-12-01', null, declined)],
    placements: [{ id: 'p0', bed: 0, start: d('2025-12-10'), end: d('2025-12-20') }],
  })
  assert.equal(dayOf(filled, '2026-01-15').cause, 'no-referral')
})

test('overlapping occupancy of one bed is refused, naming the bed, both placements and the first clashing day', () => {
  const input = january({
    bedNames: ['Oak House, bed 2'],
    placements: [
      { id: 'p1', bed: 0, start: d('2025-11-01'), end: d('2025-12-01') },
      { id: 'p2', bed: 0, start: d('2025-12-01'), end: null },
      { id: 'p3', bed: 0, start: d('2026-01-09'), end: d('2026-01-12') },
      { id: 'p0', bed: 0, start: d('2026-01-03'), end: d('2026-01-03') }, // no nights: no clash
    ],
  })
  assert.throws(
    () => deriveLedger(input),
    (e: unknown) => {
      assert.ok(e instanceof OccupancyClashError)
      assert.deepEqual(e.placementIds, ['p2', 'p3'])
      assert.equal(e.day, '2026-01-09')
      assert.match(e.message, /^Oak House, bed 2 is occupied twice from 2026-01-09: placements p2 and p3 overlap/)
      return true
    },
  )
})
