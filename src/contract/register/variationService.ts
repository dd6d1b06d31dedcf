/**
 * Variations: proposed by an officer (contract:edit) with a reason and the date they take effect,
 * approved or rejected by a different person holding contract:approve. An approved one is applied
 * at once (beds, prices, dates), checked again first; every step is audited and the rows kept.
 */
import { randomUUID } from 'node:crypto'
import type { Actor } from '../../platform/auth/actor.js'
import { authorise } from '../../platform/auth/scope.js'
import { addDays } from '../../platform/calendar/isoDate.js'
import type { Db } from '../../platform/db/database.js'
import { NotFoundError, UserInputError } from '../../platform/errors.js'
import { formatDate } from '../../platform/web/format.js'
import type { ContractView } from './contractView.js'
import { priceOn } from './indexation.js'
import { parseOrRefuse } from './parse.js'
import type { VariationRow } from './registerRepository.js'
import { requireBedsFree } from './reservation.js'
import { inForce, personOf, type RegisterShared } from './shared.js'
import { bedChanges, VariationInputSchema, type VariationChange, type VariationInput } from './variations.js'

const FOREVER = '9999-12-31'

export type VariationDecision = { approve: boolean; note: string }

export function createVariations(s: RegisterShared) {
  async function bedLabels(tx: Db, c: ContractView) {
    return new Map((await s.repo.bedsOfHomes(tx, c.homeIds)).map((b) => [b.bedId, `${b.homeName} ${b.label}`]))
  }

  /** Refuses a change that would leave a child placed in one of the beds from `from` on without it. */
  async function requireNobodyPlaced(tx: Db, c: ContractView, bedIds: string[], from: string, field: string) {
    const staying = await s.deps.placements().occupancyOfBeds(tx, bedIds, from, FOREVER)
    if (staying.length === 0) return
    const o = staying[0]!
    const label = (await bedLabels(tx, c)).get(o.bedId) ?? 'A bed'
    throw new UserInputError(
      `${label} has a child placed in it ${o.endDate ? `until ${formatDate(o.endDate)}` : 'with no end date'}: the variation would leave the child without a bed from ${formatDate(from)}. End or move the placement first.`,
      { field },
    )
  }

  /** Works out and checks the change against the contract as it is now; the same checks run again on approval. */
  async function changeFor(tx: Db, c: ContractView, v: VariationInput): Promise<VariationChange> {
    const eff = v.effectiveDate
    if (eff < c.startDate || eff > c.endDate)
      throw new UserInputError(
        `The variation must take effect between the start (${formatDate(c.startDate)}) and the end (${formatDate(c.endDate)})`,
        {
          field: 'effectiveDate',
        },
      )
    switch (v.kind) {
      case 'beds': {
        const labels = await bedLabels(tx, c)
        if (v.bedIds.some((b) => !labels.has(b))) throw new UserInputError('Select beds in the contract’s homes', { field: 'bedIds' })
        const current = (await s.repo.reservedBeds(tx, c.id)).filter((b) => inForce(b, eff) || (b.fromDate > eff && b.toDate === null))
        const change = bedChanges(
          current.map((b) => b.bedId),
          v.bedIds,
        )
        if (change.add.length === 0 && change.remove.length === 0)
          throw new UserInputError('These are the beds already reserved: the variation would change nothing', { field: 'bedIds' })
        if (change.remove.length > 0) await requireNobodyPlaced(tx, c, change.remove, eff, 'bedIds')
        if (change.add.length > 0 && c.kind !== 'spot-arrangement')
          await requireBedsFree(s.repo, tx, change.add, { from: eff, to: c.endDate }, c.id)
        return { kind: 'beds', ...change }
      }
      case 'price': {
        if (c.pricingModel === 'core-and-placement' && v.placementFeePencePerWeek === null)
          throw new UserInputError('Enter the new fee per occupied bed-week', { field: 'placementFeePencePerWeek' })
        if (c.pricingModel === 'block' && v.placementFeePencePerWeek !== null)
          throw new UserInputError('A pure block price has no fee per occupied bed-week: leave it blank', {
            field: 'placementFeePencePerWeek',
          })
        const prices = await s.pricesOf(tx, c.id)
        const laterIndexation = prices.find((p) => p.source === 'indexation' && p.fromDate >= eff)
        if (laterIndexation)
          throw new UserInputError(
            `Indexation was applied from ${formatDate(laterIndexation.fromDate)}: a price variation must take effect after it`,
            { field: 'effectiveDate' },
          )
        if (prices.some((p) => p.source === 'variation' && p.fromDate === eff))
          throw new UserInputError('A price variation from that date is already approved: choose another date', { field: 'effectiveDate' })
        const now = priceOn(prices, eff)
        if (now && now.pricePence === v.pricePencePerBedWeek && now.placementFeePence === v.placementFeePencePerWeek)
          throw new UserInputError('That is the price already in force on that date', { field: 'pricePencePerBedWeek' })
        return { kind: 'price', pricePencePerBedWeek: v.pricePencePerBedWeek, placementFeePencePerWeek: v.placementFeePencePerWeek }
      }
      case 'dates': {
        if (v.endDate <= c.startDate) throw new UserInputError('The end date must be after the start date', { field: 'endDate' })
        if (v.endDate < eff) throw new UserInputError('The end date cannot be before the variation takes effect', { field: 'endDate' })
        if (v.endDate > c.maxExtentDate)
          throw new UserInputError(`The end date cannot be after the latest end, ${formatDate(c.maxExtentDate)}`, { field: 'endDate' })
        const notice = c.extensionStatus === 'available' ? v.extensionNoticeDate : null
        if (c.extensionStatus === 'available' && notice === null)
          throw new UserInputError('Enter the latest date to give notice of the extension', { field: 'extensionNoticeDate' })
        if (notice !== null && (notice < c.startDate || notice > v.endDate))
          throw new UserInputError('The notice date must fall between the start and the end', { field: 'extensionNoticeDate' })
        if (v.endDate === c.endDate && notice === c.extensionNoticeDate)
          throw new UserInputError('These are the dates already in force: the variation would change nothing', { field: 'endDate' })
        const open = (await s.repo.reservedBeds(tx, c.id)).filter((b) => b.toDate === null).map((b) => b.bedId)
        if (v.endDate < c.endDate) await requireNobodyPlaced(tx, c, open, addDays(v.endDate, 1), 'endDate')
        if (v.endDate > c.endDate && c.kind !== 'spot-arrangement')
          await requireBedsFree(s.repo, tx, open, { from: addDays(c.endDate, 1), to: v.endDate }, c.id, 'endDate')
        return { kind: 'dates', endDate: v.endDate, extensionNoticeDate: notice }
      }
    }
  }

  async function apply(tx: Db, c: ContractView, v: VariationRow, change: VariationChange, at: string) {
    const eff = v.effective_date
    if (change.kind === 'beds') {
      const rows = await s.repo.reservedBeds(tx, c.id)
      for (const bedId of change.remove) {
        for (const r of rows.filter((x) => x.bedId === bedId && (inForce(x, eff) || (x.fromDate > eff && x.toDate === null)))) {
          // A reservation that had not yet begun simply goes; one under way ends the day before.
          if (r.fromDate >= eff) await s.repo.deleteBed(tx, r.rowId)
          else await s.repo.endBed(tx, r.rowId, addDays(eff, -1))
        }
      }
      for (const bedId of change.add)
        await s.repo.insertBed(tx, { id: randomUUID(), contract_id: c.id, bed_id: bedId, from_date: eff, to_date: null })
      // The count is that from the date on; which beds on which days is in contract_beds.
      const open = (await s.repo.reservedBeds(tx, c.id)).filter((b) => b.toDate === null)
      const homes = [...new Set([...c.homeIds, ...open.map((b) => b.homeId)])]
      await s.contracts.update(tx, c.id, { beds: open.length, home_ids_json: JSON.stringify(homes), updated_at: at })
    } else if (change.kind === 'price') {
      await s.repo.insertPrice(tx, {
        id: randomUUID(),
        contract_id: c.id,
        from_date: eff,
        price_pence_per_bed_week: change.pricePencePerBedWeek,
        placement_fee_pence_per_week: change.placementFeePencePerWeek,
        source: 'variation',
        cpi_bps: null,
        applied_bps: null,
        review_flag: 0,
        created_at: at,
      })
      await s.contracts.update(tx, c.id, { updated_at: at })
    } else {
      // Before an extension is taken, the end in force is the end of the initial term.
      await s.contracts.update(tx, c.id, {
        end_date: change.endDate,
        extension_notice_date: change.extensionNoticeDate,
        ...(c.extensionStatus === 'taken' ? {} : { initial_end_date: change.endDate }),
        updated_at: at,
      })
    }
  }

  /** The proposal as first checked, re-read from the stored row for approval. */
  function inputOf(v: VariationRow, c: ContractView, change: VariationChange): VariationInput {
    const base = { effectiveDate: v.effective_date, reason: v.reason }
    if (change.kind === 'beds') {
      const stored = change as { add: string[]; remove: string[]; bedIds?: string[] }
      return { kind: 'beds', ...base, bedIds: stored.bedIds ?? [] }
    }
    if (change.kind === 'price') return { ...base, ...change }
    return {
      kind: 'dates',
      ...base,
      endDate: change.endDate,
      extensionNoticeDate: c.extensionStatus === 'available' ? change.extensionNoticeDate : null,
    }
  }

  return {
    /** Proposes a variation; refused (nothing written) when it would not work. Returns its id. */
    async proposeVariation(actor: Actor, contractId: string, input: VariationInput): Promise<string> {
      authorise(actor, 'contract:edit')
      const v = parseOrRefuse(VariationInputSchema, input)
      return s.run(async (tx) => {
        const c = await s.activeContract(actor, contractId, tx)
        const change = await changeFor(tx, c, v)
        const id = randomUUID()
        const stored = change.kind === 'beds' && v.kind === 'beds' ? { ...change, bedIds: v.bedIds } : change
        await s.repo.insertVariation(tx, {
          id,
          contract_id: c.id,
          kind: v.kind,
          effective_date: v.effectiveDate,
          change_json: JSON.stringify(stored),
          reason: v.reason,
          status: 'proposed',
          proposed_by: personOf(actor),
          proposed_by_label: actor.label,
          proposed_at: s.deps.now().toISOString(),
          decided_by: null,
          decided_by_label: null,
          decided_at: null,
          decision_note: null,
        })
        await s.deps.audit.record(tx, actor, {
          action: 'propose-variation',
          entityType: 'contract',
          entityId: c.id,
          after: { variationId: id, kind: v.kind, effectiveDate: v.effectiveDate, reason: v.reason, change: stored },
        })
        return id
      })
    },

    /** Approves (and applies) or rejects a proposed variation; the approver must not be who proposed it. */
    async decideVariation(actor: Actor, variationId: string, d: VariationDecision): Promise<void> {
      authorise(actor, 'contract:approve')
      const note = d.note.trim()
      if (!d.approve && note === '') throw new UserInputError('Enter why the variation is rejected', { field: 'note' })
      if (note.length > 5_000) throw new UserInputError('The note must be 5,000 characters or fewer', { field: 'note' })
      await s.run(async (tx) => {
        const v = await s.repo.variation(tx, variationId)
        if (!v) throw new NotFoundError('No such variation')
        const c = await s.activeContract(actor, v.contract_id, tx)
        if (v.status !== 'proposed') throw new UserInputError(`This variation has already been ${v.status}`, { field: 'decision' })
        if (v.proposed_by === personOf(actor))
          throw new UserInputError('You proposed this variation: someone else must approve or reject it', { field: 'decision' })
        const at = s.deps.now().toISOString()
        const stored = JSON.parse(v.change_json) as VariationChange
        if (d.approve) {
          // The contract may have moved on since the proposal (a child placed, a bed taken): check again.
          const change = await changeFor(tx, c, inputOf(v, c, stored))
          await apply(tx, c, v, change, at)
        }
        const settled = await s.repo.decideVariation(tx, v.id, {
          status: d.approve ? 'approved' : 'rejected',
          decided_by: personOf(actor),
          decided_by_label: actor.label,
          decided_at: at,
          decision_note: note || null,
        })
        if (!settled) throw new UserInputError('Someone else decided this variation first', { field: 'decision' })
        const after = await s.visible(actor, c.id, tx)
        await s.deps.audit.record(tx, actor, {
          action: d.approve ? 'approve-variation' : 'reject-variation',
          entityType: 'contract',
          entityId: c.id,
          before: d.approve ? { beds: c.beds, endDate: c.endDate, extensionNoticeDate: c.extensionNoticeDate } : undefined,
          after: {
            variationId: v.id,
            kind: v.kind,
            effectiveDate: v.effective_date,
            note: note || null,
            ...(d.approve ? { beds: after.beds, endDate: after.endDate, extensionNoticeDate: after.extensionNoticeDate } : {}),
          },
        })
      })
    },
  }
}
