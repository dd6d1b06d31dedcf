import assert from 'node:assert/strict'
import { test } from 'node:test'
import { normaliseJudgement } from './judgement.js'
import { categoryCell, dateCell, judgementCell, parseCell, placesCell, statusCell, urnCell } from './values.js'

const ok = <T>(r: { ok: true; value: T } | { ok: false; message: string }) => {
  assert.ok(r.ok, r.ok ? '' : r.message)
  return r.value
}
const message = (r: { ok: boolean; message?: string }) => {
  assert.equal(r.ok, false)
  return r.message
}

test('URNs: SC and six digits, or a six- or seven-digit number; anything else is refused', () => {
  assert.equal(ok(parseCell(urnCell, 'sc123456')), 'SC123456')
  assert.equal(ok(parseCell(urnCell, ' SC 123456 ')), 'SC123456')
  assert.equal(ok(parseCell(urnCell, 123456)), '123456')
  assert.equal(ok(parseCell(urnCell, '2512345')), '2512345')
  assert.match(message(parseCell(urnCell, 'ARN00001'))!, /is not an Ofsted URN/)
  assert.match(message(parseCell(urnCell, 'SC12345'))!, /is not an Ofsted URN/)
  assert.match(message(parseCell(urnCell, 1))!, /is not an Ofsted URN/)
  assert.match(message(parseCell(urnCell, '-'))!, /is blank/)
})

test('places: a whole number of zero or more; blank is null', () => {
  assert.equal(ok(parseCell(placesCell, 4)), 4)
  assert.equal(ok(parseCell(placesCell, ' 6 ')), 6)
  assert.equal(ok(parseCell(placesCell, '3.0')), 3)
  assert.equal(ok(parseCell(placesCell, 0)), 0)
  assert.equal(ok(parseCell(placesCell, '-')), null)
  assert.equal(ok(parseCell(placesCell, null)), null)
  for (const bad of ['-2', -2, 2.5, 'four', '4 beds']) {
    assert.equal(message(parseCell(placesCell, bad)), 'is not a number of places', String(bad))
  }
})

test('dates: Excel dates and serial numbers, dd/mm/yyyy and ISO all become YYYY-MM-DD', () => {
  assert.equal(ok(parseCell(dateCell, new Date(Date.UTC(2024, 1, 29)))), '2024-02-29')
  assert.equal(ok(parseCell(dateCell, 45351)), '2024-02-29')
  assert.equal(ok(parseCell(dateCell, '29/02/2024')), '2024-02-29')
  assert.equal(ok(parseCell(dateCell, '1/3/2024')), '2024-03-01')
  assert.equal(ok(parseCell(dateCell, '2024-03-01')), '2024-03-01')
  assert.equal(ok(parseCell(dateCell, '2023-12-01T00:00:00.000Z')), '2023-12-01')
  assert.equal(ok(parseCell(dateCell, '-')), null)
  assert.match(message(parseCell(dateCell, '31/02/2024'))!, /not a date that exists/)
  assert.match(message(parseCell(dateCell, '03-2024'))!, /is not a date/)
  assert.match(message(parseCell(dateCell, 7))!, /is not a date/)
})

test('judgements: every wording and grade comes to one of five values', () => {
  assert.equal(ok(parseCell(judgementCell, 'Requires improvement')), 'Requires improvement to be good')
  assert.equal(ok(parseCell(judgementCell, 'requires improvement to be good')), 'Requires improvement to be good')
  assert.equal(ok(parseCell(judgementCell, 'Adequate')), 'Requires improvement to be good')
  assert.equal(ok(parseCell(judgementCell, 1)), 'Outstanding')
  assert.equal(ok(parseCell(judgementCell, '2')), 'Good')
  assert.equal(ok(parseCell(judgementCell, 4)), 'Inadequate')
  assert.equal(ok(parseCell(judgementCell, ' OUTSTANDING ')), 'Outstanding')
  assert.equal(ok(parseCell(judgementCell, null)), 'Not yet inspected')
  assert.equal(ok(parseCell(judgementCell, '-')), 'Not yet inspected')
  assert.match(message(parseCell(judgementCell, 'Excellent'))!, /is not an Ofsted judgement/)
  assert.match(message(parseCell(judgementCell, 5))!, /is not an Ofsted judgement/)
  assert.equal(normaliseJudgement('Good.'), 'Good')
})

test('registration status: Active and Registered are open, Suspended suspended, anything else closed', () => {
  assert.equal(ok(parseCell(statusCell, 'Active')), 'active')
  assert.equal(ok(parseCell(statusCell, 'registered')), 'active')
  assert.equal(ok(parseCell(statusCell, 'Suspended')), 'suspended')
  assert.equal(ok(parseCell(statusCell, 'Resigned')), 'closed')
  assert.equal(ok(parseCell(statusCell, '')), null)
})

test('registration categories: yes-like, positive numbers and named details count; no-like and blank do not', () => {
  for (const yes of ['Yes', 'Y', 1, 3, 'Blind', true]) assert.equal(ok(parseCell(categoryCell, yes)), true, String(yes))
  for (const no of ['No', 'n', 0, '0', '-', '', null, false]) assert.equal(ok(parseCell(categoryCell, no)), false, String(no))
})
