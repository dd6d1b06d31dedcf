/**
 * Bids: a provider's draft, submission, withdrawal and attachments until the deadline, all sealed
 * at rest; and the opening by two different officers after the deadline, which alone lets the
 * council read them. Audit rows for bids record status, time and size — never prices or answers.
 */
import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import type { Actor } from '../../platform/auth/actor.js'
import type { Db } from '../../platform/db/database.js'
import { NotFoundError, UserInputError } from '../../platform/errors.js'
import type { BidRow } from '../bidRepository.js'
import { requireNamedOfficer, requireOfficer, requireProvider, requireReader } from '../domain/access.js'
import { bedsOf, completenessProblem, parseBid } from '../domain/bidSchema.js'
import { deadlineText } from '../domain/dates.js'
import { lineField } from '../domain/fields.js'
import { binding, seal, unseal } from '../sealing/bidCipher.js'
import type { BidInput, BidView, SealedBid } from '../tenderApi.js'
import { OPENED_STATUSES, type Tender, type TenderContext } from './context.js'
import type { GatewayHome } from '../domain/gateway.js'
import type { GatewayResult } from '../tenderApi.js'

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024

/** The last part of a path, without control characters (a name the browser sent, never trusted). */
function safeFileName(raw: unknown): string {
  const name = basename(String(raw ?? '').replace(/\\/g, '/'))
  return [...name]
    .filter((ch) => ch.charCodeAt(0) > 0x1f && ch.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
}

type AttachmentMeta = { fileName: string; questionId: string | null }
type GatewayOf = (t: Tender, providerIds?: readonly string[]) => Promise<{ results: GatewayResult[]; homes: Map<string, GatewayHome> }>

const sealedOf = (prefix: 'content' | 'meta', row: Record<string, unknown>) => ({
  ciphertext: row[`${prefix}_ciphertext`] as string,
  iv: row[`${prefix}_iv`] as string,
  tag: row[`${prefix}_tag`] as string,
})

export function createBiddingPart(ctx: TenderContext, gatewayOf: GatewayOf) {
  const { repos, deps, now } = ctx

  function openContent(key: Buffer, t: Tender, row: BidRow): BidInput {
    const bid = JSON.parse(unseal(key, binding.bid(t.row.id, row.id), sealedOf('content', row)).toString('utf8')) as BidInput
    // Answers to questions an amendment removed are no longer part of the bid.
    const known = new Set(t.questions.map((q) => q.id))
    return { ...bid, answers: bid.answers.filter((a) => known.has(a.questionId)) }
  }

  async function attachmentsOf(db: Db, key: Buffer, t: Tender, bidIds: string[]) {
    const rows = await repos.bids.attachments(db, bidIds)
    return rows.map((a) => {
      const meta = JSON.parse(
        unseal(key, binding.attachmentMeta(t.row.id, a.bid_id, a.id), sealedOf('meta', a)).toString('utf8'),
      ) as AttachmentMeta
      return { bidId: a.bid_id, id: a.id, fileName: meta.fileName, bytes: a.bytes, questionId: meta.questionId }
    })
  }

  async function viewsOf(db: Db, key: Buffer, t: Tender, rows: (BidRow & { provider_name: string })[]): Promise<BidView[]> {
    const attachments = await attachmentsOf(
      db,
      key,
      t,
      rows.map((r) => r.id),
    )
    return rows.map((row) => {
      const content = openContent(key, t, row)
      return {
        ...content,
        id: row.id,
        providerId: row.provider_id,
        providerName: row.provider_name,
        status: row.status,
        submittedAt: row.submitted_at,
        beds: bedsOf(content),
        attachments: attachments.filter((a) => a.bidId === row.id).map(({ bidId: _b, ...a }) => a),
      }
    })
  }

  /** The provider's homes must pass the gateway, and no home may be offered more beds than it is registered for. */
  async function checkLines(t: Tender, providerId: string, bid: BidInput): Promise<void> {
    const { results, homes } = await gatewayOf(t, [providerId])
    const mine = results[0]?.homes ?? []
    for (const line of bid.lines) {
      const h = mine.find((x) => x.homeId === line.homeId)
      if (!h) throw new UserInputError('Select one of your own homes', { field: lineField(line.homeId) })
      if (!h.eligible)
        throw new UserInputError(`${h.name} does not pass the gateway: ${h.reasons.join('; ')}`, { field: lineField(line.homeId) })
      const places = homes.get(line.homeId)!.registeredPlaces
      if (line.beds > places)
        throw new UserInputError(`${h.name} is registered for ${places} children; offer ${places} beds or fewer there`, {
          field: lineField(line.homeId),
        })
    }
    if (bedsOf(bid) > t.req.bedsMax)
      throw new UserInputError(`Offer no more than ${t.req.bedsMax} beds in total`, { field: lineField(bid.lines[0]!.homeId) })
  }

  async function ownBid(tx: Db, actor: Actor & { providerId: string }, tenderId: string) {
    const t = await ctx.visible(tx, actor, tenderId)
    const bid = await repos.bids.findForProvider(tx, tenderId, actor.providerId)
    return { t, bid }
  }

  const auditBid = (row: Pick<BidRow, 'status' | 'content_bytes' | 'submitted_at'>) => ({
    status: row.status,
    bytes: row.content_bytes,
    submittedAt: row.submitted_at,
  })

  async function officerBids(actor: Actor, tenderId: string) {
    const t = await ctx.visible(deps.db, actor, tenderId)
    const key = await ctx.keyForOpenedBids(deps.db, t)
    const rows = (await repos.bids.list(deps.db, tenderId)).filter((b) => b.status === 'submitted')
    return { t, key, rows }
  }

  return {
    openContent,
    officerBids,

    async myBid(actor: Actor, tenderId: string): Promise<BidView | null> {
      requireProvider(actor)
      await ctx.visible(deps.db, actor, tenderId)
      return ctx.run(async (tx) => {
        const { t, bid } = await ownBid(tx, actor, tenderId)
        if (!bid) return null
        const [view] = await viewsOf(tx, ctx.keyForOwnBid(t), t, [bid])
        await ctx.record(tx, actor, { action: 'read-own-bid', entityType: 'tender_bid', entityId: bid.id, after: auditBid(bid) })
        return view!
      })
    },

    async saveBid(actor: Actor, tenderId: string, input: BidInput): Promise<string> {
      requireProvider(actor)
      const t = await ctx.visible(deps.db, actor, tenderId)
      ctx.requireBiddingOpen(t, 'pricePencePerBedWeek')
      const bid = parseBid(input, t.questions)
      await checkLines(t, actor.providerId, bid)
      return ctx.run(async (tx) => {
        const { t: current, bid: existing } = await ownBid(tx, actor, tenderId)
        ctx.requireBiddingOpen(current, 'pricePencePerBedWeek')
        const at = now().toISOString()
        const id = existing?.id ?? randomUUID()
        const plain = Buffer.from(JSON.stringify(bid), 'utf8')
        const sealed = seal(ctx.keyForOwnBid(current), binding.bid(tenderId, id), plain)
        const cols = {
          status: 'draft' as const,
          content_ciphertext: sealed.ciphertext,
          content_iv: sealed.iv,
          content_tag: sealed.tag,
          content_bytes: plain.length,
          updated_at: at,
          submitted_at: null,
        }
        if (existing) await repos.bids.update(tx, id, cols)
        else await repos.bids.insert(tx, { id, tender_id: tenderId, provider_id: actor.providerId, created_at: at, ...cols })
        await ctx.record(tx, actor, {
          action: 'save-draft',
          entityType: 'tender_bid',
          entityId: id,
          before: existing ? auditBid(existing) : null,
          after: auditBid(cols),
        })
        return id
      })
    },

    async addAttachment(
      actor: Actor,
      tenderId: string,
      file: { fileName: string; bytes: Buffer; questionId: string | null },
    ): Promise<string> {
      requireProvider(actor)
      const t = await ctx.visible(deps.db, actor, tenderId)
      ctx.requireBiddingOpen(t, 'attachment-file')
      const fileName = safeFileName(file?.fileName)
      if (!fileName || !Buffer.isBuffer(file.bytes) || file.bytes.length === 0)
        throw new UserInputError('Select a file', { field: 'attachment-file' })
      if (fileName.length > 200) throw new UserInputError('The file name must be 200 characters or fewer', { field: 'attachment-file' })
      if (file.bytes.length > MAX_ATTACHMENT_BYTES)
        throw new UserInputError('The file must be smaller than 10 MB', { field: 'attachment-file' })
      const questionId = file.questionId ?? null
      if (questionId !== null && !t.questions.some((q) => q.id === questionId))
        throw new UserInputError('Select a question of this tender', { field: 'attachment-questionId' })
      return ctx.run(async (tx) => {
        const { t: current, bid } = await ownBid(tx, actor, tenderId)
        ctx.requireBiddingOpen(current, 'attachment-file')
        if (!bid) throw new UserInputError('Save your bid before adding files to it', { field: 'attachment-file' })
        const key = ctx.keyForOwnBid(current)
        const id = randomUUID()
        const meta = seal(
          key,
          binding.attachmentMeta(tenderId, bid.id, id),
          Buffer.from(JSON.stringify({ fileName, questionId } satisfies AttachmentMeta)),
        )
        const content = seal(key, binding.attachment(tenderId, bid.id, id), file.bytes)
        const at = now().toISOString()
        await repos.bids.insertAttachment(tx, {
          id,
          tender_id: tenderId,
          bid_id: bid.id,
          meta_ciphertext: meta.ciphertext,
          meta_iv: meta.iv,
          meta_tag: meta.tag,
          content_ciphertext: content.ciphertext,
          content_iv: content.iv,
          content_tag: content.tag,
          bytes: file.bytes.length,
          created_at: at,
        })
        // A changed bid is a draft again until the provider submits it.
        if (bid.status === 'submitted') await repos.bids.update(tx, bid.id, { status: 'draft', submitted_at: null, updated_at: at })
        await ctx.record(tx, actor, {
          action: 'attach',
          entityType: 'tender_bid',
          entityId: bid.id,
          before: auditBid(bid),
          after: { status: bid.status === 'submitted' ? 'draft' : bid.status, attachmentId: id, attachmentBytes: file.bytes.length },
        })
        return id
      })
    },

    /** Removes one of the provider's own attachments before the deadline. */
    async removeAttachment(actor: Actor, tenderId: string, attachmentId: string): Promise<void> {
      requireProvider(actor)
      await ctx.run(async (tx) => {
        const { t, bid } = await ownBid(tx, actor, tenderId)
        const a = await repos.bids.findAttachment(tx, tenderId, attachmentId)
        if (!bid || !a || a.bid_id !== bid.id) throw new NotFoundError('No such file on your bid')
        ctx.requireBiddingOpen(t, 'attachment-file')
        await repos.bids.deleteAttachment(tx, attachmentId)
        const at = now().toISOString()
        if (bid.status === 'submitted') await repos.bids.update(tx, bid.id, { status: 'draft', submitted_at: null, updated_at: at })
        await ctx.record(tx, actor, {
          action: 'detach',
          entityType: 'tender_bid',
          entityId: bid.id,
          before: auditBid(bid),
          after: { status: bid.status === 'submitted' ? 'draft' : bid.status, attachmentId },
        })
      })
    },

    /** An attachment's file: the provider's own at any time (audited); officers only once the tender is opened. */
    async attachment(
      actor: Actor,
      tenderId: string,
      attachmentId: string,
    ): Promise<{ fileName: string; bytes: Buffer; questionId: string | null }> {
      if (actor.organisationKind !== 'provider') requireOfficer(actor, 'read bids')
      else requireProvider(actor)
      return ctx.run(async (tx) => {
        const t = await ctx.visible(tx, actor, tenderId)
        const a = await repos.bids.findAttachment(tx, tenderId, attachmentId)
        const bids = await repos.bids.list(tx, tenderId)
        const bid = a ? bids.find((b) => b.id === a.bid_id) : undefined
        let key: Buffer
        if (actor.organisationKind === 'provider') {
          if (!a || !bid || bid.provider_id !== actor.providerId) throw new NotFoundError('No such file')
          key = ctx.keyForOwnBid(t)
        } else {
          key = await ctx.keyForOpenedBids(tx, t)
          if (!a || !bid || bid.status !== 'submitted') throw new NotFoundError('No such file')
        }
        const meta = JSON.parse(
          unseal(key, binding.attachmentMeta(tenderId, a.bid_id, a.id), sealedOf('meta', a)).toString('utf8'),
        ) as AttachmentMeta
        const bytes = unseal(key, binding.attachment(tenderId, a.bid_id, a.id), sealedOf('content', a))
        await ctx.record(tx, actor, {
          action: 'read-attachment',
          entityType: 'tender_bid',
          entityId: a.bid_id,
          after: { attachmentId, bytes: a.bytes },
        })
        return { fileName: meta.fileName, bytes, questionId: meta.questionId }
      })
    },

    async submitBid(actor: Actor, tenderId: string): Promise<void> {
      requireProvider(actor)
      const t = await ctx.visible(deps.db, actor, tenderId)
      ctx.requireBiddingOpen(t)
      const before = await repos.bids.findForProvider(deps.db, tenderId, actor.providerId)
      if (!before) throw new UserInputError('Save your bid before submitting it', { field: 'pricePencePerBedWeek' })
      const content = openContent(ctx.keyForOwnBid(t), t, before)
      const bid = parseBid(content, t.questions)
      const problem = completenessProblem(bid, t.questions)
      if (problem) throw problem
      await checkLines(t, actor.providerId, bid)
      await ctx.run(async (tx) => {
        const { t: current, bid: row } = await ownBid(tx, actor, tenderId)
        // The server's clock decides, at the moment of writing: a bid a second late is late.
        ctx.requireBiddingOpen(current)
        if (!row || row.updated_at !== before.updated_at)
          throw new UserInputError('Your bid changed while it was being submitted; check it and submit again')
        if (row.status === 'submitted') return
        const at = now().toISOString()
        await repos.bids.update(tx, row.id, { status: 'submitted', submitted_at: at, updated_at: at })
        await ctx.record(tx, actor, {
          action: 'submit',
          entityType: 'tender_bid',
          entityId: row.id,
          before: auditBid(row),
          after: { status: 'submitted', bytes: row.content_bytes, submittedAt: at },
        })
        await ctx.tell(tx, [actor.providerId], {
          subject: `Bid received: ${current.row.title} (${current.row.reference})`,
          body: `Your bid for "${current.row.title}" was submitted at ${deadlineText(at)}. It stays sealed until the council opens the bids after the deadline, ${deadlineText(current.row.submission_deadline)}. You can change or withdraw it until then.`,
          purpose: 'tender-bid-received',
          relatedId: tenderId,
        })
      })
    },

    async withdrawBid(actor: Actor, tenderId: string): Promise<void> {
      requireProvider(actor)
      await ctx.run(async (tx) => {
        const { t, bid } = await ownBid(tx, actor, tenderId)
        ctx.requireBiddingOpen(t)
        if (!bid || bid.status === 'withdrawn') throw new UserInputError('You have no bid to withdraw')
        const at = now().toISOString()
        await repos.bids.update(tx, bid.id, { status: 'withdrawn', submitted_at: null, updated_at: at })
        await ctx.record(tx, actor, {
          action: 'withdraw',
          entityType: 'tender_bid',
          entityId: bid.id,
          before: auditBid(bid),
          after: { status: 'withdrawn', bytes: bid.content_bytes, submittedAt: null },
        })
      })
    },

    /** Before opening, the council sees only that bids exist. Drafts are not bids yet. */
    async sealedBids(actor: Actor, tenderId: string): Promise<SealedBid[]> {
      requireReader(actor)
      await ctx.visible(deps.db, actor, tenderId)
      return (await repos.bids.list(deps.db, tenderId))
        .filter((b) => b.status !== 'draft')
        .map((b) => ({ id: b.id, providerName: b.provider_name, status: b.status, submittedAt: b.submitted_at }))
    },

    async open(actor: Actor, tenderId: string): Promise<{ opened: boolean; waitingForSecondOfficer: boolean }> {
      requireNamedOfficer(actor, 'open bids')
      await ctx.visible(deps.db, actor, tenderId)
      return ctx.run(async (tx) => {
        const t = (await ctx.load(tx, tenderId))!
        if (OPENED_STATUSES.includes(t.row.status)) return { opened: true, waitingForSecondOfficer: false }
        if (t.row.status !== 'open') throw new UserInputError('This tender has no bids to open')
        if (now().toISOString() < t.row.submission_deadline) {
          throw new UserInputError(`Bids cannot be opened before the deadline, ${deadlineText(t.row.submission_deadline)}`)
        }
        const openings = await repos.bids.openings(tx, tenderId)
        if (openings.some((o) => o.user_id === actor.userId)) {
          throw new UserInputError('You have already opened this tender; a different officer must open it too')
        }
        const at = now().toISOString()
        await repos.bids.insertOpening(tx, { tender_id: tenderId, user_id: actor.userId, user_label: actor.label, opened_at: at })
        const n = openings.length + 1
        await ctx.record(tx, actor, { action: 'open', entityType: 'tender', entityId: tenderId, after: { opening: n, of: 2 } })
        await ctx.event(tx, tenderId, `Opened by officer ${n} of 2`, actor)
        if (n < 2) return { opened: false, waitingForSecondOfficer: true }
        const admitted = (await repos.bids.list(tx, tenderId)).filter((b) => b.status === 'submitted').length
        await repos.tenders.update(tx, tenderId, { status: 'opened', updated_at: at })
        await ctx.record(tx, actor, {
          action: 'status',
          entityType: 'tender',
          entityId: tenderId,
          before: { status: 'open' },
          after: { status: 'opened', bidsAdmitted: admitted },
        })
        await ctx.event(tx, tenderId, `Bids opened: ${admitted} bid${admitted === 1 ? '' : 's'} admitted`, actor)
        return { opened: true, waitingForSecondOfficer: false }
      })
    },

    async bids(actor: Actor, tenderId: string): Promise<BidView[]> {
      requireOfficer(actor, 'read bids')
      const { t, key, rows } = await officerBids(actor, tenderId)
      return viewsOf(deps.db, key, t, rows)
    },
  }
}
