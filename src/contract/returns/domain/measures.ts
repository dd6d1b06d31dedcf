/**
 * The KPI measures a contract can set targets for, each worked out from a month's return. The
 * keys are what contract_kpis.measure holds. Pure.
 */
import type { ReturnFigures } from './figures.js'

export type Direction = 'at-most' | 'at-least'
export type MeasureUnit = 'count' | 'rate' | 'hours' | 'percent'

export type Measure = {
  label: string
  /** What one unit is, for hints and column headings. */
  unit: MeasureUnit
  /** Which side of a target is good, for most contracts. */
  usualDirection: Direction
  /** The largest sensible target, if there is one. */
  max: number | null
  hint: string
}

export const MEASURES = {
  incidents: {
    label: 'Incidents',
    unit: 'count',
    usualDirection: 'at-most',
    max: null,
    hint: 'Incidents the home recorded in the month',
  },
  'incidents-per-child': {
    label: 'Incidents per child accommodated',
    unit: 'rate',
    usualDirection: 'at-most',
    max: null,
    hint: 'Incidents in the month divided by the children accommodated',
  },
  'missing-episodes': {
    label: 'Missing-from-care episodes',
    unit: 'count',
    usualDirection: 'at-most',
    max: null,
    hint: 'Episodes of a child going missing in the month',
  },
  'education-hours': {
    label: 'Education hours per child per week',
    unit: 'hours',
    usualDirection: 'at-least',
    max: 60,
    hint: 'The average hours of education a child received each week (the usual expectation is 25)',
  },
  'physical-interventions': {
    label: 'Physical interventions',
    unit: 'count',
    usualDirection: 'at-most',
    max: null,
    hint: 'Restraints and other physical interventions recorded in the month',
  },
  'agency-staff-share': {
    label: 'Share of care staff hours worked by agency staff',
    unit: 'percent',
    usualDirection: 'at-most',
    max: 100,
    hint: 'Agency staff hours as a percentage of all care staff hours',
  },
  'regulation-44-reports': {
    label: 'Regulation 44 visit reports received',
    unit: 'count',
    usualDirection: 'at-least',
    max: null,
    hint: 'Independent visitor reports sent with the month’s return (one is expected each month)',
  },
  'regulation-40-notifications': {
    label: 'Regulation 40 notifications',
    unit: 'count',
    usualDirection: 'at-most',
    max: null,
    hint: 'Notifications of serious events made under Regulation 40',
  },
} as const satisfies Record<string, Measure>

export type MeasureKey = keyof typeof MEASURES
export const MEASURE_KEYS = Object.keys(MEASURES) as MeasureKey[]

export const isMeasureKey = (value: unknown): value is MeasureKey => typeof value === 'string' && Object.hasOwn(MEASURES, value)

/** A measure's label, or its key when a contract holds a measure this version does not know. */
export const measureLabel = (key: string): string => (isMeasureKey(key) ? MEASURES[key].label : key)

export const DIRECTION_LABELS: Record<Direction, string> = { 'at-most': 'At most', 'at-least': 'At least' }

const round2 = (n: number) => Math.round(n * 100) / 100

/** One month's value of each measure; null where the return does not say (no return, no children, no staff hours). */
export function measureValues(figures: ReturnFigures | null, regulation44Reports: number): Record<MeasureKey, number | null> {
  if (!figures) {
    return Object.fromEntries(MEASURE_KEYS.map((k) => [k, null])) as Record<MeasureKey, number | null>
  }
  const children = figures.childrenAccommodated
  return {
    incidents: figures.incidents,
    'incidents-per-child': children > 0 ? round2(figures.incidents / children) : null,
    'missing-episodes': figures.missingEpisodes,
    'education-hours': children > 0 ? figures.educationHoursPerChildPerWeek : null,
    'physical-interventions': figures.physicalInterventions,
    'agency-staff-share': figures.staffHours > 0 ? round2((100 * figures.agencyStaffHours) / figures.staffHours) : null,
    'regulation-44-reports': regulation44Reports,
    'regulation-40-notifications': figures.regulation40Notifications,
  }
}

/** A value as a person reads it: '12.5%', '24 hours', '0.25'. */
export function formatMeasure(key: string, value: number | null): string {
  if (value === null) return 'No data'
  const text = value.toLocaleString('en-GB', { maximumFractionDigits: 2 })
  if (!isMeasureKey(key)) return text
  const unit = MEASURES[key].unit
  if (unit === 'percent') return `${text}%`
  if (unit === 'hours') return `${text} hours`
  return text
}
