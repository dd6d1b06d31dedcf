/** View models of the children list and a child's profile; pure, so they are tested without rendering. */
import { needLabel } from '../../../market/domain/needs.js'
import { escapeHtml, paginationView } from '../../../platform/web/pagination.js'
import { formatDate, formatPence } from '../../../platform/web/format.js'
import { ageOn } from '../../domain/needsProfile.js'
import { riskFlagLabel } from '../../domain/riskFlags.js'
import { ROUTE_LABELS } from '../../domain/vacancy.js'
import { LEGAL_STATUSES, REASONS_EPISODE_CEASED, REASONS_PLACE_CHANGE } from '../../placements/codes.js'
import { childPaths } from '../paths.js'
import { COMMUNICATION_NEEDS_LABELS, LANGUAGE_REQUIREMENT_LABELS, sentenceCase, YES_NO_LABELS } from '../pdsFields.js'
import type { ChildPage, ChildProfile } from '../profileService.js'
import { SEX_LABELS } from './childForm.js'

export const CHILDREN_PAGE_SIZE = 25

const URGENCY_LABELS: Record<string, string> = { today: 'Today', 'under-5-days': 'Within 5 days', 'over-5-days': 'More than 5 days' }
const REFERRAL_STATUS: Record<string, { text: string; classes: string }> = {
  open: { text: 'Open', classes: 'govuk-tag--blue' },
  matched: { text: 'Matched', classes: 'govuk-tag--green' },
  closed: { text: 'Closed', classes: 'govuk-tag--grey' },
}

const list = (items: string[], none = 'None recorded') =>
  items.length ? `<ul class="govuk-list">${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>` : escapeHtml(none)
const legalStatusText = (code: string) => `${code} – ${LEGAL_STATUSES[code as keyof typeof LEGAL_STATUSES] ?? 'Unknown code'}`

export function childListView(opts: { result: ChildPage; search: string; today: string; canCreate: boolean; placementsTeam: boolean }) {
  const { result, search } = opts
  const page = paginationView({
    basePath: childPaths.list(),
    query: { q: search || undefined },
    page: result.page,
    pageSize: result.pageSize,
    total: result.total,
    noun: result.total === 1 ? 'child' : 'children',
  })
  return {
    search,
    page,
    canCreate: opts.canCreate,
    placementsTeam: opts.placementsTeam,
    caption: search
      ? `${result.total} ${result.total === 1 ? 'child matches' : 'children match'} “${search}”`
      : `${result.total} ${page.noun}`,
    head: [
      { text: 'Case reference' },
      { text: 'Age', format: 'numeric' },
      { text: 'Legal status' },
      { text: 'Social worker' },
      { text: 'Placed at' },
      { text: 'Open referrals', format: 'numeric' },
    ],
    rows: result.items.map((c) => [
      { html: `<a class="govuk-link" href="${escapeHtml(childPaths.child(c.id))}">${escapeHtml(c.caseReference)}</a>` },
      { text: String(ageOn(c.dateOfBirth, opts.today)), format: 'numeric' },
      { text: c.legalStatus },
      { text: c.socialWorker ?? 'Not allocated' },
      { text: c.currentHome ?? 'Not placed' },
      { text: String(c.openReferrals), format: 'numeric' },
    ]),
  }
}

type Row = {
  key: { text: string }
  value: { text?: string; html?: string }
  actions?: { items: { href: string; text: string; visuallyHiddenText: string }[] }
}

