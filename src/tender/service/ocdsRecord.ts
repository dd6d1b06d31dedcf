/** The stored tender, its award and contracts as the plain record the OCDS builder publishes from. */
import type { Actor } from '../../platform/auth/actor.js'
import { requireReader } from '../domain/access.js'
import { DEFAULT_OCDS_PREFIX, newOcid } from '../ocds/ocid.js'
import type { OcdsProvider, OcdsTenderRecord } from '../ocds/types.js'
import type { AwardOutcome } from '../tenderApi.js'
import { OPENED_STATUSES, type TenderContext } from './context.js'
import type { createBiddingPart } from './bidding.js'
import type { MarketReads } from './marketReads.js'

type Bidding = ReturnType<typeof createBiddingPart>

export function createOcdsPart(ctx: TenderContext, reads: MarketReads, bidding: Bidding) {
  const { repos, deps } = ctx
  const prefix = deps.ocds?.prefix ?? deps.config.ocds?.prefix ?? DEFAULT_OCDS_PREFIX

  async function party(providerId: string): Promise<OcdsProvider> {
    const p = await reads.provider(providerId)
    return { id: p.id, name: p.name, companiesHouseNumber: p.companies_house_number }
  }

  return {
    async ocdsRecord(actor: Actor, tenderId: string): Promise<OcdsTenderRecord> {
      requireReader(actor)
      const t = await ctx.visible(deps.db, actor, tenderId)
      const { framework, lots } = await reads.framework(t.req.frameworkId)
      const invited = await repos.tenders.invitations(deps.db, tenderId)
      const bids = await repos.bids.list(deps.db, tenderId)
      const opened = OPENED_STATUSES.includes(t.row.status)
      const a = await repos.awards.find(deps.db, tenderId)
      const awards: OcdsTenderRecord['awards'] = []
      const awardIdOfBid = new Map<string, string>()
      if (a?.decided_at) {
        const outcome = JSON.parse(a.outcome_json) as AwardOutcome
        const { key, rows } = await bidding.officerBids(actor, tenderId)
        for (const [i, bidId] of outcome.chosenBidIds.entries()) {
          const row = rows.find((r) => r.id === bidId)!
          const content = bidding.openContent(key, t, row)
          const homes = []
          for (const l of content.lines) {
            const h = await reads.home(l.homeId)
            homes.push({ id: h.id, name: h.name, urn: h.urn, beds: l.beds })
          }
          const id = `${t.row.reference}-A${i + 1}`
          awardIdOfBid.set(bidId, id)
          awards.push({
            id,
            date: a.decided_at,
            status: t.row.status === 'concluded' ? 'active' : t.row.status === 'cancelled' ? 'cancelled' : 'pending',
            providers: [await party(row.provider_id)],
            homes,
            beds: homes.reduce((s, h) => s + h.beds, 0),
            pricePencePerBedWeek: content.pricePencePerBedWeek,
            lotIds: t.req.lotIds,
            standstill:
              a.standstill_kind && a.standstill_kind !== 'none'
                ? { startDate: a.standstill_starts_on!, endDate: a.standstill_ends_on! }
                : null,
          })
        }
      }
      const contracts: OcdsTenderRecord['contracts'] = []
      for (const c of await deps.contracts.forTender(deps.db, tenderId)) {
        contracts.push({
          id: c.reference,
          // A tender's own contracts always come from one of its bids.
          awardId: awardIdOfBid.get(c.bidId!) ?? c.bidId!,
          provider: await party(c.providerId),
          beds: c.beds,
          pricePencePerBedWeek: c.pricePencePerBedWeek,
          period: { startDate: c.startDate, endDate: c.endDate, maxExtentDate: c.maxExtentDate },
          dateSigned: c.createdAt,
          status: c.status === 'ended' ? 'terminated' : c.status,
          amendments: c.amendments,
        })
      }
      return {
        framework: { ocid: framework.ocid ?? newOcid(prefix, `framework-${framework.id}`), name: framework.name },
        buyer: { id: deps.ocds?.buyerId ?? `GB-ONS-${deps.config.council.onsCode}`, name: deps.config.council.name },
        tender: {
          id: t.row.reference,
          ocid: t.row.ocid,
          title: t.row.title,
          description: t.req.description,
          lots: lots.filter((l) => t.req.lotIds.includes(l.id)).map((l) => ({ id: l.id, number: l.number, title: l.name })),
          bedsMin: t.req.bedsMin,
          bedsMax: t.req.bedsMax,
          startDate: t.req.startDate,
          termYears: t.req.termYears,
          extensionYears: t.req.extensionYears,
          priceMethod: t.req.priceMethod,
          awardCriteria: {
            pricePercent: t.req.pricePercent,
            questions: t.questions.map((q) => ({
              number: q.number,
              title: q.title,
              weight: q.weight,
              minimumScore: q.minimumScore,
              kind: q.kind,
            })),
          },
          clarificationDeadline: t.req.clarificationDeadline,
          submissionDeadline: t.row.submission_deadline,
          publishedAt: t.row.published_at,
          status: ctx.statusOf(t.row),
          invitedProviders: await Promise.all(invited.map((i) => party(i.provider_id))),
          // Who bid is known only once the bids are opened.
          tenderers: opened ? await Promise.all(bids.filter((b) => b.status === 'submitted').map((b) => party(b.provider_id))) : [],
        },
        awards,
        contracts,
      }
    },
  }
}
