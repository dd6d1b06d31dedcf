import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { samplePdf, sampleDocm, sampleDocx, sampleOds, sampleOdt, zipOf } from '../testing/sampleDocuments.js'
import { figures } from '../testing/returnsWorld.js'
import { documentFileName, recogniseDocument } from './documents.js'
import { figuresFromForm, validateFigures } from './figures.js'
import { formatMeasure, MEASURE_KEYS, measureValues } from './measures.js'
import { addMonths, dueDateOf, isMonth, monthName, monthsDue, returnStatus } from './months.js'
import { decideOfsted, isNothing } from './ofsted.js'

test('months owed run from the contract’s start month to the last full month, or the end month if sooner', () => {
  const c = { startDate: '2025-11-10', endDate: '2028-11-09' }
  assert.deepEqual(monthsDue(c, '2026-03-01'), ['2025-11', '2025-12', '2026-01', '2026-02'])
  assert.deepEqual(monthsDue(c, '2025-11-30'), [])
  assert.deepEqual(monthsDue({ startDate: '2025-01-01', endDate: '2025-03-05' }, '2026-03-01'), ['2025-01', '2025-02', '2025-03'])
  assert.equal(addMonths('2025-12', 1), '2026-01')
  assert.equal(addMonths('2026-01', -13), '2024-12')
  assert.equal(monthName('2026-02'), 'February 2026')
  assert.ok(isMonth('2026-12') && !isMonth('2026-13') && !isMonth('2026-1') && !isMonth(202601))
})

