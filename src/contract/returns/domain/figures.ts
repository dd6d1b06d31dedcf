/**
 * What a provider reports each month for the homes under a contract. Checked once, here, by the
 * form and the service alike; each problem names the form control to fix.
 */
import { z } from 'zod'

export type ReturnFigures = {
  /** Children who lived in the contracted beds at any time in the month. */
  childrenAccommodated: number
  incidents: number
  missingEpisodes: number
  /** Average hours of education each child received a week; null when no child was accommodated. */
  educationHoursPerChildPerWeek: number | null
  /** Physical interventions (restraints) recorded. */
  physicalInterventions: number
  /** Care staff hours worked in the month, and how many of them by agency staff. */
  staffHours: number
  agencyStaffHours: number
  /** Notifications made to Ofsted and others under Regulation 40. */
  regulation40Notifications: number
  notes: string | null
}

/** The form's controls, in the order the form shows them (and errors are listed). */
export const FIGURE_FIELDS = [
  'childrenAccommodated',
  'incidents',
  'missingEpisodes',
  'educationHoursPerChildPerWeek',
  'physicalInterventions',
  'staffHours',
  'agencyStaffHours',
  'regulation40Notifications',
  'notes',
] as const satisfies readonly (keyof ReturnFigures)[]

export const FIGURE_LABELS: Record<Exclude<keyof ReturnFigures, 'notes'>, string> = {
  childrenAccommodated: 'Children accommodated',
  incidents: 'Incidents',
  missingEpisodes: 'Missing-from-care episodes',
  educationHoursPerChildPerWeek: 'Education hours per child per week',
  physicalInterventions: 'Physical interventions',
  staffHours: 'Care staff hours worked',
  agencyStaffHours: 'Of which by agency staff',
  regulation40Notifications: 'Regulation 40 notifications',
}

const MAX_COUNT = 100_000
const MAX_STAFF_HOURS = 1_000_000

const count = (what: string, max = MAX_COUNT) => {
  const message = `Enter the number of ${what} as a whole number, 0 or more`
  return z
    .number({ message })
    .int({ message })
    .min(0, { message })
    .max(max, { message: `The number of ${what} must be ${max.toLocaleString('en-GB')} or fewer` })
}

const educationMessage = 'Enter the average education hours per child per week as a number from 0 to 60, like 25 or 22.5'

const FieldsSchema = z.object({
  childrenAccommodated: count('children accommodated', 1000),
  incidents: count('incidents'),
  missingEpisodes: count('missing-from-care episodes'),
  educationHoursPerChildPerWeek: z
    .number({ message: educationMessage })
    .min(0, { message: educationMessage })
    .max(60, { message: educationMessage })
    .transform((h) => Math.round(h * 10) / 10)
    .nullable(),
  physicalInterventions: count('physical interventions'),
  staffHours: count('care staff hours worked', MAX_STAFF_HOURS),
  agencyStaffHours: count('hours worked by agency staff', MAX_STAFF_HOURS),
  regulation40Notifications: count('Regulation 40 notifications'),
  notes: z
    .string()
    .trim()
    .max(5000, { message: 'Notes must be 5,000 characters or fewer' })
    .nullable()
    .transform((n) => (n ? n : null)),
})

export type FigureIssue = { field: (typeof FIGURE_FIELDS)[number]; message: string }

/** Every problem at once, one per control, in the form's order: each field's own, and those between fields. */
export function validateFigures(input: unknown): { ok: true; data: ReturnFigures } | { ok: false; issues: FigureIssue[] } {
  const parsed = FieldsSchema.safeParse(input)
  const issues: FigureIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ field: (i.path[0] ?? 'childrenAccommodated') as FigureIssue['field'], message: i.message }))
  const raw = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>
  const num = (k: string) => (typeof raw[k] === 'number' && Number.isFinite(raw[k]) ? (raw[k] as number) : null)
  if ((num('childrenAccommodated') ?? 0) > 0 && (raw.educationHoursPerChildPerWeek ?? null) === null)
    issues.push({ field: 'educationHoursPerChildPerWeek', message: educationMessage })
  const staff = num('staffHours')
  const agency = num('agencyStaffHours')
  if (staff !== null && agency !== null && agency > staff)
    issues.push({ field: 'agencyStaffHours', message: 'Hours worked by agency staff must not be more than all care staff hours worked' })
  if (issues.length === 0 && parsed.success) return { ok: true, data: parsed.data }
  const firstPerField = issues.filter((issue, i) => issues.findIndex((j) => j.field === issue.field) === i)
  return { ok: false, issues: firstPerField.sort((a, b) => FIGURE_FIELDS.indexOf(a.field) - FIGURE_FIELDS.indexOf(b.field)) }
}

/** The form's text as the schema wants it: whole or decimal numbers as numbers, other text kept so the schema can say what is wrong. */
export function figuresFromForm(body: Record<string, string>): Record<string, unknown> {
  const number = (name: string): number | string | null => {
    const text = (body[name] ?? '').trim().replace(/,/g, '')
    if (text === '') return null
    return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text
  }
  const out: Record<string, unknown> = { notes: (body.notes ?? '').trim() || null }
  for (const f of FIGURE_FIELDS) if (f !== 'notes') out[f] = number(f)
  return out
}
