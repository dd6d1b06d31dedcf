/** View models for GOV.UK tables with sorting and pagination; pure and tested without rendering. */

export type PageRequest = { page: number; pageSize: number }
export type SortRequest<K extends string> = { key: K; direction: 'asc' | 'desc' }

export function parsePage(raw: unknown, pageSize = 25): PageRequest {
  const n = Number(raw)
  return { page: Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1, pageSize }
}

export function parseSort<K extends string>(rawKey: unknown, rawDir: unknown, keys: readonly K[], fallback: K): SortRequest<K> {
  const key = keys.includes(rawKey as K) ? (rawKey as K) : fallback
  return { key, direction: rawDir === 'desc' ? 'desc' : 'asc' }
}

function withQuery(basePath: string, query: Record<string, string | undefined>, changes: Record<string, string | undefined>): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries({ ...query, ...changes })) if (v !== undefined && v !== '') params.set(k, v)
  const s = params.toString()
  return s ? `${basePath}?${s}` : basePath
}

/** The govukPagination macro's parameters, keeping the other query parameters (filters, sort). */
export function paginationView(opts: {
  basePath: string
  query: Record<string, string | undefined>
  page: number
  pageSize: number
  total: number
  noun: string
}) {
  const pageCount = Math.max(1, Math.ceil(opts.total / opts.pageSize))
  const page = Math.min(opts.page, pageCount)
  const link = (p: number) => withQuery(opts.basePath, opts.query, { page: p === 1 ? undefined : String(p) })
  const items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[] = []
  for (let p = 1; p <= pageCount; p++) {
    if (p === 1 || p === pageCount || Math.abs(p - page) <= 1) items.push({ number: p, href: link(p), current: p === page })
    else if (!('ellipsis' in (items[items.length - 1] ?? {}))) items.push({ ellipsis: true })
  }
  return {
    page,
    pageCount,
    total: opts.total,
    noun: opts.noun,
    from: opts.total === 0 ? 0 : (page - 1) * opts.pageSize + 1,
    to: Math.min(page * opts.pageSize, opts.total),
    pagination: {
      items,
      previous: page > 1 ? { href: link(page - 1) } : undefined,
      next: page < pageCount ? { href: link(page + 1) } : undefined,
    },
  }
}

/** A sortable column header: a link that toggles direction, and aria-sort for assistive technology. */
export function sortableHeader<K extends string>(opts: {
  text: string
  key: K
  sort: SortRequest<K>
  basePath: string
  query: Record<string, string | undefined>
  format?: 'numeric'
}) {
  const active = opts.sort.key === opts.key
  const nextDir = active && opts.sort.direction === 'asc' ? 'desc' : 'asc'
  const href = withQuery(opts.basePath, opts.query, { sort: opts.key, dir: nextDir, page: undefined })
  const arrow = active ? (opts.sort.direction === 'asc' ? ' ▲' : ' ▼') : ''
  return {
    html: `<a class="govuk-link app-sort-link" href="${escapeHtml(href)}">${escapeHtml(opts.text)}${arrow}</a>`,
    format: opts.format,
    attributes: { 'aria-sort': active ? (opts.sort.direction === 'asc' ? 'ascending' : 'descending') : 'none' },
  }
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}
