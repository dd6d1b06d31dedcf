import { formatPence, parsePounds } from '../../platform/web/format.js'
import { formErrors, type FormResult } from '../../platform/web/formErrors.js'
import { escapeHtml, paginationView, parsePage, parseSort, sortableHeader, type SortRequest } from '../../platform/web/pagination.js'
import { judgementTag } from '../domain/judgements.js'
import { lotTitle } from '../domain/lots.js'
import { ProviderFieldsSchema, membershipField, type ProviderChanges } from '../domain/schemas.js'
import { MEMBERSHIP_STATUSES, homeStatusTag, membershipStatusTag, type MembershipStatus } from '../domain/statuses.js'
import { marketPaths } from '../paths.js'
import {
  PROVIDER_SORT_KEYS,
  type MembershipView,
  type ProviderListRow,
  type ProviderRow,
  type ProviderSortKey,
} from '../providerRepository.js'
import type { LotChoice } from './homeList.js'
import { one, type RawFields } from './query.js'

const tag = (t: { text: string; classes: string }) => `<strong class="govuk-tag ${t.classes}">${escapeHtml(t.text)}</strong>`
const link = (href: string, text: string) => `<a class="govuk-link" href="${escapeHtml(href)}">${escapeHtml(text)}</a>`
const rateText = (pence: number | null) => (pence === null ? 'No spot rate' : `${formatPence(pence)} a week`)

export type ProviderQuery = {
  values: { q: string; lot: string }
  sort: SortRequest<ProviderSortKey>
  page: number
  pageSize: number
  lotId?: string
}

export function parseProviderQuery(raw: RawFields, lots: readonly { id: string }[], pageSize = 25): ProviderQuery {
  const values = { q: one(raw, 'q').slice(0, 100), lot: one(raw, 'lot') }
  return {
    values,
    lotId: lots.some((l) => l.id === values.lot) ? values.lot : undefined,
    sort: parseSort(one(raw, 'sort'), one(raw, 'dir'), PROVIDER_SORT_KEYS, 'name'),
    page: parsePage(raw.page, pageSize).page,
    pageSize,
  }
}

export function providerListView(opts: {
  query: ProviderQuery
  result: { items: ProviderListRow[]; total: number; page: number }
  lots: readonly LotChoice[]
}) {
  const { query, result } = opts
  const basePath = marketPaths.providers()
  const header = (text: string, key: ProviderSortKey, format?: 'numeric') =>
    sortableHeader({ text, key, sort: query.sort, basePath, query: { ...query.values }, format })
  return {
    values: query.values,
    lotItems: [{ value: '', text: 'Any lot' }, ...opts.lots.map((l) => ({ value: l.id, text: lotTitle(l) }))].map((o) => ({
      ...o,
      selected: o.value === query.values.lot,
    })),
    table: {
      head: [
        header('Provider', 'name'),
        { text: 'Companies House number' },
        header('Homes', 'homes', 'numeric'),
        header('Active lots', 'lots', 'numeric'),
      ],
      rows: result.items.map((p) => [
        { html: link(marketPaths.provider(p.id), p.name) },
        { text: p.companies_house_number ?? 'Not recorded' },
        { text: String(p.homes), format: 'numeric' },
        { text: String(p.active_lots), format: 'numeric' },
      ]),
    },
    caption: `${result.total.toLocaleString('en-GB')} ${result.total === 1 ? 'provider' : 'providers'}`,
    page: paginationView({
      basePath,
      query: {
        ...query.values,
        sort: query.sort.key === 'name' && query.sort.direction === 'asc' ? undefined : query.sort.key,
        dir: query.sort.direction === 'desc' ? 'desc' : undefined,
      },
      page: result.page,
      pageSize: query.pageSize,
      total: result.total,
      noun: result.total === 1 ? 'provider' : 'providers',
    }),
  }
}

type ProviderDetail = {
  provider: ProviderRow
  memberships: MembershipView[]
  homes: {
    id: string
    urn: string
    name: string
    registered_places: number
    ofsted_judgement: string | null
    status: string
    vacant_beds: number
  }[]
}

export function providerDetailView(d: ProviderDetail, canEdit: boolean) {
  const p = d.provider
  const change = (text: string, field: string) =>
    canEdit
      ? {
          actions: {
            items: [{ href: `${marketPaths.editProvider(p.id)}#${field}`, text: 'Change', visuallyHiddenText: text.toLowerCase() }],
          },
        }
      : {}
  return {
    title: p.name,
    editHref: canEdit ? marketPaths.editProvider(p.id) : null,
    details: [
      { key: { text: 'Name' }, value: { text: p.name }, ...change('Name', 'name') },
      {
        key: { text: 'Companies House number' },
        value: { text: p.companies_house_number ?? 'Not recorded' },
        ...change('Companies House number', 'companiesHouseNumber'),
      },
      { key: { text: 'Ofsted owner ID' }, value: { text: p.ofsted_owner_id ?? 'Not recorded' } },
    ],
    rateCard: {
      head: [{ text: 'Framework' }, { text: 'Lot' }, { text: 'Status' }, { text: 'Spot rate', format: 'numeric' }],
      rows: d.memberships.map((m) => [
        { html: link(marketPaths.framework(m.framework_id), m.framework_name) },
        { text: lotTitle({ number: m.lot_number, name: m.lot_name }) },
        { html: tag(membershipStatusTag(m.status)) },
        { text: rateText(m.spot_rate_pence_per_week), format: 'numeric' },
      ]),
    },
    homes: {
      head: [
        { text: 'Home' },
        { text: 'URN' },
        { text: 'Places', format: 'numeric' },
        { text: 'Vacant beds', format: 'numeric' },
        { text: 'Ofsted judgement' },
      ],
      rows: d.homes.map((h) => [
        { html: `${link(marketPaths.home(h.id), h.name)}${h.status === 'active' ? '' : `<br>${tag(homeStatusTag(h.status))}`}` },
        { text: h.urn },
        { text: String(h.registered_places), format: 'numeric' },
        { text: String(h.vacant_beds), format: 'numeric' },
        { html: tag(judgementTag(h.ofsted_judgement)) },
      ]),
    },
  }
}

