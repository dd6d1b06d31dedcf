/** The form for entering a contract by hand: values as typed, parsed into the service's terms. */
import type { FormResult } from '../../../platform/web/formErrors.js'
import { many, one, type RawFields } from '../../../market/web/query.js'
import type { BedInfo } from '../registerRepository.js'
import { CONTRACT_KINDS, KIND_LABELS, PAYMENT_FREQUENCIES, PRICING_LABELS, PRICING_MODELS, type ContractTerms } from '../terms.js'
import { formReader, noDate, type DateParts } from './fields.js'
import { dateItems } from '../../../platform/web/http.js'

export type ContractFormValues = {
  reference: string
  kind: string
  providerId: string
  bedIds: string[]
  pricePencePerBedWeek: string
  pricingModel: string
  placementFeePencePerWeek: string
  startDate: DateParts
  initialEndDate: DateParts
  maxExtentDate: DateParts
  extensionMonths: string
  extensionNoticeDate: DateParts
  paymentFrequency: string
  voidReleaseAfterDays: string
  indexation: string
  capBps: string
  reviewBps: string
  cpiLagMonths: string
}

const DATES = ['startDate', 'initialEndDate', 'maxExtentDate', 'extensionNoticeDate'] as const

/** A blank form with the council's usual terms filled in (the lower of 1.5% and CPI, review above 3%; 28-day void rule). */
export function newContractValues(kind: string, providerId: string): ContractFormValues {
  return {
    reference: '',
    kind,
    providerId,
    bedIds: [],
    pricePencePerBedWeek: '',
    pricingModel: 'block',
    placementFeePencePerWeek: '',
    startDate: noDate(),
    initialEndDate: noDate(),
    maxExtentDate: noDate(),
    extensionMonths: '',
    extensionNoticeDate: noDate(),
    paymentFrequency: '4-weekly',
    voidReleaseAfterDays: '28',
    indexation: 'yes',
    capBps: '1.5',
    reviewBps: '3',
    cpiLagMonths: '2',
  }
}

export function contractValuesFrom(body: RawFields): ContractFormValues {
  const f = formReader(body)
  const text = (name: keyof ContractFormValues) => one(body, name)
  return {
    reference: text('reference'),
    kind: text('kind'),
    providerId: text('providerId'),
    bedIds: many(body, 'bedIds'),
    pricePencePerBedWeek: text('pricePencePerBedWeek'),
    pricingModel: text('pricingModel'),
    placementFeePencePerWeek: text('placementFeePencePerWeek'),
    startDate: f.dateParts('startDate'),
    initialEndDate: f.dateParts('initialEndDate'),
    maxExtentDate: f.dateParts('maxExtentDate'),
    extensionMonths: text('extensionMonths'),
    extensionNoticeDate: f.dateParts('extensionNoticeDate'),
    paymentFrequency: text('paymentFrequency'),
    voidReleaseAfterDays: text('voidReleaseAfterDays'),
    indexation: text('indexation'),
    capBps: text('capBps'),
    reviewBps: text('reviewBps'),
    cpiLagMonths: text('cpiLagMonths'),
  }
}

