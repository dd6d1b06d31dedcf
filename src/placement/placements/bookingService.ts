/**
 * Booking and ending placements, and the home's impact risk assessment. Booking is one
 * transaction: the bed is checked vacant, the placement inserted, the bed set occupied and the
 * referral closed as matched — or none of it. The database's partial unique index
 * (placements_open_bed) is the last word when two officers book the last bed at once.
 */
import { randomUUID } from 'node:crypto'
import type { Actor } from '../../platform/auth/actor.js'
import { ForbiddenError } from '../../platform/auth/scope.js'
import type { Db } from '../../platform/db/database.js'
import type { Database } from '../../platform/db/schema.js'
import { NotFoundError, UserInputError } from '../../platform/errors.js'
import { parseOrThrow } from '../../market/domain/schemas.js'
import type { BedRoute } from '../../contract/ports.js'
import type { CascadePart, EmptyBlockBed } from '../cascade/cascadeService.js'
import type { PassOverCause } from '../cascade/passOver.js'
import { ageOn } from '../domain/needsProfile.js'
import { ROUTE_LABELS, type Route } from '../domain/vacancy.js'
import { arrangesPlacements, childReadRule } from '../children/access.js'
import type { PlacementContext } from '../placementService.js'
import { addReferralEvent } from '../referrals/referralService.js'
import { MOVES_TO_ANOTHER_PLACEMENT } from './codes.js'
import { BookingSchema, EndingSchema, ImpactAssessmentSchema, type Booking, type Ending } from './placementSchema.js'

export type PlacementRow = Database['placements']
export const BED_JUST_TAKEN = 'This bed was just taken by another placement; choose another bed'

/** Whether a database error is the one-open-placement-per-bed index refusing a second booking. */
export function isOpenBedClash(e: unknown): boolean {
  const err = e as { code?: string; constraint?: string; message?: string }
  if (err?.code === '23505') return err.constraint === 'placements_open_bed' || /placements_open_bed/.test(err.message ?? '')
  return err?.code === 'SQLITE_CONSTRAINT_UNIQUE' && /placements\.bed_id/.test(err.message ?? '')
}

/**
 * The market's beds are changed by the placement service on the actor's behalf: placement
 * officers hold no market:edit, but a booking must occupy its bed. The audit row keeps the user.
 */
function onBehalfOf(actor: Actor): Actor {
  return { ...actor, role: 'system', organisationKind: 'system', providerId: null, label: `${actor.label} (placement service)` }
}

/** A placement the actor may see: its child must be readable; a provider user sees only open ones in its homes. */
export async function findVisiblePlacement(
  ctx: PlacementContext,
  tx: Db,
  actor: Actor,
  placementId: string,
): Promise<PlacementRow & { provider_id: string }> {
  const p = await tx
    .selectFrom('placements')
    .innerJoin('homes', 'homes.id', 'placements.home_id')
    .selectAll('placements')
    .select('homes.provider_id')
    .where('placements.id', '=', placementId)
    .executeTakeFirst()
  if (!p) throw new NotFoundError('No such placement')
  const rule = childReadRule(actor)
  if (rule.kind === 'provider' && (p.provider_id !== rule.providerId || p.end_date !== null)) throw new NotFoundError('No such placement')
  try {
    await ctx.visibleChild(tx, actor, p.child_id)
  } catch (e) {
    if (e instanceof NotFoundError) throw new NotFoundError('No such placement')
    throw e
  }
  return p
}

async function checkContract(tx: Db, route: string, contractId: string | null, homeId: string) {
  if (route === 'spot') {
    if (contractId !== null) throw new UserInputError('A spot placement is not made under a contract', { field: 'contractId' })
    return
  }
  // An in-house bed may name the council's own unit; a block bed must name its contract.
  if (route === 'in-house' && contractId === null) return
  if (contractId === null) throw new UserInputError('Select the block contract this placement uses', { field: 'contractId' })
  const c = await tx.selectFrom('contracts').select(['status', 'home_ids_json']).where('id', '=', contractId).executeTakeFirst()
  if (!c) throw new UserInputError('Select a block contract from the register', { field: 'contractId' })
  if (c.status !== 'active') throw new UserInputError('That block contract is not active', { field: 'contractId' })
  if (!(JSON.parse(c.home_ids_json) as string[]).includes(homeId))
    throw new UserInputError('That block contract does not cover this home', { field: 'contractId' })
}

