/** The provider portal's page for one invitation: the requirement, the questions and how they are scored, and the Q&A. */
import { tenderPaths } from '../paths.js'
import type { BidView, Clarification, TenderDetail } from '../tenderApi.js'
import { providerClarificationsView } from './clarificationsPage.js'
import { requirementFacts } from './overview.js'
import { descriptorsOf } from './scoring.js'
import { STATUS_ORDER, bidStatusTag, paragraphsHtml } from './status.js'
import { formatDateTime } from './time.js'

export function portalTenderView(t: TenderDetail, clarifications: Clarification[], bid: BidView | null) {
  const at = STATUS_ORDER.indexOf(t.status)
  const open = t.status === 'open'
  return {
    title: t.title,
    caption: t.reference,
    open,
    deadline: formatDateTime(t.submissionDeadline),
    clarificationDeadline: formatDateTime(t.clarificationDeadline),
    facts: requirementFacts(t, 'provider'),
    descriptionHtml: paragraphsHtml(t.description),
    questions: t.questions.map((q) => ({
      number: q.number,
      title: q.title,
      guidanceHtml: paragraphsHtml(q.guidance),
      kind: q.kind === 'social-value' ? 'Social value' : 'Quality',
      weight: q.weight,
      minimumScore: q.minimumScore,
      descriptors: descriptorsOf(q).map((text, score) => ({ key: { text: `Score ${score}` }, value: { text } })),
    })),
    clarifications: providerClarificationsView(clarifications),
    bid: {
      status: bid ? bidStatusTag(bid.status) : { text: 'Not started', classes: 'govuk-tag--grey' },
      href: tenderPaths.bid(t.id),
      action: open ? (bid ? 'Continue your bid' : 'Start your bid') : 'See your bid',
      needsReconfirmation: bid?.status === 'needs-reconfirmation',
    },
    noticesHref: at >= STATUS_ORDER.indexOf('standstill') ? tenderPaths.portalNotices(t.id) : null,
  }
}
