/**
 * The contract register's award part: block contracts made from a mini-competition's award (with
 * their beds reserved and their first price), each read with the same scoping as the market (a
 * provider user sees only its own); and the composition of the contract room from its parts.
 */
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { addDays } from '../platform/calendar/isoDate.js'
import type { AuditService } from '../platform/audit/auditService.js'
import type { Actor } from '../platform/auth/actor.js'
import { authorise, dataScope } from '../platform/auth/scope.js'
import type { Db } from '../platform/db/database.js'
import { NotFoundError, UserInputError } from '../platform/errors.js'
import { createContractRepository } from './contractRepository.js'
import { createContractContext, type ContractDeps } from './context.js'
import { createLedgerPart } from './ledger/ledgerService.js'
import { addMonths } from './register/dates.js'
import { contractView, type ContractView } from './register/contractView.js'
import { createRegisterRepository } from './register/registerRepository.js'
import { createRegisterPart } from './register/registerService.js'
import { parseOrRefuse } from './register/parse.js'
import { pickBeds } from './register/reservation.js'
import { writeContract } from './register/writeContract.js'
import { ContractTermsSchema, IndexationSchema, termsProblems, type Indexation } from './register/terms.js'
import { createReturnsPart } from './returns/returnsService.js'

export type { ContractView }

/** KPI targets an award may bring (the returns part edits them afterwards). */
export type KpiTarget = { measure: string; direction: 'at-most' | 'at-least'; target: number; amberMargin: number }

/** Terms the tender does not set; absent, the register's defaults (notice 6 months before the initial end, no indexation). */
export type AwardTerms = {
  extensionNoticeDate?: string
  paymentFrequency?: '4-weekly' | 'monthly'
  voidReleaseAfterDays?: number | null
  indexation?: Indexation | null
  kpis?: KpiTarget[]
}

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
  /** The beds the winning bid offered at each home; absent, the beds are spread over the homes in order. */
  homeBeds?: { homeId: string; beds: number }[]
  /** The extension's length; absent, worked out from the end and the latest end. */
  extensionMonths?: number | null
  /** A core-and-placement bid: a weekly core fee for the whole contract and a fee per occupied bed-week. */
  coreFeePencePerWeek?: number | null
  perPlacementFeePencePerWeek?: number | null
  terms?: AwardTerms
}

/** A change to a contract after it was made, as OCDS publishes it (contracts[].amendments). */
export type ContractAmendment = { id: string; date: string; rationale: string; description: string }

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
    homeBeds: z.array(z.object({ homeId: z.string().min(1), beds: z.number().int().min(1) })).optional(),
    extensionMonths: z.number().int().min(1).nullable().optional(),
    coreFeePencePerWeek: z.number().int().min(0).nullable().optional(),
    perPlacementFeePencePerWeek: z.number().int().min(0).nullable().optional(),
    terms: z
      .object({
        extensionNoticeDate: isoDate.optional(),
        paymentFrequency: z.enum(['4-weekly', 'monthly']).optional(),
        voidReleaseAfterDays: z.number().int().min(1).nullable().optional(),
        indexation: IndexationSchema.nullable().optional(),
        kpis: z
          .array(
            z.object({
              measure: z.string().min(1),
              direction: z.enum(['at-most', 'at-least']),
              target: z.number(),
              amberMargin: z.number().min(0),
            }),
          )
          .optional(),
      })
      .optional(),
  })
  .refine((c) => c.startDate < c.endDate && c.endDate <= c.maxExtentDate, { message: 'start < end ≤ max extent', path: ['endDate'] })

/** Whole months from the day after `end` to the day after `maxExtent` (3 + 2 years: 24). */
function monthsBetween(end: string, maxExtent: string): number | null {
  if (maxExtent <= end) return null
  const from = addDays(end, 1)
  let months = 0
  while (addMonths(from, months + 1) <= addDays(maxExtent, 1)) months++
  return months > 0 ? months : null
}

