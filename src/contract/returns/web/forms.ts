/** The KPI target form and the monthly return form: what was typed, read into the service's input. */
import { formErrors, validateForm, type FormResult } from '../../../platform/web/formErrors.js'
import { z } from 'zod'
import { FIGURE_FIELDS, figuresFromForm, validateFigures, type ReturnFigures } from '../domain/figures.js'
import { DIRECTION_LABELS, isMeasureKey, MEASURE_KEYS, MEASURES, type Direction } from '../domain/measures.js'
import type { KpiTarget, KpiTargetInput } from '../returnsApi.js'

type Body = Record<string, unknown>
const text = (body: Body, name: string): string => {
  const v = body[name]
  const first = Array.isArray(v) ? v[0] : v
  return typeof first === 'string' ? first.trim() : ''
}

// ——— KPI targets ———

export type KpiFormValues = { measure: string; direction: string; target: string; amberMargin: string }

const decimal = (what: string) => {
  const message = `Enter the ${what} as a number, 0 or more, like 2 or 2.5`
  return z
    .string()
    .regex(/^\d+(\.\d{1,2})?$/, { message })
    .transform(Number)
}

const KpiFormSchema = z.object({
  measure: z.string().refine(isMeasureKey, { message: 'Select a measure' }),
  direction: z.enum(['at-most', 'at-least'], { message: 'Select at most or at least' }),
  target: decimal('target'),
  amberMargin: decimal('amber margin'),
})

export function kpiValuesFrom(body: Body): KpiFormValues {
  return {
    measure: text(body, 'measure'),
    direction: text(body, 'direction'),
    target: text(body, 'target'),
    amberMargin: text(body, 'amberMargin') || '0',
  }
}

/** The form for a measure: its target if the contract has one, else the usual direction and blanks. */
export function kpiValuesOf(measure: string, targets: readonly KpiTarget[]): KpiFormValues {
  const t = targets.find((x) => x.measure === measure)
  if (t) return { measure, direction: t.direction, target: String(t.target), amberMargin: String(t.amberMargin) }
  return {
    measure: isMeasureKey(measure) ? measure : '',
    direction: isMeasureKey(measure) ? MEASURES[measure].usualDirection : '',
    target: '',
    amberMargin: '0',
  }
}

export function parseKpiForm(values: KpiFormValues): FormResult<KpiTargetInput> {
  return validateForm(KpiFormSchema, values) as FormResult<KpiTargetInput>
}

export function kpiFormView(values: KpiFormValues) {
  return {
    measureItems: [
      { value: '', text: 'Choose a measure' },
      ...MEASURE_KEYS.map((k) => ({ value: k, text: MEASURES[k].label, selected: values.measure === k })),
    ],
    measureHints: MEASURE_KEYS.map((k) => ({ label: MEASURES[k].label, hint: MEASURES[k].hint })),
    directionItems: (['at-most', 'at-least'] as Direction[]).map((d) => ({
      value: d,
      text: DIRECTION_LABELS[d],
      hint: { text: d === 'at-most' ? 'Lower is better, like incidents' : 'Higher is better, like education hours' },
      checked: values.direction === d,
    })),
  }
}

// ——— The monthly return ———

export type ReturnFormValues = Record<(typeof FIGURE_FIELDS)[number], string>

export function returnValuesFrom(body: Body): ReturnFormValues {
  return Object.fromEntries(FIGURE_FIELDS.map((f) => [f, f === 'notes' ? String(body.notes ?? '') : text(body, f)])) as ReturnFormValues
}

/** The current version's figures to correct, or blanks for a first return. */
export function returnValuesOf(f: ReturnFigures | null): ReturnFormValues {
  const s = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v))
  return {
    childrenAccommodated: s(f?.childrenAccommodated),
    incidents: s(f?.incidents),
    missingEpisodes: s(f?.missingEpisodes),
    educationHoursPerChildPerWeek: s(f?.educationHoursPerChildPerWeek),
    physicalInterventions: s(f?.physicalInterventions),
    staffHours: s(f?.staffHours),
    agencyStaffHours: s(f?.agencyStaffHours),
    regulation40Notifications: s(f?.regulation40Notifications),
    notes: f?.notes ?? '',
  }
}

export function parseReturnForm(values: ReturnFormValues): FormResult<ReturnFigures> {
  const checked = validateFigures(figuresFromForm(values))
  return checked.ok ? checked : { ok: false, errors: formErrors(checked.issues) }
}
