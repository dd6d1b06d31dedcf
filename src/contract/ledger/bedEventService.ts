/**
 * Recording, ending and voiding the dated bed events the ledger is derived from. An event is
 * never deleted or rewritten: a mistake is voided (who and why) and the ledger derives again.
 */
import { randomUUID } from 'node:crypto'
import type { Actor } from '../../platform/auth/actor.js'
import { authorise, can, dataScope, ForbiddenError } from '../../platform/auth/scope.js'
import { addDays, toEpochDay } from '../../platform/calendar/isoDate.js'
import type { Db } from '../../platform/db/database.js'
import { NotFoundError, UserInputError } from '../../platform/errors.js'
import { parseOrThrow } from '../../market/domain/schemas.js'
import type { ContractContext } from '../context.js'
import type { EmptyBedCause } from '../ports.js'
import { authoriseEvent, isProvider } from './access.js'
import { BedEventSchema, EndSchema, VoidSchema, type BedEvent, type BedEventInput } from './bedEventSchema.js'
import { NO_RELEASE_TERM, releaseRefusal } from './domain/voidRule.js'
import { loadLedgers } from './ledgerLoader.js'
import { LIVE_EVENT, type BedEventRow, type ContractRow, type LedgerRepository } from './ledgerRepository.js'

export function createBedEventPart(ctx: ContractContext, repo: LedgerRepository) {
  const { audit } = ctx.deps

  async function contractFor(tx: Db, actor: Actor, contractId: string): Promise<ContractRow> {
    authorise(actor, 'contract:read')
    const [c] = await repo.blockContracts(tx, dataScope(actor), [contractId])
    if (!c) throw new NotFoundError('No such block contract')
    return c
  }

  /** The bed must be reserved by the contract on the day (within the contract's dates). */
  async function checkReserved(tx: Db, c: ContractRow, bedId: string, day: string, field: string): Promise<string> {
    const beds = (await repo.reservedBeds(tx, [c.id])).filter((r) => r.bed_id === bedId)
    if (beds.length === 0) throw new UserInputError('Select a bed this contract reserves', { field: 'bedId' })
    const name = `${beds[0]!.home_name}, ${beds[0]!.label}`
    const reserved = beds.some((r) => r.from_date <= day && (r.to_date ?? c.end_date) >= day) && c.start_date <= day && day <= c.end_date
    if (!reserved) throw new UserInputError(`${name} is not reserved under ${c.reference} on ${day}`, { field })
    return name
  }

  async function insert(tx: Db, actor: Actor, c: ContractRow, e: BedEvent): Promise<string> {
    const id = randomUUID()
    const row = {
      id,
      contract_id: c.id,
      bed_id: e.bedId,
      kind: e.kind,
      from_date: e.fromDate,
      to_date: e.toDate,
      reason: e.reason,
      cause: e.cause,
      referral_id: e.referralId,
      note: e.note,
      seq: await repo.nextEventSeq(tx),
      recorded_by: actor.userId ?? 'system',
      recorded_by_label: actor.label,
      recorded_by_provider_id: isProvider(actor) ? actor.providerId : null,
      recorded_at: ctx.deps.now().toISOString(),
      ...LIVE_EVENT,
    }
    await repo.insertEvent(tx, row)
    await audit.record(tx, actor, { action: 'create', entityType: 'bed-event', entityId: id, after: row })
    return id
  }

  /** The void rule: a release needs N consecutive plain empty days just before it. */
  async function checkRelease(tx: Db, c: ContractRow, bedId: string, fromDate: string, bedName: string): Promise<void> {
    const n = c.void_release_after_days
    if (n === null) throw new UserInputError(NO_RELEASE_TERM, { field: 'kind' })
    const before = addDays(fromDate, -n)
    const ledgers = await loadLedgers(tx, repo, ctx.deps.placements(), [c], before, addDays(fromDate, -1))
    const l = ledgers.get(c.id)!
    const bed = l.beds.findIndex((b) => b.id === bedId)
    const refusal = releaseRefusal(l.ledger, bed, toEpochDay(fromDate), n, bedName)
    if (refusal) throw new UserInputError(refusal, { field: 'fromDate' })
  }

  async function liveEvent(tx: Db, c: ContractRow, eventId: string, field: string): Promise<BedEventRow> {
    const e = await repo.event(tx, eventId)
    if (!e || e.contract_id !== c.id) throw new NotFoundError('No such bed event')
    if (e.voided_at !== null) throw new UserInputError('This event was voided', { field })
    return e
  }

  return {
    /** Records a held, released, unavailable or empty-cause event on a reserved bed; audited. */
    async recordBedEvent(actor: Actor, contractId: string, input: BedEventInput): Promise<string> {
      const e = parseOrThrow(BedEventSchema, input)
      return ctx.run(async (tx) => {
        const c = await contractFor(tx, actor, contractId)
        authoriseEvent(actor, e.kind, c.provider_id)
        const name = await checkReserved(tx, c, e.bedId, e.fromDate, 'fromDate')
        if (e.kind === 'released') await checkRelease(tx, c, e.bedId, e.fromDate, name)
        return insert(tx, actor, c, e)
      })
    },

    /** Closes an open event (a released bed returns, unavailability ends) on its last day; audited. */
    async endBedEvent(actor: Actor, contractId: string, eventId: string, input: { toDate: string }): Promise<void> {
      const { toDate } = parseOrThrow(EndSchema, input)
      await ctx.run(async (tx) => {
        const c = await contractFor(tx, actor, contractId)
        const e = await liveEvent(tx, c, eventId, 'toDate')
        authoriseEvent(actor, e.kind, c.provider_id)
        if (e.to_date !== null) throw new UserInputError(`This event already ended on ${e.to_date}`, { field: 'toDate' })
        if (toDate < e.from_date) throw new UserInputError(`The last day must be on or after ${e.from_date}`, { field: 'toDate' })
        const changes = { to_date: toDate, ended_by_label: actor.label, ended_at: ctx.deps.now().toISOString() }
        await repo.updateEvent(tx, e.id, changes)
        await audit.record(tx, actor, { action: 'end', entityType: 'bed-event', entityId: e.id, before: { to_date: null }, after: changes })
      })
    },

    /** Voids a mistaken event, saying who and why; the ledger derives as if it had never been. */
    async voidBedEvent(actor: Actor, contractId: string, eventId: string, input: { voidReason: string }): Promise<void> {
      const { voidReason } = parseOrThrow(VoidSchema, input)
      await ctx.run(async (tx) => {
        const c = await contractFor(tx, actor, contractId)
        const e = await liveEvent(tx, c, eventId, 'voidReason')
        authoriseEvent(actor, e.kind, c.provider_id)
        if (isProvider(actor) && e.recorded_by_provider_id !== actor.providerId) throw new ForbiddenError('contract:edit')
        const changes = {
          voided_by: actor.userId ?? 'system',
          voided_by_label: actor.label,
          voided_at: ctx.deps.now().toISOString(),
          void_reason: voidReason,
        }
        await repo.updateEvent(tx, e.id, changes)
        await audit.record(tx, actor, { action: 'void', entityType: 'bed-event', entityId: e.id, before: e, after: { ...e, ...changes } })
      })
    },

    /**
     * ContractPort: why a reserved bed stood empty (e.g. the child went elsewhere), recorded in
     * the caller's transaction. The placement room authorises its own command; here the actor
     * need only be council staff who arrange placements or edit contracts.
     */
    async recordEmptyBedCause(tx: Db, actor: Actor, cause: EmptyBedCause): Promise<void> {
      if (isProvider(actor) || !(can(actor, 'child:read') || can(actor, 'contract:edit'))) throw new ForbiddenError('contract:edit')
      const e = parseOrThrow(BedEventSchema, { ...cause, kind: 'empty-cause', toDate: null, reason: null })
      const row = await tx
        .selectFrom('contract_beds')
        .innerJoin('contracts', 'contracts.id', 'contract_beds.contract_id')
        .select('contracts.id')
        .where('contract_beds.bed_id', '=', e.bedId)
        .where('contracts.kind', '=', 'block')
        .where('contract_beds.from_date', '<=', e.fromDate)
        .where((eb) => eb.or([eb('contract_beds.to_date', 'is', null), eb('contract_beds.to_date', '>=', e.fromDate)]))
        .where('contracts.start_date', '<=', e.fromDate)
        .where('contracts.end_date', '>=', e.fromDate)
        .executeTakeFirst()
      if (!row) throw new UserInputError(`That bed is not reserved by a block contract on ${e.fromDate}`, { field: 'bedId' })
      const [c] = await repo.blockContracts(tx, { kind: 'all' }, [row.id])
      await insert(tx, actor, c!, e)
    },
  }
}
