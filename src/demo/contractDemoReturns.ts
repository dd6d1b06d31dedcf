/**
 * What the demo providers report each month: figures that move as the home's children come and
 * go (a bad month for going missing, a staffing gap covered by agency staff), and a small
 * synthetic Regulation 44 visit report as a real one-page PDF.
 */
import type { KpiTargetInput, ReturnFigures } from '../contract/returns/returnsApi.js'
import type { ContractPlan } from './contractDemoPlan.js'
import type { Random } from './random.js'

/** The targets the demo council sets when the award brought none for a measure. */
export const DEMO_KPI_TARGETS: readonly KpiTargetInput[] = [
  { measure: 'missing-episodes', direction: 'at-most', target: 2, amberMargin: 2 },
  { measure: 'education-hours', direction: 'at-least', target: 25, amberMargin: 2 },
  { measure: 'agency-staff-share', direction: 'at-most', target: 10, amberMargin: 5 },
  { measure: 'regulation-44-reports', direction: 'at-least', target: 1, amberMargin: 0 },
  { measure: 'physical-interventions', direction: 'at-most', target: 3, amberMargin: 2 },
]

/** One month's return for `children` children in `beds` beds; the month is counted from the contract's start month. */
export function monthFigures(plan: ContractPlan, monthIndex: number, children: number, beds: number, rnd: Random): ReturnFigures {
  const agency = plan.agencyMonths.indexOf(monthIndex)
  // About 550 care staff hours a month for each bed, give or take.
  const staffHours = beds * 550 + rnd.int(-60, 60)
  const agencyPercent = agency === -1 ? rnd.int(3, 8) : [13, 19, 12][agency]!
  const spike = monthIndex === plan.missingSpikeMonth
  const educationHours = children === 0 ? null : rnd.next() < 0.12 ? 23.5 : 25 + rnd.int(0, 30) / 10
  return {
    childrenAccommodated: children,
    incidents: children === 0 ? 0 : children * rnd.int(0, 3) + (spike ? 4 : 0),
    missingEpisodes: children === 0 ? 0 : spike ? 6 : rnd.next() < 0.15 ? 3 : rnd.int(0, 2),
    educationHoursPerChildPerWeek: educationHours,
    physicalInterventions: children === 0 ? 0 : rnd.next() < 0.1 ? 4 : rnd.int(0, 2),
    staffHours,
    agencyStaffHours: Math.round((staffHours * agencyPercent) / 100),
    regulation40Notifications: children === 0 ? 0 : spike ? 2 : rnd.next() < 0.2 ? 1 : 0,
    notes: spike
      ? 'A difficult month: one young person went missing repeatedly; strategy meetings held with the police.'
      : agency !== -1
        ? 'Agency staff covered vacancies while two posts were recruited to.'
        : null,
  }
}

/** PDF strings are Latin-1, with backslashes and parentheses escaped. */
const pdfText = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '-')

/** A one-page PDF saying it is a synthetic Regulation 44 report for the home and month. */
export function regulation44Pdf(homeName: string, monthLabel: string): Buffer {
  const lines = [
    `Regulation 44 independent person's report - ${monthLabel}`,
    homeName,
    'Synthetic demonstration document: no real home, child or visit.',
    'The independent person visited unannounced, spoke with the children and staff,',
    'and found the children safe and well cared for.',
  ]
  const content = `BT /F1 12 Tf 56 780 Td ${lines.map((l, i) => `${i ? '0 -18 Td ' : ''}(${pdfText(l)}) Tj`).join(' ')} ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'))
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(out, 'latin1')
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}
