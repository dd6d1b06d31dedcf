/** GOV.UK tags for a mini-competition's and a bid's status: the words carry the meaning, the colour only helps. */
import { escapeHtml } from '../../platform/web/pagination.js'
import type { BidStatus, TenderStatus } from '../tenderApi.js'

export type Tag = { text: string; classes: string }

const TENDER: Record<TenderStatus, Tag> = {
  draft: { text: 'Draft', classes: 'govuk-tag--grey' },
  open: { text: 'Open for bids', classes: 'govuk-tag--blue' },
  closed: { text: 'Closed, bids sealed', classes: 'govuk-tag--purple' },
  opened: { text: 'Bids opened', classes: 'govuk-tag--turquoise' },
  moderated: { text: 'Moderated', classes: 'govuk-tag--turquoise' },
  'award-proposed': { text: 'Award proposed', classes: 'govuk-tag--yellow' },
  standstill: { text: 'Standstill', classes: 'govuk-tag--orange' },
  concluded: { text: 'Concluded', classes: 'govuk-tag--green' },
  cancelled: { text: 'Cancelled', classes: 'govuk-tag--red' },
}

const BID: Record<BidStatus, Tag> = {
  draft: { text: 'Draft', classes: 'govuk-tag--grey' },
  submitted: { text: 'Submitted', classes: 'govuk-tag--green' },
  withdrawn: { text: 'Withdrawn', classes: 'govuk-tag--red' },
  'needs-reconfirmation': { text: 'Needs reconfirming', classes: 'govuk-tag--yellow' },
}

export const tenderStatusTag = (s: TenderStatus): Tag => TENDER[s] ?? { text: s, classes: 'govuk-tag--grey' }
export const bidStatusTag = (s: BidStatus): Tag => BID[s] ?? { text: s, classes: 'govuk-tag--grey' }

export const tagHtml = (t: Tag) => `<strong class="govuk-tag ${t.classes}">${escapeHtml(t.text)}</strong>`
export const linkHtml = (href: string, text: string) => `<a class="govuk-link" href="${escapeHtml(href)}">${escapeHtml(text)}</a>`

/** Plain text as paragraphs: a blank line starts a new one, a single line break is kept. */
export function paragraphsHtml(text: string, classes = 'govuk-body'): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p class="${classes}">${escapeHtml(p).replace(/\r?\n/g, '<br>')}</p>`)
    .join('')
}

/** The order a mini-competition moves through; used to say whether a stage is done, current or not yet. */
export const STATUS_ORDER: TenderStatus[] = ['draft', 'open', 'closed', 'opened', 'moderated', 'award-proposed', 'standstill', 'concluded']

export function reached(status: TenderStatus, stage: TenderStatus): boolean {
  const i = STATUS_ORDER.indexOf(status)
  return i >= 0 && i >= STATUS_ORDER.indexOf(stage)
}
