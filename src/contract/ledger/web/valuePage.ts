/** The whole block's value page: the block's figures, then each contract's on one line. */
import { formatNumber, formatPence } from '../../../platform/web/format.js'
import { escapeHtml } from '../../../platform/web/pagination.js'
import type { ContractValue } from '../../api.js'
import { ledgerPaths } from '../paths.js'
import type { ValueReport } from '../valueService.js'

export const occupancyText = (v: Pick<ContractValue, 'occupancy'>) =>
  v.occupancy === null ? 'No beds reserved' : `${formatNumber(v.occupancy * 100, 1)}%`

/** A saving is positive: say which it is in words, never by colour alone. */
export function savingText(pence: number | null): string {
  if (pence === null) return 'No benchmark'
  return pence >= 0 ? `${formatPence(pence)} saved` : `${formatPence(-pence)} overspent`
}

export function contractsTable(report: ValueReport) {
  return {
    head: [
      { text: 'Contract' },
      { text: 'Provider' },
      { text: 'Occupancy', format: 'numeric' },
      { text: 'Empty bed-days', format: 'numeric' },
      { text: 'Paid', format: 'numeric' },
      { text: 'Cost per occupied bed-week', format: 'numeric' },
      { text: 'Against spot' },
    ],
    rows: report.contracts.map(({ contract, value }) => [
      { html: `<a class="govuk-link" href="${ledgerPaths.ledger(contract.id)}">${escapeHtml(contract.reference)}</a>` },
      { text: contract.provider_name },
      { text: occupancyText(value), format: 'numeric' },
      { text: formatNumber(value.emptyBedDays), format: 'numeric' },
      { text: formatPence(value.paidPence), format: 'numeric' },
      {
        text: value.costPerOccupiedBedWeekPence === null ? 'No bed occupied' : formatPence(value.costPerOccupiedBedWeekPence),
        format: 'numeric',
      },
      { text: savingText(value.savingPence) },
    ]),
  }
}
