/**
 * The award: proposed by the published rule (the award engine), decided by the delegated decision
 * maker, announced by assessment summaries and an award notice, held through standstill, and
 * concluded by contracts in the register.
 */
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { standstill as standstillPeriod } from '../../platform/calendar/standstill.js'
import type { Actor } from '../../platform/auth/actor.js'
import { UserInputError } from '../../platform/errors.js'
import { awardFromInput, toAwardOutcome } from '../award/award.js'
import type { AwardInput } from '../award/types.js'
import type { AwardRow } from '../awardRepository.js'
import { isProviderUser, requireOfficer } from '../domain/access.js'
import { contractPeriod, londonDate } from '../domain/dates.js'
import { assessmentSummary, awardNotice, type ConsensusEntry, type NoticeTender } from '../domain/notices.js'
import type { AwardOutcome, BidResult, DecisionInput, Notice, Standstill } from '../tenderApi.js'
import type { Tender, TenderContext } from './context.js'
import type { createBiddingPart } from './bidding.js'
import type { MarketReads } from './marketReads.js'

type Bidding = ReturnType<typeof createBiddingPart>
type Results = (actor: Actor, tenderId: string) => Promise<BidResult[]>

const DecisionSchema = z.object({
  decisionMaker: z
    .string({ message: 'Enter who made the decision' })
    .trim()
    .min(1, { message: 'Enter who made the decision' })
    .max(300, { message: 'Decision maker must be 300 characters or fewer' }),
  consulted: z
    .array(z.string().trim().max(300, { message: 'Each person consulted must be 300 characters or fewer' }), {
      message: 'List who was consulted',
    })
    .max(20, { message: 'List at most 20 people consulted' })
    .transform((l) => l.filter((x) => x !== '')),
  decidedOn: z.iso.date({ message: 'Enter the date of the decision as a real date' }),
  rationale: z
    .string({ message: 'Enter the reasons for the decision' })
    .trim()
    .min(1, { message: 'Enter the reasons for the decision' })
    .max(10_000, { message: 'Reasons must be 10,000 characters or fewer' }),
})

function standstillOf(a: AwardRow): Standstill | null {
  if (!a.standstill_kind || !a.earliest_contract_date) return null
  const decision = a.decision_json ? (JSON.parse(a.decision_json) as { standstillDays?: number }) : {}
  return {
    kind: a.standstill_kind as Standstill['kind'],
    startsOn: a.standstill_starts_on!,
    endsOn: a.standstill_ends_on!,
    challenged: a.challenged === 1,
    days: decision.standstillDays ?? 0,
    earliestContractDate: a.earliest_contract_date,
  }
}

