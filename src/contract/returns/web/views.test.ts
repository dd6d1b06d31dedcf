import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Scorecard } from '../../api.js'
import type { ReturnMonth } from '../returnsApi.js'
import { alertView, changeText, countByStatus, monthsTable, scorecardView, withError } from './views.js'

const month = (m: string, status: ReturnMonth['status'], versions = 0): ReturnMonth => ({
  month: m,
  dueDate: '2026-01-15',
  status,
  firstSubmittedAt: versions ? '2026-01-10T09:00:00.000Z' : null,
  current: null,
  versions,
  documents: 0,
})

test('months newest first, status in words, the action the reader can take', () => {
  const months = [month('2025-12', 'late', 2), month('2026-01', 'missing'), month('2026-02', 'due')]
  const t = monthsTable(months, (m) => `/m/${m}`, { forProvider: true })
  assert.deepEqual(
    t.rows.map((r) => r[0]!.text),
    ['February 2026', 'January 2026', 'December 2025'],
  )
  assert.match(t.rows[0]![1]!.html!, />Due by 15 January 2026</)
  assert.match(t.rows[1]![1]!.html!, /govuk-tag--red">Missing</)
  assert.match(t.rows[2]![1]!.html!, />Submitted late</)
  assert.match(t.rows[1]![5]!.html!, /Send return<span class="govuk-visually-hidden"> for January 2026/)
  assert.match(monthsTable(months, (m) => m, { forProvider: false }).rows[0]![5]!.html!, />View</)
  assert.deepEqual(countByStatus(months), { submitted: 0, late: 1, missing: 1, due: 1 })
})

test('a scorecard in two tables: a summary per target, then month by month with a rating in words in every cell', () => {
  const card: Scorecard = {
    contractId: 'c1',
    months: ['2026-01', '2026-02', '2026-03'],
    rows: [
      {
        measure: 'agency-staff-share',
        label: 'Share of care staff hours worked by agency staff',
        direction: 'at-most',
        target: 10,
        amberMargin: 5,
        values: [8, 12.5, null],
        rag: ['green', 'amber', 'none'],
      },
    ],
    ofstedAlerts: [],
    returnsMissing: ['2026-03'],
  }
  const v = scorecardView(card, { limit: 2 })
  assert.equal(v.monthHead[1]!.text, 'Share of care staff hours worked by agency staff (at most 10%)')
  assert.deepEqual(
    v.monthRows.map((r) => r[0]!.text),
    ['March 2026', 'February 2026'],
  )
  assert.match(v.monthRows[1]![1]!.html!, /^12\.5% <strong class="govuk-tag govuk-tag--yellow">Amber<\/strong>$/)
  assert.match(v.monthRows[0]![1]!.html!, /No data <strong class="govuk-tag govuk-tag--grey">No data/)
  assert.match(v.summaryRows[0]![3]!.html!, /12\.5% in February 2026 .*Amber/)
  assert.deepEqual(
    v.summaryRows[0]!.slice(4).map((c) => c.text),
    ['1', '1', '0'],
  )
  assert.deepEqual([v.monthsShown, v.monthsTotal, v.missing], [2, 3, ['March 2026']])
  assert.equal(scorecardView(card, { limit: null }).monthRows.length, 3)
})

test('an alert in words; a page’s errors gain one for the file to choose again', () => {
  const alert = {
    id: 'a1',
    contractId: 'c1',
    contractReference: 'PW-1',
    providerName: 'Acme',
    homeId: 'h1',
    homeName: 'Oak <House>',
    fromAccepted: true,
    from: 'Good',
    fromDate: '2025-01-10',
    to: 'Inadequate',
    toDate: '2026-05-12',
    raisedAt: '2026-05-13T09:00:00.000Z',
    status: 'acknowledged' as const,
    closedAt: '2026-05-14T09:00:00.000Z',
    closedBy: 'Chris',
    note: 'Visit booked',
  }
  assert.equal(changeText(alert), 'Good to Inadequate')
  assert.equal(changeText({ ...alert, fromAccepted: false, from: null }), 'Inadequate, first judged during the contract')
  const v = alertView(alert)
  assert.deepEqual(v.tag, { text: 'Acknowledged', classes: 'govuk-tag--grey' })
  assert.deepEqual(
    v.rows.map((r) => r.key.text),
    ['Change', 'Judged on', 'Raised', 'Acknowledged', 'Note'],
  )
  const errors = withError(
    { list: [{ text: 'Enter incidents', href: '#incidents' }], byField: { incidents: { text: 'Enter incidents' } } },
    'file',
    'Again',
  )
  assert.deepEqual(
    errors.list.map((e) => e.href),
    ['#incidents', '#file'],
  )
  assert.equal(withError(errors, 'file', 'Twice'), errors)
})
