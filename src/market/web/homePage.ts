import { formatDate } from '../../platform/web/format.js'
import { escapeHtml } from '../../platform/web/pagination.js'
import { registrationCategoryLabel } from '../domain/categories.js'
import type { DistanceView } from '../domain/distance.js'
import { judgementTag } from '../domain/judgements.js'
import { needLabel } from '../domain/needs.js'
import { BED_STATUSES, SEXES_LABELS, bedStatusTag, homeStatusTag, type SexesAccepted } from '../domain/statuses.js'
import type { BedRow, HomeRow } from '../homeRepository.js'
import { marketPaths } from '../paths.js'
import { distanceHtml } from './homeList.js'

type Row = {
  key: { text: string }
  value: { text?: string; html?: string }
  actions?: { items: { href: string; text: string; visuallyHiddenText: string }[] }
}

const tag = (t: { text: string; classes: string }) => `<strong class="govuk-tag ${t.classes}">${escapeHtml(t.text)}</strong>`
const list = (items: string[], none: string) =>
  items.length === 0
    ? `<span class="govuk-hint govuk-!-margin-0">${escapeHtml(none)}</span>`
    : `<ul class="govuk-list">${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`

export function ageRangeText(min: number | null, max: number | null): string {
  if (min === null && max === null) return 'Not recorded'
  if (min === null) return `Up to ${max}`
  if (max === null) return `${min} and over`
  return min === max ? `${min}` : `${min} to ${max}`
}

const PRECISION_TEXT: Record<string, string> = {
  unit: 'Located by its full postcode',
  sector: 'Approximate: located by its postcode sector',
  district: 'Approximate: located by its postcode district',
  none: 'Unknown: the postcode could not be located',
}

export type HomeDetail = {
  home: HomeRow & { provider_name: string }
  categories: string[]
  needs: string[]
  beds: BedRow[]
  distance: DistanceView
  radiusMiles: number
  centre: { label: string }
}

/** The home page's summary lists and beds table, for anyone; bed status forms only for editors. */
export function homeDetailView(d: HomeDetail, canEdit: boolean) {
  const h = d.home
  const change = (text: string, field: string) =>
    canEdit
      ? { actions: { items: [{ href: `${marketPaths.editHome(h.id)}#${field}`, text: 'Change', visuallyHiddenText: text.toLowerCase() }] } }
      : {}
  const row = (text: string, value: { text?: string; html?: string }, field?: string): Row => ({
    key: { text },
    value,
    ...(field ? change(text, field) : {}),
  })
  const vacant = d.beds.filter((b) => b.status === 'vacant').length
  const address = [h.address_line, h.town, h.postcode].filter((x): x is string => Boolean(x))

  const details: Row[] = [
    row('Name', { text: h.name }, 'name'),
    row('Ofsted URN', { text: h.urn }),
    row('Provider', {
      html: `<a class="govuk-link" href="${escapeHtml(marketPaths.provider(h.provider_id))}">${escapeHtml(h.provider_name)}</a>`,
    }),
    row(
      'Address',
      { html: address.length ? address.map(escapeHtml).join('<br>') : '<span class="govuk-hint govuk-!-margin-0">Not recorded</span>' },
      'postcode',
    ),
    row('Status', { html: tag(homeStatusTag(h.status)) }, 'status'),
    row('Registered places', { text: String(h.registered_places) }, 'registeredPlaces'),
    row('Age range', { text: ageRangeText(h.age_min, h.age_max) }, 'ageMin'),
    row('Accepts', { text: SEXES_LABELS[h.sexes_accepted as SexesAccepted] ?? h.sexes_accepted }, 'sexesAccepted'),
    row('Registered on', { text: h.registration_date ? formatDate(h.registration_date) : 'Not recorded' }, 'registrationDate'),
  ]
  const distance: Row[] = [
    row(`Distance from ${d.centre.label}`, { html: distanceHtml(d.distance, d.radiusMiles) }),
    row('How the location is known', { text: PRECISION_TEXT[h.location_precision] ?? h.location_precision }),
  ]
  const ofsted: Row[] = [
    row('Latest judgement', { html: tag(judgementTag(h.ofsted_judgement)) }, 'ofstedJudgement'),
    row(
      'Date of judgement',
      { text: h.ofsted_judgement_date ? formatDate(h.ofsted_judgement_date) : 'Not inspected yet' },
      'ofstedJudgementDate-day',
    ),
    row('Registration categories', { html: list(d.categories.map(registrationCategoryLabel), 'None recorded') }, 'categories'),
  ]
  const needs: Row[] = [row('Needs the Statement of Purpose covers', { html: list(d.needs.map(needLabel), 'None recorded') }, 'needs')]

  const beds = d.beds.map((b) => ({
    id: b.id,
    label: b.label,
    tag: bedStatusTag(b.status),
    updated: formatDate(b.updated_at),
    action: marketPaths.bedStatus(h.id, b.id),
    items: BED_STATUSES.map((s) => ({ value: s, text: bedStatusTag(s).text, selected: s === b.status })),
  }))

  return {
    title: h.name,
    caption: h.provider_name,
    details,
    distance,
    ofsted,
    needs,
    beds,
    bedsCaption: `${d.beds.length} ${d.beds.length === 1 ? 'bed' : 'beds'}, ${vacant} vacant`,
    editHref: canEdit ? marketPaths.editHome(h.id) : null,
    outsideRadius:
      d.distance.known && !d.distance.withinRadius
        ? `This home is ${d.distance.approximate ? 'about ' : ''}${d.distance.miles.toFixed(1)} miles from ${d.centre.label}: outside the ${d.radiusMiles}-mile local area.`
        : d.distance.known
          ? null
          : `This home’s distance from ${d.centre.label} is unknown until its postcode is located.`,
  }
}
