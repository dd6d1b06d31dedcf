import type { z } from 'zod'
import { tryParsePostcode } from '../../geo/postcode.js'
import type { RegistrationCategoryCode } from '../domain/categories.js'
import { cellText, showCell, type Cell, type SheetRow } from './cells.js'
import { CATEGORY_FIELDS, expectedHeadings, type HeaderMapping, type OfstedField } from './headers.js'
import type { OfstedJudgement } from '../domain/judgements.js'
import {
  categoryCell,
  dateCell,
  judgementCell,
  parseCell,
  placesCell,
  statusCell,
  textCell,
  urnCell,
  type RegistrationState,
} from './values.js'

/** One children's home as the Ofsted list describes it, checked and normalised. */
export type OfstedHomeRecord = {
  row: number
  urn: string
  name: string
  owner: { ofstedOwnerId: string | null; name: string }
  addressLine: string | null
  town: string | null
  postcode: string | null
  registeredPlaces: number
  judgement: OfstedJudgement
  judgementDate: string | null
  registrationDate: string | null
  status: RegistrationState
  categories: RegistrationCategoryCode[]
}

export type RowOutcome =
  | { kind: 'home'; home: OfstedHomeRecord; warnings: string[] }
  | { kind: 'skipped'; row: number; providerType: string }
  | { kind: 'rejected'; row: number; urn: string | null; reasons: string[] }

/** Fostering agencies, adoption agencies and the like share the combined lists; only children's homes are ours. */
export function isChildrensHomeType(providerType: string): boolean {
  const t = providerType
    .toLowerCase()
    .replace(/[\u2018\u2019'`]/g, '')
    .replace(/\s+/g, ' ')
  return /\bchildrens? home\b/.test(t)
}

/**
 * Checks one data row. Pure: the same row and mapping always give the same outcome, and
 * every reason names the row and the column as the file spells it.
 */
export function validateRow(sheetRow: SheetRow, mapping: HeaderMapping): RowOutcome {
  const { row, cells } = sheetRow
  const reasons: string[] = []
  const warnings: string[] = []
  const col = mapping.columns
  const raw = (field: OfstedField): Cell | undefined => {
    const c = col[field]
    return c ? cells[c.index] : undefined
  }
  const where = (field: OfstedField) => `row ${row}, column "${col[field]?.header ?? field}"`
  function read<T>(field: OfstedField, schema: z.ZodType<T, Cell>): T | undefined {
    const result = parseCell(schema, raw(field))
    if (result.ok) return result.value
    reasons.push(`${where(field)}: ${showCell(raw(field))} ${result.message}`)
    return undefined
  }

  // A file without a type column is a Children's Homes list by assumption; with one, other provision is skipped.
  if (col.providerType) {
    const type = cellText(raw('providerType'))
    if (type === null) {
      return {
        kind: 'rejected',
        row,
        urn: cellText(raw('urn')),
        reasons: [`${where('providerType')}: is blank, so it cannot be told whether this is a children's home`],
      }
    }
    if (!isChildrensHomeType(type)) return { kind: 'skipped', row, providerType: type }
  }

  const urn = read('urn', urnCell)
  const name = read('name', textCell) ?? null
  if (col.name && name === null) reasons.push(`${where('name')}: is blank: every home needs a name`)
  if (!col.name) reasons.push(`row ${row}: the file has no column for the home's name (expected one of ${expectedHeadings('name')})`)

  const ownerId = read('ownerId', textCell) ?? null
  const ownerName = read('ownerName', textCell) ?? null
  if (ownerName === null) {
    reasons.push(
      col.ownerName
        ? `${where('ownerName')}: is blank: every home needs the provider that owns it`
        : `row ${row}: the file has no column for the owning provider (expected one of ${expectedHeadings('ownerName')})`,
    )
  }

  const closedDate = read('closedDate', dateCell) ?? null
  const statusText = read('status', statusCell) ?? null
  const status: RegistrationState = closedDate !== null ? 'closed' : (statusText ?? 'active')

  let places = read('places', placesCell)
  if (!col.places) {
    reasons.push(`row ${row}: the file has no column for registered places (expected one of ${expectedHeadings('places')})`)
  } else if (places === null) {
    // A closed home may have its places blanked; an open one must say how many children it can take.
    if (status === 'closed') places = 0
    else reasons.push(`${where('places')}: is blank: an open home must have its number of registered places`)
  }

  const judgement = read('judgement', judgementCell)
  const judgementDate = read('inspectionDate', dateCell) ?? null
  const registrationDate = read('registrationDate', dateCell) ?? null

  const categories = CATEGORY_FIELDS.filter((code) => col[code] && read(code, categoryCell) === true)

  const postcodeText = cellText(raw('postcode'))
  const postcode = postcodeText === null ? null : (tryParsePostcode(postcodeText)?.postcode ?? null)
  if (postcodeText !== null && postcode === null) {
    warnings.push(`${where('postcode')}: ${showCell(raw('postcode'))} is not a UK postcode, so the home has no location`)
  }

  if (reasons.length > 0 || urn === undefined || judgement === undefined || places === undefined || places === null) {
    return { kind: 'rejected', row, urn: urn ?? cellText(raw('urn')), reasons }
  }
  const addressLine = [cellText(raw('addressLine1')), cellText(raw('addressLine2'))].filter((s) => s !== null).join(', ')
  return {
    kind: 'home',
    warnings,
    home: {
      row,
      urn,
      name: name!,
      owner: { ofstedOwnerId: ownerId, name: ownerName! },
      addressLine: addressLine === '' ? null : addressLine,
      town: cellText(raw('town')),
      postcode,
      registeredPlaces: places,
      judgement: judgement ?? 'Not yet inspected',
      judgementDate,
      registrationDate,
      status,
      categories,
    },
  }
}