export function childProfileView(p: ChildProfile, opts: { today: string; canEdit: boolean; canRefer: boolean }) {
  const c = p.child
  const change = (field: string, what: string) =>
    opts.canEdit ? { items: [{ href: `${childPaths.edit(c.id)}#${field}`, text: 'Change', visuallyHiddenText: what }] } : undefined
  const row = (key: string, value: { text?: string; html?: string }, field: string): Row => {
    const actions = change(field, key.toLowerCase())
    return actions ? { key: { text: key }, value, actions } : { key: { text: key }, value }
  }
  const withOther = (labels: string[], other: string | null) => [...labels, ...(other ? [`Other: ${other}`] : [])]
  const details: Row[] = [
    row('Case reference', { text: c.caseReference }, 'caseReference'),
    row('Date of birth', { text: `${formatDate(c.dateOfBirth)} (age ${ageOn(c.dateOfBirth, opts.today)})` }, 'dateOfBirth-day'),
    row('Sex', { text: SEX_LABELS[c.sex] }, 'sex'),
    row('Legal status', { text: legalStatusText(c.legalStatus) }, 'legalStatus'),
    row('Home postcode', { text: c.homePostcode ?? 'Not recorded' }, 'homePostcode'),
    row('School postcode', { text: c.schoolPostcode ?? 'Not recorded' }, 'schoolPostcode'),
    row('Allocated social worker', { text: p.socialWorker?.name ?? 'Not allocated' }, 'allocatedSocialWorkerUserId'),
  ]
  const recommendation: Row[] = [
    row('Residential care', { text: c.residentialSuitability }, 'residentialSuitability'),
    row('Foster care', { text: c.fosterSuitability }, 'fosterSuitability'),
    row('Supported accommodation', { text: c.supportedAccommodationSuitability }, 'supportedAccommodationSuitability'),
  ]
  const requirements: Row[] = [
    row('Cared for alongside', { text: c.caredForAlongside }, 'caredForAlongside'),
    row('Needs the home must meet', { html: list(c.needs.map(needLabel)) }, 'needs'),
    row('Communication, language and learning needs', { text: COMMUNICATION_NEEDS_LABELS[c.communicationNeeds] }, 'communicationNeeds'),
    row(
      'Communication and language requirements',
      { html: list(c.languageRequirements.map((l) => LANGUAGE_REQUIREMENT_LABELS[l])) },
      'languageRequirements',
    ),
    row('Adaptation to the home', { text: c.adaptationNeeded ? YES_NO_LABELS[c.adaptationNeeded] : 'Not recorded' }, 'adaptationNeeded'),
    row('Cultural needs', { text: c.culturalNeeds }, 'culturalNeeds'),
    row('Can live with pets or animals', { text: c.pets }, 'pets'),
    row(
      'Additional support',
      { html: list(withOther(c.additionalSupport.filter((a) => a !== 'other').map(sentenceCase), c.additionalSupportOther), 'None') },
      'additionalSupport',
    ),
    row('Other requirements', { text: c.requirements ?? 'None recorded' }, 'requirements'),
  ]
  const risks: Row[] = [
    row(
      'Risks to the child',
      { html: list(withOther(c.risksToChild.map(riskFlagLabel), c.risksToChildOther), 'No known risk') },
      'risksToChild',
    ),
    row(
      'Risks to others or property',
      { html: list(withOther(c.risksToOthers.map(riskFlagLabel), c.risksToOthersOther), 'No known risk') },
      'risksToOthers',
    ),
  ]
  return {
    title: `Child ${c.caseReference}`,
    editHref: opts.canEdit ? childPaths.edit(c.id) : null,
    newReferralHref: opts.canRefer ? childPaths.newReferral(c.id) : null,
    details,
    recommendation,
    requirements,
    risks,
    referrals: {
      head: [{ text: 'Referred' }, { text: 'Needed by' }, { text: 'Placement types' }, { text: 'Status' }],
      rows: p.referrals.map((r) => [
        { html: `<a class="govuk-link" href="${escapeHtml(childPaths.referral(r.id))}">${escapeHtml(formatDate(r.createdAt))}</a>` },
        { text: URGENCY_LABELS[r.urgency] ?? r.urgency },
        { text: r.placementTypes.map(sentenceCase).join(', ').replace(/-/g, ' ') },
        {
          html: `<strong class="govuk-tag ${REFERRAL_STATUS[r.status]?.classes ?? ''}">${escapeHtml(REFERRAL_STATUS[r.status]?.text ?? r.status)}</strong>`,
        },
      ]),
    },
    placements: {
      head: [
        { text: 'Home' },
        { text: 'Route' },
        { text: 'From' },
        { text: 'To' },
        { text: 'Weekly price', format: 'numeric' },
        { text: 'Statutory timers' },
      ],
      rows: p.placements.map((pl) => {
        const timers = pl.endDate
          ? pl.endReason
            ? `Ended: ${pl.endReason} – ${REASONS_EPISODE_CEASED[pl.endReason as keyof typeof REASONS_EPISODE_CEASED] ?? ''}${
                pl.reasonPlaceChange
                  ? ` (${pl.reasonPlaceChange} – ${REASONS_PLACE_CHANGE[pl.reasonPlaceChange as keyof typeof REASONS_PLACE_CHANGE] ?? ''})`
                  : ''
              }`
            : 'Ended'
          : [
              pl.planDue ? `Placement plan due by ${formatDate(pl.planDue)}` : 'Placement plan prepared',
              pl.nextVisitDue ? `${pl.visitOverdue ? 'Visit overdue since' : 'Next visit due by'} ${formatDate(pl.nextVisitDue)}` : '',
            ]
              .filter(Boolean)
              .join('. ')
        return [
          { html: `<a class="govuk-link" href="${escapeHtml(childPaths.placement(pl.id))}">${escapeHtml(pl.homeName)}</a>` },
          { text: ROUTE_LABELS[pl.route] },
          { text: formatDate(pl.startDate) },
          { text: pl.endDate ? formatDate(pl.endDate) : 'Current' },
          { text: formatPence(pl.weeklyPricePence), format: 'numeric' },
          pl.endDate
            ? { text: timers }
            : { html: `${escapeHtml(timers)}<br><a class="govuk-link" href="${escapeHtml(childPaths.visits(pl.id))}">Visits and plan</a>` },
        ]
      }),
    },
  }
}
