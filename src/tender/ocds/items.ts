/** Bed-weeks as OCDS items: quantity = beds × 52 × years, unit = UN/CEFACT 'WEE' (week) priced per bed-week. */
import { gbp } from './money.js'
import type { OcdsClassification, OcdsItem } from './types.js'

export const WEEKS_PER_YEAR = 52

// CPV 2008. Children's homes are welfare services for children and young people (85311300),
// within social work services with accommodation (85311000).
export const CPV_CHILDREN_WELFARE: OcdsClassification = {
  scheme: 'CPV',
  id: '85311300',
  description: 'Welfare services for children and young people',
}
export const CPV_SOCIAL_WORK_WITH_ACCOMMODATION: OcdsClassification = {
  scheme: 'CPV',
  id: '85311000',
  description: 'Social work services with accommodation',
}

export function bedWeeks(beds: number, years: number): number {
  return beds * WEEKS_PER_YEAR * years
}

export function bedWeekItem(input: {
  id: string
  description: string
  beds: number
  years: number
  pricePencePerBedWeek?: number
  relatedLot?: string
}): OcdsItem {
  const item: OcdsItem = {
    id: input.id,
    description: input.description,
    classification: CPV_CHILDREN_WELFARE,
    additionalClassifications: [CPV_SOCIAL_WORK_WITH_ACCOMMODATION],
    quantity: bedWeeks(input.beds, input.years),
    unit: { scheme: 'UNCEFACT', id: 'WEE', name: 'bed-week' },
  }
  if (input.pricePencePerBedWeek !== undefined) item.unit.value = gbp(input.pricePencePerBedWeek)
  if (input.relatedLot !== undefined) item.relatedLot = input.relatedLot
  return item
}