export type ProviderFormValues = { name: string; companiesHouseNumber: string; lots: Record<string, { status: string; rate: string }> }

/** The provider form filled from the provider as it is; rates in pounds as a person types them. */
export function providerFormValues(d: Pick<ProviderDetail, 'provider' | 'memberships'>): ProviderFormValues {
  const lots: ProviderFormValues['lots'] = {}
  for (const m of d.memberships)
    lots[m.lot_id] = { status: m.status, rate: m.spot_rate_pence_per_week === null ? '' : (m.spot_rate_pence_per_week / 100).toFixed(2) }
  return { name: d.provider.name, companiesHouseNumber: d.provider.companies_house_number ?? '', lots }
}

export function providerFormValuesFrom(body: RawFields, lots: readonly { id: string }[]): ProviderFormValues {
  const values: ProviderFormValues = { name: one(body, 'name'), companiesHouseNumber: one(body, 'companiesHouseNumber'), lots: {} }
  for (const l of lots)
    values.lots[l.id] = { status: one(body, membershipField(l.id, 'status')), rate: one(body, membershipField(l.id, 'rate')) }
  return values
}

/**
 * Checks the provider form. A lot left at "not a member" with no rate is not touched; one with a
 * status gets that status and rate. The service checks again and applies it all or none of it.
 */
export function parseProviderForm(body: RawFields, lots: readonly LotChoice[]): FormResult<ProviderChanges> {
  const v = providerFormValuesFrom(body, lots)
  const problems: { field: string; message: string }[] = []
  const fields = ProviderFieldsSchema.safeParse({ name: v.name, companiesHouseNumber: v.companiesHouseNumber })
  if (!fields.success) for (const i of fields.error.issues) problems.push({ field: String(i.path[0]), message: i.message })
  const memberships: NonNullable<ProviderChanges['memberships']> = []
  for (const lot of lots) {
    const { status, rate } = v.lots[lot.id]!
    const title = lotTitle(lot)
    if (status === '' && rate === '') continue
    if (status !== '' && !(MEMBERSHIP_STATUSES as readonly string[]).includes(status)) {
      problems.push({ field: membershipField(lot.id, 'status'), message: `Select a membership status for ${title}` })
      continue
    }
    if (status === '') {
      problems.push({ field: membershipField(lot.id, 'status'), message: `Select a membership status for ${title} to give it a spot rate` })
      continue
    }
    const pence = rate === '' ? null : parsePounds(rate)
    if (rate !== '' && pence === null) {
      problems.push({ field: membershipField(lot.id, 'rate'), message: `Enter the spot rate for ${title} in pounds a week, like 4250.00` })
      continue
    }
    memberships.push({ lotId: lot.id, status: status as MembershipStatus, spotRatePencePerWeek: pence })
  }
  if (problems.length > 0) return { ok: false, errors: formErrors(problems) }
  return { ok: true, data: { name: v.name, companiesHouseNumber: v.companiesHouseNumber || null, memberships } }
}

/** The form's lots, grouped by framework, each with its status choices and rate. */
export function providerFormLots(lots: readonly LotChoice[], values: ProviderFormValues, existing: ReadonlySet<string>) {
  const groups: {
    framework: string
    lots: {
      id: string
      title: string
      statusId: string
      rateId: string
      statusItems: { value: string; text: string; selected: boolean }[]
      rate: string
    }[]
  }[] = []
  for (const lot of lots) {
    let g = groups.find((x) => x.framework === lot.framework_name)
    if (!g) groups.push((g = { framework: lot.framework_name, lots: [] }))
    const current = values.lots[lot.id] ?? { status: '', rate: '' }
    // A membership, once made, is withdrawn rather than deleted: the history of who was on the lot stays.
    const options = existing.has(lot.id) ? [] : [{ value: '', text: 'Not a member' }]
    g.lots.push({
      id: lot.id,
      title: lotTitle(lot),
      statusId: membershipField(lot.id, 'status'),
      rateId: membershipField(lot.id, 'rate'),
      statusItems: [...options, ...MEMBERSHIP_STATUSES.map((s) => ({ value: s as string, text: membershipStatusTag(s).text }))].map(
        (o) => ({ ...o, selected: o.value === current.status }),
      ),
      rate: current.rate,
    })
  }
  return groups
}
