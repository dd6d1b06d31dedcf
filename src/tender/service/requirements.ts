/** The requirement, the gateway and invitations, cancelling, and what each side sees of a tender. */
import { randomUUID } from 'node:crypto'
import type { Actor } from '../../platform/auth/actor.js'
import type { Db } from '../../platform/db/database.js'
import { UserInputError } from '../../platform/errors.js'
import { isProviderUser, requireOfficer, requireProvider, requireReader } from '../domain/access.js'
import { deadlineText, londonDate } from '../domain/dates.js'
import { parseRequirement, type Requirement } from '../domain/requirementSchema.js'
import { newOcid, DEFAULT_OCDS_PREFIX } from '../ocds/ocid.js'
import { newDataKey, wrapDataKey } from '../sealing/bidCipher.js'
import type { GatewayResult, RequirementInput, TenderDetail, TenderSummary } from '../tenderApi.js'
import type { TenderRow } from '../tenderRepository.js'
import type { StoredRequirement, Tender, TenderContext } from './context.js'
import type { MarketReads, TenderArea } from './marketReads.js'

const APP_URL_HINT = 'Sign in to Placewise to see it.'

export function createRequirementPart(ctx: TenderContext, reads: MarketReads) {
  const { repos, deps, now } = ctx

  function summaryOf(row: TenderRow, counts: { invited: number; bids: number }): TenderSummary {
    const req = JSON.parse(row.requirement_json) as StoredRequirement
    return {
      id: row.id,
      reference: row.reference,
      title: row.title,
      status: ctx.statusOf(row),
      legalRegime: row.legal_regime,
      submissionDeadline: row.submission_deadline,
      bedsMin: req.bedsMin,
      bedsMax: req.bedsMax,
      invitedCount: counts.invited,
      bidCount: counts.bids,
    }
  }

  /** A provider sees only its own part of the counts: its invitation and its own submitted bid. */
  async function providerCounts(db: Db, tenderId: string, providerId: string) {
    const bid = await repos.bids.findForProvider(db, tenderId, providerId)
    return { invited: 1, bids: bid?.status === 'submitted' ? 1 : 0 }
  }

  /** Checks what needs the framework, the directory and the clock; returns the area's location. */
  async function checkAgainstWorld(
    r: Requirement,
    legalRegime: 'PCR2015' | 'PA2023' | null,
  ): Promise<{ area: TenderArea & { precision: 'unit' | 'sector' | 'district' }; regime: 'PCR2015' | 'PA2023' }> {
    if (r.submissionDeadline <= now().toISOString())
      throw new UserInputError('The deadline for bids must be in the future', { field: 'submissionDeadline' })
    const { framework, lots } = await reads.framework(r.frameworkId)
    const unknown = r.lotIds.find((id) => !lots.some((l) => l.id === id))
    if (unknown) throw new UserInputError(`Select lots of the ${framework.name} framework`, { field: 'lotIds' })
    const regime = legalRegime ?? framework.legal_regime
    const days = r.standstillDays ?? null
    const regular = regime === 'PA2023' ? 8 : 10
    if (days !== null && days !== 0 && days !== regular) {
      throw new UserInputError(
        regime === 'PA2023'
          ? 'Under the Procurement Act 2023 standstill is 8 working days, or none where the contract is exempt'
          : 'A voluntary standstill is 10 calendar days, or none',
        { field: 'standstillDays' },
      )
    }
    const found = await deps.postcodes.locate(r.areaPostcode)
    if (!found)
      throw new UserInputError(`${r.areaPostcode} is not in the postcode directory; enter a postcode that is`, { field: 'areaPostcode' })
    return { area: { easting: found.easting, northing: found.northing, postcode: r.areaPostcode, precision: found.precision }, regime }
  }

  const stored = (r: Requirement): StoredRequirement => {
    const { questions: _q, ...rest } = r
    return { ...rest, standstillDays: rest.standstillDays ?? null }
  }

  async function writeQuestions(tx: Db, tenderId: string, questions: Requirement['questions']): Promise<void> {
    const existing = await repos.tenders.questions(tx, tenderId)
    // A question keeps its id by its place in the list, so bids' answers stay attached to it.
    for (const [i, q] of questions.entries()) {
      const cols = {
        number: i + 1,
        title: q.title,
        guidance: q.guidance,
        weight: q.weight,
        minimum_score: q.minimumScore,
        kind: q.kind,
        descriptors_json: q.descriptors ? JSON.stringify(q.descriptors) : null,
      }
      const old = existing[i]
      if (old) await repos.tenders.updateQuestion(tx, old.id, cols)
      else await repos.tenders.insertQuestion(tx, { id: randomUUID(), tender_id: tenderId, ...cols })
    }
    for (const old of existing.slice(questions.length)) await repos.tenders.deleteQuestion(tx, old.id)
  }

  async function gatewayOf(t: Tender, providerIds?: readonly string[]) {
    const area = { easting: t.row.area_easting, northing: t.row.area_northing, postcode: t.req.areaPostcode }
    return reads.gateway(t.req, area, providerIds)
  }

  async function myInvitations(actor: Actor): Promise<TenderSummary[]> {
    requireProvider(actor)
    const rows = await repos.tenders.listInvited(deps.db, actor.providerId)
    const out: TenderSummary[] = []
    for (const r of rows) out.push(summaryOf(r, await providerCounts(deps.db, r.id, actor.providerId)))
    return out
  }

  return {
    summaryOf,
    gatewayOf,
    myInvitations,

    /** Council readers: every tender. A provider user: its invitations (as myInvitations). */
    async list(actor: Actor): Promise<TenderSummary[]> {
      if (isProviderUser(actor)) return myInvitations(actor)
      requireReader(actor)
      const rows = await repos.tenders.list(deps.db)
      const counts = await repos.tenders.counts(
        deps.db,
        rows.map((r) => r.id),
      )
      return rows.map((r) => summaryOf(r, counts.get(r.id)!))
    },

    /** Who is invited, and when (council readers). */
    async invitations(
      actor: Actor,
      tenderId: string,
    ): Promise<{ providerId: string; providerName: string; invitedAt: string; invitedBy: string }[]> {
      requireReader(actor)
      await ctx.visible(deps.db, actor, tenderId)
      return (await repos.tenders.invitations(deps.db, tenderId)).map((i) => ({
        providerId: i.provider_id,
        providerName: i.provider_name,
        invitedAt: i.invited_at,
        invitedBy: i.invited_by,
      }))
    },

    async get(actor: Actor, tenderId: string): Promise<TenderDetail> {
      const t = await ctx.visible(deps.db, actor, tenderId)
      const counts = isProviderUser(actor)
        ? await providerCounts(deps.db, tenderId, actor.providerId)
        : (await repos.tenders.counts(deps.db, [tenderId])).get(tenderId)!
      const { framework, lots } = await reads.framework(t.req.frameworkId)
      const events = (await repos.tenders.events(deps.db, tenderId)).map((e) => ({ at: e.at, what: e.what, by: e.by_label }))
      if (t.row.published_at && now().toISOString() >= t.row.submission_deadline) {
        events.push({ at: t.row.submission_deadline, what: 'Deadline for bids passed', by: 'Placewise' })
        events.sort((a, b) => a.at.localeCompare(b.at))
      }
      return {
        ...summaryOf(t.row, counts),
        ...t.req,
        standstillDays: t.req.standstillDays ?? null,
        ocid: t.row.ocid,
        frameworkName: framework.name,
        lots: lots.filter((l) => t.req.lotIds.includes(l.id)).map((l) => ({ id: l.id, number: l.number, name: l.name })),
        questions: t.questions,
        qualityPercent: t.questions.reduce((s, q) => s + q.weight, 0),
        createdAt: t.row.created_at,
        publishedAt: t.row.published_at,
        events,
      }
    },

    async createRequirement(actor: Actor, input: RequirementInput): Promise<string> {
      requireOfficer(actor, 'create tenders')
      const r = parseRequirement(input)
      const { area, regime } = await checkAgainstWorld(r, null)
      const id = randomUUID()
      const wrapped = wrapDataKey(ctx.master(), id, newDataKey())
      const at = now().toISOString()
      return ctx.run(async (tx) => {
        const reference = await repos.tenders.nextReference(tx, Number(londonDate(now()).slice(0, 4)))
        const req = stored(r)
        await repos.tenders.insert(tx, {
          id,
          reference,
          ocid: newOcid(deps.ocds?.prefix ?? deps.config.ocds?.prefix ?? DEFAULT_OCDS_PREFIX, reference),
          framework_id: r.frameworkId,
          status: 'draft',
          legal_regime: regime,
          title: r.title,
          submission_deadline: r.submissionDeadline,
          requirement_json: JSON.stringify(req),
          area_easting: area.easting,
          area_northing: area.northing,
          area_precision: area.precision,
          key_ciphertext: wrapped.ciphertext,
          key_iv: wrapped.iv,
          key_tag: wrapped.tag,
          amendments: 0,
          created_by: actor.label,
          created_at: at,
          updated_at: at,
          published_at: null,
          cancelled_reason: null,
        })
        await writeQuestions(tx, id, r.questions)
        await ctx.event(tx, id, 'Requirement created', actor)
        await ctx.record(tx, actor, {
          action: 'create',
          entityType: 'tender',
          entityId: id,
          after: { reference, legalRegime: regime, ...r },
        })
        return id
      })
    },

    /** A draft changes freely; an open tender's change is an amendment: bids need reconfirming and every invitee is told. */
    async updateRequirement(actor: Actor, tenderId: string, input: RequirementInput): Promise<void> {
      requireOfficer(actor, 'change tenders')
      const before = await ctx.visible(deps.db, actor, tenderId)
      const r = parseRequirement(input)
      if (r.frameworkId !== before.req.frameworkId)
        throw new UserInputError('The framework of a tender cannot be changed; start a new tender', { field: 'frameworkId' })
      const { area } = await checkAgainstWorld(r, before.row.legal_regime)
      await ctx.run(async (tx) => {
        const t = (await ctx.load(tx, tenderId))!
        const status = ctx.statusOf(t.row)
        if (status !== 'draft' && status !== 'open')
          throw new UserInputError('This tender can no longer be changed: the deadline for bids has passed', { field: 'title' })
        const amendment = status === 'open'
        const req = stored(r)
        const at = now().toISOString()
        await repos.tenders.update(tx, tenderId, {
          title: r.title,
          submission_deadline: r.submissionDeadline,
          requirement_json: JSON.stringify(req),
          area_easting: area.easting,
          area_northing: area.northing,
          area_precision: area.precision,
          amendments: t.row.amendments + (amendment ? 1 : 0),
          updated_at: at,
        })
        await writeQuestions(tx, tenderId, r.questions)
        await ctx.record(tx, actor, {
          action: amendment ? 'amend' : 'update',
          entityType: 'tender',
          entityId: tenderId,
          before: { ...t.req, questions: t.questions.map(({ id: _id, number: _n, ...q }) => q) },
          after: r,
        })
        if (!amendment) return
        await ctx.event(tx, tenderId, `Amended (amendment ${t.row.amendments + 1})`, actor)
        const affected = (await repos.bids.list(tx, tenderId)).filter((b) => b.status === 'submitted' || b.status === 'draft')
        await repos.bids.setStatus(
          tx,
          affected.map((b) => b.id),
          'needs-reconfirmation',
          at,
        )
        for (const b of affected) {
          await ctx.record(tx, actor, {
            action: 'needs-reconfirmation',
            entityType: 'tender_bid',
            entityId: b.id,
            before: { status: b.status },
            after: { status: 'needs-reconfirmation' },
          })
        }
        const bidders = new Set(affected.map((b) => b.provider_id))
        for (const inv of await repos.tenders.invitations(tx, tenderId)) {
          const bidder = bidders.has(inv.provider_id)
          await ctx.tell(tx, [inv.provider_id], {
            subject: `Amended: ${r.title} (${t.row.reference})`,
            body: [
              `The council has amended the mini-competition "${r.title}" (${t.row.reference}). The deadline for bids is ${deadlineText(r.submissionDeadline)}.`,
              bidder
                ? 'Your bid now needs reconfirming: check it against the amended requirement and submit it again before the deadline, or it will not be considered.'
                : '',
              APP_URL_HINT,
            ]
              .filter(Boolean)
              .join('\n\n'),
            purpose: 'tender-amended',
            relatedId: tenderId,
          })
        }
      })
    },

    async gateway(actor: Actor, tenderId: string): Promise<GatewayResult[]> {
      requireOfficer(actor, 'run the gateway')
      const t = await ctx.visible(deps.db, actor, tenderId)
      return (await gatewayOf(t)).results
    },

    async eligibleHomes(actor: Actor, tenderId: string): Promise<GatewayResult['homes']> {
      requireProvider(actor)
      const t = await ctx.visible(deps.db, actor, tenderId)
      const [mine] = (await gatewayOf(t, [actor.providerId])).results
      return (mine?.homes ?? []).filter((h) => h.eligible)
    },

    async publish(actor: Actor, tenderId: string, providerIds: string[]): Promise<void> {
      requireOfficer(actor, 'invite providers')
      const t = await ctx.visible(deps.db, actor, tenderId)
      if (!Array.isArray(providerIds) || providerIds.length === 0)
        throw new UserInputError('Select at least one provider to invite', { field: 'providerIds' })
      const { results } = await gatewayOf(t, providerIds)
      const refused = results.find((g) => !g.eligible)
      if (refused)
        throw new UserInputError(`${refused.providerName} cannot be invited: ${refused.reasons.join('; ')}`, { field: 'providerIds' })
      await ctx.run(async (tx) => {
        const current = (await ctx.load(tx, tenderId))!
        const status = ctx.statusOf(current.row)
        if (status !== 'draft' && status !== 'open')
          throw new UserInputError('Invitations can only be sent before the deadline for bids', { field: 'providerIds' })
        if (current.row.submission_deadline <= now().toISOString())
          throw new UserInputError('The deadline for bids has passed', { field: 'providerIds' })
        const at = now().toISOString()
        const added: GatewayResult[] = []
        for (const g of results) {
          if (await repos.tenders.findInvitation(tx, tenderId, g.providerId)) continue
          await repos.tenders.insertInvitation(tx, {
            tender_id: tenderId,
            provider_id: g.providerId,
            invited_at: at,
            invited_by: actor.label,
          })
          added.push(g)
        }
        if (added.length === 0) return
        if (status === 'draft') await repos.tenders.update(tx, tenderId, { status: 'open', published_at: at, updated_at: at })
        // The timeline is shown to invitees too, so it counts providers rather than naming them.
        const n = `${added.length} provider${added.length === 1 ? '' : 's'} invited`
        await ctx.event(tx, tenderId, status === 'draft' ? `Published: ${n}` : `More invitations: ${n}`, actor)
        await ctx.record(tx, actor, {
          action: status === 'draft' ? 'publish' : 'invite',
          entityType: 'tender',
          entityId: tenderId,
          before: { status },
          after: { status: 'open', invited: added.map((g) => g.providerId) },
        })
        for (const g of added) {
          await ctx.tell(tx, [g.providerId], {
            subject: `Invitation to tender: ${current.row.title} (${current.row.reference})`,
            body: [
              `${g.providerName} is invited to bid in the council's mini-competition "${current.row.title}" under its framework.`,
              `Questions by ${deadlineText(current.req.clarificationDeadline)}; bids by ${deadlineText(current.row.submission_deadline)}. Late bids cannot be accepted.`,
              APP_URL_HINT,
            ].join('\n\n'),
            purpose: 'tender-invitation',
            relatedId: tenderId,
          })
        }
      })
    },

    async cancel(actor: Actor, tenderId: string, reason: string): Promise<void> {
      requireOfficer(actor, 'cancel tenders')
      const text = typeof reason === 'string' ? reason.trim() : ''
      if (!text) throw new UserInputError('Enter the reason for cancelling', { field: 'reason' })
      if (text.length > 5000) throw new UserInputError('The reason must be 5,000 characters or fewer', { field: 'reason' })
      await ctx.visible(deps.db, actor, tenderId)
      await ctx.run(async (tx) => {
        const t = (await ctx.load(tx, tenderId))!
        if (t.row.status === 'concluded' || t.row.status === 'cancelled')
          throw new UserInputError(`This tender is already ${t.row.status}`, { field: 'reason' })
        await repos.tenders.update(tx, tenderId, { status: 'cancelled', cancelled_reason: text, updated_at: now().toISOString() })
        await ctx.event(tx, tenderId, 'Cancelled', actor)
        await ctx.record(tx, actor, {
          action: 'cancel',
          entityType: 'tender',
          entityId: tenderId,
          before: { status: t.row.status },
          after: { status: 'cancelled', reason: text },
        })
        const invited = (await repos.tenders.invitations(tx, tenderId)).map((i) => i.provider_id)
        await ctx.tell(tx, invited, {
          subject: `Cancelled: ${t.row.title} (${t.row.reference})`,
          body: `The council has cancelled the mini-competition "${t.row.title}" (${t.row.reference}).\n\nReason: ${text}`,
          purpose: 'tender-cancelled',
          relatedId: tenderId,
        })
      })
    },
  }
}
