/** The gateway and invitation page: every provider on the lots, eligible or not and why, with its homes. */
import { formErrors, type FormResult } from '../../platform/web/formErrors.js'
import { escapeHtml } from '../../platform/web/pagination.js'
import { judgementTag } from '../../market/domain/judgements.js'
import { many, type RawFields } from '../../market/web/query.js'
import type { GatewayResult } from '../tenderApi.js'
import { tagHtml } from './status.js'

const ELIGIBLE = { text: 'Eligible', classes: 'govuk-tag--green' }
const NOT_ELIGIBLE = { text: 'Not eligible', classes: 'govuk-tag--red' }

export const milesText = (miles: number | null) => (miles === null ? 'Unknown' : `${miles.toFixed(1)} miles`)
const reasonsHtml = (reasons: string[]) =>
  reasons.length === 0 ? '' : `<ul class="govuk-list govuk-!-font-size-16">${reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>`

/** Eligible providers first, then by name; each with its homes as a table. */
export function inviteView(results: GatewayResult[], selected: string[] | null, canInvite: boolean) {
  const sorted = [...results].sort((a, b) => Number(b.eligible) - Number(a.eligible) || a.providerName.localeCompare(b.providerName))
  const eligible = sorted.filter((r) => r.eligible)
  const chosen = new Set(selected ?? eligible.map((r) => r.providerId))
  return {
    eligibleCount: eligible.length,
    total: results.length,
    canInvite: canInvite && eligible.length > 0,
    // Only an eligible provider can be ticked: the others are not offered at all.
    items: eligible.map((r) => ({
      value: r.providerId,
      text: r.providerName,
      hint: {
        text: `${r.homes.filter((h) => h.eligible).length} eligible ${r.homes.filter((h) => h.eligible).length === 1 ? 'home' : 'homes'}`,
      },
      checked: chosen.has(r.providerId),
    })),
    providers: sorted.map((r, i) => ({
      id: `provider-${i + 1}`,
      name: r.providerName,
      tag: r.eligible ? ELIGIBLE : NOT_ELIGIBLE,
      reasons: r.reasons,
      homes: {
        head: [
          { text: 'Home' },
          { text: 'URN' },
          { text: 'Distance', format: 'numeric' },
          { text: 'Ofsted judgement' },
          { text: 'Gateway' },
        ],
        rows: r.homes.map((h) => [
          { text: h.name },
          { text: h.urn },
          { text: milesText(h.miles), format: 'numeric' },
          { html: tagHtml(judgementTag(h.judgement)) },
          { html: `${tagHtml(h.eligible ? ELIGIBLE : NOT_ELIGIBLE)}${reasonsHtml(h.reasons)}` },
        ]),
      },
    })),
  }
}

/** The providers ticked, which must all be eligible. */
export function parseInviteForm(body: RawFields, results: GatewayResult[]): FormResult<string[]> {
  const ids = many(body, 'providerIds')
  if (ids.length === 0)
    return { ok: false, errors: formErrors([{ field: 'providerIds', message: 'Select at least one provider to invite' }]) }
  const eligible = new Set(results.filter((r) => r.eligible).map((r) => r.providerId))
  if (ids.some((id) => !eligible.has(id)))
    return { ok: false, errors: formErrors([{ field: 'providerIds', message: 'Only providers that pass the gateway can be invited' }]) }
  return { ok: true, data: [...new Set(ids)] }
}
