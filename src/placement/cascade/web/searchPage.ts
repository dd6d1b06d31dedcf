/** The cascade page: routes in cascade order, each home with whether it can take the child and why not, and its score in parts. */
import { judgementTag } from '../../../market/domain/judgements.js'
import { one, type RawFields } from '../../../market/web/query.js'
import { formatDate, formatNumber, formatPence } from '../../../platform/web/format.js'
import { escapeHtml } from '../../../platform/web/pagination.js'
import { ROUTE_LABELS, ROUTES, type Route } from '../../domain/vacancy.js'
import { SCORE_PARTS, type ScorePart } from '../../matching/rank/index.js'
import type { CascadeHome, CascadeSearch } from '../cascadeService.js'
import { cascadePaths } from '../paths.js'

export type SearchFilters = { route?: Route; feasibleOnly: boolean }

export function searchFiltersFrom(q: RawFields): SearchFilters {
  const route = one(q, 'route')
  return { route: (ROUTES as readonly string[]).includes(route) ? (route as Route) : undefined, feasibleOnly: one(q, 'feasible') === 'yes' }
}

export const SCORE_PART_LABELS: Record<ScorePart, string> = {
  distance: 'Near home',
  school: 'Near school',
  price: 'Price',
  judgement: 'Ofsted',
  route: 'Route',
  compatibility: 'Compatibility',
}

const GROUP_HEADINGS: Record<Route, string> = {
  'in-house': '1. In-house homes',
  block: '2. Block contract beds',
  spot: '3. Framework spot purchase',
}

const miles = (m: number | null) => (m === null ? 'Not known' : `${formatNumber(m, 1)} miles`)
const list = (items: string[], cls = 'govuk-list govuk-list--bullet govuk-body-s') =>
  items.length ? `<ul class="${cls}">${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>` : ''
const tag = (text: string, classes: string) => `<strong class="govuk-tag ${classes}">${escapeHtml(text)}</strong>`

function homeRow(h: CascadeHome, referralId: string, canBook: boolean) {
  const where = `${h.name ?? h.homeName} (${ROUTE_LABELS[h.route].toLowerCase()})`
  const fit = h.feasible ? tag('Can take the child', 'govuk-tag--green') : tag('Cannot take the child', 'govuk-tag--red') + list(h.reasons)
  const warnings = h.warnings.length ? `<p class="govuk-body-s govuk-!-margin-bottom-1">Warnings:</p>${list(h.warnings)}` : ''
  const school =
    h.milesFromSchool === null
      ? ''
      : `<br>School: ${escapeHtml(miles(h.milesFromSchool))}${h.schoolContinuity ? ' (can stay at school)' : ' (school change likely)'}`
  const parts = SCORE_PARTS.map((p) => `${SCORE_PART_LABELS[p]} ${formatNumber(h.score.parts[p], 2)}`)
  const j = judgementTag(h.judgement)
  const contract = h.contractReference ? `<br><span class="govuk-body-s">Contract ${escapeHtml(h.contractReference)}</span>` : ''
  const book =
    canBook && h.feasible
      ? `<a class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" role="button" draggable="false" href="${escapeHtml(cascadePaths.book(referralId, h.homeId, h.route))}">Book a bed<span class="govuk-visually-hidden"> at ${escapeHtml(where)}</span></a>`
      : ''
  return [
    {
      html: `<a class="govuk-link" href="${escapeHtml(cascadePaths.home(h.homeId))}">${escapeHtml(h.homeName)}</a><br><span class="govuk-body-s">${escapeHtml(h.providerName)} · ${h.beds.length} vacant ${h.beds.length === 1 ? 'bed' : 'beds'}</span>${contract}`,
    },
    { html: fit + warnings },
    { html: `Home: ${escapeHtml(miles(h.milesFromHome))}${school}` },
    { text: h.weeklyPricePence === null ? 'Not known' : formatPence(h.weeklyPricePence) },
    { html: tag(j.text, j.classes) },
    { html: `<strong>${formatNumber(h.score.total, 2)}</strong>${list(parts, 'govuk-list govuk-body-s')}` },
    { html: book },
  ]
}

export function searchPageView(s: CascadeSearch, filters: SearchFilters, canBook: boolean) {
  return {
    caption: `Child ${s.caseReference}`,
    facts: [
      { key: { text: 'Vacancies on' }, value: { text: formatDate(s.onDate) } },
      {
        key: { text: 'Distances measured from' },
        value: {
          text:
            s.origin.home === null
              ? 'Not known: the child has no home postcode and the referral no preferred location'
              : `The child’s ${s.origin.home} (DfE straight-line miles)${s.origin.school ? ', and their school' : ''}`,
        },
      },
      {
        key: { text: 'Compatibility rules' },
        value: {
          html: `${s.compatibility.length} rules, the council’s ${s.rulesUpdatedAt ? 'own set' : 'default set'}. <a class="govuk-link" href="${cascadePaths.matchingRules()}">See the rules</a>`,
        },
      },
    ],
    routeItems: [
      { value: '', text: 'All routes', selected: filters.route === undefined },
      ...ROUTES.map((r) => ({ value: r, text: ROUTE_LABELS[r], selected: filters.route === r })),
    ],
    feasibleItems: [{ value: 'yes', text: 'Only homes that can take the child', checked: filters.feasibleOnly }],
    emptyBlockBeds: s.emptyBlockBeds.map((b) => `${b.homeName}, ${b.bedLabel} (contract ${b.contractReference})`),
    groups: s.groups
      .filter((g) => filters.route === undefined || g.route === filters.route)
      .map((g) => ({
        route: g.route,
        heading: GROUP_HEADINGS[g.route],
        summary: `${g.listed} ${g.listed === 1 ? 'home' : 'homes'} with a vacancy, ${g.feasible} can take the child${g.shown < (filters.feasibleOnly ? g.feasible : g.listed) ? `; the best ${g.shown} shown` : ''}`,
        head: [
          { text: 'Home' },
          { text: 'Can take the child?' },
          { text: 'Distance' },
          { text: 'Weekly price' },
          { text: 'Ofsted' },
          { text: 'Score' },
          { html: '<span class="govuk-visually-hidden">Action</span>' },
        ],
        rows: g.homes.map((h) => homeRow(h, s.referralId, canBook)),
      })),
  }
}
