/** Requests and offers side by side for one referral: what the officer compares before booking. */
import { judgementTag } from '../../../market/domain/judgements.js'
import { formatDate, formatPence } from '../../../platform/web/format.js'
import { escapeHtml } from '../../../platform/web/pagination.js'
import { formatDateTime } from '../../../tender/web/time.js'
import { isOpen } from '../domain/requestStatus.js'
import type { ReferralRequestsView, RequestView } from '../officerService.js'
import { offerPaths } from '../paths.js'
import { count, linkHtml, milesText, statusTag, tagHtml } from './labels.js'

function statusHtml(r: RequestView): string {
  const tag = tagHtml(statusTag(r.status))
  const line = (text: string) => `<p class="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">${escapeHtml(text)}</p>`
  if (r.status === 'sent') return tag + line(`Answer due by ${formatDateTime(r.deadline)}`)
  if (r.status === 'expired') return tag + line(`No answer by ${formatDateTime(r.deadline)}`)
  if (r.decline) return tag + line(r.decline.reasonLabel) + (r.decline.detail ? line(r.decline.detail) : '')
  if (r.respondedAt && r.offer) return tag + line(`Answered ${formatDateTime(r.respondedAt)}`)
  return tag
}

function actionsHtml(r: RequestView, referralOpen: boolean, csrfToken: string, canWithdraw: boolean): string {
  const parts: string[] = []
  if (r.offer && r.status === 'offered' && referralOpen)
    parts.push(linkHtml(offerPaths.book(r.referralId, r.homeId, r.offer.id), 'Book this offer', `from ${r.homeName}`))
  if (canWithdraw && isOpen(r.status))
    parts.push(
      `<form method="post" action="${escapeHtml(offerPaths.withdraw(r.referralId, r.id))}" novalidate>` +
        `<input type="hidden" name="_csrf" value="${escapeHtml(csrfToken)}">` +
        `<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">` +
        `Withdraw<span class="govuk-visually-hidden"> the request to ${escapeHtml(r.homeName)}</span></button></form>`,
    )
  return parts.join('<br>')
}

export function comparisonView(v: ReferralRequestsView, csrfToken: string, canWithdraw: boolean) {
  const by = (s: RequestView['status']) => v.requests.filter((r) => r.status === s).length
  const referralOpen = v.referral.status === 'open'
  return {
    empty: v.requests.length === 0,
    referralOpen,
    summary: [
      count(by('offered') + by('accepted'), 'offer', 'offers'),
      `${by('sent')} awaiting an answer`,
      `${by('declined')} declined`,
      `${by('expired')} expired`,
      `${by('withdrawn')} withdrawn`,
    ].join(', '),
    caption: count(v.requests.length, 'request sent', 'requests sent'),
    head: [
      { text: 'Home' },
      { text: 'Provider' },
      { text: 'Ofsted judgement' },
      { text: 'Distance from the child’s home', format: 'numeric' },
      { text: 'Weekly price', format: 'numeric' },
      { text: 'Start date' },
      { text: 'Note' },
      { text: 'Status' },
      { html: '<span class="govuk-visually-hidden">Actions</span>' },
    ],
    rows: v.requests.map((r) => [
      { text: r.homeName },
      { text: r.providerName },
      { html: tagHtml(judgementTag(r.judgement)) },
      { text: milesText(r.milesFromChildHome), format: 'numeric' },
      { text: r.offer ? formatPence(r.offer.weeklyPricePence) : '', format: 'numeric' },
      { text: r.offer ? formatDate(r.offer.startDate) : '' },
      { text: r.offer?.note ?? '' },
      { html: statusHtml(r) },
      { html: actionsHtml(r, referralOpen, csrfToken, canWithdraw && referralOpen) },
    ]),
  }
}
