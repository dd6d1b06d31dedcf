// Test-only: small synthetic Ofsted lists, written at test time (no binary fixtures in the repo).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'

/** The Children's Homes list "Provider information" header, as Ofsted sends it. */
export const CH_HEADERS = [
  'Local Authority',
  'URN',
  'Provider Type',
  'Provider Subtype',
  'Sector',
  'Setting Name',
  'Postcode Area',
  'Registration Date',
  'Provider Status',
  'Closed Date',
  'Provider Code',
  'Provider Placement Code',
  'Emotional and Behavioural Difficulties',
  'Mental Disorders',
  'Sensory Impairment',
  'Present Alcohol Problems',
  'Present Drug Problems',
  'Learning Difficulty',
  'Physical Disabilities',
  'Max Users',
  'Full Inspection Start Date',
  'Overall Effectiveness',
  'CYP Safety',
  'Leadership and Management',
  'CYP Outcomes',
  'Interim Inspection Start Date',
  'Interim Inspection Overall Effectiveness',
  'Assurance Visit Start Date',
  'Setting Address Line 1',
  'Setting Address Line 2',
  'Setting Address Town',
  'Setting Address County',
  'Setting Address Postcode',
  'Setting Telephone Number',
  'Setting Email Address',
  'Owner Type',
  'Owner ID',
  'Owner Name',
  'Owner Address Line 1',
  'Owner Address Line 2',
  'Owner Town',
  'Owner County',
  'Owner Postcode',
  'Multi Building CH',
]

/** The 2025 combined list "Providers" header. */
export const COMBINED_2025_HEADERS = [
  'Local authority',
  'URN',
  'Provider type',
  'Provider subtype',
  'Sector',
  'Provider name',
  'Registration date',
  'Registration status',
  'Deregistration date',
  'Placement code',
  'Provider address line 1',
  'Provider address line 2',
  'Provider town',
  'Provider county',
  'Provider postcode',
  'Provider telephone number',
  'Provider email address',
  'Owner type',
  'Owner ID',
  'Owner name',
  'Owner address line 1',
  'Owner address line 2',
  'Owner town',
  'Owner county',
  'Owner postcode',
  'top_company',
  'Region',
  'Placement provider code',
  'Date of last full inspection',
  'Overall effectiveness',
  'CYP safety',
  'Leadership and management',
  'CYP outcomes',
  'Interim inspection start date',
  'Interim inspection overall effectiveness',
  'Assurance visit start date',
  'Link to Ofsted report',
  'Number of registered places',
  'Emotional and behavioural difficulties',
  'Mental disorders',
  'Sensory impairment',
  'Present alcohol problems',
  'Present drug problems',
  'Learning difficulty',
  'Physical disabilities',
  'Multi building CH',
  'Conditions',
  'Linked school URN',
  'Linked school name',
  'Linked school type',
  'Linked school latest inspection date',
]

export type Value = string | number | Date | null

/** A row in the order of headers, from the values given by heading (case as in headers). */
export function rowFor(headers: readonly string[], values: Record<string, Value>): Value[] {
  const unknown = Object.keys(values).filter((k) => !headers.includes(k))
  if (unknown.length) throw new Error(`rowFor: no such heading ${unknown.join(', ')}`)
  return headers.map((h) => values[h] ?? null)
}

/** A Children's Homes list row for an open, Good, four-bed home in Southampton. */
export function chHome(overrides: Record<string, Value> = {}): Record<string, Value> {
  return {
    'Local Authority': 'Southampton',
    URN: 'SC100001',
    'Provider Type': "Children's home",
    'Provider Subtype': "Children's home",
    Sector: 'Private',
    'Setting Name': 'Oak House',
    'Registration Date': new Date(Date.UTC(2019, 3, 1)),
    'Provider Status': 'Active',
    'Closed Date': '-',
    'Emotional and Behavioural Difficulties': 'Yes',
    'Mental Disorders': 'No',
    'Sensory Impairment': 'No',
    'Present Alcohol Problems': 'No',
    'Present Drug Problems': 'No',
    'Learning Difficulty': 'Yes',
    'Physical Disabilities': 'No',
    'Max Users': 4,
    'Full Inspection Start Date': new Date(Date.UTC(2024, 9, 15)),
    'Overall Effectiveness': 'Good',
    'Setting Address Line 1': '1 Oak Road',
    'Setting Address Line 2': 'Shirley',
    'Setting Address Town': 'Southampton',
    'Setting Address Postcode': 'so15 5ab',
    'Owner Type': 'Organisation',
    'Owner ID': 'OW0001',
    'Owner Name': 'Acorn Care Ltd',
    ...overrides,
  }
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'placewise-ofsted-'))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

function csvField(v: Value): string {
  if (v === null) return ''
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v)
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function csvText(rows: readonly (readonly Value[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n'
}

export function writeCsv(dir: string, name: string, rows: readonly (readonly Value[])[]): string {
  const path = join(dir, name)
  writeFileSync(path, csvText(rows))
  return path
}

export async function xlsxBuffer(sheets: { name: string; rows: readonly (readonly Value[])[] }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name)
    for (const r of s.rows) ws.addRow([...r])
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

export async function writeXlsx(
  dir: string,
  name: string,
  sheets: { name: string; rows: readonly (readonly Value[])[] }[],
): Promise<string> {
  const path = join(dir, name)
  writeFileSync(path, await xlsxBuffer(sheets))
  return path
}

/** A Children's Homes list workbook with the given homes. */
export function chWorkbook(dir: string, name: string, homes: Record<string, Value>[]): Promise<string> {
  return writeXlsx(dir, name, [
    { name: 'Provider information', rows: [CH_HEADERS, ...homes.map((h) => rowFor(CH_HEADERS, h))] },
    { name: 'Registration Conditions', rows: [['Local Authority', 'URN', 'Setting Name', 'Postcode Area', 'Conditions']] },
  ])
}
