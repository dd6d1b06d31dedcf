/** View models of the travel totals page and the placement page's travel panel; pure. */
import { formatDate, formatNumber, formatPence } from '../../../platform/web/format.js'
import { escapeHtml } from '../../../platform/web/pagination.js'
import { childPaths } from '../../children/paths.js'
import { ROUTE_LABELS } from '../../domain/vacancy.js'
import type { TravelTotals } from '../travelModel.js'
import type { TravelSummary, TravelTotalsView } from '../travelService.js'

/** Hours as 'N h M min', to the minute. */
export function hoursText(hours: number): string {
  const minutes = Math.round(hours * 60)
  const h = Math.floor(Math.abs(minutes) / 60)
  const m = Math.abs(minutes) % 60
  return `${minutes < 0 ? '−' : ''}${h} h ${m} min`
}

const signedPence = (p: number) => (p < 0 ? `−${formatPence(-p, { whole: true })}` : formatPence(p, { whole: true }))
const signedMiles = (m: number) => (m < 0 ? `−${formatNumber(-m)}` : formatNumber(m))

function summaryTable(s: TravelSummary, caption: string) {
  const num = (text: string) => ({ text, format: 'numeric' })
  const totalsCells = (t: TravelTotals | null) =>
    t
      ? [num(String(t.visits)), num(formatNumber(t.miles)), num(hoursText(t.hours)), num(formatPence(t.costPence, { whole: true }))]
      : [num('–'), num('–'), num('–'), num('–')]
  return {
    caption: `${caption}: ${formatDate(s.from)} to ${formatDate(s.to)}`,
    head: [
      { text: 'Home' },
      { text: 'Route' },
      num('Placements'),
      num('Miles from the council (one way)'),
      num('Visits'),
      num('Miles travelled'),
      num('Time'),
      num('Cost'),
      num('Cost avoided'),
    ],
    rows: [
      ...s.homes.map((h) => [
        { html: `<a class="govuk-link" href="${escapeHtml(childPaths.home(h.homeId))}">${escapeHtml(h.homeName)}</a>` },
        { text: ROUTE_LABELS[h.route] },
        num(String(h.placements)),
        num(h.oneWayMiles === null ? 'Not located' : formatNumber(h.oneWayMiles, 1)),
        ...totalsCells(h.actual),
        num(h.avoided ? signedPence(h.avoided.costPence) : '–'),
      ]),
      [
        { html: '<strong>Total</strong>' },
        { text: '' },
        num(String(s.homes.reduce((n, h) => n + h.placements, 0))),
        num(''),
        ...totalsCells(s.actual),
        num(signedPence(s.avoided.costPence)),
      ],
    ],
    avoided: {
      miles: signedMiles(s.avoided.miles),
      hours: hoursText(s.avoided.hours),
      cost: signedPence(s.avoided.costPence),
    },
    unlocated: s.unlocated,
  }
}

export function travelTotalsPageView(t: TravelTotalsView) {
  return {
    centreLabel: t.centreLabel,
    rates: [
      { key: { text: 'Social workers set out from' }, value: { text: t.centreLabel } },
      { key: { text: 'Average speed' }, value: { text: `${formatNumber(t.rates.averageSpeedMph)} mph` } },
      { key: { text: 'Mileage rate' }, value: { text: `${formatNumber(t.rates.mileageRatePence)}p a mile` } },
      { key: { text: 'Social worker’s time' }, value: { text: `${formatPence(t.rates.hourlyCostPence)} an hour` } },
      { key: { text: 'Previous placement distance (baseline)' }, value: { text: `${formatNumber(t.rates.previousPlacementMiles)} miles` } },
    ],
    nextYear: summaryTable(t.openNextYear, 'Open placements, statutory visits in the next 12 months'),
    lastYear: summaryTable(t.lastYear, 'Statutory visits in the last 12 months'),
  }
}
