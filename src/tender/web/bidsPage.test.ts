import assert from 'node:assert/strict'
import { test } from 'node:test'
import { bidDetailView, openedBidsView, openingsTable, sealedBidsView } from './bidsPage.js'
import { invitationListView, tenderListView } from './tenderList.js'
import { sampleBid, sampleTender } from './testFixtures.js'

test('sealed bids show only who bid, the status and when: nothing that could carry a price', () => {
  const v = sealedBidsView([{ id: 'b1', providerName: 'Harbour Care', status: 'submitted', submittedAt: '2026-06-10T10:00:00Z' }])
  assert.deepEqual(
    v.head.map((h) => h.text),
    ['Provider', 'Status', 'Submitted'],
  )
  assert.equal(JSON.stringify(v).includes('£'), false)
  assert.equal(v.caption, '1 bid, sealed until two officers open them')
})

test('an opened bid in full: homes by name, the open-book costs with their total, answers and attachments by question', () => {
  const d = bidDetailView(sampleBid(), sampleTender().questions, new Map([['h1', 'Oak House']]))
  assert.deepEqual(d.lines.rows, [[{ text: 'Oak House' }, { text: '3', format: 'numeric' }]])
  assert.deepEqual(d.costs.rows.at(-1), [{ text: 'Total' }, { text: '£4,500.00', format: 'numeric' }])
  assert.deepEqual(d.answers[0]!.attachments, ['staffing.pdf (2 KB)'])
  assert.equal(d.answers[1]!.html, '<p class="govuk-body">We hire locally.</p>')
  const table = openedBidsView([sampleBid()], sampleTender(), new Map()).table
  assert.match(String(table.rows[0]![0]!.html), /href="#bid-b1"/)
})

test('openings come from the timeline', () => {
  const o = openingsTable([
    { at: '2026-05-01T09:00:00Z', what: 'Created', by: 'Chris' },
    { at: '2026-06-15T12:00:00Z', what: 'Opened by officer 1 of 2', by: 'Chris' },
  ])
  assert.equal(o.count, 1)
  assert.equal(o.rows[0]![2]!.text, 'Chris')
})

test('lists of competitions and invitations link to the officers’ and the portal’s pages', () => {
  const t = sampleTender({ status: 'open', invitedCount: 2, bidCount: 1 })
  const list = tenderListView([t])
  assert.match(String(list.rows[0]![0]!.html), /href="\/tenders\/t1"/)
  assert.equal(list.rows[0]![4]!.text, '3 to 6')
  assert.equal(list.caption, '1 mini-competition')
  assert.match(String(invitationListView([t]).rows[0]![0]!.html), /href="\/portal\/tenders\/t1"/)
})
