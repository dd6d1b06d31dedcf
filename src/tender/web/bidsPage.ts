/**
 * Bids as officers see them: before opening, only that a bid exists (never a price); after both
 * officers have opened them, everything each provider sent.
 */
import { formatNumber, formatPence } from '../../platform/web/format.js'
import type { BidView, CostBreakdown, GatewayResult, Question, SealedBid, TenderDetail } from '../tenderApi.js'
import { bidStatusTag, linkHtml, paragraphsHtml, tagHtml } from './status.js'
import { formatDateTime } from './time.js'

export const COST_PARTS: { key: keyof CostBreakdown; label: string }[] = [
  { key: 'staffing', label: 'Staffing' },
  { key: 'premises', label: 'Premises' },
  { key: 'education', label: 'Education' },
  { key: 'therapy', label: 'Therapy' },
  { key: 'overheads', label: 'Overheads' },
  { key: 'profit', label: 'Profit' },
]

export function sealedBidsView(list: SealedBid[]) {
  return {
    caption: `${list.length} ${list.length === 1 ? 'bid' : 'bids'}, sealed until two officers open them`,
    head: [{ text: 'Provider' }, { text: 'Status' }, { text: 'Submitted' }],
    rows: list.map((b) => [
      { text: b.providerName },
      { html: tagHtml(bidStatusTag(b.status)) },
      { text: b.submittedAt ? formatDateTime(b.submittedAt) : 'Not submitted' },
    ]),
  }
}

/** Home names from the gateway, which knows every invited provider's homes. */
export function homeNames(gateway: GatewayResult[] | GatewayResult['homes']): Map<string, string> {
  const homes = gateway.flatMap((g) => ('homes' in g ? g.homes : [g]))
  return new Map(homes.map((h) => [h.homeId, h.name]))
}

export function feesText(b: Pick<BidView, 'coreFeePencePerWeek' | 'perPlacementFeePencePerWeek'>): string | null {
  if (b.coreFeePencePerWeek === null && b.perPlacementFeePencePerWeek === null) return null
  return `Core ${formatPence(b.coreFeePencePerWeek ?? 0)} a week, plus ${formatPence(b.perPlacementFeePencePerWeek ?? 0)} per occupied bed-week`
}

export const kb = (bytes: number) => (bytes < 1024 ? `${bytes} bytes` : `${formatNumber(bytes / 1024, 0)} KB`)

/** One bid in full: the offer, its open-book costs, and the answers to each question. */
export function bidDetailView(b: BidView, questions: Question[], homes: Map<string, string>) {
  const costTotal = COST_PARTS.reduce((s, p) => s + b.costBreakdown[p.key], 0)
  return {
    id: b.id,
    providerName: b.providerName,
    tag: bidStatusTag(b.status),
    summary: [
      { key: { text: 'Status' }, value: { html: tagHtml(bidStatusTag(b.status)) } },
      { key: { text: 'Submitted' }, value: { text: b.submittedAt ? formatDateTime(b.submittedAt) : 'Not submitted' } },
      { key: { text: 'Beds offered' }, value: { text: String(b.beds) } },
      { key: { text: 'Price per bed per week' }, value: { text: formatPence(b.pricePencePerBedWeek) } },
      ...(feesText(b) ? [{ key: { text: 'Core and placement fees' }, value: { text: feesText(b)! } }] : []),
    ],
    lines: {
      head: [{ text: 'Home' }, { text: 'Beds', format: 'numeric' }],
      rows: b.lines.map((l) => [{ text: homes.get(l.homeId) ?? l.homeId }, { text: String(l.beds), format: 'numeric' }]),
    },
    costs: {
      head: [{ text: 'Cost' }, { text: 'Per bed per week', format: 'numeric' }],
      rows: [
        ...COST_PARTS.map((p) => [{ text: p.label }, { text: formatPence(b.costBreakdown[p.key]), format: 'numeric' }]),
        [{ text: 'Total' }, { text: formatPence(costTotal), format: 'numeric' }],
      ],
    },
    answers: questions.map((q) => ({
      number: q.number,
      title: q.title,
      html: paragraphsHtml(b.answers.find((a) => a.questionId === q.id)?.text ?? ''),
      attachments: b.attachments.filter((a) => a.questionId === q.id).map((a) => `${a.fileName} (${kb(a.bytes)})`),
    })),
    otherAttachments: b.attachments.filter((a) => a.questionId === null).map((a) => `${a.fileName} (${kb(a.bytes)})`),
  }
}

export function openedBidsView(bids: BidView[], t: Pick<TenderDetail, 'questions'>, homes: Map<string, string>) {
  return {
    table: {
      head: [
        { text: 'Provider' },
        { text: 'Status' },
        { text: 'Beds', format: 'numeric' },
        { text: 'Price per bed per week', format: 'numeric' },
        { text: 'Submitted' },
      ],
      rows: bids.map((b) => [
        { html: linkHtml(`#bid-${b.id}`, b.providerName) },
        { html: tagHtml(bidStatusTag(b.status)) },
        { text: String(b.beds), format: 'numeric' },
        { text: formatPence(b.pricePencePerBedWeek), format: 'numeric' },
        { text: b.submittedAt ? formatDateTime(b.submittedAt) : 'Not submitted' },
      ]),
    },
    bids: bids.map((b) => bidDetailView(b, t.questions, homes)),
  }
}

/** The openings so far, from the timeline: who opened first, and when. */
export function openingsTable(events: TenderDetail['events']) {
  const openings = events.filter((e) => /opened/i.test(e.what))
  return {
    count: openings.length,
    head: [{ text: 'When' }, { text: 'What happened' }, { text: 'By' }],
    rows: openings.map((e) => [{ text: formatDateTime(e.at) }, { text: e.what }, { text: e.by }]),
  }
}
