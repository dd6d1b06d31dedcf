import { formatDate } from '../../platform/web/format.js'
import { formErrors, type FormErrors } from '../../platform/web/formErrors.js'
import { escapeHtml, paginationView, parsePage, parseSort, sortableHeader, type SortRequest } from '../../platform/web/pagination.js'
import { REGISTRATION_CATEGORIES, isRegistrationCategory } from '../domain/categories.js'
import type { DistanceView } from '../domain/distance.js'
import { OFSTED_JUDGEMENTS, isOfstedJudgement, judgementTag } from '../domain/judgements.js'
import { lotTitle } from '../domain/lots.js'
import { STATEMENT_OF_PURPOSE_NEEDS, isNeed } from '../domain/needs.js'
import { HOME_STATUSES, homeStatusTag, type HomeStatus } from '../domain/statuses.js'
import { HOME_SORT_KEYS, type HomeListRow, type HomeSearchFilters, type HomeSortKey } from '../homeRepository.js'
import { marketPaths } from '../paths.js'
import { one, type RawFields } from './query.js'

export type LotChoice = { id: string; number: number; name: string; framework_name: string }

/** The filter controls' names in the query string. */
const FILTER_NAMES = ['q', 'lot', 'judgement', 'category', 'need', 'vacancy', 'within', 'status'] as const

export type HomeQuery = {
  filters: HomeSearchFilters
  /** What was asked for, as text, to fill the controls and keep in links. */
  values: Record<(typeof FILTER_NAMES)[number], string>
  errors: FormErrors
  sort: SortRequest<HomeSortKey>
  page: number
}

/** Reads the homes page's query string; anything not understood is reported against its control and not applied. */
export function parseHomeQuery(raw: RawFields, lots: readonly { id: string }[], pageSize = 25): HomeQuery & { pageSize: number } {
  const values = Object.fromEntries(FILTER_NAMES.map((n) => [n, one(raw, n)])) as HomeQuery['values']
  const filters: HomeSearchFilters = {}
  const problems: { field: string; message: string }[] = []
  if (values.q) filters.q = values.q.slice(0, 100)
  if (values.lot) {
    if (lots.some((l) => l.id === values.lot)) filters.lotId = values.lot
    else problems.push({ field: 'lot', message: 'Select a lot from the list' })
  }
  if (values.judgement) {
    if (isOfstedJudgement(values.judgement)) filters.judgement = values.judgement
    else problems.push({ field: 'judgement', message: 'Select an Ofsted judgement from the list' })
  }
  if (values.category) {
    if (isRegistrationCategory(values.category)) filters.category = values.category
    else problems.push({ field: 'category', message: 'Select a registration category from the list' })
  }
  if (values.need) {
    if (isNeed(values.need)) filters.need = values.need
    else problems.push({ field: 'need', message: 'Select a need from the list' })
  }
  if (values.status) {
    if ((HOME_STATUSES as readonly string[]).includes(values.status)) filters.status = values.status as HomeStatus
    else problems.push({ field: 'status', message: 'Select a status from the list' })
  }
  if (values.vacancy === 'yes') filters.hasVacancy = true
  if (values.within) {
    const miles = /^\d{1,4}(\.\d)?$/.test(values.within) ? Number(values.within) : NaN
    if (Number.isFinite(miles) && miles <= 1000) filters.withinMiles = miles
    else problems.push({ field: 'within', message: 'Enter a distance in miles as a number from 0 to 1000, like 20' })
  }
  const { page } = parsePage(raw.page, pageSize)
  return {
    filters,
    values,
    errors: formErrors(problems),
    sort: parseSort(one(raw, 'sort'), one(raw, 'dir'), HOME_SORT_KEYS, 'name'),
    page,
    pageSize,
  }
}

type Option = { value: string; text: string; selected?: boolean }
const withAny = (anyText: string, options: Option[], selected: string): Option[] =>
  [{ value: '', text: anyText }, ...options].map((o) => ({ ...o, selected: o.value === selected }))

