/**
 * The requirement form: one long page an officer fills to start a mini-competition (or change a
 * draft). Everything is read as text, checked here with messages naming the control, and turned
 * into the service's RequirementInput: pounds to pence, UK dates and times to ISO.
 */
import { formatPence, parsePounds } from '../../platform/web/format.js'
import { formErrors, type FormResult } from '../../platform/web/formErrors.js'
import { OFSTED_JUDGEMENTS } from '../../market/domain/judgements.js'
import { lotTitle } from '../../market/domain/lots.js'
import { STATEMENT_OF_PURPOSE_NEEDS, isNeed } from '../../market/domain/needs.js'
import { many, one, type RawFields } from '../../market/web/query.js'
import type { AwardRule, PriceMethod, QuestionInput, RequirementInput, ScoreDescriptors, TenderDetail } from '../tenderApi.js'
import { descriptorField, questionField } from './fields.js'
import { datePartsOf, instantFromUk, isoDateFromParts, noDate, parseTime, ukWallClock, type DateParts } from './time.js'

/** Blank question rows on a new form; rows left blank are ignored. */
export const QUESTION_ROWS = 5
const DESCRIPTOR_SCORES = [0, 1, 2, 3, 4, 5] as const

export type LotOption = { id: string; number: number; name: string; framework_id: string; framework_name: string }

export type QuestionValues = { title: string; guidance: string; weight: string; minimumScore: string; kind: string; descriptors: string[] }
export type Deadline = { date: DateParts; time: string }

export type RequirementFormValues = {
  title: string
  description: string
  lotIds: string[]
  bedsMin: string
  bedsMax: string
  areaPostcode: string
  areaMiles: string
  needs: string[]
  ageMin: string
  ageMax: string
  startDate: DateParts
  termYears: string
  extensionYears: string
  pricePercent: string
  priceMethod: string
  awardRule: string
  maxProviders: string
  fillToMax: boolean
  budgetPencePerWeek: string
  excludedJudgements: string[]
  abnormallyLowPercent: string
  abnormallyLowBasis: string
  clarificationDeadline: Deadline
  submissionDeadline: Deadline
  evaluationEndDate: DateParts
  questions: QuestionValues[]
}

const blankQuestion = (): QuestionValues => ({
  title: '',
  guidance: '',
  weight: '',
  minimumScore: '',
  kind: 'quality',
  descriptors: ['', '', '', '', '', ''],
})

/** A new requirement, with the decision's usual terms filled in: 3 + 2 years, two providers, 40% price. */
export function newRequirementValues(areaPostcode = ''): RequirementFormValues {
  return {
    title: '',
    description: '',
    lotIds: [],
    bedsMin: '',
    bedsMax: '',
    areaPostcode,
    areaMiles: '20',
    needs: [],
    ageMin: '',
    ageMax: '',
    startDate: noDate(),
    termYears: '3',
    extensionYears: '2',
    pricePercent: '40',
    priceMethod: 'per-bed-week',
    awardRule: 'optimal',
    maxProviders: '2',
    fillToMax: false,
    budgetPencePerWeek: '',
    excludedJudgements: ['Inadequate'],
    abnormallyLowPercent: '70',
    abnormallyLowBasis: 'median-of-bids',
    clarificationDeadline: { date: noDate(), time: '' },
    submissionDeadline: { date: noDate(), time: '12:00' },
    evaluationEndDate: noDate(),
    questions: Array.from({ length: QUESTION_ROWS }, blankQuestion),
  }
}

const deadlineValues = (iso: string): Deadline => ({ date: datePartsOf(iso), time: ukWallClock(iso).time })
const pounds = (pence: number | null) => (pence === null ? '' : (pence / 100).toFixed(2))