test('month arithmetic: adding then subtracting returns the month; months owed are consecutive', () => {
  const month = fc
    .tuple(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }))
    .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`)
  fc.assert(
    fc.property(month, fc.integer({ min: -500, max: 500 }), (m, n) => {
      assert.equal(addMonths(addMonths(m, n), -n), m)
      assert.ok(isMonth(addMonths(m, n)))
    }),
  )
  fc.assert(
    fc.property(month, fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 80 }), (start, length, elapsed) => {
      const due = monthsDue({ startDate: `${start}-15`, endDate: `${addMonths(start, length)}-10` }, `${addMonths(start, elapsed)}-20`)
      assert.equal(due.length, Math.min(length + 1, elapsed))
      due.forEach((m, i) => assert.equal(m, addMonths(start, i)))
    }),
  )
})

test('a return is due by the 15th of the next month: submitted on time, late, missing or still due', () => {
  assert.equal(dueDateOf('2026-03'), '2026-04-15')
  assert.equal(dueDateOf('2026-12'), '2027-01-15')
  assert.equal(returnStatus('2026-03', '2026-04-15T22:00:00.000Z', '2026-05-01'), 'submitted')
  assert.equal(returnStatus('2026-03', '2026-04-16T08:00:00.000Z', '2026-05-01'), 'late')
  assert.equal(returnStatus('2026-03', null, '2026-04-16'), 'missing')
  assert.equal(returnStatus('2026-03', null, '2026-04-15'), 'due')
})

test('measures from a return: rates per child and agency share, none where there is nothing to divide by', () => {
  const v = measureValues(figures({ childrenAccommodated: 3, incidents: 2, staffHours: 1500, agencyStaffHours: 500 }), 1)
  assert.equal(v['incidents-per-child'], 0.67)
  assert.equal(v['agency-staff-share'], 33.33)
  assert.equal(v['education-hours'], 25)
  assert.equal(v['regulation-44-reports'], 1)
  const empty = measureValues(
    figures({ childrenAccommodated: 0, educationHoursPerChildPerWeek: null, staffHours: 0, agencyStaffHours: 0 }),
    0,
  )
  assert.equal(empty['incidents-per-child'], null)
  assert.equal(empty['education-hours'], null)
  assert.equal(empty['agency-staff-share'], null)
  assert.equal(empty['regulation-44-reports'], 0)
  assert.ok(
    MEASURE_KEYS.every((k) => measureValues(null, 3)[k] === null),
    'no return, no values',
  )
  assert.equal(formatMeasure('agency-staff-share', 12.5), '12.5%')
  assert.equal(formatMeasure('education-hours', 22.5), '22.5 hours')
  assert.equal(formatMeasure('incidents', null), 'No data')
  assert.equal(formatMeasure('something-else', 1234.5), '1,234.5')
})

test('a return’s form: numbers parsed, each bad control named, agency hours within all hours', () => {
  const form = {
    childrenAccommodated: '3',
    incidents: '1,200',
    missingEpisodes: '0',
    educationHoursPerChildPerWeek: '22.46',
    physicalInterventions: '0',
    staffHours: '2000',
    agencyStaffHours: '150',
    regulation40Notifications: '1',
    notes: '  ',
  }
  const ok = validateFigures(figuresFromForm(form))
  assert.ok(ok.ok)
  assert.equal(ok.data.incidents, 1200)
  assert.equal(ok.data.educationHoursPerChildPerWeek, 22.5)
  assert.equal(ok.data.notes, null)
  const bad = validateFigures(
    figuresFromForm({
      ...form,
      incidents: 'two',
      missingEpisodes: '',
      physicalInterventions: '1.5',
      agencyStaffHours: '2001',
      educationHoursPerChildPerWeek: '',
    }),
  )
  assert.ok(!bad.ok)
  assert.deepEqual(
    bad.issues.map((i) => i.field),
    ['incidents', 'missingEpisodes', 'educationHoursPerChildPerWeek', 'physicalInterventions', 'agencyStaffHours'],
  )
  assert.match(bad.issues[0]!.message, /number of incidents as a whole number/)
  // With no child accommodated, education hours may be left blank.
  assert.ok(validateFigures(figuresFromForm({ ...form, childrenAccommodated: '0', educationHoursPerChildPerWeek: '' })).ok)
  assert.ok(!validateFigures(null).ok)
})

test('Ofsted: first sight sets the baseline; a change opens one alert; a further change supersedes it; a return closes it', () => {
  const good = { judgement: 'Good', date: '2025-01-10' }
  const ri = { judgement: 'Requires improvement to be good', date: '2026-04-02' }
  const start = '2025-11-10'
  assert.deepEqual(decideOfsted({ contractStart: start, baseline: null, open: null, current: good }), {
    setBaseline: good,
    supersede: null,
    raise: null,
  })
  assert.ok(isNothing(decideOfsted({ contractStart: start, baseline: good, open: null, current: good })))
  // A new inspection with the same judgement is not a change.
  assert.ok(isNothing(decideOfsted({ contractStart: start, baseline: good, open: null, current: { ...good, date: '2026-03-01' } })))
  assert.deepEqual(decideOfsted({ contractStart: start, baseline: good, open: null, current: ri }).raise, { from: good, to: ri })
  assert.ok(isNothing(decideOfsted({ contractStart: start, baseline: good, open: { id: 'a1', to: ri }, current: ri })), 'already raised')
  const inadequate = { judgement: 'Inadequate', date: '2026-05-01' }
  assert.deepEqual(decideOfsted({ contractStart: start, baseline: good, open: { id: 'a1', to: ri }, current: inadequate }), {
    setBaseline: null,
    supersede: 'a1',
    raise: { from: good, to: inadequate },
  })
  assert.deepEqual(decideOfsted({ contractStart: start, baseline: good, open: { id: 'a1', to: ri }, current: good }), {
    setBaseline: null,
    supersede: 'a1',
    raise: null,
  })
  // Inspected during the contract before anyone looked: an alert with nothing accepted before.
  assert.deepEqual(decideOfsted({ contractStart: start, baseline: null, open: null, current: ri }).raise, { from: null, to: ri })
  const none = { judgement: null, date: null }
  assert.equal(decideOfsted({ contractStart: start, baseline: null, open: null, current: none }).setBaseline, none)
})

test('documents are recognised by content: PDF, DOCX and ODT; not macros, spreadsheets or anything else', async () => {
  assert.equal((await recogniseDocument(samplePdf()))?.extension, 'pdf')
  assert.equal((await recogniseDocument(sampleDocx()))?.extension, 'docx')
  assert.equal((await recogniseDocument(sampleOdt()))?.extension, 'odt')
  assert.equal(await recogniseDocument(sampleDocm()), null)
  assert.equal(await recogniseDocument(sampleOds()), null)
  assert.equal(await recogniseDocument(zipOf([['readme.txt', 'hello']])), null)
  assert.equal(await recogniseDocument(Buffer.from('<html><script>alert(1)</script></html>')), null)
  assert.equal(await recogniseDocument(Buffer.from('PK\u0003\u0004 but not really a zip')), null)
  const pdf = (await recogniseDocument(samplePdf()))!
  assert.equal(documentFileName('C:\\Users\\pat\\March visit.PDF', pdf), 'March visit.pdf')
  assert.equal(documentFileName('report.html', pdf), 'report.pdf', 'named for what it is')
  assert.equal(documentFileName('a"b\u0007.pdf', pdf), 'ab.pdf')
  assert.equal(documentFileName('', pdf), 'regulation-44-report.pdf')
})
