import assert from 'node:assert/strict'
import { test } from 'node:test'
import { extendedEndDate, extensionState, reminderThreshold } from './extension.js'
import { termsProblems, type ContractTerms } from './terms.js'
import { bedChanges, describeChange } from './variations.js'
import { parseContractForm } from './web/contractForm.js'

test('extension timing: due within 120 days of the notice date, the nearest reminder threshold, never past the latest end', () => {
  const c = (noticeDate: string | null, status: 'none' | 'available' | 'taken' | 'declined' = 'available') => ({
    extensionStatus: status,
    extensionNoticeDate: noticeDate,
  })
  assert.deepEqual(extensionState(c('2027-02-28'), '2026-10-31'), { kind: 'due', noticeDate: '2027-02-28', daysLeft: 120 })
  assert.deepEqual(extensionState(c('2027-02-28'), '2026-10-30'), { kind: 'not-yet', noticeDate: '2027-02-28', daysLeft: 121 })
  assert.deepEqual(extensionState(c('2027-02-28'), '2027-02-28'), { kind: 'due', noticeDate: '2027-02-28', daysLeft: 0 })
  assert.deepEqual(extensionState(c('2027-02-28'), '2027-03-01'), { kind: 'notice-passed', noticeDate: '2027-02-28' })
  assert.deepEqual(extensionState(c('2027-02-28', 'taken'), '2027-03-01'), { kind: 'decided', status: 'taken' })
  assert.deepEqual(extensionState(c(null, 'none'), '2027-03-01'), { kind: 'none' })
  assert.deepEqual([120, 91, 90, 61, 60, 31, 30, 8, 7, 0, -1].map(reminderThreshold), [null, null, 90, 90, 60, 60, 30, 30, 7, 7, null])
  assert.equal(extendedEndDate('2027-09-29', 24, '2029-09-29'), '2029-09-29')
  assert.equal(extendedEndDate('2027-09-29', 36, '2029-09-29'), '2029-09-29', 'capped at the latest end')
  assert.equal(extendedEndDate('2027-02-28', 12, '2030-01-01'), '2028-02-29')
})

test('terms: the rules between fields, each naming its control', () => {
  const t: Omit<ContractTerms, 'bedIds'> = {
    reference: 'C-1',
    kind: 'block',
    providerId: 'p',
    pricePencePerBedWeek: 500_000,
    pricingModel: 'block',
    placementFeePencePerWeek: null,
    startDate: '2026-01-01',
    initialEndDate: '2028-12-31',
    maxExtentDate: '2030-12-31',
    extensionMonths: 24,
    extensionNoticeDate: '2028-06-30',
    paymentFrequency: '4-weekly',
    voidReleaseAfterDays: 28,
    indexation: { capBps: 150, reviewBps: 300, cpiLagMonths: 2 },
  }
  assert.deepEqual(termsProblems(t), [])
  const fields = (over: Partial<typeof t>) => termsProblems({ ...t, ...over }).map((p) => p.field)
  assert.deepEqual(fields({ initialEndDate: '2025-12-31' }), ['initialEndDate', 'extensionNoticeDate'])
  assert.deepEqual(fields({ maxExtentDate: '2028-06-30' }), ['maxExtentDate', 'extensionMonths'])
  assert.deepEqual(fields({ pricingModel: 'core-and-placement' }), ['placementFeePencePerWeek'])
  assert.deepEqual(fields({ placementFeePencePerWeek: 100 }), ['placementFeePencePerWeek'])
  assert.deepEqual(fields({ extensionMonths: null }), ['extensionMonths', 'extensionNoticeDate'])
  assert.deepEqual(fields({ extensionMonths: 36 }), ['extensionMonths'])
  assert.deepEqual(fields({ extensionNoticeDate: '2029-01-01' }), ['extensionNoticeDate'])
  assert.deepEqual(fields({ indexation: { capBps: 400, reviewBps: 300, cpiLagMonths: 2 } }), ['reviewBps'])
  assert.deepEqual(fields({ extensionMonths: null, extensionNoticeDate: null, maxExtentDate: '2028-12-31' }), [])
})

test('a beds variation: what to add and remove to reach the beds wanted, told in words', () => {
  const change = bedChanges(['a', 'b', 'c'], ['b', 'c', 'd'])
  assert.deepEqual(change, { add: ['d'], remove: ['a'] })
  const label = (id: string) => `Bed ${id.toUpperCase()}`
  assert.equal(describeChange({ kind: 'beds', ...change }, label), 'Beds: add Bed D; remove Bed A')
  assert.equal(
    describeChange({ kind: 'price', pricePencePerBedWeek: 300_000, placementFeePencePerWeek: 150_000 }, label),
    'Price: £3,000.00 per bed-week, plus £1,500.00 per occupied bed-week',
  )
  assert.equal(describeChange({ kind: 'dates', endDate: '2029-03-31', extensionNoticeDate: null }, label), 'End date: 31 March 2029')
})

test('the hand-entry form: pounds and per cent read as pence and basis points; problems named by control', () => {
  const body = {
    reference: 'IH-1',
    kind: 'in-house',
    providerId: 'p1',
    bedIds: ['b1', 'b2'],
    pricePencePerBedWeek: '£4,250.50',
    pricingModel: 'block',
    'startDate-day': '1',
    'startDate-month': '4',
    'startDate-year': '2026',
    'initialEndDate-day': '31',
    'initialEndDate-month': '3',
    'initialEndDate-year': '2029',
    'maxExtentDate-day': '31',
    'maxExtentDate-month': '3',
    'maxExtentDate-year': '2029',
    paymentFrequency: 'monthly',
    voidReleaseAfterDays: '',
    indexation: 'yes',
    capBps: '1.5',
    reviewBps: '3%',
    cpiLagMonths: '2',
  }
  const ok = parseContractForm(body)
  assert.ok(ok.ok)
  assert.deepEqual(
    [ok.data.pricePencePerBedWeek, ok.data.indexation, ok.data.voidReleaseAfterDays, ok.data.extensionNoticeDate, ok.data.bedIds],
    [425_050, { capBps: 150, reviewBps: 300, cpiLagMonths: 2 }, null, null, ['b1', 'b2']],
  )
  const bad = parseContractForm({
    ...body,
    pricePencePerBedWeek: 'four thousand',
    capBps: 'x',
    'startDate-month': '13',
    extensionMonths: '24',
  })
  assert.ok(!bad.ok)
  assert.deepEqual(
    bad.errors.list.map((e) => e.href),
    ['#pricePencePerBedWeek', '#startDate-day', '#extensionNoticeDate-day', '#capBps'],
  )
})
