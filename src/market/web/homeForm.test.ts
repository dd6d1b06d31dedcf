import assert from 'node:assert/strict'
import { test } from 'node:test'
import { homeFormChoices, homeFormValues, isoFromParts, parseHomeForm } from './homeForm.js'

const body = {
  name: 'Oak House',
  addressLine: '',
  town: 'Southampton',
  postcode: 'so14 7du',
  registeredPlaces: '4',
  ageMin: '11',
  ageMax: '17',
  sexesAccepted: 'mixed',
  status: 'active',
  ofstedJudgement: 'Good',
  'ofstedJudgementDate-day': '4',
  'ofstedJudgementDate-month': '3',
  'ofstedJudgementDate-year': '2025',
  categories: ['MD', 'EBD'],
  needs: 'solo',
}

test('date boxes become an ISO date; all blank is no date; anything else is not a real date', () => {
  assert.equal(isoFromParts({ day: '4', month: '3', year: '2025' }), '2025-03-04')
  assert.equal(isoFromParts({ day: '', month: '', year: '' }), null)
  assert.equal(isoFromParts({ day: '4', month: '', year: '2025' }), 'incomplete')
})

test('a good form becomes the whole change for the service, with a single checkbox as a list', () => {
  const r = parseHomeForm(body)
  assert.ok(r.ok)
  assert.deepEqual(r.data, {
    name: 'Oak House',
    addressLine: null,
    town: 'Southampton',
    postcode: 'SO14 7DU',
    registeredPlaces: 4,
    ageMin: 11,
    ageMax: 17,
    sexesAccepted: 'mixed',
    ofstedJudgement: 'Good',
    ofstedJudgementDate: '2025-03-04',
    status: 'active',
    registrationDate: null,
    categories: ['EBD', 'MD'],
    needs: ['solo'],
  })
})

test('each bad control is named, in page order, and a date links to its day box', () => {
  const r = parseHomeForm({
    ...body,
    name: '',
    registeredPlaces: 'four',
    sexesAccepted: '',
    'ofstedJudgementDate-day': '31',
    'ofstedJudgementDate-month': '2',
  })
  assert.equal(r.ok, false)
  if (r.ok) return
  assert.deepEqual(
    r.errors.list.map((e) => e.href),
    ['#name', '#registeredPlaces', '#sexesAccepted', '#ofstedJudgementDate-day'],
  )
  assert.equal(r.errors.byField.registeredPlaces?.text, 'Registered places must be a whole number')
  assert.ok(r.errors.byField.ofstedJudgementDate)
})

test('the form is filled from the home, and its choices are marked', () => {
  const v = homeFormValues({
    home: {
      id: 'h',
      urn: 'SC1',
      name: 'Oak',
      provider_id: 'p',
      provider_name: 'P',
      address_line: null,
      town: null,
      postcode: 'SO14 7DU',
      easting: null,
      northing: null,
      location_precision: 'none',
      lad_code: null,
      registered_places: 3,
      age_min: null,
      age_max: 17,
      sexes_accepted: 'male',
      ofsted_judgement: 'Good',
      ofsted_judgement_date: '2025-03-04',
      status: 'active',
      registration_date: null,
      created_at: '',
      updated_at: '',
    },
    categories: ['LD'],
    needs: [],
  })
  assert.deepEqual([v.ageMin, v.ageMax, v.dates.ofstedJudgementDate], ['', '17', { day: '4', month: '3', year: '2025' }])
  const c = homeFormChoices(v)
  assert.deepEqual(
    c.categories.filter((i) => i.checked).map((i) => i.value),
    ['LD'],
  )
  assert.equal(c.sexesAccepted.find((i) => i.checked)?.value, 'male')
  assert.equal(c.ofstedJudgement.find((i) => i.selected)?.value, 'Good')
  assert.match(c.dateItems('ofstedJudgementDate', true)[0]!.classes, /govuk-input--error/)
})
