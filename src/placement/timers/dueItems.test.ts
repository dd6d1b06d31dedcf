import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { addDays, toEpochDay } from '../../platform/calendar/isoDate.js'
import { isListed, latestReminderDay, timerItems } from './dueItems.js'

describe('what a placement owes today', () => {
  const p = { startDate: '2026-04-02', endDate: null }
  it('the placement plan until it is prepared, and the next visit', () => {
    assert.deepEqual(timerItems(p, [], null, '2026-04-14'), [
      { kind: 'placement-plan', dueOn: '2026-04-13', overdue: true, daysOverdue: 1 },
      { kind: 'visit', dueOn: '2026-04-09', overdue: true, daysOverdue: 5 },
    ])
    assert.deepEqual(timerItems(p, ['2026-04-08'], '2026-04-01', '2026-04-14'), [
      { kind: 'visit', dueOn: '2026-05-20', overdue: false, daysOverdue: 0 },
    ])
  })
  it('nothing once the placement has ended', () => {
    assert.deepEqual(timerItems({ startDate: '2026-04-02', endDate: '2026-04-10' }, [], null, '2026-04-14'), [])
  })
  it('lists what is overdue or due within two weeks', () => {
    const item = (dueOn: string) => ({ kind: 'visit' as const, dueOn, overdue: dueOn < '2026-04-14', daysOverdue: 0 })
    assert.equal(isListed(item('2026-04-28'), '2026-04-14'), true)
    assert.equal(isListed(item('2026-04-29'), '2026-04-14'), false)
    assert.equal(isListed(item('2026-01-01'), '2026-04-14'), true)
  })
})

describe('reminder days', () => {
  const due = '2026-05-20'
  it('3 days before, on the day, the day after, then weekly while overdue', () => {
    const days = [
      '2026-05-16',
      '2026-05-17',
      '2026-05-18',
      '2026-05-19',
      '2026-05-20',
      '2026-05-21',
      '2026-05-27',
      '2026-05-28',
      '2026-06-04',
    ]
    assert.deepEqual(
      days.map((d) => latestReminderDay(due, d)),
      [null, '2026-05-17', '2026-05-17', '2026-05-17', '2026-05-20', '2026-05-21', '2026-05-21', '2026-05-28', '2026-06-04'],
    )
  })
  it('the reminder day is never after today, and once overdue falls on the weekly grid within the last 7 days', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30, max: 400 }), (offset) => {
        const today = addDays(due, offset)
        const r = latestReminderDay(due, today)
        if (offset < -3) return r === null
        if (r === null || r > today || r < addDays(due, -3)) return false
        if (offset < 1) return true
        const sinceDue = toEpochDay(r) - toEpochDay(due)
        return (sinceDue - 1) % 7 === 0 && toEpochDay(today) - toEpochDay(r) < 7
      }),
    )
    const overdueDays = Array.from({ length: 70 }, (_, k) => latestReminderDay(due, addDays(due, k + 1)))
    assert.equal(new Set(overdueDays).size, 10)
  })
})
