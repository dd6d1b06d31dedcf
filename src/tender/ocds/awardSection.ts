/** The `awards` and `contracts` sections of a call-off release. */
import { daysBetween, ocdsDateTime, termEnd } from './dateTime.js'
import { bedWeekItem, bedWeeks } from './items.js'
import { gbp } from './money.js'
import type { PartyList } from './parties.js'
import { renewalOf } from './tenderSection.js'
import { releaseId } from './releaseId.js'
import type { OcdsAmendment, OcdsAwardRelease, OcdsContractRelease, OcdsTenderRecord } from './types.js'

export function buildAwards(record: OcdsTenderRecord, lotIds: string[], parties: PartyList): OcdsAwardRelease[] {
  const t = record.tender
  return record.awards.map((a) => {
    const relatedLots = a.lotIds ?? (lotIds.length === 1 ? lotIds : undefined)
    const award: OcdsAwardRelease = {
      id: a.id,
      title: `Award to ${a.providers.map((p) => p.name).join(' and ')}: ${a.beds} bed${a.beds === 1 ? '' : 's'}`,
      status: a.status,
      date: ocdsDateTime(a.date),
      // The value of the initial term; the extension is in the contract's maxExtentDate.
      value: gbp(bedWeeks(a.beds, t.termYears) * a.pricePencePerBedWeek),
      suppliers: a.providers.map((p) => parties.addProvider(p, 'supplier')),
      items: a.homes.map((h) =>
        bedWeekItem({
          id: h.id,
          description: `${h.name} (Ofsted URN ${h.urn}): ${h.beds} bed${h.beds === 1 ? '' : 's'}`,
          beds: h.beds,
          years: t.termYears,
          pricePencePerBedWeek: a.pricePencePerBedWeek,
          ...(relatedLots?.length === 1 ? { relatedLot: relatedLots[0]! } : {}),
        }),
      ),
      contractPeriod: { startDate: ocdsDateTime(t.startDate), endDate: ocdsDateTime(termEnd(t.startDate, t.termYears), 'end') },
    }
    if (relatedLots) award.relatedLots = relatedLots
    if (a.standstill) {
      award.standstillPeriod = { startDate: ocdsDateTime(a.standstill.startDate), endDate: ocdsDateTime(a.standstill.endDate, 'end') }
    }
    return award
  })
}

/**
 * Every amendment of the tender's contracts, oldest first, numbered across them: the k-th amends
 * contract release k and is published in release k + 1 (release 1 is the contract as signed).
 */
export function contractAmendments(record: OcdsTenderRecord): Map<string, OcdsAmendment[]> {
  const all = record.contracts
    .flatMap((c) => (c.amendments ?? []).map((a) => ({ contractId: c.id, ...a, at: Date.parse(ocdsDateTime(a.date)) })))
    .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id))
  const out = new Map<string, OcdsAmendment[]>()
  all.forEach((a, i) => {
    const list = out.get(a.contractId) ?? []
    list.push({
      id: a.id,
      date: ocdsDateTime(a.date),
      rationale: a.rationale,
      description: a.description,
      amendsReleaseID: releaseId(record.tender.ocid, 'contract', i + 1),
      releaseID: releaseId(record.tender.ocid, 'contract', i + 2),
    })
    out.set(a.contractId, list)
  })
  return out
}

export function buildContracts(record: OcdsTenderRecord, parties: PartyList): OcdsContractRelease[] {
  const t = record.tender
  const amendments = contractAmendments(record)
  return record.contracts.map((c) => {
    if (!record.awards.some((a) => a.id === c.awardId))
      throw new RangeError(`Contract ${c.id} refers to award ${c.awardId}, which is not in the record`)
    parties.addProvider(c.provider, 'supplier')
    const renewal = renewalOf(t.extensionYears, daysBetween(c.period.endDate, c.period.maxExtentDate))
    const contract: OcdsContractRelease = {
      id: c.id,
      awardID: c.awardId,
      title: `Block contract with ${c.provider.name}: ${c.beds} bed${c.beds === 1 ? '' : 's'}`,
      status: c.status,
      period: {
        startDate: ocdsDateTime(c.period.startDate),
        endDate: ocdsDateTime(c.period.endDate, 'end'),
        maxExtentDate: ocdsDateTime(c.period.maxExtentDate, 'end'),
      },
      value: gbp(bedWeeks(c.beds, t.termYears) * c.pricePencePerBedWeek),
      items: [
        bedWeekItem({
          id: '1',
          description: `Children's residential care: ${c.beds} bed${c.beds === 1 ? '' : 's'}, priced per bed-week`,
          beds: c.beds,
          years: t.termYears,
          pricePencePerBedWeek: c.pricePencePerBedWeek,
        }),
      ],
      hasRenewal: renewal !== undefined,
    }
    if (renewal) contract.renewal = renewal
    if (c.dateSigned) contract.dateSigned = ocdsDateTime(c.dateSigned)
    const changes = amendments.get(c.id)
    if (changes) contract.amendments = changes
    return contract
  })
}
