import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { addMonths, dueVisits, placementPlanDue, statutoryVisitDates } from './statutoryTimers.js'

describe('placement plan due (5 working days after the start)', () => {
  it('skips Good Friday and Easter Monday 2026', () => {
    // Start Thu 2 Apr 2026. Fri 3 (Good Friday), Sat 4, Sun 5, Mon 6 (Easter Monday) are not working days;
    // the 5 working days after the start are Tue 7, Wed 8, Thu 9, Fri 10, Mon 13.
    assert.equal(placementPlanDue('2026-04-02'), '2026-04-13')
  })
  it('an ordinary week: Mon 9 Mar 2026 → Mon 16 Mar', () => {
    assert.equal(placementPlanDue('2026-03-09'), '2026-03-16')
  })
  it('over Christmas 2026: Wed 23 Dec → Mon 4 Jan 2027 (25, 28 Dec and 1 Jan are bank holidays)', () => {
    // Working days after 23 Dec: Thu 24 (1), [Fri 25 Christmas, Sat 26, Sun 27, Mon 28 Boxing Day substitute], Tue 29 (2), Wed 30 (3), Thu 31 (4), [Fri 1 Jan], Mon 4 Jan (5)
    assert.equal(placementPlanDue('2026-12-23'), '2027-01-04')
  })
  it('a start at the weekend counts from the next working day', () => {
    // Sat 7 Mar 2026: Mon 9 (1) … Fri 13 (5)
    assert.equal(placementPlanDue('2026-03-07'), '2026-03-13')
  })
})

describe('addMonths', () => {
  it('clamps to the end of a shorter month', () => {
    assert.equal(addMonths('2026-11-30', 3), '2027-02-28')
    assert.equal(addMonths('2027-11-30', 3), '2028-02-29')
    assert.equal(addMonths('2026-01-31', 12), '2027-01-31')
    assert.equal(addMonths('2026-10-15', 3), '2027-01-15')
  })
})

describe('social-worker visits (CPPCR 2010 reg 28)', () => {
  const p = { startDate: '2026-04-02', endDate: null }
  it('first visit due within a week of the start', () => {
    assert.deepEqual(dueVisits(p, [], '2026-04-05'), { nextDue: '2026-04-09', overdue: false, lastVisit: null })
    assert.deepEqual(dueVisits(p, [], '2026-04-09'), { nextDue: '2026-04-09', overdue: false, lastVisit: null })
    assert.deepEqual(dueVisits(p, [], '2026-04-10'), { nextDue: '2026-04-09', overdue: true, lastVisit: null })
  })
  it('then within 6 weeks of the last visit in the first year', () => {
    // Visit Tue 7 Apr → next by Tue 19 May (42 days)
    assert.deepEqual(dueVisits(p, ['2026-04-07'], '2026-05-19'), { nextDue: '2026-05-19', overdue: false, lastVisit: '2026-04-07' })
    assert.equal(dueVisits(p, ['2026-04-07'], '2026-05-20').overdue, true)
    // Visits in any order; the latest counts
    assert.equal(dueVisits(p, ['2026-05-10', '2026-04-07'], '2026-05-20').nextDue, '2026-06-21')
  })
  it('then within 3 months once a visit falls after the first year', () => {
    // First year ends 2 Apr 2027; a visit on 10 Apr 2027 → next by 10 Jul 2027
    assert.equal(dueVisits(p, ['2027-03-30'], '2027-04-01').nextDue, '2027-05-11')
    assert.deepEqual(dueVisits(p, ['2027-04-10'], '2027-05-01'), { nextDue: '2027-07-10', overdue: false, lastVisit: '2027-04-10' })
  })
  it('ignores visits before the start or in the future, and nothing is due once ended', () => {
    assert.equal(dueVisits(p, ['2026-03-30', '2026-06-01'], '2026-04-05').nextDue, '2026-04-09')
    assert.deepEqual(dueVisits({ startDate: '2026-04-02', endDate: '2026-04-06' }, [], '2026-04-20'), {
      nextDue: null,
      overdue: false,
      lastVisit: null,
    })
  })
})

describe('the statutory visits a placement needs, each on the last day allowed', () => {
  const p = { startDate: '2026-04-02', endDate: null }
  it('a week after the start, then every 6 weeks in the first year, then every 3 months', () => {
    const year = statutoryVisitDates(p, '2026-04-02', '2027-12-31')
    assert.deepEqual(year.slice(0, 3), ['2026-04-09', '2026-05-21', '2026-07-02'])
    // 9 Apr 2026 + 8 × 42 days = 11 Mar 2027, still in the first year (which ends 2 Apr 2027); the next is 6 weeks on.
    assert.equal(year[8], '2027-03-11')
    assert.equal(year[9], '2027-04-22')
    // 22 Apr 2027 falls after the first year: three months from then.
    assert.equal(year[10], '2027-07-22')
    assert.equal(year[11], '2027-10-22')
    // Each is exactly the next due date dueVisits gives after the one before.
    for (let k = 1; k < year.length; k++) assert.equal(dueVisits(p, year.slice(0, k), year[k - 1]!).nextDue, year[k])
  })
  it('counts only those within the period, and none on or after the end date', () => {
    assert.deepEqual(statutoryVisitDates(p, '2026-05-01', '2026-07-01'), ['2026-05-21'])
    assert.deepEqual(statutoryVisitDates({ startDate: '2026-04-02', endDate: '2026-05-21' }, '2026-01-01', '2026-12-31'), ['2026-04-09'])
    assert.deepEqual(statutoryVisitDates({ startDate: '2026-04-02', endDate: '2026-04-09' }, '2026-01-01', '2026-12-31'), [])
    assert.deepEqual(statutoryVisitDates(p, '2026-04-10', '2026-05-20'), [])
  })
})