export function createAwardPart(ctx: TenderContext, reads: MarketReads, bidding: Bidding, results: Results) {
  const { repos, deps, now } = ctx

  async function requireAwardRow(tenderId: string): Promise<AwardRow> {
    const a = await repos.awards.find(deps.db, tenderId)
    if (!a) throw new UserInputError('No award has been proposed for this tender')
    return a
  }

  function detail(text: unknown, field: string, what: string): string {
    const t = typeof text === 'string' ? text.trim() : ''
    if (!t) throw new UserInputError(`Enter ${what}`, { field })
    if (t.length > 10_000) throw new UserInputError('It must be 10,000 characters or fewer', { field })
    return t
  }

  async function noticeTender(t: Tender): Promise<NoticeTender> {
    const { framework } = await reads.framework(t.req.frameworkId)
    return {
      title: t.row.title,
      reference: t.row.reference,
      ocid: t.row.ocid,
      pricePercent: t.req.pricePercent,
      qualityPercent: t.questions.reduce((s, q) => s + q.weight, 0),
      frameworkName: framework.name,
    }
  }

  return {
    async proposeAward(actor: Actor, tenderId: string): Promise<AwardOutcome> {
      requireOfficer(actor, 'propose the award')
      const t = await ctx.visible(deps.db, actor, tenderId)
      if (t.row.status !== 'moderated' && t.row.status !== 'award-proposed')
        throw new UserInputError('The award can be proposed once every score is moderated')
      const scored = await results(actor, tenderId)
      const rows = new Map((await repos.bids.list(deps.db, tenderId)).map((b) => [b.id, b]))
      const competing = scored.filter((r) => !r.excluded)
      if (competing.length === 0) throw new UserInputError('Every bid is excluded: there is nothing to award')
      const input: AwardInput = {
        rule: t.req.awardRule,
        bedsMin: t.req.bedsMin,
        bedsMax: t.req.bedsMax,
        maxProviders: t.req.maxProviders,
        budgetPencePerWeek: t.req.budgetPencePerWeek,
        fillToMax: t.req.fillToMax,
        bids: competing.map((r) => ({
          id: r.bidId,
          provider: rows.get(r.bidId)!.provider_id,
          beds: r.beds,
          pricePencePerBedWeek: r.pricePencePerBedWeek,
          score: r.totalScore,
          submittedAt: rows.get(r.bidId)!.submitted_at!,
        })),
      }
      const result = await awardFromInput(input)
      if (!result.feasible) throw new UserInputError(`No combination of bids meets the published rule: ${result.reason}`)
      const outcome = toAwardOutcome(input, result)
      await ctx.run(async (tx) => {
        const current = (await ctx.load(tx, tenderId))!
        if (current.row.status !== t.row.status)
          throw new UserInputError('The tender changed while the award was being worked out; try again')
        const at = now().toISOString()
        await repos.awards.replace(tx, {
          tender_id: tenderId,
          rule: input.rule,
          outcome_json: JSON.stringify(outcome),
          results_json: JSON.stringify(scored),
          proposed_at: at,
          proposed_by: actor.label,
          decision_json: null,
          decided_at: null,
          standstill_kind: null,
          standstill_starts_on: null,
          standstill_ends_on: null,
          earliest_contract_date: null,
          challenged: 0,
          challenge_details: null,
          challenged_at: null,
          concluded_at: null,
        })
        await repos.tenders.update(tx, tenderId, { status: 'award-proposed', updated_at: at })
        const { alternatives: _a, ...summary } = outcome
        await ctx.record(tx, actor, {
          action: 'propose-award',
          entityType: 'tender',
          entityId: tenderId,
          before: { status: current.row.status },
          after: { status: 'award-proposed', ...summary },
        })
        await ctx.event(
          tx,
          tenderId,
          `Award proposed (${input.rule} rule): ${outcome.chosenBidIds.length} bid${outcome.chosenBidIds.length === 1 ? '' : 's'}, ${outcome.beds} beds`,
          actor,
        )
      })
      return outcome
    },

    async award(actor: Actor, tenderId: string): Promise<AwardOutcome | null> {
      if (isProviderUser(actor)) requireOfficer(actor, 'see the award')
      await ctx.visible(deps.db, actor, tenderId)
      const a = await repos.awards.find(deps.db, tenderId)
      return a ? (JSON.parse(a.outcome_json) as AwardOutcome) : null
    },

    async recordDecision(actor: Actor, tenderId: string, input: DecisionInput): Promise<Standstill> {
      requireOfficer(actor, 'record the decision')
      const parsed = DecisionSchema.safeParse(input)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!
        throw new UserInputError(issue.message, { field: String(issue.path[0] ?? 'rationale') })
      }
      const decision = parsed.data
      const today = londonDate(now())
      const t = await ctx.visible(deps.db, actor, tenderId)
      if (t.row.status !== 'award-proposed')
        throw new UserInputError('A decision is recorded once an award has been proposed', { field: 'decisionMaker' })
      if (decision.decidedOn > today) throw new UserInputError('The date of the decision cannot be in the future', { field: 'decidedOn' })
      if (decision.decidedOn < t.row.submission_deadline.slice(0, 10))
        throw new UserInputError('The decision cannot be dated before the deadline for bids', { field: 'decidedOn' })
      const a = await requireAwardRow(tenderId)
      const outcome = JSON.parse(a.outcome_json) as AwardOutcome
      const scored = JSON.parse(a.results_json) as BidResult[]
      const { key, rows } = await bidding.officerBids(actor, tenderId)
      const winners: { result: BidResult; homes: string[] }[] = []
      for (const bidId of outcome.chosenBidIds) {
        const content = bidding.openContent(
          key,
          t,
          rows.find((r) => r.id === bidId)!,
        )
        const homes: string[] = []
        for (const l of content.lines) homes.push(`${(await reads.home(l.homeId)).name} (${l.beds})`)
        winners.push({ result: scored.find((r) => r.bidId === bidId)!, homes })
      }
      const days = t.req.standstillDays ?? null
      const period = standstillPeriod(t.row.legal_regime, today, { days: days === 0 ? 'none' : (days ?? undefined) })
      // Requirements allow only the regimes' regular lengths or none (requirements.ts), so other kinds cannot arise.
      if (period.kind === 'PCR2015-voluntary-calendar-days') throw new Error(`Unexpected standstill of ${period.days} days`)
      const standstill: Standstill = {
        kind: period.kind,
        startsOn: period.startsOn ?? today,
        endsOn: period.endsOn ?? today,
        challenged: false,
        days: period.days,
        earliestContractDate: period.earliestContractDate,
      }
      const consensus = new Map<string, Map<string, ConsensusEntry>>()
      for (const c of await repos.evaluation.consensus(deps.db, tenderId)) {
        if (!consensus.has(c.bid_id)) consensus.set(c.bid_id, new Map())
        consensus.get(c.bid_id)!.set(c.question_id, { score: c.score, rationale: c.rationale })
      }
      const nt = await noticeTender(t)
      const notice = awardNotice({ tender: nt, winners, decision, standstill })
      await ctx.run(async (tx) => {
        const current = (await ctx.load(tx, tenderId))!
        if (current.row.status !== 'award-proposed')
          throw new UserInputError('The award changed while the decision was being recorded; check it and try again', {
            field: 'decisionMaker',
          })
        const at = now().toISOString()
        const providerOf = new Map(rows.map((r) => [r.id, r.provider_id]))
        for (const own of scored) {
          const summary = assessmentSummary({
            tender: nt,
            providerName: own.providerName,
            own,
            winners: winners.map((w) => w.result),
            questions: t.questions,
            consensus,
            standstill,
          })
          await repos.awards.insertNotice(tx, {
            id: randomUUID(),
            tender_id: tenderId,
            kind: 'assessment-summary',
            provider_id: providerOf.get(own.bidId)!,
            title: summary.title,
            body: summary.body,
            created_at: at,
          })
          await ctx.tell(tx, [providerOf.get(own.bidId)!], {
            subject: summary.title,
            body: summary.body,
            purpose: 'tender-assessment-summary',
            relatedId: tenderId,
          })
        }
        await repos.awards.insertNotice(tx, {
          id: randomUUID(),
          tender_id: tenderId,
          kind: 'award-notice',
          provider_id: null,
          title: notice.title,
          body: notice.body,
          created_at: at,
        })
        await ctx.tell(
          tx,
          scored.map((r) => providerOf.get(r.bidId)!),
          { subject: notice.title, body: notice.body, purpose: 'tender-award-notice', relatedId: tenderId },
        )
        await repos.awards.update(tx, tenderId, {
          decision_json: JSON.stringify({ ...decision, standstillDays: period.days }),
          decided_at: at,
          standstill_kind: standstill.kind,
          standstill_starts_on: standstill.startsOn,
          standstill_ends_on: standstill.endsOn,
          earliest_contract_date: standstill.earliestContractDate,
        })
        await repos.tenders.update(tx, tenderId, { status: 'standstill', updated_at: at })
        await ctx.record(tx, actor, {
          action: 'decide',
          entityType: 'tender',
          entityId: tenderId,
          before: { status: 'award-proposed' },
          after: { status: 'standstill', decision, standstill },
        })
        await ctx.event(tx, tenderId, `Decision recorded: ${decision.decisionMaker}, ${decision.decidedOn}`, actor)
        await ctx.event(
          tx,
          tenderId,
          standstill.kind === 'none'
            ? 'Notices sent; no standstill'
            : `Notices sent; standstill from ${standstill.startsOn} to ${standstill.endsOn}`,
          actor,
        )
      })
      return standstill
    },

    async standstill(actor: Actor, tenderId: string): Promise<Standstill | null> {
      await ctx.visible(deps.db, actor, tenderId)
      const a = await repos.awards.find(deps.db, tenderId)
      return a ? standstillOf(a) : null
    },

    async notices(actor: Actor, tenderId: string): Promise<Notice[]> {
      await ctx.visible(deps.db, actor, tenderId)
      const rows = await repos.awards.notices(deps.db, tenderId, isProviderUser(actor) ? actor.providerId : undefined)
      return rows.map((n) => ({ kind: n.kind, providerName: n.provider_name, title: n.title, body: n.body, createdAt: n.created_at }))
    },

    async recordChallenge(actor: Actor, tenderId: string, details: string): Promise<void> {
      requireOfficer(actor, 'record a challenge')
      const text = detail(details, 'details', 'the details of the challenge')
      await ctx.visible(deps.db, actor, tenderId)
      await ctx.run(async (tx) => {
        const t = (await ctx.load(tx, tenderId))!
        const a = await repos.awards.find(tx, tenderId)
        if (t.row.status !== 'standstill' || !a) throw new UserInputError('A challenge is recorded during standstill', { field: 'details' })
        if (a.challenged) throw new UserInputError('A challenge is already recorded; record its outcome first', { field: 'details' })
        const at = now().toISOString()
        await repos.awards.update(tx, tenderId, { challenged: 1, challenge_details: text, challenged_at: at })
        await ctx.record(tx, actor, {
          action: 'challenge',
          entityType: 'tender',
          entityId: tenderId,
          before: { challenged: false },
          after: { challenged: true, details: text },
        })
        await ctx.event(tx, tenderId, 'Challenge received: standstill paused; no contract until it is resolved', actor)
      })
    },

    async resolveChallenge(actor: Actor, tenderId: string, details: string): Promise<void> {
      requireOfficer(actor, 'record a challenge’s outcome')
      const text = detail(details, 'details', 'how the challenge was resolved')
      await ctx.visible(deps.db, actor, tenderId)
      await ctx.run(async (tx) => {
        const a = await repos.awards.find(tx, tenderId)
        if (!a?.challenged) throw new UserInputError('There is no challenge to resolve', { field: 'details' })
        await repos.awards.update(tx, tenderId, { challenged: 0 })
        await ctx.record(tx, actor, {
          action: 'resolve-challenge',
          entityType: 'tender',
          entityId: tenderId,
          before: { challenged: true, details: a.challenge_details },
          after: { challenged: false, outcome: text },
        })
        await ctx.event(tx, tenderId, 'Challenge resolved: standstill no longer paused', actor)
      })
    },

    async conclude(actor: Actor, tenderId: string): Promise<{ contractIds: string[] }> {
      requireOfficer(actor, 'conclude tenders')
      const t = await ctx.visible(deps.db, actor, tenderId)
      if (t.row.status !== 'standstill') throw new UserInputError('A tender is concluded at the end of standstill')
      const a = await requireAwardRow(tenderId)
      const today = londonDate(now())
      if (a.challenged) throw new UserInputError('Standstill is paused by a challenge: no contract may be made until it is resolved')
      if (today < a.earliest_contract_date!) {
        throw new UserInputError(
          `Standstill runs to the end of ${a.standstill_ends_on}; contracts can be made from ${a.earliest_contract_date}`,
        )
      }
      const outcome = JSON.parse(a.outcome_json) as AwardOutcome
      const { key, rows } = await bidding.officerBids(actor, tenderId)
      const start = t.req.startDate > a.earliest_contract_date! ? t.req.startDate : a.earliest_contract_date!
      const period = contractPeriod(start, t.req.termYears, t.req.extensionYears)
      return ctx.run(async (tx) => {
        const current = (await ctx.load(tx, tenderId))!
        const again = await repos.awards.find(tx, tenderId)
        if (current.row.status !== 'standstill' || again?.challenged)
          throw new UserInputError('The tender changed while it was being concluded; check it and try again')
        const contractIds: string[] = []
        for (const [i, bidId] of outcome.chosenBidIds.entries()) {
          const row = rows.find((r) => r.id === bidId)!
          const content = bidding.openContent(key, t, row)
          contractIds.push(
            await deps.contracts.createFromAward(tx, actor, {
              reference: `${t.row.reference}-C${i + 1}`,
              tenderId,
              bidId,
              providerId: row.provider_id,
              homeIds: content.lines.map((l) => l.homeId),
              beds: content.lines.reduce((s, l) => s + l.beds, 0),
              homeBeds: content.lines.map((l) => ({ homeId: l.homeId, beds: l.beds })),
              pricePencePerBedWeek: content.pricePencePerBedWeek,
              coreFeePencePerWeek: content.coreFeePencePerWeek,
              perPlacementFeePencePerWeek: content.perPlacementFeePencePerWeek,
              extensionMonths: t.req.extensionYears > 0 ? t.req.extensionYears * 12 : null,
              ...period,
            }),
          )
        }
        const at = now().toISOString()
        await repos.awards.update(tx, tenderId, { concluded_at: at })
        await repos.tenders.update(tx, tenderId, { status: 'concluded', updated_at: at })
        await ctx.record(tx, actor, {
          action: 'conclude',
          entityType: 'tender',
          entityId: tenderId,
          before: { status: 'standstill' },
          after: { status: 'concluded', contractIds },
        })
        await ctx.event(
          tx,
          tenderId,
          `Concluded: ${contractIds.length} contract${contractIds.length === 1 ? '' : 's'} from ${period.startDate}`,
          actor,
        )
        return { contractIds }
      })
    },
  }
}
