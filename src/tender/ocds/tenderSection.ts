/** The `tender` section of a call-off release: the mini-competition as advertised to the invited providers. */
import { daysBetween, ocdsDateTime, termEnd } from './dateTime.js'
import { bedWeekItem } from './items.js'
import type { PartyList } from './parties.js'
import type { OcdsCriterion, OcdsLot, OcdsRenewal, OcdsStage, OcdsTender, OcdsTenderRecord } from './types.js'

type TenderInput = OcdsTenderRecord['tender']

/** Our tender status → the OCDS tenderStatus codelist. */
export function tenderStatus(status: TenderInput['status']): OcdsTender['status'] {
  switch (status) {
    case 'draft':
      return 'planning'
    case 'concluded':
      return 'complete'
    case 'cancelled':
      return 'cancelled'
    default:
      return 'active' // open through standstill: the process is still running
  }
}

/** With no real lots, OCDS asks for a single virtual lot. */
export function lotsOf(t: TenderInput): { id: string; title: string }[] {
  return t.lots.length > 0
    ? [...t.lots].sort((a, b) => a.number - b.number).map((l) => ({ id: l.id, title: l.title }))
    : [{ id: '1', title: t.title }]
}

export function renewalOf(extensionYears: number, days: number): OcdsRenewal | undefined {
  if (extensionYears <= 0) return undefined
  return {
    description: `The contract may be extended once, by up to ${extensionYears} year${extensionYears === 1 ? '' : 's'}.`,
    maximumRenewals: 1,
    period: { durationInDays: days },
  }
}

function priceName(t: TenderInput): string {
  return t.priceMethod === 'per-bed-week' ? 'Price per bed-week' : 'Whole-life cost'
}

function criteria(t: TenderInput): OcdsCriterion[] {
  const questions = [...t.awardCriteria.questions].sort((a, b) => a.number - b.number)
  return [
    ...questions.map((q): OcdsCriterion => {
      const numbers: OcdsCriterion['numbers'] = [{ number: q.weight, weight: 'percentageExact' }]
      if (q.minimumScore > 0) numbers.push({ number: q.minimumScore, threshold: 'minimumScore' })
      return {
        type: 'quality',
        name: `Q${q.number} ${q.title}`,
        description: q.kind === 'social-value' ? 'Social value, scored 0–5.' : 'Quality, scored 0–5.',
        numbers,
      }
    }),
    {
      type: 'price',
      name: priceName(t),
      description: 'Scored relative to the lowest price: lowest ÷ this price × the price weight.',
      numbers: [{ number: t.awardCriteria.pricePercent, weight: 'percentageExact' }],
    },
  ]
}

function criteriaDetails(t: TenderInput): string {
  const qs = [...t.awardCriteria.questions].sort((a, b) => a.number - b.number)
  const parts = qs.map((q) => `Q${q.number} ${q.title} ${q.weight}%${q.minimumScore > 0 ? ` (minimum score ${q.minimumScore})` : ''}`)
  parts.push(`${priceName(t)} ${t.awardCriteria.pricePercent}%`)
  return `Most advantageous tender: ${parts.join('; ')}.`
}

export function buildTender(record: OcdsTenderRecord, stage: OcdsStage, parties: PartyList): OcdsTender {
  const t = record.tender
  const buyer = parties.add(record.buyer.id, record.buyer.name, 'procuringEntity', record.buyer.address)
  const lots = lotsOf(t)
  const termEndDate = termEnd(t.startDate, t.termYears)
  const maxExtent = termEnd(t.startDate, t.termYears + t.extensionYears)
  const renewal = renewalOf(t.extensionYears, daysBetween(termEndDate, maxExtent))
  const lotCriteria = { criteria: criteria(t) }
  const lotStatus = tenderStatus(t.status)

  const tender: OcdsTender = {
    id: t.id,
    title: t.title,
    description: t.description,
    status: tenderStatus(t.status),
    procuringEntity: buyer,
    items: [
      bedWeekItem({
        id: '1',
        description: `Children's residential care: ${t.bedsMin === t.bedsMax ? t.bedsMax : `${t.bedsMin} to ${t.bedsMax}`} beds for ${t.termYears} years, priced per bed-week`,
        beds: t.bedsMax,
        years: t.termYears,
        ...(lots.length === 1 ? { relatedLot: lots[0]!.id } : {}),
      }),
    ],
    procurementMethod: 'selective',
    procurementMethodDetails: `Mini-competition (call-off with reopening of competition) under the framework "${record.framework.name}", among the ${t.invitedProviders.length} provider${t.invitedProviders.length === 1 ? '' : 's'} invited`,
    mainProcurementCategory: 'services',
    awardCriteria: 'ratedCriteria',
    awardCriteriaDetails: criteriaDetails(t),
    submissionMethod: ['electronicSubmission'],
    contractPeriod: {
      startDate: ocdsDateTime(t.startDate),
      endDate: ocdsDateTime(termEndDate, 'end'),
      maxExtentDate: ocdsDateTime(maxExtent, 'end'),
    },
    lots: lots.map((l): OcdsLot => ({ id: l.id, title: l.title, status: lotStatus, awardCriteria: lotCriteria })),
    techniques: { hasFrameworkAgreement: true, frameworkAgreement: { method: 'withReopeningCompetition' } },
    competitive: true,
    hasRenewal: renewal !== undefined,
  }
  if (renewal) tender.renewal = renewal
  if (t.publishedAt) {
    tender.tenderPeriod = { startDate: ocdsDateTime(t.publishedAt), endDate: ocdsDateTime(t.submissionDeadline) }
    tender.enquiryPeriod = { startDate: ocdsDateTime(t.publishedAt), endDate: ocdsDateTime(t.clarificationDeadline) }
  }
  // Who bid stays sealed until the award is published.
  if (stage !== 'tender') {
    tender.tenderers = t.tenderers.map((p) => parties.addProvider(p, 'tenderer'))
    tender.numberOfTenderers = t.tenderers.length
  }
  return tender
}
