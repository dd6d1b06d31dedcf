/**
 * What every part of the tender service shares: its dependencies, repositories, the clock, the
 * transaction rule, loading a tender with its access check, the timeline, email, and the bid keys.
 */
import type { PostcodeService } from '../../geo/postcodeService.js'
import type { MarketService } from '../../market/marketService.js'
import type { AuditService, Change } from '../../platform/audit/auditService.js'
import { systemActor, type Actor } from '../../platform/auth/actor.js'
import type { Config } from '../../platform/config.js'
import type { Db, Dialect } from '../../platform/db/database.js'
import { inTransaction } from '../../platform/db/transaction.js'
import { NotFoundError, UserInputError } from '../../platform/errors.js'
import type { ContractService } from '../../contract/contractService.js'
import { createAwardRepository } from '../awardRepository.js'
import { createBidRepository } from '../bidRepository.js'
import { createClarificationRepository } from '../clarificationRepository.js'
import { canReadTenders, isProviderUser } from '../domain/access.js'
import { deadlineText } from '../domain/dates.js'
import type { Requirement } from '../domain/requirementSchema.js'
import { createEvaluationRepository } from '../evaluationRepository.js'
import { unwrapDataKey } from '../sealing/bidCipher.js'
import type { Question, TenderStatus } from '../tenderApi.js'
import { createTenderRepository, type QuestionRow, type TenderRow } from '../tenderRepository.js'

/** An email for the outbox (src/platform/outbox): sent after the transaction commits, or never. */
export type OutboundEmail = { to: string; subject: string; body: string; purpose: string; relatedId: string | null }
export type Outbox = { enqueue(tx: Db, message: OutboundEmail): Promise<unknown> }

export type TenderServiceDeps = {
  db: Db
  dialect: Dialect
  audit: AuditService
  market: MarketService
  /** Where the area postcode is (the geo room's locate). Called before a transaction, never inside one. */
  postcodes: Pick<PostcodeService, 'locate'>
  contracts: Pick<ContractService, 'createFromAward' | 'forTender' | 'list' | 'get'>
  /** The bid master key (32 bytes), or a function giving it when first needed (see sealing/masterKey.ts). */
  masterKey: Buffer | (() => Buffer)
  /** The council; `ocds.prefix` (OCDS_PREFIX) when the config has it. */
  config: Pick<Config, 'council'> & Partial<Pick<Config, 'ocds'>>
  /** Emails to provider users; without it they are told in the portal only. */
  outbox?: Outbox
  now?: () => Date
  ocds?: { prefix?: string; buyerId?: string }
}

/** The requirement as stored: everything but the questions, which have their own rows and ids. */
export type StoredRequirement = Omit<Requirement, 'questions'>
export type Tender = { row: TenderRow; req: StoredRequirement; questions: Question[] }

/** Statuses at and after opening: bids may be read, evaluated and awarded. */
export const OPENED_STATUSES: readonly TenderStatus[] = ['opened', 'moderated', 'award-proposed', 'standstill', 'concluded']

export function questionOf(q: QuestionRow): Question {
  return {
    id: q.id,
    number: q.number,
    title: q.title,
    guidance: q.guidance,
    weight: q.weight,
    minimumScore: q.minimum_score,
    kind: q.kind,
    ...(q.descriptors_json ? { descriptors: JSON.parse(q.descriptors_json) as Question['descriptors'] } : {}),
  }
}

