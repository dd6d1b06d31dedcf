/**
 * A provider's bid form: beds offered at each of its eligible homes, the price per bed-week, the
 * optional core-plus-placement fees, the open-book cost breakdown and an answer to every question.
 * Money is typed in pounds and sent in pence.
 */
import { formatPence, parsePounds } from '../../platform/web/format.js'
import { formErrors, type FormResult } from '../../platform/web/formErrors.js'
import { one, type RawFields } from '../../market/web/query.js'
import type { BidInput, BidView, CostBreakdown, GatewayResult, Question } from '../tenderApi.js'
import { COST_PARTS, kb } from './bidsPage.js'
import { answerField, costField, lineField } from './fields.js'
import { milesText } from './invitePage.js'
import { descriptorsOf } from './scoring.js'
import { bidStatusTag } from './status.js'
import { formatDateTime } from './time.js'

type Home = GatewayResult['homes'][number]

export type BidFormValues = {
  lines: Record<string, string>
  pricePencePerBedWeek: string
  coreFeePencePerWeek: string
  perPlacementFeePencePerWeek: string
  costBreakdown: Record<keyof CostBreakdown, string>
  answers: Record<string, string>
}

const pounds = (pence: number | null | undefined) => (pence === null || pence === undefined ? '' : (pence / 100).toFixed(2))

export function bidValuesOf(bid: BidView | null, homes: Home[], questions: Question[]): BidFormValues {
  const costBreakdown = {} as BidFormValues['costBreakdown']
  for (const p of COST_PARTS) costBreakdown[p.key] = bid ? pounds(bid.costBreakdown[p.key]) : ''
  return {
    lines: Object.fromEntries(homes.map((h) => [h.homeId, String(bid?.lines.find((l) => l.homeId === h.homeId)?.beds ?? '')])),
    pricePencePerBedWeek: pounds(bid?.pricePencePerBedWeek),
    coreFeePencePerWeek: pounds(bid?.coreFeePencePerWeek),
    perPlacementFeePencePerWeek: pounds(bid?.perPlacementFeePencePerWeek),
    costBreakdown,
    answers: Object.fromEntries(questions.map((q) => [q.id, bid?.answers.find((a) => a.questionId === q.id)?.text ?? ''])),
  }
}

export function bidValuesFrom(body: RawFields, homes: Home[], questions: Question[]): BidFormValues {
  const costBreakdown = {} as BidFormValues['costBreakdown']
  for (const p of COST_PARTS) costBreakdown[p.key] = one(body, costField(p.key))
  return {
    lines: Object.fromEntries(homes.map((h) => [h.homeId, one(body, lineField(h.homeId))])),
    pricePencePerBedWeek: one(body, 'pricePencePerBedWeek'),
    coreFeePencePerWeek: one(body, 'coreFeePencePerWeek'),
    perPlacementFeePencePerWeek: one(body, 'perPlacementFeePencePerWeek'),
    costBreakdown,
    // Answers keep their line breaks: only the ends are trimmed.
    answers: Object.fromEntries(questions.map((q) => [q.id, one(body, answerField(q.id))])),
  }
}

