/** The officers' list of mini-competitions and a provider's list of invitations: GOV.UK tables. */
import type { TenderSummary } from '../tenderApi.js'
import { tenderPaths } from '../paths.js'
import { linkHtml, tagHtml, tenderStatusTag } from './status.js'
import { formatDateTime } from './time.js'

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`

export function tenderListView(list: TenderSummary[]) {
  return {
    caption: count(list.length, 'mini-competition', 'mini-competitions'),
    head: [
      { text: 'Reference' },
      { text: 'Title' },
      { text: 'Status' },
      { text: 'Bid deadline' },
      { text: 'Beds', format: 'numeric' },
      { text: 'Invited', format: 'numeric' },
      { text: 'Bids', format: 'numeric' },
    ],
    rows: list.map((t) => [
      { html: linkHtml(tenderPaths.tender(t.id), t.reference) },
      { text: t.title },
      { html: tagHtml(tenderStatusTag(t.status)) },
      { text: formatDateTime(t.submissionDeadline) },
      { text: t.bedsMin === t.bedsMax ? String(t.bedsMin) : `${t.bedsMin} to ${t.bedsMax}`, format: 'numeric' },
      { text: String(t.invitedCount), format: 'numeric' },
      { text: String(t.bidCount), format: 'numeric' },
    ]),
    empty: list.length === 0,
  }
}

/** A provider's invitations: what it has been asked to bid for, and by when. */
export function invitationListView(list: TenderSummary[]) {
  return {
    caption: count(list.length, 'invitation', 'invitations'),
    head: [{ text: 'Reference' }, { text: 'Title' }, { text: 'Status' }, { text: 'Bid deadline' }],
    rows: list.map((t) => [
      { html: linkHtml(tenderPaths.portalTender(t.id), t.reference) },
      { text: t.title },
      { html: tagHtml(tenderStatusTag(t.status)) },
      { text: formatDateTime(t.submissionDeadline) },
    ]),
    empty: list.length === 0,
  }
}
