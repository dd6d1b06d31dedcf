/** The register's pages as GOV.UK components want them: pure, so they are tested without rendering. */
import { escapeHtml } from '../../../platform/web/pagination.js'
import { formatDate, formatNumber, formatPence } from '../../../platform/web/format.js'
import type { ContractView } from '../contractView.js'
import { monthName } from '../dates.js'
import type { ExtensionState } from '../extension.js'
import type { PricePoint } from '../indexation.js'
import type { ContractDetail, RegisterRow } from '../registerReads.js'
import { KIND_LABELS, PRICING_LABELS } from '../terms.js'
import { VARIATION_LABELS, type VariationKind } from '../variations.js'
import { registerPaths } from './paths.js'

type Tag = { text: string; classes: string }
const tagHtml = (t: Tag) => `<strong class="govuk-tag ${t.classes}">${escapeHtml(t.text)}</strong>`
const link = (href: string, text: string) => `<a class="govuk-link" href="${escapeHtml(href)}">${escapeHtml(text)}</a>`
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`
const bps = (n: number | null) => (n === null ? '' : `${formatNumber(n / 100, 2)}%`)

/** The extension in words, with a tag whose words carry the meaning (the colour only helps). */
export function extensionTag(s: ExtensionState): Tag {
  switch (s.kind) {
    case 'none':
      return { text: 'No extension', classes: 'govuk-tag--grey' }
    case 'decided':
      return s.status === 'taken'
        ? { text: 'Extension taken', classes: 'govuk-tag--green' }
        : { text: 'Not extended', classes: 'govuk-tag--grey' }
    case 'not-yet':
      return { text: 'Extension available', classes: 'govuk-tag--blue' }
    case 'due':
      return { text: 'Extension decision due', classes: 'govuk-tag--orange' }
    case 'notice-passed':
      return { text: 'Notice date passed', classes: 'govuk-tag--red' }
  }
}

export const priceText = (c: Pick<ContractView, 'pricingModel'>, p: Pick<PricePoint, 'pricePence' | 'placementFeePence'> | null) =>
  p === null
    ? ''
    : c.pricingModel === 'core-and-placement'
      ? `${formatPence(p.pricePence)} core, plus ${formatPence(p.placementFeePence)} per occupied bed-week`
      : formatPence(p.pricePence)

export function registerListView(rows: RegisterRow[]) {
  return {
    caption: plural(rows.length, 'contract'),
    head: [
      { text: 'Reference' },
      { text: 'Kind' },
      { text: 'Provider' },
      { text: 'Beds', format: 'numeric' },
      { text: 'Price per bed-week today', format: 'numeric' },
      { text: 'Ends' },
      { text: 'Extension' },
    ],
    rows: rows.map((r) => [
      { html: link(registerPaths.contract(r.contract.id), r.contract.reference) },
      { text: KIND_LABELS[r.contract.kind] },
      { text: r.contract.providerName },
      { text: String(r.contract.beds), format: 'numeric' },
      { text: priceText(r.contract, r.price), format: 'numeric' },
      { text: formatDate(r.contract.endDate) },
      { html: tagHtml(extensionTag(r.extension)) },
    ]),
    due: rows
      .filter((r) => r.extension.kind === 'due')
      .map((r) => ({
        href: registerPaths.extension(r.contract.id),
        text: `${r.contract.reference} (${r.contract.providerName}): notice by ${formatDate(r.extension.kind === 'due' ? r.extension.noticeDate : null)}`,
      })),
  }
}

const row = (key: string, value: string, html = false) => ({ key: { text: key }, value: html ? { html: value } : { text: value } })

export function termsRows(d: ContractDetail) {
  const c = d.contract
  const rows = [
    row('Kind', KIND_LABELS[c.kind]),
    row('Provider', c.providerName),
    ...(c.tenderReference
      ? [row('Awarded from', link(`/tenders/${encodeURIComponent(c.tenderId!)}`, `${c.tenderReference}: ${c.tenderTitle}`), true)]
      : []),
    row('Reserved beds', String(c.beds)),
    row('Pricing', PRICING_LABELS[c.pricingModel]),
    row('Price per bed-week today', priceText(c, d.price)),
    row('Starts', formatDate(c.startDate)),
    row('Initial term ends', formatDate(c.initialEndDate)),
    row('Ends (in force)', formatDate(c.endDate)),
    row('Latest end if extended', formatDate(c.maxExtentDate)),
    row(
      'Extension',
      c.extensionMonths
        ? `${plural(c.extensionMonths, 'month')}; notice by ${formatDate(c.extensionNoticeDate)} (${extensionTag(d.extension).text})`
        : 'None',
    ),
    row('Payments', c.paymentFrequency === '4-weekly' ? 'Every 4 weeks' : 'Monthly'),
    row(
      'Void rule',
      c.voidReleaseAfterDays
        ? `After ${plural(c.voidReleaseAfterDays, 'consecutive empty day')} the provider may offer the bed to other councils; its block fee is credited until it returns`
        : 'None',
    ),
    row(
      'Indexation',
      c.indexation
        ? `On each anniversary, the lower of ${bps(c.indexation.capBps)} and CPI (${plural(c.indexation.cpiLagMonths, 'month')} before); reviewed when CPI is above ${bps(c.indexation.reviewBps)}`
        : 'None',
    ),
  ]
  return rows
}

export function bedsTable(d: ContractDetail) {
  const all = [
    ...d.beds.current.map((b) => ({ b, when: 'Reserved now' })),
    ...d.beds.future.map((b) => ({ b, when: 'From a future date' })),
    ...d.beds.past.map((b) => ({ b, when: 'No longer reserved' })),
  ]
  return {
    head: [{ text: 'Home' }, { text: 'Bed' }, { text: 'From' }, { text: 'To' }, { text: 'Status' }],
    rows: all.map(({ b, when }) => [
      { text: b.homeName },
      { text: b.label },
      { text: formatDate(b.fromDate) },
      { text: b.toDate ? formatDate(b.toDate) : '' },
      { text: when },
    ]),
  }
}

const SOURCE: Record<PricePoint['source'], string> = { contract: 'Contract', indexation: 'Indexation', variation: 'Variation' }

export function pricesTable(d: ContractDetail) {
  return {
    head: [
      { text: 'From' },
      { text: 'Price per bed-week', format: 'numeric' },
      { text: 'Source' },
      { text: 'CPI', format: 'numeric' },
      { text: 'Uplift', format: 'numeric' },
      { text: 'Review' },
    ],
    rows: d.prices.map((p) => [
      { text: formatDate(p.from_date) },
      {
        text: priceText(d.contract, { pricePence: p.price_pence_per_bed_week, placementFeePence: p.placement_fee_pence_per_week }),
        format: 'numeric',
      },
      { text: SOURCE[p.source] },
      { text: bps(p.cpi_bps), format: 'numeric' },
      { text: bps(p.applied_bps), format: 'numeric' },
      { text: p.review_flag ? 'CPI above the review threshold: review' : '' },
    ]),
  }
}

export function scheduleTable(d: ContractDetail) {
  return {
    head: [
      { text: 'Anniversary' },
      { text: 'CPI month' },
      { text: 'CPI', format: 'numeric' },
      { text: 'Uplift', format: 'numeric' },
      { text: 'New price', format: 'numeric' },
      { text: 'Status' },
    ],
    rows: d.schedule.map((s) => [
      { text: formatDate(s.date) },
      { text: monthName(s.cpiMonth) },
      { text: s.cpiBps === null ? 'Not entered' : bps(s.cpiBps), format: 'numeric' },
      { text: bps(s.appliedBps), format: 'numeric' },
      {
        text: s.pricePence === null ? '' : priceText(d.contract, { pricePence: s.pricePence, placementFeePence: s.placementFeePence }),
        format: 'numeric',
      },
      {
        text: s.applied
          ? `Applied${s.reviewFlag ? '; CPI above the review threshold' : ''}`
          : s.date <= d.today
            ? s.cpiBps === null
              ? 'Due: enter the CPI'
              : 'Due: apply indexation'
            : 'To come',
      },
    ]),
  }
}

const VARIATION_STATUS: Record<string, Tag> = {
  proposed: { text: 'Waiting for approval', classes: 'govuk-tag--yellow' },
  approved: { text: 'Approved', classes: 'govuk-tag--green' },
  rejected: { text: 'Rejected', classes: 'govuk-tag--red' },
}

export function variationsTable(d: ContractDetail) {
  return {
    head: [
      { text: 'Proposed' },
      { text: 'What' },
      { text: 'Takes effect' },
      { text: 'Reason' },
      { text: 'Status' },
      { text: 'Decided by' },
    ],
    rows: d.variations.map((v) => [
      { text: `${formatDate(v.proposed_at)} by ${v.proposed_by_label}` },
      { text: v.description },
      { text: formatDate(v.effective_date) },
      { text: v.reason },
      { html: tagHtml(VARIATION_STATUS[v.status]!) },
      {
        text: v.decided_by_label
          ? `${v.decided_by_label}, ${formatDate(v.decided_at)}${v.decision_note ? `: ${v.decision_note}` : ''}`
          : '',
      },
    ]),
    pending: d.variations.filter((v) => v.status === 'proposed'),
  }
}

export const variationKindLinks = (id: string) =>
  (Object.keys(VARIATION_LABELS) as VariationKind[]).map((k) => ({
    href: registerPaths.newVariation(id, k),
    text: `Vary the ${VARIATION_LABELS[k].toLowerCase()}`,
  }))

export function decisionsTable(decisions: ContractDetail['decisions']) {
  return {
    head: [
      { text: 'Proposed' },
      { text: 'Decision' },
      { text: 'Rationale' },
      { text: 'Status' },
      { text: 'Approved by' },
      { text: 'End date' },
    ],
    rows: decisions.map((x) => [
      { text: `${formatDate(x.proposed_at)} by ${x.proposed_by_label}` },
      { text: x.decision === 'extend' ? 'Take the extension' : 'Do not extend' },
      { text: x.rationale },
      { html: tagHtml(VARIATION_STATUS[x.status]!) },
      { text: x.approved_by_label ? `${x.approved_by_label}, ${formatDate(x.approved_at)}` : '' },
      { text: x.new_end_date ? `${formatDate(x.previous_end_date)} to ${formatDate(x.new_end_date)}` : '' },
    ]),
  }
}