export function createAwardRegisterPart(deps: { db: Db; audit: AuditService; now?: () => Date }) {
  const { db, audit } = deps
  const now = deps.now ?? (() => new Date())
  const repo = createContractRepository()
  const register = createRegisterRepository()
  return {
    /**
     * Creates a contract inside the caller's transaction (the tender's conclusion): the contract,
     * its reserved beds, its first price and any KPI targets, audited.
     */
    async createFromAward(tx: Db, actor: Actor, input: ContractFromAward): Promise<string> {
      const parsed = ContractSchema.safeParse(input)
      if (!parsed.success) throw new UserInputError(`A contract from an award is not valid: ${parsed.error.issues[0]!.path.join('.')}`)
      const c = parsed.data
      const terms = c.terms ?? {}
      const extensionMonths = c.extensionMonths === undefined ? monthsBetween(c.endDate, c.maxExtentDate) : c.extensionMonths
      const core = c.coreFeePencePerWeek != null && c.perPlacementFeePencePerWeek != null
      const checked = parseOrRefuse(ContractTermsSchema.omit({ bedIds: true }), {
        reference: c.reference,
        kind: 'block',
        providerId: c.providerId,
        // A core fee is bid for the whole contract a week; the register holds it per reserved bed.
        pricePencePerBedWeek: core ? Math.round(c.coreFeePencePerWeek! / c.beds) : c.pricePencePerBedWeek,
        pricingModel: core ? 'core-and-placement' : 'block',
        placementFeePencePerWeek: core ? c.perPlacementFeePencePerWeek! : null,
        startDate: c.startDate,
        initialEndDate: c.endDate,
        maxExtentDate: c.maxExtentDate,
        extensionMonths,
        extensionNoticeDate: extensionMonths === null ? null : (terms.extensionNoticeDate ?? addMonths(c.endDate, -6)),
        paymentFrequency: terms.paymentFrequency ?? '4-weekly',
        voidReleaseAfterDays: terms.voidReleaseAfterDays ?? null,
        indexation: terms.indexation ?? null,
      })
      const problem = termsProblems(checked)[0]
      if (problem) throw new UserInputError(`A contract from an award is not valid: ${problem.message}`, { field: problem.field })
      const homeBeds = c.homeBeds ?? spread(c.homeIds, c.beds)
      const beds = await pickBeds(register, tx, homeBeds, { from: c.startDate, to: c.endDate })
      const { id, fields } = await writeContract(tx, repo, register, {
        terms: checked,
        beds,
        homeIds: c.homeIds,
        tenderId: c.tenderId,
        bidId: c.bidId,
        at: now().toISOString(),
      })
      for (const k of terms.kpis ?? [])
        await register.insertKpi(tx, {
          id: randomUUID(),
          contract_id: id,
          measure: k.measure,
          direction: k.direction,
          target: k.target,
          amber_margin: k.amberMargin,
        })
      await audit.record(tx, actor, {
        action: 'create',
        entityType: 'contract',
        entityId: id,
        after: { ...fields, kpis: terms.kpis ?? [] },
      })
      return id
    },

    async list(actor: Actor, filters: { tenderId?: string } = {}): Promise<ContractView[]> {
      authorise(actor, 'market:read')
      return (await repo.list(db, dataScope(actor), filters)).map(contractView)
    },

    /** NotFoundError when it is not there or not the actor's to see. */
    async get(actor: Actor, id: string): Promise<ContractView> {
      authorise(actor, 'market:read')
      const row = await repo.find(db, dataScope(actor), id)
      if (!row) throw new NotFoundError('No such contract')
      return contractView(row)
    },

    /** Every contract of a tender with its amendments, unscoped, inside a transaction: for the tender's own records (OCDS). */
    async forTender(tx: Db, tenderId: string): Promise<(ContractView & { amendments: ContractAmendment[] })[]> {
      const out = []
      for (const c of (await repo.list(tx, { kind: 'all' }, { tenderId })).map(contractView))
        out.push({ ...c, amendments: await amendmentsOf(tx, register, c.id) })
      return out
    },
  }
}

/** Beds spread over the homes in order, as evenly as they go (when an award does not say which home has how many). */
function spread(homeIds: string[], beds: number): { homeId: string; beds: number }[] {
  return homeIds
    .map((homeId, i) => ({ homeId, beds: Math.floor(beds / homeIds.length) + (i < beds % homeIds.length ? 1 : 0) }))
    .filter((h) => h.beds > 0)
}

/** Approved variations and taken extensions, oldest first: what OCDS calls the contract's amendments. */
async function amendmentsOf(
  tx: Db,
  register: ReturnType<typeof createRegisterRepository>,
  contractId: string,
): Promise<ContractAmendment[]> {
  const variations = (await register.variations(tx, contractId)).filter((v) => v.status === 'approved')
  const extensions = (await register.decisions(tx, contractId)).filter((d) => d.status === 'approved' && d.decision === 'extend')
  return [
    ...variations.map((v) => ({
      id: `variation-${v.id}`,
      date: v.decided_at!,
      rationale: v.reason,
      description: `Variation of the ${v.kind} from ${v.effective_date}, approved by ${v.decided_by_label}`,
    })),
    ...extensions.map((d) => ({
      id: `extension-${d.id}`,
      date: d.approved_at!,
      rationale: d.rationale,
      description: `Extension taken: the end date moves from ${d.previous_end_date} to ${d.new_end_date}`,
    })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id.localeCompare(b.id)))
}

/** The contract room's service, composed of its parts; each part owns its files under src/contract/<part>/. */
export function createContractService(deps: ContractDeps) {
  const ctx = createContractContext(deps)
  const ledger = createLedgerPart(ctx)
  const returns = createReturnsPart(ctx)
  // Late-bound, so a part that wraps its own functions is still the one the pack calls.
  const sources = {
    contractValue: (...a: Parameters<typeof ledger.contractValue>) => ledger.contractValue(...a),
    scorecard: (...a: Parameters<typeof returns.scorecard>) => returns.scorecard(...a),
  }
  return {
    ...createAwardRegisterPart(deps),
    ...createRegisterPart(ctx, sources),
    ...ledger,
    ...returns,
  }
}
export type ContractService = ReturnType<typeof createContractService>