/** Checks the bid form; only eligible homes can be offered. Answers may be blank in a draft: the service checks them on submission. */
export function parseBidForm(body: RawFields, homes: Home[], questions: Question[]): FormResult<BidInput> {
  const v = bidValuesFrom(body, homes, questions)
  const problems: { field: string; message: string }[] = []
  const lines: BidInput['lines'] = []
  for (const h of homes) {
    const text = v.lines[h.homeId] ?? ''
    if (text === '' || text === '0') continue
    if (!/^\d+$/.test(text)) problems.push({ field: lineField(h.homeId), message: `Beds at ${h.name} must be a whole number, like 2` })
    else if (!h.eligible)
      problems.push({ field: lineField(h.homeId), message: `${h.name} does not pass the gateway, so it cannot be offered` })
    else lines.push({ homeId: h.homeId, beds: Number(text) })
  }
  if (lines.length === 0 && problems.length === 0) {
    const first = homes.find((h) => h.eligible) ?? homes[0]
    problems.push({ field: first ? lineField(first.homeId) : 'lines', message: 'Offer beds at one or more of your homes' })
  }
  const money = (field: keyof BidFormValues & string, text: string, label: string, required: boolean): number | null => {
    if (text === '') {
      if (required) problems.push({ field, message: `Enter ${label}` })
      return null
    }
    const pence = parsePounds(text)
    if (pence === null) problems.push({ field, message: `Enter ${label} in pounds, like 4250.00` })
    return pence
  }
  const price = money('pricePencePerBedWeek', v.pricePencePerBedWeek, 'the price per bed per week', true)
  const core = money('coreFeePencePerWeek', v.coreFeePencePerWeek, 'the core fee a week', false)
  const perPlacement = money('perPlacementFeePencePerWeek', v.perPlacementFeePencePerWeek, 'the fee per occupied bed-week', false)
  if ((v.coreFeePencePerWeek === '') !== (v.perPlacementFeePencePerWeek === ''))
    problems.push({
      field: v.coreFeePencePerWeek === '' ? 'coreFeePencePerWeek' : 'perPlacementFeePencePerWeek',
      message: 'Enter both the core fee and the fee per occupied bed-week, or neither',
    })
  const costBreakdown = {} as CostBreakdown
  for (const p of COST_PARTS) {
    const text = v.costBreakdown[p.key]
    const pence = text === '' ? null : parsePounds(text)
    if (text === '')
      problems.push({ field: costField(p.key), message: `Enter the ${p.label.toLowerCase()} cost per bed per week (0 if none)` })
    else if (pence === null)
      problems.push({ field: costField(p.key), message: `Enter the ${p.label.toLowerCase()} cost in pounds, like 2100.00` })
    else costBreakdown[p.key] = pence
  }
  for (const q of questions) {
    if ((v.answers[q.id] ?? '').length > 20000)
      problems.push({ field: answerField(q.id), message: `Your answer to question ${q.number} must be 20,000 characters or fewer` })
  }
  if (problems.length) return { ok: false, errors: formErrors(problems) }
  return {
    ok: true,
    data: {
      lines,
      pricePencePerBedWeek: price!,
      coreFeePencePerWeek: core,
      perPlacementFeePencePerWeek: perPlacement,
      costBreakdown,
      answers: questions.map((q) => ({ questionId: q.id, text: v.answers[q.id] ?? '' })),
    },
  }
}

/** The bid page's controls and the bid's state. */
export function bidFormView(opts: { bid: BidView | null; homes: Home[]; questions: Question[]; values: BidFormValues; open: boolean }) {
  const { bid, homes, questions, values } = opts
  const eligible = homes.filter((h) => h.eligible)
  const costTotal = COST_PARTS.reduce((s, p) => s + (parsePounds(values.costBreakdown[p.key]) ?? 0), 0)
  return {
    status: bid ? bidStatusTag(bid.status) : { text: 'Not started', classes: 'govuk-tag--grey' },
    submittedAt: bid?.submittedAt ? formatDateTime(bid.submittedAt) : null,
    needsReconfirmation: bid?.status === 'needs-reconfirmation',
    canWithdraw: opts.open && bid !== null && bid.status !== 'withdrawn',
    homes: eligible.map((h) => ({
      id: lineField(h.homeId),
      name: h.name,
      hint: `${h.urn}, ${milesText(h.miles)}${h.judgement ? `, ${h.judgement}` : ''}`,
      value: values.lines[h.homeId] ?? '',
    })),
    ineligibleHomes: homes.filter((h) => !h.eligible).map((h) => `${h.name}: ${h.reasons.join('; ') || 'does not pass the gateway'}`),
    costs: COST_PARTS.map((p) => ({ id: costField(p.key), label: p.label, value: values.costBreakdown[p.key] })),
    costTotal: formatPence(costTotal),
    questions: questions.map((q) => ({
      number: q.number,
      title: q.title,
      guidance: q.guidance,
      weight: q.weight,
      id: answerField(q.id),
      value: values.answers[q.id] ?? '',
      descriptors: descriptorsOf(q).map((d, s) => ({ score: s, text: d })),
    })),
    attachments: (bid?.attachments ?? []).map((a) => ({
      name: a.fileName,
      size: kb(a.bytes),
      for: a.questionId ? `question ${questions.find((q) => q.id === a.questionId)?.number ?? ''}` : 'the whole bid',
    })),
    attachmentQuestionItems: [
      { value: '', text: 'The whole bid' },
      ...questions.map((q) => ({ value: q.id, text: `Question ${q.number}: ${q.title}` })),
    ],
  }
}
