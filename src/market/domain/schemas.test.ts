import assert from 'node:assert/strict'
import { test } from 'node:test'
import { UserInputError } from '../../platform/errors.js'
import {
  HomeFieldsSchema,
  MembershipChangeSchema,
  NewFrameworkSchema,
  NewHomeSchema,
  ProviderFieldsSchema,
  parseOrThrow,
} from './schemas.js'

const home = {
  name: ' Oak House ',
  postcode: 'so147du',
  registeredPlaces: 4,
  ageMin: 11,
  ageMax: 17,
  sexesAccepted: 'mixed',
  ofstedJudgement: 'Good',
  ofstedJudgementDate: '2025-03-04',
  status: 'active',
  categories: ['MD', 'EBD', 'EBD'],
  needs: ['self-harm'],
}

test('a good home is trimmed, its postcode normalised and its lists sorted without repeats', () => {
  const h = parseOrThrow(HomeFieldsSchema, home)
  assert.equal(h.name, 'Oak House')
  assert.equal(h.postcode, 'SO14 7DU')
  assert.deepEqual(h.categories, ['EBD', 'MD'])
  assert.equal(h.addressLine, null)
})

function fieldOf(schema: Parameters<typeof parseOrThrow>[0], input: unknown): string | undefined {
  try {
    parseOrThrow(schema, input)
  } catch (err) {
    assert.ok(err instanceof UserInputError)
    return err.where?.field
  }
  assert.fail('expected a UserInputError')
}

test('each bad home field is named', () => {
  assert.equal(fieldOf(HomeFieldsSchema, { ...home, name: ' ' }), 'name')
  assert.equal(fieldOf(HomeFieldsSchema, { ...home, postcode: 'not a postcode' }), 'postcode')
  assert.equal(fieldOf(HomeFieldsSchema, { ...home, registeredPlaces: 2.5 }), 'registeredPlaces')
  assert.equal(fieldOf(HomeFieldsSchema, { ...home, ageMin: 16, ageMax: 12 }), 'ageMax')
  assert.equal(fieldOf(HomeFieldsSchema, { ...home, categories: ['XYZ'] }), 'categories')
  assert.equal(fieldOf(HomeFieldsSchema, { ...home, ofstedJudgementDate: '2025-02-30' }), 'ofstedJudgementDate')
  assert.equal(fieldOf(HomeFieldsSchema, { ...home, ofstedJudgement: null }), 'ofstedJudgement')
  assert.equal(fieldOf(NewHomeSchema, { ...home, urn: 'SC 1', providerId: 'p' }), 'urn')
})

test('a Companies House number must have the right shape; blank means none', () => {
  assert.equal(fieldOf(ProviderFieldsSchema, { name: 'Acme', companiesHouseNumber: '123' }), 'companiesHouseNumber')
  assert.equal(parseOrThrow(ProviderFieldsSchema, { name: 'Acme', companiesHouseNumber: '' }).companiesHouseNumber, null)
})

test('spot rates are whole pence, not negative', () => {
  assert.equal(fieldOf(MembershipChangeSchema, { lotId: 'l', status: 'active', spotRatePencePerWeek: -1 }), 'spotRatePencePerWeek')
  assert.equal(fieldOf(MembershipChangeSchema, { lotId: 'l', status: 'gone', spotRatePencePerWeek: null }), 'status')
})

test('a framework ends after it starts', () => {
  const f = { name: 'F', legalRegime: 'PCR2015', startsOn: '2024-10-01', endsOn: '2024-09-01', leadOrganisationId: 'o' }
  assert.equal(fieldOf(NewFrameworkSchema, f), 'endsOn')
  assert.equal(fieldOf(NewFrameworkSchema, { ...f, endsOn: '2028-09-30', legalRegime: 'EU' }), 'legalRegime')
})