/** The filter panel's choices, with what is selected marked. */
export function homeFilterChoices(values: HomeQuery['values'], lots: readonly LotChoice[]) {
  const multipleFrameworks = new Set(lots.map((l) => l.framework_name)).size > 1
  return {
    lot: withAny(
      'Any lot',
      lots.map((l) => ({ value: l.id, text: multipleFrameworks ? `${lotTitle(l)} (${l.framework_name})` : lotTitle(l) })),
      values.lot,
    ),
    judgement: withAny(
      'Any judgement',
      OFSTED_JUDGEMENTS.map((j) => ({ value: j, text: j })),
      values.judgement,
    ),
    category: withAny(
      'Any category',
      REGISTRATION_CATEGORIES.map((c) => ({ value: c.code, text: c.label })),
      values.category,
    ),
    need: withAny(
      'Any need',
      STATEMENT_OF_PURPOSE_NEEDS.map((n) => ({ value: n.code, text: n.label })),
      values.need,
    ),
    status: withAny(
      'Any status',
      HOME_STATUSES.map((s) => ({ value: s, text: homeStatusTag(s).text })),
      values.status,
    ),
    vacancy: [{ value: 'yes', text: 'Only homes with a vacant bed', checked: values.vacancy === 'yes' }],
  }
}

const tagHtml = (t: { text: string; classes: string }) => `<strong class="govuk-tag ${t.classes}">${escapeHtml(t.text)}</strong>`

/** The distance cell: miles, then tags saying whether it is local and whether it is approximate. */
export function distanceHtml(d: DistanceView, radiusMiles: number): string {
  if (!d.known) return '<span class="govuk-hint govuk-!-margin-0">Unknown</span>'
  const parts = [`${d.miles.toFixed(1)}&nbsp;miles`]
  if (d.withinRadius) parts.push(tagHtml({ text: `Within ${radiusMiles} miles`, classes: 'govuk-tag--green' }))
  if (d.approximate) parts.push('<span class="govuk-body-s govuk-!-margin-0">approximate</span>')
  return parts.join('<br>')
}

export type HomeListItem = HomeListRow & { distance: DistanceView }

/** Everything the homes page shows, without rendering. */
export function homeListView(opts: {
  query: HomeQuery
  pageSize: number
  result: { items: HomeListItem[]; total: number; page: number }
  lots: readonly LotChoice[]
  radiusMiles: number
}) {
  const { query, result, radiusMiles } = opts
  const basePath = marketPaths.homes()
  const linkQuery: Record<string, string | undefined> = {
    ...query.values,
    sort: query.sort.key === 'name' && query.sort.direction === 'asc' ? undefined : query.sort.key,
    dir: query.sort.direction === 'desc' ? 'desc' : undefined,
  }
  const header = (text: string, key: HomeSortKey, format?: 'numeric') =>
    sortableHeader({ text, key, sort: query.sort, basePath, query: { ...query.values }, format })
  const head = [
    header('Home', 'name'),
    header('URN', 'urn'),
    header('Provider', 'provider'),
    header('Places', 'places', 'numeric'),
    header('Vacant beds', 'vacancies', 'numeric'),
    header('Ofsted judgement', 'judgement'),
    header('Distance', 'distance'),
  ]
  const rows = result.items.map((h) => [
    {
      html: `<a class="govuk-link" href="${escapeHtml(marketPaths.home(h.id))}">${escapeHtml(h.name)}</a>${h.status === 'active' ? '' : `<br>${tagHtml(homeStatusTag(h.status))}`}`,
    },
    { text: h.urn },
    { text: h.provider_name },
    { text: String(h.registered_places), format: 'numeric' },
    { text: String(h.vacant_beds), format: 'numeric' },
    {
      html: `${tagHtml(judgementTag(h.ofsted_judgement))}${h.ofsted_judgement_date ? `<br><span class="govuk-body-s">${escapeHtml(formatDate(h.ofsted_judgement_date))}</span>` : ''}`,
    },
    { html: distanceHtml(h.distance, radiusMiles) },
  ])
  const filtered = Object.values(query.values).some((v) => v !== '')
  return {
    choices: homeFilterChoices(query.values, opts.lots),
    values: query.values,
    filtered,
    clearHref: basePath,
    table: { head, rows, firstCellIsHeader: false },
    page: paginationView({
      basePath,
      query: linkQuery,
      page: result.page,
      pageSize: opts.pageSize,
      total: result.total,
      noun: result.total === 1 ? 'home' : 'homes',
    }),
    caption: `${result.total.toLocaleString('en-GB')} ${result.total === 1 ? 'home' : 'homes'}${filtered ? ' match your filters' : ''}`,
  }
}