/** The form filled from a requirement as it is, to change it. */
export function requirementValuesOf(t: TenderDetail): RequirementFormValues {
  const questions: QuestionValues[] = t.questions.map((q) => ({
    title: q.title,
    guidance: q.guidance,
    weight: String(q.weight),
    minimumScore: String(q.minimumScore),
    kind: q.kind,
    descriptors: q.descriptors ? [...q.descriptors] : ['', '', '', '', '', ''],
  }))
  while (questions.length < QUESTION_ROWS) questions.push(blankQuestion())
  return {
    title: t.title,
    description: t.description,
    lotIds: [...t.lotIds],
    bedsMin: String(t.bedsMin),
    bedsMax: String(t.bedsMax),
    areaPostcode: t.areaPostcode,
    areaMiles: String(t.areaMiles),
    needs: [...t.needs],
    ageMin: String(t.ageMin),
    ageMax: String(t.ageMax),
    startDate: datePartsOf(t.startDate),
    termYears: String(t.termYears),
    extensionYears: String(t.extensionYears),
    pricePercent: String(t.pricePercent),
    priceMethod: t.priceMethod,
    awardRule: t.awardRule,
    maxProviders: String(t.maxProviders),
    fillToMax: t.fillToMax,
    budgetPencePerWeek: pounds(t.budgetPencePerWeek),
    excludedJudgements: [...t.excludedJudgements],
    abnormallyLowPercent: String(t.abnormallyLowPercent),
    abnormallyLowBasis: t.abnormallyLowBasis,
    clarificationDeadline: deadlineValues(t.clarificationDeadline),
    submissionDeadline: deadlineValues(t.submissionDeadline),
    evaluationEndDate: datePartsOf(t.evaluationEndDate),
    questions,
  }
}

/** How many question rows a submitted form has: at least the usual number, more if it was filled from a longer requirement. */
function questionRowCount(body: RawFields): number {
  let n = QUESTION_ROWS
  while (questionField(n + 1, 'title') in body) n++
  return n
}

/** The form as it was submitted, to show again with its errors. */
export function requirementValuesFrom(body: RawFields): RequirementFormValues {
  const date = (name: string): DateParts => ({
    day: one(body, `${name}-day`),
    month: one(body, `${name}-month`),
    year: one(body, `${name}-year`),
  })
  const deadline = (name: string): Deadline => ({ date: date(name), time: one(body, `${name}-time`) })
  const questions: QuestionValues[] = []
  for (let n = 1; n <= questionRowCount(body); n++) {
    questions.push({
      title: one(body, questionField(n, 'title')),
      guidance: one(body, questionField(n, 'guidance')),
      weight: one(body, questionField(n, 'weight')),
      minimumScore: one(body, questionField(n, 'minimumScore')),
      kind: one(body, questionField(n, 'kind')) || 'quality',
      descriptors: DESCRIPTOR_SCORES.map((s) => one(body, descriptorField(n, s))),
    })
  }
  return {
    title: one(body, 'title'),
    description: one(body, 'description'),
    lotIds: many(body, 'lotIds'),
    bedsMin: one(body, 'bedsMin'),
    bedsMax: one(body, 'bedsMax'),
    areaPostcode: one(body, 'areaPostcode'),
    areaMiles: one(body, 'areaMiles'),
    needs: many(body, 'needs'),
    ageMin: one(body, 'ageMin'),
    ageMax: one(body, 'ageMax'),
    startDate: date('startDate'),
    termYears: one(body, 'termYears'),
    extensionYears: one(body, 'extensionYears'),
    pricePercent: one(body, 'pricePercent'),
    priceMethod: one(body, 'priceMethod'),
    awardRule: one(body, 'awardRule'),
    maxProviders: one(body, 'maxProviders'),
    fillToMax: one(body, 'fillToMax') === 'yes',
    budgetPencePerWeek: one(body, 'budgetPencePerWeek'),
    excludedJudgements: many(body, 'excludedJudgements'),
    abnormallyLowPercent: one(body, 'abnormallyLowPercent'),
    abnormallyLowBasis: one(body, 'abnormallyLowBasis'),
    clarificationDeadline: deadline('clarificationDeadline'),
    submissionDeadline: deadline('submissionDeadline'),
    evaluationEndDate: date('evaluationEndDate'),
    questions,
  }
}

const isBlankQuestion = (q: QuestionValues) => !q.title && !q.guidance && !q.weight && !q.minimumScore && q.descriptors.every((d) => !d)