/** What other parts do inside a booking's transaction: the offers part closes the referral's open spot requests. */
export type BookingHooks = {
  closeRequestsForReferral?: (tx: Db, referralId: string, by: Actor, bookedHomeId: string | null) => Promise<number>
}

export function createBookingPart(ctx: PlacementContext, cascade: Pick<CascadePart, 'emptyBlockBedsForBooking'>, hooks: BookingHooks = {}) {
  const { audit, market, dialect, contracts } = ctx.deps
  const visiblePlacement = (tx: Db, actor: Actor, placementId: string) => findVisiblePlacement(ctx, tx, actor, placementId)

  /** A route and contract named in the booking must be the bed's own on the start date, as the contract room says. */
  function checkRoute(r: BedRoute | undefined, f: { route: Route; contractId: string | null; startDate: string }) {
    const route: Route = r?.route ?? 'spot'
    if (route !== f.route)
      throw new UserInputError(
        `On ${f.startDate} that bed is bought as ${ROUTE_LABELS[route].toLowerCase()}, not ${ROUTE_LABELS[f.route].toLowerCase()}`,
        {
          field: 'route',
        },
      )
    if (r && f.contractId !== r.contractId)
      throw new UserInputError(`That bed is reserved under contract ${r.contractReference}`, { field: 'contractId' })
  }

  /** Each passed-over bed: the contract room's void cause, and the placement room's own record for the referral. */
  async function recordPassedOver(tx: Db, actor: Actor, p: PlacementRow, beds: EmptyBlockBed[], cause: PassOverCause, note: string | null) {
    // From the start: the day the bed could have been the child's (the same day its route was read for).
    const fromDate = p.start_date
    const at = ctx.now().toISOString()
    for (const b of beds) {
      await contracts!.recordEmptyBedCause(tx, actor, { bedId: b.bedId, fromDate, cause, referralId: p.referral_id, note })
      const row = {
        id: randomUUID(),
        referral_id: p.referral_id,
        placement_id: p.id,
        bed_id: b.bedId,
        home_id: b.homeId,
        contract_id: b.contractId,
        cause,
        note,
        from_date: fromDate,
        recorded_by: actor.userId,
        recorded_at: at,
      }
      await tx.insertInto('block_bed_passovers').values(row).execute()
      await audit.record(tx, actor, { action: 'pass-over', entityType: 'bed', entityId: b.bedId, before: null, after: row })
    }
  }

  async function book(actor: Actor, input: Booking): Promise<string> {
    if (!arrangesPlacements(actor)) throw new ForbiddenError('child:read')
    const f = parseOrThrow(BookingSchema, input)
    if (f.plannedEndDate !== null && f.plannedEndDate < f.startDate)
      throw new UserInputError('Planned end date must be on or after the start date', { field: 'plannedEndDate' })
    const id = randomUUID()
    try {
      return await ctx.run(async (tx) => {
        const referral = await tx.selectFrom('referrals').selectAll().where('id', '=', f.referralId).executeTakeFirst()
        if (!referral) throw new UserInputError('Select an open referral', { field: 'referralId' })
        await ctx.visibleChild(tx, actor, referral.child_id)
        if (referral.status !== 'open') throw new UserInputError(`This referral is already ${referral.status}`, { field: 'referralId' })
        // On PostgreSQL the bed row is locked, so a second booking waits and then sees it occupied.
        let bedQuery = tx
          .selectFrom('beds')
          .innerJoin('homes', 'homes.id', 'beds.home_id')
          .select(['beds.home_id', 'beds.status', 'homes.status as home_status'])
          .where('beds.id', '=', f.bedId)
        if (dialect === 'postgres') bedQuery = bedQuery.forUpdate('beds')
        const bed = await bedQuery.executeTakeFirst()
        if (!bed || bed.home_id !== f.homeId) throw new UserInputError('Select a bed in the chosen home', { field: 'bedId' })
        if (bed.home_status !== 'active') throw new UserInputError('That home is not taking placements', { field: 'homeId' })
        if (bed.status === 'unavailable') throw new UserInputError('That bed is unavailable; choose another bed', { field: 'bedId' })
        const open = await tx
          .selectFrom('placements')
          .select('id')
          .where('bed_id', '=', f.bedId)
          .where('end_date', 'is', null)
          .executeTakeFirst()
        if (bed.status !== 'vacant' || open) throw new UserInputError(BED_JUST_TAKEN, { field: 'bedId' })
        // A back-dated start must not overlap a stay that has since ended: one child per bed per night.
        const earlier = await tx
          .selectFrom('placements')
          .select('end_date')
          .where('bed_id', '=', f.bedId)
          .where('end_date', '>', f.startDate)
          .orderBy('end_date', 'desc')
          .executeTakeFirst()
        if (earlier)
          throw new UserInputError(`This bed was occupied until ${earlier.end_date}; choose a start date on or after it`, {
            field: 'startDate',
          })
        // The route and contract are the bed's own on the start date; named in the input, they must agree.
        const routed = contracts ? (await contracts.bedRoutes(tx, f.startDate)).get(f.bedId) : undefined
        const route: Route = f.route ?? routed?.route ?? 'spot'
        const contractId = f.route === undefined ? (routed?.contractId ?? null) : f.contractId
        if (contracts && f.route !== undefined) checkRoute(routed, { ...f, route })
        await checkContract(tx, route, contractId, f.homeId)
        // Passing over a feasible empty block bed needs the officer's reason: it is the bed's void cause.
        const passedOver =
          contracts && route !== 'block' ? await cascade.emptyBlockBedsForBooking(tx, actor, referral.id, f.startDate, f.bedId) : []
        if (passedOver.length > 0 && f.emptyBedCause === null) {
          const beds = passedOver.map((b) => `${b.homeName} (${b.bedLabel})`).join(', ')
          throw new UserInputError(
            `Select why the empty block ${passedOver.length === 1 ? 'bed is' : 'beds are'} not used for this child: ${beds}`,
            { field: 'emptyBedCause' },
          )
        }
        const at = ctx.now().toISOString()
        const row: PlacementRow = {
          id,
          child_id: referral.child_id,
          referral_id: referral.id,
          home_id: f.homeId,
          bed_id: f.bedId,
          route,
          contract_id: contractId,
          weekly_price_pence: f.weeklyPricePence,
          start_date: f.startDate,
          planned_end_date: f.plannedEndDate,
          end_date: null,
          end_reason: null,
          reason_place_change: null,
          ended_planned: null,
          impact_assessment: null,
          impact_assessed_by: null,
          impact_assessed_at: null,
          created_by: actor.userId,
          created_at: at,
        }
        await tx.insertInto('placements').values(row).execute()
        if (passedOver.length > 0) await recordPassedOver(tx, actor, row, passedOver, f.emptyBedCause!, f.emptyBedNote)
        await market.setBedStatus(onBehalfOf(actor), f.bedId, 'occupied', tx)
        await tx.updateTable('referrals').set({ status: 'matched', updated_at: at }).where('id', '=', referral.id).execute()
        await addReferralEvent(tx, referral.id, at, 'admission', `Placement booked from ${f.startDate}`, actor.label)
        await hooks.closeRequestsForReferral?.(tx, referral.id, actor, f.homeId)
        await audit.record(tx, actor, { action: 'create', entityType: 'placement', entityId: id, before: null, after: row })
        return id
      })
    } catch (e) {
      if (isOpenBedClash(e)) throw new UserInputError(BED_JUST_TAKEN, { field: 'bedId' })
      throw e
    }
  }

  return {
    book,

    /** The placement, without the child's personal fields (those come from getChild, audited). */
    async getPlacement(actor: Actor, placementId: string): Promise<PlacementRow> {
      return ctx.run(async (tx) => {
        const { provider_id: _p, ...row } = await visiblePlacement(tx, actor, placementId)
        return row
      })
    },

    /** The child's placements, newest first. */
    async placementsOfChild(actor: Actor, childId: string): Promise<PlacementRow[]> {
      return ctx.run(async (tx) => {
        await ctx.visibleChild(tx, actor, childId)
        const rule = childReadRule(actor)
        let q = tx
          .selectFrom('placements')
          .innerJoin('homes', 'homes.id', 'placements.home_id')
          .selectAll('placements')
          .where('placements.child_id', '=', childId)
        if (rule.kind === 'provider') q = q.where('homes.provider_id', '=', rule.providerId).where('placements.end_date', 'is', null)
        return q.orderBy('placements.start_date', 'desc').execute()
      })
    },

    /** The home's impact risk assessment: by a user of the home's own provider, before or on the start date. */
    async recordImpactAssessment(actor: Actor, placementId: string, input: { assessment: string }): Promise<void> {
      const f = parseOrThrow(ImpactAssessmentSchema, input)
      await ctx.run(async (tx) => {
        const rule = childReadRule(actor)
        if (rule.kind !== 'provider') throw new NotFoundError('No such placement')
        const p = await visiblePlacement(tx, actor, placementId)
        if (ctx.today() > p.start_date)
          throw new UserInputError(`The impact risk assessment must be recorded before or on the start date, ${p.start_date}`, {
            field: 'assessment',
          })
        const at = ctx.now().toISOString()
        await tx
          .updateTable('placements')
          .set({ impact_assessment: f.assessment, impact_assessed_by: actor.userId, impact_assessed_at: at })
          .where('id', '=', placementId)
          .execute()
        await audit.record(tx, actor, {
          action: 'impact-assessment',
          entityType: 'placement',
          entityId: placementId,
          before: {
            impact_assessment: p.impact_assessment,
            impact_assessed_by: p.impact_assessed_by,
            impact_assessed_at: p.impact_assessed_at,
          },
          after: { impact_assessment: f.assessment, impact_assessed_by: actor.userId, impact_assessed_at: at },
        })
      })
    },

    /** Ends a placement with its SSDA903 codes and frees the bed. */
    async end(actor: Actor, placementId: string, input: Ending): Promise<void> {
      if (!arrangesPlacements(actor)) throw new ForbiddenError('child:read')
      const f = parseOrThrow(EndingSchema, input)
      await ctx.run(async (tx) => {
        const { provider_id: _p, ...p } = await visiblePlacement(tx, actor, placementId)
        if (p.end_date !== null) throw new UserInputError(`This placement already ended on ${p.end_date}`)
        if (f.endDate < p.start_date)
          throw new UserInputError(`End date must be on or after the start date, ${p.start_date}`, { field: 'endDate' })
        const moves = f.reasonEpisodeCeased === MOVES_TO_ANOTHER_PLACEMENT
        if (moves && f.reasonPlaceChange === null)
          throw new UserInputError('Select the reason for the change of placement: the child moves to another placement (REC X1)', {
            field: 'reasonPlaceChange',
          })
        if (!moves && f.reasonPlaceChange !== null)
          throw new UserInputError('Give a reason for the change of placement only when the child moves to another placement (REC X1)', {
            field: 'reasonPlaceChange',
          })
        if (f.reasonPlaceChange === 'CUSTOD') {
          const child = await tx.selectFrom('children').select('date_of_birth').where('id', '=', p.child_id).executeTakeFirstOrThrow()
          if (ageOn(child.date_of_birth, f.endDate) < 10)
            throw new UserInputError('A custody arrangement (CUSTOD) is not a reason for a child under 10 (SSDA903 rule 234)', {
              field: 'reasonPlaceChange',
            })
        }
        const changes = {
          end_date: f.endDate,
          end_reason: f.reasonEpisodeCeased,
          reason_place_change: f.reasonPlaceChange,
          ended_planned: f.planned,
        }
        await tx.updateTable('placements').set(changes).where('id', '=', placementId).execute()
        await market.setBedStatus(onBehalfOf(actor), p.bed_id, 'vacant', tx)
        await audit.record(tx, actor, {
          action: 'end',
          entityType: 'placement',
          entityId: placementId,
          before: p,
          after: { ...p, ...changes },
        })
      })
    },
  }
}
