import { formatDate } from '../../platform/web/format.js'
import { escapeHtml } from '../../platform/web/pagination.js'
import { legalRegimeLabel, lotTitle } from '../domain/lots.js'
import type { FrameworkRow, LotRow } from '../frameworkRepository.js'
import { marketPaths } from '../paths.js'

const period = (f: Pick<FrameworkRow, 'starts_on' | 'ends_on'>) => `${formatDate(f.starts_on)} to ${formatDate(f.ends_on)}`

export function frameworkListView(list: (FrameworkRow & { lot_count: number; active_providers: number })[]) {
  return {
    table: {
      head: [
        { text: 'Framework' },
        { text: 'Legal regime' },
        { text: 'Period' },
        { text: 'Lots', format: 'numeric' },
        { text: 'Active providers', format: 'numeric' },
      ],
      rows: list.map((f) => [
        { html: `<a class="govuk-link" href="${escapeHtml(marketPaths.framework(f.id))}">${escapeHtml(f.name)}</a>` },
        { text: legalRegimeLabel(f.legal_regime) },
        { text: period(f) },
        { text: String(f.lot_count), format: 'numeric' },
        { text: String(f.active_providers), format: 'numeric' },
      ]),
    },
    empty: list.length === 0,
  }
}

export function frameworkDetailView(d: {
  framework: FrameworkRow
  lots: (LotRow & { active_members: number; suspended_members: number })[]
}) {
  const f = d.framework
  return {
    title: f.name,
    details: [
      { key: { text: 'Legal regime' }, value: { text: legalRegimeLabel(f.legal_regime) } },
      { key: { text: 'Period' }, value: { text: period(f) } },
      { key: { text: 'Open Contracting ID (OCID)' }, value: { text: f.ocid ?? 'Not published' } },
    ],
    lots: {
      head: [
        { text: 'Lot' },
        { text: 'Code' },
        { text: 'Active members', format: 'numeric' },
        { text: 'Suspended', format: 'numeric' },
        { html: '<span class="govuk-visually-hidden">Homes</span>' },
      ],
      rows: d.lots.map((l) => [
        { text: lotTitle(l) },
        { text: l.code },
        { text: String(l.active_members), format: 'numeric' },
        { text: String(l.suspended_members), format: 'numeric' },
        {
          html: `<a class="govuk-link" href="${escapeHtml(`${marketPaths.homes()}?lot=${encodeURIComponent(l.id)}`)}">Homes<span class="govuk-visually-hidden"> of ${escapeHtml(lotTitle(l))}</span></a>`,
        },
      ]),
    },
  }
}