/** Checks the submitted requirement; every problem is tied to its control, in page order. */
export function parseRequirementForm(body: RawFields, lots: readonly LotOption[]): FormResult<RequirementInput> {
  const v = requirementValuesFrom(body)
  const problems: { field: string; message: string }[] = []
  const problem = (field: string, message: string) => {
    problems.push({ field, message })
    return null
  }
  const whole = (field: string, text: string, label: string, min: number, max: number, example: string): number | null => {
    if (text === '') return problem(field, `Enter ${label}`)
    if (!/^\d+$/.test(text)) return problem(field, `${capitalise(label)} must be a whole number, like ${example}`)
    const n = Number(text)
    if (n < min || n > max) return problem(field, `${capitalise(label)} must be between ${min} and ${max}`)
    return n
  }
  const choice = <T extends string>(field: string, text: string, allowed: readonly T[], message: string): T | null =>
    (allowed as readonly string[]).includes(text) ? (text as T) : problem(field, message)
  const date = (field: string, parts: DateParts, label: string): string | null => {
    const iso = isoDateFromParts(parts)
    if (iso === null) return problem(field, `Enter ${label}`)
    if (iso === 'invalid') return problem(field, `${capitalise(label)} must be a real date, like 1 9 2026`)
    return iso
  }
  const deadline = (field: string, d: Deadline, label: string): string | null => {
    const iso = date(field, d.date, `the date of ${label}`)
    if (iso === null) return null
    if (d.time === '') return problem(`${field}-time`, `Enter the time of ${label}`)
    const time = parseTime(d.time)
    if (time === null) return problem(`${field}-time`, `The time of ${label} must be on the 24-hour clock, like 12:00`)
    return instantFromUk(iso, time)
  }

  if (!v.title) problem('title', 'Enter a title for the mini-competition')
  else if (v.title.length > 300) problem('title', 'The title must be 300 characters or fewer')
  if (!v.description) problem('description', 'Describe the requirement')

  const chosenLots = v.lotIds.map((id) => lots.find((l) => l.id === id))
  let frameworkId = ''
  if (chosenLots.length === 0) problem('lotIds', 'Select at least one lot')
  else if (chosenLots.some((l) => !l)) problem('lotIds', 'Select lots from the list')
  else if (new Set(chosenLots.map((l) => l!.framework_id)).size > 1) problem('lotIds', 'Select lots from one framework only')
  else frameworkId = chosenLots[0]!.framework_id

  const bedsMin = whole('bedsMin', v.bedsMin, 'the fewest beds', 1, 100, '3')
  const bedsMax = whole('bedsMax', v.bedsMax, 'the most beds', 1, 100, '6')
  if (bedsMin !== null && bedsMax !== null && bedsMax < bedsMin)
    problem('bedsMax', 'The most beds must be the same as or more than the fewest')

  if (!v.areaPostcode) problem('areaPostcode', 'Enter the postcode at the centre of the area')
  else if (!/^[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}$/.test(v.areaPostcode))
    problem('areaPostcode', 'Enter a full postcode, like SO14 7DU')
  let areaMiles: number | null = null
  if (v.areaMiles === '') problem('areaMiles', 'Enter how many miles from the postcode a home may be')
  else if (!/^\d+(\.\d+)?$/.test(v.areaMiles) || Number(v.areaMiles) <= 0 || Number(v.areaMiles) > 500)
    problem('areaMiles', 'The distance must be a number of miles between 1 and 500, like 20')
  else areaMiles = Number(v.areaMiles)

  if (v.needs.some((n) => !isNeed(n))) problem('needs', 'Select needs from the list')

  const ageMin = whole('ageMin', v.ageMin, 'the youngest age', 0, 25, '11')
  const ageMax = whole('ageMax', v.ageMax, 'the oldest age', 0, 25, '17')
  if (ageMin !== null && ageMax !== null && ageMax < ageMin)
    problem('ageMax', 'The oldest age must be the same as or more than the youngest')

  const startDate = date('startDate', v.startDate, 'the contract start date')
  const termYears = whole('termYears', v.termYears, 'the term in years', 1, 10, '3')
  const extensionYears = whole('extensionYears', v.extensionYears, 'the extension in years', 0, 5, '2')

  const pricePercent = whole('pricePercent', v.pricePercent, 'the price weighting', 0, 100, '40')
  const priceMethod = choice<PriceMethod>('priceMethod', v.priceMethod, ['per-bed-week', 'whole-life'], 'Select how price is compared')
  const awardRule = choice<AwardRule>('awardRule', v.awardRule, ['rank', 'optimal'], 'Select how the winning bids are chosen')
  const maxProviders = whole('maxProviders', v.maxProviders, 'the most providers to award to', 1, 10, '2')
  let budget: number | null = null
  if (v.budgetPencePerWeek !== '') {
    budget = parsePounds(v.budgetPencePerWeek)
    if (budget === null) problem('budgetPencePerWeek', 'Enter the budget in pounds a week, like 25000.00')
  }
  if (v.excludedJudgements.some((j) => !(OFSTED_JUDGEMENTS as readonly string[]).includes(j)))
    problem('excludedJudgements', 'Select judgements from the list')
  const abnormallyLowPercent = whole('abnormallyLowPercent', v.abnormallyLowPercent, 'the abnormally low threshold', 0, 100, '70')
  const abnormallyLowBasis = choice<RequirementInput['abnormallyLowBasis']>(
    'abnormallyLowBasis',
    v.abnormallyLowBasis,
    ['median-of-bids', 'framework-spot-rate'],
    'Select what a price is compared with to find one abnormally low',
  )

  const clarificationDeadline = deadline('clarificationDeadline', v.clarificationDeadline, 'the clarification deadline')
  const submissionDeadline = deadline('submissionDeadline', v.submissionDeadline, 'the bid deadline')
  if (clarificationDeadline && submissionDeadline && clarificationDeadline >= submissionDeadline)
    problem('clarificationDeadline-day', 'The clarification deadline must be before the bid deadline')
  const evaluationEndDate = date('evaluationEndDate', v.evaluationEndDate, 'the date evaluation ends')

  const questions: QuestionInput[] = []
  v.questions.forEach((q, i) => {
    const n = i + 1
    if (isBlankQuestion(q)) return
    const before = problems.length
    if (!q.title) problem(questionField(n, 'title'), `Enter the title of question ${n}`)
    const weight = whole(questionField(n, 'weight'), q.weight, `the weighting of question ${n}`, 1, 100, '15')
    const minimumScore =
      q.minimumScore === '' ? 0 : whole(questionField(n, 'minimumScore'), q.minimumScore, `the minimum score of question ${n}`, 0, 5, '2')
    const kind = choice<QuestionInput['kind']>(
      questionField(n, 'kind'),
      q.kind,
      ['quality', 'social-value'],
      `Select the kind of question ${n}`,
    )
    const filled = q.descriptors.filter((d) => d !== '').length
    if (filled > 0 && filled < 6) {
      const missing = q.descriptors.findIndex((d) => d === '')
      problem(descriptorField(n, missing), `Describe every score from 0 to 5 for question ${n}, or none of them`)
    }
    if (problems.length > before || weight === null || minimumScore === null || kind === null) return
    questions.push({
      title: q.title,
      guidance: q.guidance,
      weight,
      minimumScore,
      kind,
      ...(filled === 6 ? { descriptors: [...q.descriptors] as ScoreDescriptors } : {}),
    })
  })
  if (v.questions.every(isBlankQuestion)) problem(questionField(1, 'title'), 'Add at least one quality question')
  else if (problems.length === 0 && pricePercent !== null) {
    const total = pricePercent + questions.reduce((s, q) => s + q.weight, 0)
    if (total !== 100) problem('pricePercent', `The price and question weightings must add up to 100; they add up to ${total}`)
  }

  if (problems.length > 0) return { ok: false, errors: formErrors(linkDates(problems)) }
  return {
    ok: true,
    data: {
      frameworkId,
      title: v.title,
      description: v.description,
      lotIds: v.lotIds,
      bedsMin: bedsMin!,
      bedsMax: bedsMax!,
      areaPostcode: v.areaPostcode.toUpperCase().replace(/\s+/g, ' '),
      areaMiles: areaMiles!,
      needs: v.needs,
      ageMin: ageMin!,
      ageMax: ageMax!,
      startDate: startDate!,
      termYears: termYears!,
      extensionYears: extensionYears!,
      pricePercent: pricePercent!,
      priceMethod: priceMethod!,
      awardRule: awardRule!,
      maxProviders: maxProviders!,
      fillToMax: v.fillToMax,
      budgetPencePerWeek: budget,
      excludedJudgements: v.excludedJudgements,
      abnormallyLowPercent: abnormallyLowPercent!,
      abnormallyLowBasis: abnormallyLowBasis!,
      clarificationDeadline: clarificationDeadline!,
      submissionDeadline: submissionDeadline!,
      evaluationEndDate: evaluationEndDate!,
      questions,
    },
  }
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** A date's problem links to its day box, as the GOV.UK date input pattern asks. */
function linkDates(problems: { field: string; message: string }[]) {
  const dates = ['startDate', 'evaluationEndDate', 'clarificationDeadline', 'submissionDeadline']
  return problems.map((p) => (dates.includes(p.field) ? { ...p, field: `${p.field}-day` } : p))
}

/** Which date inputs have an error, so their boxes are outlined in red. */
export function dateErrorFlags(byField: Record<string, unknown>) {
  const has = (name: string) => Boolean(byField[`${name}-day`])
  return {
    startDate: has('startDate'),
    evaluationEndDate: has('evaluationEndDate'),
    clarificationDeadline: has('clarificationDeadline'),
    submissionDeadline: has('submissionDeadline'),
  }
}

/** The form's checkboxes, radios and date boxes, marked from the values. */
export function requirementFormChoices(
  v: RequirementFormValues,
  lots: readonly LotOption[],
  dateErrors: ReturnType<typeof dateErrorFlags>,
) {
  const multipleFrameworks = new Set(lots.map((l) => l.framework_id)).size > 1
  const dateItems = (p: DateParts, errored: boolean) => {
    const err = errored ? ' govuk-input--error' : ''
    return [
      { name: 'day', label: 'Day', classes: `govuk-input--width-2${err}`, value: p.day },
      { name: 'month', label: 'Month', classes: `govuk-input--width-2${err}`, value: p.month },
      { name: 'year', label: 'Year', classes: `govuk-input--width-4${err}`, value: p.year },
    ]
  }
  return {
    lots: lots.map((l) => ({
      value: l.id,
      text: lotTitle(l),
      hint: multipleFrameworks ? { text: l.framework_name } : undefined,
      checked: v.lotIds.includes(l.id),
    })),
    needs: STATEMENT_OF_PURPOSE_NEEDS.map((n) => ({ value: n.code, text: n.label, checked: v.needs.includes(n.code) })),
    excludedJudgements: OFSTED_JUDGEMENTS.map((j) => ({ value: j, text: j, checked: v.excludedJudgements.includes(j) })),
    priceMethod: [
      { value: 'per-bed-week', text: 'Price per bed per week', hint: { text: 'The lowest weekly price scores full marks' } },
      { value: 'whole-life', text: 'Whole-life cost', hint: { text: 'Beds × weekly price × the term with any extension' } },
    ].map((o) => ({ ...o, checked: v.priceMethod === o.value })),
    awardRule: [
      { value: 'rank', text: 'By rank', hint: { text: 'Highest total score first, adding bids until the beds are met' } },
      {
        value: 'optimal',
        text: 'Best combination',
        hint: { text: 'The combination of bids, up to the most providers, that gives the beds with the best total score for the cost' },
      },
    ].map((o) => ({ ...o, checked: v.awardRule === o.value })),
    fillToMax: [{ value: 'yes', text: 'Keep adding bids until the most beds, not just the fewest', checked: v.fillToMax }],
    abnormallyLowBasis: [
      { value: 'median-of-bids', text: 'The median price of the bids' },
      { value: 'framework-spot-rate', text: 'The provider’s framework spot rate' },
    ].map((o) => ({ ...o, checked: v.abnormallyLowBasis === o.value })),
    questions: v.questions.map((q, i) => {
      const n = i + 1
      return {
        number: n,
        values: q,
        ids: {
          title: questionField(n, 'title'),
          guidance: questionField(n, 'guidance'),
          weight: questionField(n, 'weight'),
          minimumScore: questionField(n, 'minimumScore'),
          kind: questionField(n, 'kind'),
        },
        kindItems: [
          { value: 'quality', text: 'Quality' },
          { value: 'social-value', text: 'Social value' },
        ].map((o) => ({ ...o, checked: q.kind === o.value })),
        descriptors: DESCRIPTOR_SCORES.map((s) => ({ id: descriptorField(n, s), score: s, value: q.descriptors[s] ?? '' })),
        // Open when any is filled in, which is also the only way one can be in error (some but not all).
        descriptorsOpen: q.descriptors.some((d) => d !== ''),
      }
    }),
    dates: {
      startDate: dateItems(v.startDate, dateErrors.startDate),
      evaluationEndDate: dateItems(v.evaluationEndDate, dateErrors.evaluationEndDate),
      clarificationDeadline: dateItems(v.clarificationDeadline.date, dateErrors.clarificationDeadline),
      submissionDeadline: dateItems(v.submissionDeadline.date, dateErrors.submissionDeadline),
    },
  }
}

/** '£25,000.00 a week', or that there is no budget. */
export const budgetText = (pence: number | null) => (pence === null ? 'No budget set' : `${formatPence(pence)} a week`)
