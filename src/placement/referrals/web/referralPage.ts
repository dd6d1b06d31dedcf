/** A referral as its page shows it: the child's needs and risks, what the referral asks for, its timeline. */
import { registrationCategoryLabel } from '../../../market/domain/categories.js'
import { needLabel } from '../../../market/domain/needs.js'
import { formatDate } from '../../../platform/web/format.js'
import { escapeHtml } from '../../../platform/web/pagination.js'
import { EMPTY_CAUSE_LABELS } from '../../../contract/ports.js'
import { formatDateTime } from '../../../tender/web/time.js'
import { cascadePaths } from '../../cascade/paths.js'
import { PLACEMENT_TYPE_LABELS, URGENCY_LABELS } from '../../cascade/web/common.js'
import { ageOn } from '../../domain/needsProfile.js'
import { riskFlagLabel } from '../../domain/riskFlags.js'
import type { ReferralEventKind } from '../referralSchema.js'
import type { ReferralView } from '../referralService.js'

export const EVENT_LABELS: Record<ReferralEventKind, string> = {
  sent: 'Referral sent',
  response: 'Provider response',
  'matching-meeting': 'Matching meeting',
  admission: 'Admission booked',
  closed: 'Referral closed',
}

const STATUS_TAGS = {
  open: { text: 'Open', classes: 'govuk-tag--blue' },
  matched: { text: 'Placed', classes: 'govuk-tag--green' },
  closed: { text: 'Closed', classes: 'govuk-tag--grey' },
} as const

const row = (key: string, value: string, href?: string) => ({
  key: { text: key },
  value: href ? { html: `<a class="govuk-link" href="${escapeHtml(href)}">${escapeHtml(value)}</a>` } : { text: value || 'Not given' },
})
const listOr = (xs: string[], none: string) => (xs.length ? xs.join(', ') : none)

export function referralPageView(r: ReferralView, today: string, can: { arrange: boolean; write: boolean }) {
  const c = r.child
  const open = r.status === 'open'
  return {
    caption: `Child ${c.caseReference}`,
    tag: STATUS_TAGS[r.status],
    child: [
      row('Case reference', c.caseReference, cascadePaths.child(r.childId)),
      row('Age today', String(ageOn(c.dateOfBirth, today))),
      row('Sex', c.sex),
      row('Needs (Statement of Purpose)', listOr(c.needs.map(needLabel), 'None recorded')),
      row('Risks to the child', listOr(c.risksToChild.map(riskFlagLabel), 'No known risk')),
      row('Risks to others or property', listOr(c.risksToOthers.map(riskFlagLabel), 'No known risk')),
      row('Can be cared for alongside', c.caredForAlongside),
    ],
    referral: [
      row('Needed by', URGENCY_LABELS[r.urgency]),
      row(
        'Placement types suitable',
        listOr(
          r.placementTypes.map((t) => PLACEMENT_TYPE_LABELS[t as keyof typeof PLACEMENT_TYPE_LABELS] ?? t),
          'None',
        ),
      ),
      row('Preferred location', r.preferredPostcode ?? ''),
      row('Siblings to place with', r.siblings ?? ''),
      row('Deprivation of Liberty Order', r.deprivationOfLiberty === 'yes' ? 'Yes' : 'No'),
      row('Home must be registered for', listOr(r.categories.map(registrationCategoryLabel), 'No particular category')),
      row('Planned start', r.plannedStartDate ? formatDate(r.plannedStartDate) : 'As soon as possible'),
    ],
    timeline: {
      head: [{ text: 'When' }, { text: 'What' }, { text: 'Detail' }, { text: 'By' }],
      rows: r.timeline.map((e) => [
        { text: formatDateTime(e.at) },
        { text: EVENT_LABELS[e.kind] },
        { text: e.detail ?? '' },
        { text: e.by },
      ]),
    },
    passedOver: {
      head: [{ text: 'Home' }, { text: 'Bed' }, { text: 'Contract' }, { text: 'Reason' }, { text: 'Note' }],
      rows: r.passedOver.map((p) => [
        { text: p.homeName },
        { text: p.bedLabel },
        { text: p.contractReference },
        { text: EMPTY_CAUSE_LABELS[p.cause] },
        { text: p.note ?? '' },
      ]),
    },
    actions: {
      search: open && can.arrange ? cascadePaths.search(r.id) : null,
      offers: open && can.arrange ? cascadePaths.offers(r.id) : null,
      event: open && can.write ? cascadePaths.referralEvents(r.id) : null,
      edit: open && can.write ? cascadePaths.editReferral(r.id) : null,
      close: open && can.write ? cascadePaths.closeReferral(r.id) : null,
      placement: r.placementId ? cascadePaths.placement(r.placementId) : null,
    },
  }
}
