import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { ReferralRequestsView, RequestView } from '../officerService.js'
import type { SendFormView } from '../sendingService.js'
import { comparisonView } from './comparePage.js'
import { parseResponseForm } from './portalPages.js'
import { parseSendForm, sendPageView, sendValuesOf } from './sendPage.js'

const home = (id: string, feasible: boolean, open = false): SendFormView['homes'][number] => ({
  homeId: id,
  name: `Home ${id}`,
  route: 'spot',
  feasible,
  reasonCodes: feasible ? [] : ['NEEDS'],
  reasons: feasible ? [] : ['Its Statement of Purpose does not cover: Self-harm'],
  warnings: [],
  milesFromHome: 3.24,
  milesFromSchool: null,
  schoolContinuity: null,
  weeklyPricePence: 550_000,
  judgement: 'Good',
  vacantBeds: 1,
  score: { total: 50, parts: { distance: 1, school: 0, price: 1, judgement: 1, route: 0, compatibility: 0 } },
  providerId: 'p',
  providerName: 'Acme',
  openRequest: open ? { status: 'sent', sentAt: '2026-04-01T09:00:00.000Z' } : null,
})
const form: SendFormView = {
  referral: { id: 'r1', urgency: 'today', status: 'open' },
  defaultDeadline: '2026-04-01T16:00:00.000Z',
  homes: [home('a', true), home('b', false), home('c', true, true)],
}

test('only feasible homes without an open request can be ticked; the deadline defaults in UK time', () => {
  const values = sendValuesOf(form)
  assert.deepEqual(values.deadlineDate, { day: '1', month: '4', year: '2026' })
  assert.equal(values.deadlineTime, '17:00')
  const v = sendPageView(form, { ...values, homeIds: ['a'] })
  assert.deepEqual(
    v.items.map((i) => [i.value, i.checked]),
    [['a', true]],
  )
  assert.match(v.items[0]!.hint.text, /Acme · 3\.2 miles from the child’s home · spot rate £5,500\.00 a week · Ofsted: Good · 1 vacant bed/)
  assert.equal(v.others.rows.length, 2)
  assert.match(String(v.others.rows[0]![3]!.html), /Cannot take the child.*Statement of Purpose/)
  assert.match(String(v.others.rows[1]![3]!.html), /Already sent/)
})

test('the send form: chosen homes must be offered, the deadline a real date and time in UK time', () => {
  const ok = parseSendForm(
    { homeIds: ['a', 'a'], 'deadlineDate-day': '2', 'deadlineDate-month': '7', 'deadlineDate-year': '2026', deadlineTime: '9.30' },
    form,
  )
  assert.deepEqual(ok, { ok: true, data: { homeIds: ['a'], deadline: '2026-07-02T08:30:00.000Z' } })
  const blank = parseSendForm({ homeIds: 'a' }, form)
  assert.deepEqual(blank, { ok: true, data: { homeIds: ['a'], deadline: null } })
  const dateOnly = parseSendForm({ homeIds: 'a', 'deadlineDate-day': '2', 'deadlineDate-month': '1', 'deadlineDate-year': '2026' }, form)
  assert.ok(dateOnly.ok && dateOnly.data.deadline === '2026-01-02T17:00:00.000Z', '5pm when no time is given')
  const links = (r: ReturnType<typeof parseSendForm>) => (r.ok ? [] : r.errors.list.map((e) => e.href))
  assert.deepEqual(links(parseSendForm({ homeIds: 'c' }, form)), ['#homeIds'], 'already asked')
  assert.deepEqual(links(parseSendForm({ homeIds: 'b' }, form)), ['#homeIds'], 'infeasible')
  assert.deepEqual(links(parseSendForm({ homeIds: 'a', deadlineTime: '17:00' }, form)), ['#deadlineDate-day'])
})

test('the answer forms: pounds to pence and three date boxes for an offer; a reason for a decline', () => {
  assert.deepEqual(
    parseResponseForm({
      kind: 'offer',
      weeklyPrice: '£4,250.50',
      'startDate-day': '8',
      'startDate-month': '4',
      'startDate-year': '2026',
      note: 'x',
    }),
    {
      ok: true,
      data: { kind: 'offer', weeklyPricePence: 425_050, startDate: '2026-04-08', note: 'x' },
    },
  )
  const bad = parseResponseForm({
    kind: 'offer',
    weeklyPrice: '4,250.555',
    'startDate-day': '31',
    'startDate-month': '4',
    'startDate-year': '2026',
  })
  assert.ok(!bad.ok && bad.errors.list.map((e) => e.href).join() === '#weeklyPrice,#startDate-day')
  assert.deepEqual(parseResponseForm({ kind: 'decline', reason: 'staffing', detail: '' }), {
    ok: true,
    data: { kind: 'decline', reason: 'staffing', detail: '' },
  })
  const none = parseResponseForm({ kind: 'decline' })
  assert.ok(!none.ok && none.errors.list[0]!.href === '#reason')
})

const request = (over: Partial<RequestView>): RequestView => ({
  id: 'q',
  reference: 'RR-1',
  referralId: 'r1',
  homeId: 'h',
  homeName: 'Oak House',
  providerId: 'p',
  providerName: 'Acme',
  judgement: 'Good',
  milesFromChildHome: null,
  status: 'sent',
  deadline: '2026-04-07T16:00:00.000Z',
  sentAt: '2026-04-01T09:00:00.000Z',
  sentBy: 'Priya',
  offer: null,
  decline: null,
  respondedAt: null,
  respondedBy: null,
  closedAt: null,
  ...over,
})

test('side by side: "Book this offer" only for an offer on an open referral; withdraw only open requests, for those who may', () => {
  const offered = request({
    id: 'q1',
    homeId: 'h1',
    status: 'offered',
    offer: { id: 'o1', weeklyPricePence: 560_000, startDate: '2026-04-08', note: null },
  })
  const declined = request({ id: 'q2', status: 'declined', decline: { reason: 'other', reasonLabel: 'Other', detail: 'Full' } })
  const view = (status: ReferralRequestsView['referral']['status'], canWithdraw = true) =>
    comparisonView({ referral: { id: 'r1', status, urgency: 'today' }, requests: [offered, declined] }, 'tok', canWithdraw)
  const open = view('open')
  assert.equal(open.summary, '1 offer, 0 awaiting an answer, 1 declined, 0 expired, 0 withdrawn')
  assert.match(String(open.rows[0]![8]!.html), /href="\/referrals\/r1\/book\?homeId=h1&amp;offerId=o1"/)
  assert.match(String(open.rows[0]![8]!.html), /Withdraw/)
  assert.equal(open.rows[1]![8]!.html, '', 'nothing to do with a decline')
  assert.match(String(open.rows[1]![7]!.html), /Declined.*Other.*Full/)
  assert.equal(view('matched').rows[0]![8]!.html, '', 'a matched referral books nothing more')
  assert.doesNotMatch(String(view('open', false).rows[0]![8]!.html), /Withdraw/)
})
