/** A mini-competition as the service describes it, for the view builders' tests. */
import type { BidView, TenderDetail } from '../tenderApi.js'

export function sampleTender(changes: Partial<TenderDetail> = {}): TenderDetail {
  return {
    id: 't1',
    reference: 'PW-2026-0001',
    title: 'Block contract for 3 to 6 beds',
    status: 'draft',
    legalRegime: 'PCR2015',
    submissionDeadline: '2026-06-15T11:00:00.000Z',
    bedsMin: 3,
    bedsMax: 6,
    invitedCount: 0,
    bidCount: 0,
    frameworkId: 'f1',
    description: 'Beds near Southampton.\n\nFull range of needs.',
    lotIds: ['l1'],
    areaPostcode: 'SO14 7DU',
    areaMiles: 20,
    needs: ['challenging-behaviour'],
    ageMin: 11,
    ageMax: 17,
    startDate: '2026-09-01',
    termYears: 3,
    extensionYears: 2,
    pricePercent: 40,
    priceMethod: 'per-bed-week',
    awardRule: 'optimal',
    maxProviders: 2,
    fillToMax: false,
    budgetPencePerWeek: 2_500_000,
    excludedJudgements: ['Inadequate'],
    abnormallyLowPercent: 70,
    abnormallyLowBasis: 'median-of-bids',
    clarificationDeadline: '2026-06-01T16:00:00.000Z',
    evaluationEndDate: '2026-06-30',
    ocid: 'ocds-h6vhtk-0468ff-PW-2026-0001',
    frameworkName: 'Children’s Residential Placements',
    lots: [{ id: 'l1', number: 1, name: 'Planned and same-day residential' }],
    questions: [
      { id: 'q1', number: 1, title: 'Staffing', guidance: 'How you staff the home', weight: 35, minimumScore: 2, kind: 'quality' },
      { id: 'q2', number: 2, title: 'Local employment', guidance: '', weight: 25, minimumScore: 0, kind: 'social-value' },
    ],
    qualityPercent: 60,
    createdAt: '2026-05-01T09:00:00.000Z',
    publishedAt: null,
    events: [{ at: '2026-05-01T09:00:00.000Z', what: 'Created', by: 'Chris Commissioner' }],
    ...changes,
  }
}

export function sampleBid(changes: Partial<BidView> = {}): BidView {
  return {
    id: 'b1',
    providerId: 'p1',
    providerName: 'Harbour Care Ltd',
    status: 'submitted',
    submittedAt: '2026-06-10T10:00:00.000Z',
    beds: 3,
    lines: [{ homeId: 'h1', beds: 3 }],
    pricePencePerBedWeek: 450_000,
    coreFeePencePerWeek: null,
    perPlacementFeePencePerWeek: null,
    costBreakdown: { staffing: 300_000, premises: 50_000, education: 20_000, therapy: 30_000, overheads: 25_000, profit: 25_000 },
    answers: [
      { questionId: 'q1', text: 'Two staff to each child.\nWaking nights.' },
      { questionId: 'q2', text: 'We hire locally.' },
    ],
    attachments: [{ id: 'a1', fileName: 'staffing.pdf', bytes: 2048, questionId: 'q1' }],
    ...changes,
  }
}