export function createTenderContext(deps: TenderServiceDeps) {
  const now = deps.now ?? (() => new Date())
  const tenders = createTenderRepository()
  const bids = createBidRepository()
  const clarifications = createClarificationRepository()
  const evaluation = createEvaluationRepository()
  const awards = createAwardRepository()
  /** Market reads are the service's own business (gateway, names), so they are made unscoped and filtered here. */
  const reader = systemActor('tender service')
  let masterKey: Buffer | null = null
  const master = (): Buffer => (masterKey ??= typeof deps.masterKey === 'function' ? deps.masterKey() : deps.masterKey)

  /** One transaction per command; inside a caller's transaction (the demo builder) the work joins it. */
  const run = <T>(work: (tx: Db) => Promise<T>): Promise<T> => (deps.db.isTransaction ? work(deps.db) : inTransaction(deps.db, work))

  async function load(db: Db, tenderId: string): Promise<Tender | null> {
    const row = await tenders.find(db, tenderId)
    if (!row) return null
    const questions = (await tenders.questions(db, tenderId)).map(questionOf)
    return { row, req: JSON.parse(row.requirement_json) as StoredRequirement, questions }
  }

  /** A tender the actor may see: council readers any; a provider user only one it is invited to, never a draft. */
  async function visible(db: Db, actor: Actor, tenderId: string): Promise<Tender> {
    const t = await load(db, tenderId)
    if (!t) throw new NotFoundError('No such tender')
    if (isProviderUser(actor)) {
      if (t.row.status === 'draft' || !(await tenders.findInvitation(db, tenderId, actor.providerId)))
        throw new NotFoundError('No such tender')
      return t
    }
    if (actor.organisationKind === 'provider' || !canReadTenders(actor)) throw new NotFoundError('No such tender')
    return t
  }

  /** 'closed' is not stored: an open tender is closed once the server's clock passes its deadline. */
  function statusOf(row: TenderRow): TenderStatus {
    return row.status === 'open' && now().toISOString() >= row.submission_deadline ? 'closed' : row.status
  }

  function requireBiddingOpen(t: Tender, field?: string): void {
    if (t.row.status !== 'open') throw new UserInputError('This tender is not open for bids', field ? { field } : undefined)
    if (now().toISOString() >= t.row.submission_deadline) {
      throw new UserInputError(
        `The deadline for bids was ${deadlineText(t.row.submission_deadline)}; bids can no longer be changed or submitted`,
        field ? { field } : undefined,
      )
    }
  }

  async function event(tx: Db, tenderId: string, what: string, actor: Actor): Promise<void> {
    await tenders.addEvent(tx, tenderId, now().toISOString(), what, actor.label)
  }

  async function record(tx: Db, actor: Actor, change: Change): Promise<void> {
    await deps.audit.record(tx, actor, change)
  }

  /** Emails every active user of each provider, through the outbox, in the same transaction. */
  async function tell(
    tx: Db,
    providerIds: readonly string[],
    message: { subject: string; body: string; purpose: string; relatedId: string },
  ): Promise<void> {
    if (!deps.outbox) return
    for (const providerId of new Set(providerIds)) {
      for (const r of await tenders.providerRecipients(tx, providerId)) {
        await deps.outbox.enqueue(tx, {
          to: r.email,
          subject: message.subject,
          body: `Dear ${r.display_name},\n\n${message.body}`,
          purpose: message.purpose,
          relatedId: message.relatedId,
        })
      }
    }
  }

  /**
   * The tender's data key for sealing a provider's own bid, or reading it back to that provider.
   * Callers must have checked the actor is that provider.
   */
  function keyForOwnBid(t: Tender): Buffer {
    return unwrapDataKey(master(), t.row.id, { ciphertext: t.row.key_ciphertext, iv: t.row.key_iv, tag: t.row.key_tag })
  }

  /** The data key for the council: refused until two different officers have opened the tender. */
  async function keyForOpenedBids(db: Db, t: Tender): Promise<Buffer> {
    const openings = await bids.openings(db, t.row.id)
    if (new Set(openings.map((o) => o.user_id)).size < 2 || !OPENED_STATUSES.includes(t.row.status)) {
      throw new SealedBidsError()
    }
    return unwrapDataKey(master(), t.row.id, { ciphertext: t.row.key_ciphertext, iv: t.row.key_iv, tag: t.row.key_tag })
  }

  return {
    deps,
    now,
    repos: { tenders, bids, clarifications, evaluation, awards },
    reader,
    master,
    run,
    load,
    visible,
    statusOf,
    requireBiddingOpen,
    event,
    record,
    tell,
    keyForOwnBid,
    keyForOpenedBids,
  }
}
export type TenderContext = ReturnType<typeof createTenderContext>

/** Asked for bid content before two officers have opened the tender. */
export class SealedBidsError extends UserInputError {
  constructor() {
    super('Bids are sealed until two different officers have opened them after the deadline')
    this.name = 'SealedBidsError'
  }
}
