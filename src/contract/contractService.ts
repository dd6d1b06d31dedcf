/**
 * The contract register, minimal: block contracts made from a mini-competition's award, each
 * read with the same scoping as the market (a provider user sees only its own). The full
 * block-contract capability (occupancy, voids, extensions, KPIs) comes later.
 */
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { AuditService } from '../platform/audit/auditService.js'
import type { Actor } from '../platform/auth/actor.js'
import { authorise, dataScope } from '../platform/auth/scope.js'
import type { Db } from '../platform/db/database.js'
import { NotFoundError, UserInputError } from '../platform/errors.js'
import { createContractRepository, type ContractListRow } from './contractRepository.js'
import { createContractContext, type ContractDeps } from './context.js'
import { createLedgerPart } from './ledger/ledgerService.js'
import { createRegisterPart } from './register/registerService.js'
import { createReturnsPart } from './returns/returnsService.js'

export type ContractFromAward = {
  reference: string
  tenderId: string
  bidId: string
  providerId: string
  homeIds: string[]
  beds: number
  pricePencePerBedWeek: number
  startDate: string
  endDate: string
  maxExtentDate: string
}

export type ContractView = {
  id: string
  reference: string
  tenderId: string | null
  tenderReference: string | null
  tenderTitle: string | null
  bidId: string | null
  providerId: string
  providerName: string
  homeIds: string[]
  beds: number
  pricePencePerBedWeek: number
  weeklyValuePence: number
  startDate: string
  endDate: string
  maxExtentDate: string
  status: 'active' | 'ended' | 'terminated'
  createdAt: string
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const ContractSchema = z
  .object({
    reference: z.string().min(1),
    tenderId: z.string().min(1),
    bidId: z.string().min(1),
    providerId: z.string().min(1),
    homeIds: z.array(z.string().min(1)).min(1),
    beds: z.number().int().min(1),
    pricePencePerBedWeek: z.number().int().min(0),
    startDate: isoDate,
    endDate: isoDate,
    maxExtentDate: isoDate,
  })
  .refine((c) => c.startDate < c.endDate && c.endDate <= c.maxExtentDate, { message: 'start < end ≤ max extent', path: ['endDate'] })

function view(r: ContractListRow): ContractView {
  return {
    id: r.id,
    reference: r.reference,
    tenderId: r.tender_id,
    tenderReference: r.tender_reference,
    tenderTitle: r.tender_title,
    bidId: r.bid_id,
    providerId: r.provider_id,
    providerName: r.provider_name,
    homeIds: JSON.parse(r.home_ids_json) as string[],
    beds: r.beds,
    pricePencePerBedWeek: r.price_pence_per_bed_week,
    weeklyValuePence: r.beds * r.price_pence_per_bed_week,
    startDate: r.start_date,
    endDate: r.end_date,
    maxExtentDate: r.max_extent_date,
    status: r.status,
    createdAt: r.created_at,
  }
}

export function createAwardRegisterPart(deps: { db: Db; audit: AuditService; now?: () => Date }) {
  const { db, audit } = deps
  const now = deps.now ?? (() => new Date())
  const repo = createContractRepository()
  return {
    /** Creates a contract inside the caller's transaction (the tender's conclusion), audited. */
    async createFromAward(tx: Db, actor: Actor, input: ContractFromAward): Promise<string> {
      const parsed = ContractSchema.safeParse(input)
      if (!parsed.success) throw new UserInputError(`A contract from an award is not valid: ${parsed.error.issues[0]!.path.join('.')}`)
      const c = parsed.data
      const id = randomUUID()
      const row = {
        id,
        reference: c.reference,
        tender_id: c.tenderId,
        bid_id: c.bidId,
        provider_id: c.providerId,
        home_ids_json: JSON.stringify(c.homeIds),
        beds: c.beds,
        price_pence_per_bed_week: c.pricePencePerBedWeek,
        start_date: c.startDate,
        end_date: c.endDate,
        max_extent_date: c.maxExtentDate,
        status: 'active' as const,
        kind: 'block' as const,
        pricing_model: 'block' as const,
        placement_fee_pence_per_week: null,
        initial_end_date: c.endDate,
        extension_months: null,
        extension_notice_date: null,
        extension_status: 'none' as const,
        payment_frequency: '4-weekly' as const,
        void_release_after_days: null,
        indexation_kind: 'none' as const,
        indexation_cap_bps: null,
        indexation_review_bps: null,
        indexation_cpi_lag_months: null,
        created_at: now().toISOString(),
        updated_at: now().toISOString(),
      }
      await repo.insert(tx, row)
      const { created_at: _c, updated_at: _u, ...fields } = row
      await audit.record(tx, actor, { action: 'create', entityType: 'contract', entityId: id, after: fields })
      return id
    },

    async list(actor: Actor, filters: { tenderId?: string } = {}): Promise<ContractView[]> {
      authorise(actor, 'market:read')
      return (await repo.list(db, dataScope(actor), filters)).map(view)
    },

    /** NotFoundError when it is not there or not the actor's to see. */
    async get(actor: Actor, id: string): Promise<ContractView> {
      authorise(actor, 'market:read')
      const row = await repo.find(db, dataScope(actor), id)
      if (!row) throw new NotFoundError('No such contract')
      return view(row)
    },

    /** Every contract of a tender, unscoped, inside a transaction: for the tender's own records (OCDS). */
    forTender: async (tx: Db, tenderId: string): Promise<ContractView[]> => (await repo.list(tx, { kind: 'all' }, { tenderId })).map(view),
  }
}

/** The contract room's service, composed of its parts; each part owns its files under src/contract/<part>/. */
export function createContractService(deps: ContractDeps) {
  const ctx = createContractContext(deps)
  return {
    ...createAwardRegisterPart(deps),
    ...createRegisterPart(ctx),
    ...createLedgerPart(ctx),
    ...createReturnsPart(ctx),
  }
}
export type ContractService = ReturnType<typeof createContractService>
