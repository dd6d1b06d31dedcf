/** A made-up but realistic mini-competition, for tests and the demo: every id here is fictitious. */
import type { OcdsProvider, OcdsPublishOptions, OcdsTenderRecord } from './types.js'

const harbour: OcdsProvider = { id: 'prov-harbour', name: 'Harbour Lights Care Ltd', companiesHouseNumber: '1234567' }
const oakwood: OcdsProvider = {
  id: 'prov-oakwood',
  name: 'Oakwood Children’s Homes Ltd',
  companiesHouseNumber: 'SC123456',
  address: { locality: 'Eastleigh', postalCode: 'SO50 9ZZ', countryName: 'United Kingdom' },
}
const meadow: OcdsProvider = { id: 'prov-meadow', name: 'Meadow House Trust', companiesHouseNumber: null }

export function sampleRecord(): OcdsTenderRecord {
  // A deep copy each time, so a test that edits its record cannot touch another's.
  return structuredClone({
    framework: { ocid: 'ocds-placewise-fw-2024-01', name: 'Children’s Residential Care Framework 2024' },
    buyer: {
      id: 'GB-PPON-PQRS-1234-WXYZ',
      name: 'Southampton City Council',
      address: { streetAddress: 'Civic Centre', locality: 'Southampton', postalCode: 'SO14 7LY', countryName: 'United Kingdom' },
    },
    tender: {
      id: 'PW-2026-0001',
      ocid: 'ocds-placewise-PW-2026-0001',
      title: 'Block beds for children with complex needs',
      description: 'Three to six beds within 20 miles of Southampton, for three years with up to two years more.',
      lots: [{ id: 'lot-1', number: 1, title: 'Lot 1: residential care for children with complex needs' }],
      bedsMin: 3,
      bedsMax: 6,
      startDate: '2026-09-01',
      termYears: 3,
      extensionYears: 2,
      priceMethod: 'per-bed-week',
      awardCriteria: {
        pricePercent: 40,
        questions: [
          { number: 2, title: 'Social value', weight: 10, minimumScore: 0, kind: 'social-value' },
          { number: 1, title: 'Care and outcomes', weight: 50, minimumScore: 2, kind: 'quality' },
        ],
      },
      clarificationDeadline: '2026-05-15T12:00:00+01:00',
      submissionDeadline: '2026-05-29T12:00:00+01:00',
      publishedAt: '2026-05-01T09:30:00+01:00',
      status: 'concluded',
      invitedProviders: [harbour, oakwood, meadow],
      tenderers: [harbour, oakwood],
    },
    awards: [
      {
        id: 'award-1',
        date: '2026-06-22',
        status: 'active',
        providers: [harbour],
        homes: [
          { id: 'home-a', name: 'Harbour View', urn: 'SC111111', beds: 2 },
          { id: 'home-b', name: 'Lighthouse Lodge', urn: 'SC222222', beds: 1 },
        ],
        beds: 3,
        pricePencePerBedWeek: 512_345,
        standstill: { startDate: '2026-06-22', endDate: '2026-07-01' },
      },
    ],
    contracts: [
      {
        id: 'contract-1',
        awardId: 'award-1',
        provider: harbour,
        beds: 3,
        pricePencePerBedWeek: 512_345,
        period: { startDate: '2026-09-01', endDate: '2029-08-31', maxExtentDate: '2031-08-31' },
        dateSigned: '2026-07-03T10:00:00+01:00',
        status: 'active',
      },
    ],
  } satisfies OcdsTenderRecord)
}

export const samplePublishOptions: OcdsPublishOptions = {
  publisher: { name: 'Southampton City Council' },
  uri: 'https://placewise.example/ocds/PW-2026-0001/award.json',
  publishedDate: '2026-07-03T12:00:00Z',
}