/** Checks what was typed; the service then checks the terms hang together. */
export function parseContractForm(body: RawFields): FormResult<ContractTerms> {
  const f = formReader(body)
  const kind = one(body, 'kind')
  const pricingModel = one(body, 'pricingModel')
  const bedIds = many(body, 'bedIds')
  if (bedIds.length === 0) f.problems.push({ field: 'bedIds', message: 'Select at least one bed' })
  if (!(CONTRACT_KINDS as readonly string[]).includes(kind)) f.problems.push({ field: 'kind', message: 'Select the kind of contract' })
  const reference = one(body, 'reference')
  if (reference === '') f.problems.push({ field: 'reference', message: 'Enter the contract reference' })
  const price = f.pounds('pricePencePerBedWeek', 'the price per bed-week')
  if (!(PRICING_MODELS as readonly string[]).includes(pricingModel))
    f.problems.push({ field: 'pricingModel', message: 'Select the pricing model' })
  const fee = f.pounds('placementFeePencePerWeek', 'the fee per occupied bed-week', pricingModel === 'core-and-placement')
  const startDate = f.date('startDate', 'the start date')
  const initialEndDate = f.date('initialEndDate', 'the end of the initial term')
  const maxExtentDate = f.date('maxExtentDate', 'the latest end if every extension is taken')
  const extensionMonths = f.whole('extensionMonths', 'the extension in months', false)
  const extensionNoticeDate = f.date('extensionNoticeDate', 'the latest date to give notice of the extension', extensionMonths !== null)
  const paymentFrequency = one(body, 'paymentFrequency')
  if (!(PAYMENT_FREQUENCIES as readonly string[]).includes(paymentFrequency))
    f.problems.push({ field: 'paymentFrequency', message: 'Select how often the provider is paid' })
  const voidReleaseAfterDays = f.whole('voidReleaseAfterDays', 'the days empty before the provider may release a bed', false)
  const indexed = one(body, 'indexation')
  if (indexed !== 'yes' && indexed !== 'no') f.problems.push({ field: 'indexation', message: 'Select whether the price is indexed' })
  const capBps = indexed === 'yes' ? f.percentBps('capBps', 'the indexation cap') : null
  const reviewBps = indexed === 'yes' ? f.percentBps('reviewBps', 'the CPI above which prices are reviewed') : null
  const cpiLagMonths = indexed === 'yes' ? f.whole('cpiLagMonths', 'how many months before the anniversary the CPI month is') : null
  if (f.problems.length > 0) return { ok: false, errors: f.errors() }
  return {
    ok: true,
    data: {
      reference,
      kind: kind as ContractTerms['kind'],
      providerId: one(body, 'providerId'),
      bedIds,
      pricePencePerBedWeek: price!,
      pricingModel: pricingModel as ContractTerms['pricingModel'],
      placementFeePencePerWeek: fee,
      startDate: startDate!,
      initialEndDate: initialEndDate!,
      maxExtentDate: maxExtentDate!,
      extensionMonths,
      extensionNoticeDate,
      paymentFrequency: paymentFrequency as ContractTerms['paymentFrequency'],
      voidReleaseAfterDays,
      indexation: indexed === 'yes' ? { capBps: capBps!, reviewBps: reviewBps!, cpiLagMonths: cpiLagMonths! } : null,
    },
  }
}

/** The radios, checkboxes (beds grouped by home) and date boxes, marked from the values. */
export function contractFormChoices(v: ContractFormValues, beds: BedInfo[], errored: Record<string, unknown>) {
  const homes = new Map<string, { name: string; items: { value: string; text: string; checked: boolean; hint?: { text: string } }[] }>()
  for (const b of beds) {
    const h = homes.get(b.homeId) ?? { name: b.homeName, items: [] }
    h.items.push({
      value: b.bedId,
      text: `${b.homeName}, ${b.label}`,
      checked: v.bedIds.includes(b.bedId),
      hint: { text: `Now ${b.status}` },
    })
    homes.set(b.homeId, h)
  }
  // One checkbox group; the first box carries the control id the error summary links to.
  const bedItems = [...homes.values()].flatMap((h) => h.items)
  return {
    kind: CONTRACT_KINDS.map((k) => ({ value: k, text: KIND_LABELS[k], checked: v.kind === k })),
    pricingModel: PRICING_MODELS.map((m) => ({ value: m, text: PRICING_LABELS[m], checked: v.pricingModel === m })),
    paymentFrequency: PAYMENT_FREQUENCIES.map((p) => ({
      value: p,
      text: p === '4-weekly' ? 'Every 4 weeks' : 'Monthly',
      checked: v.paymentFrequency === p,
    })),
    indexation: [
      { value: 'yes', text: 'Yes: on each anniversary, the lower of the cap and CPI', checked: v.indexation === 'yes' },
      { value: 'no', text: 'No indexation', checked: v.indexation === 'no' },
    ],
    beds: bedItems,
    dates: Object.fromEntries(DATES.map((d) => [d, dateItems(v[d], Boolean(errored[`${d}-day`]))])) as Record<
      (typeof DATES)[number],
      ReturnType<typeof dateItems>
    >,
  }
}
