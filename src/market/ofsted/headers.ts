import type { RegistrationCategoryCode } from '../domain/categories.js'
import { normaliseHeader } from './cells.js'

/**
 * Every column the import reads, with the headings each version of the Ofsted lists gives it
 * (Children's Homes list, Social Care Providers list, the 2024+ combined list, the official
 * statistics). Matched case-insensitively with spacing normalised; the first heading wins.
 */
export const OFSTED_COLUMNS = {
  urn: ['URN'],
  providerType: ['Provider Type', 'Provision type'],
  providerSubtype: ['Provider Subtype'],
  localAuthority: ['Local Authority', 'Setting local authority'],
  sector: ['Sector'],
  name: ['Setting Name', 'Provider name', 'Name'],
  registrationDate: ['Registration Date'],
  status: ['Registration Status', 'Provider Status'],
  closedDate: ['Closed Date', 'Deregistration date', 'Date closed'],
  places: ['Max Users', 'Number of registered places', 'Places', 'Capacity'],
  inspectionDate: ['Full Inspection Start Date', 'Date of last full inspection', 'Latest full inspection date'],
  judgement: [
    'Overall Effectiveness',
    'Latest overall Effectiveness grade from last full inspection',
    'Overall experiences and progress of children and young people',
  ],
  addressLine1: ['Setting Address Line 1', 'Provider address line 1', 'Address 1'],
  addressLine2: ['Setting Address Line 2', 'Provider address line 2', 'Address 2'],
  town: ['Setting Address Town', 'Setting town', 'Provider town', 'Town'],
  postcode: ['Setting Postcode', 'Setting Address Postcode', 'Provider postcode', 'Postcode'],
  ownerId: ['Owner ID'],
  ownerName: ['Owner Name', 'Organisation which owns the provider', 'Organisation name'],
  topCompany: ["Top company (as listed on Companies' House)", 'top_company'],
  EBD: ['Emotional and Behavioural Difficulties'],
  MD: ['Mental Disorders'],
  SI: ['Sensory Impairment'],
  ALC: ['Present Alcohol Problems'],
  DRG: ['Present Drug Problems'],
  LD: ['Learning Difficulty'],
  PD: ['Physical Disabilities'],
} as const satisfies Record<string, readonly string[]>

export type OfstedField = keyof typeof OFSTED_COLUMNS

/** The registration-category columns, by the code they are stored under. */
export const CATEGORY_FIELDS = ['EBD', 'MD', 'LD', 'PD', 'SI', 'ALC', 'DRG'] as const satisfies readonly (OfstedField &
  RegistrationCategoryCode)[]

/** Where a field was found: its column index and the heading as the file spells it. */
export type MappedColumn = { index: number; header: string }
export type HeaderMapping = {
  columns: Partial<Record<OfstedField, MappedColumn>>
  /** Headings the import does not use — reported, never an error. */
  ignored: string[]
}

const LOOKUP: ReadonlyMap<string, OfstedField> = new Map(
  (Object.entries(OFSTED_COLUMNS) as [OfstedField, readonly string[]][]).flatMap(([field, names]) =>
    names.map((n) => [normaliseHeader(n), field] as const),
  ),
)

/** Maps a header row to the fields the import reads. Pure. */
export function mapHeaders(headers: readonly string[]): HeaderMapping {
  const columns: Partial<Record<OfstedField, MappedColumn>> = {}
  const ignored: string[] = []
  headers.forEach((header, index) => {
    if (header.trim() === '') return
    const field = LOOKUP.get(normaliseHeader(header))
    if (field && !columns[field]) columns[field] = { index, header: header.trim() }
    else ignored.push(header.trim())
  })
  return { columns, ignored }
}

/** The headings a field may have, for messages about a missing column. */
export function expectedHeadings(field: OfstedField): string {
  return OFSTED_COLUMNS[field].map((h) => `"${h}"`).join(', ')
}
