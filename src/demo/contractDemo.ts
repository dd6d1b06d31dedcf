/**
 * The demo's two block contracts' history, from their start to today: children referred, placed,
 * visited and moved on; beds held, released to another council and made unavailable; empty beds'
 * causes; CPI and indexation; monthly provider returns; payment runs. Each step is done by the
 * person who would do it, through the same services the app uses, on a clock moved to the day it
 * happened, so it is checked and audited as real use is. Steps that fall after today are left out.
 */
import type { ContractView } from '../contract/contractService.js'
import { addMonths as addContractMonths, monthName, monthOf } from '../contract/register/dates.js'
import type { Actor } from '../platform/auth/actor.js'
import { addDays } from '../platform/calendar/isoDate.js'
import { settableClock } from '../platform/clock.js'
import type { Db } from '../platform/db/database.js'
import { UserInputError } from '../platform/errors.js'
import type { Services } from '../platform/services.js'
import { CONTRACT_PLANS, type BedEventPlan, type ContractPlan, type StayPlan } from './contractDemoPlan.js'
import { planCpiAndIndexation, planPaymentRuns } from './contractDemoMoney.js'
import { DEMO_KPI_TARGETS, monthFigures, regulation44Pdf } from './contractDemoReturns.js'
import { momentOf, timeline, type Timeline } from './contractDemoTimeline.js'
import { demoPerson, demoRooms, type DemoRooms } from './demoRooms.js'
import { seededRandom, type Random } from './random.js'

export type HistoryDemoServices = Pick<Services, 'db' | 'dialect' | 'audit' | 'clock' | 'users' | 'market' | 'postcodes' | 'config'> & {
  actor: Actor
}

/** The first demo child's case reference: its record is how a second run knows the history is there. */
export const FIRST_DEMO_CASE = 'DEMO-B001'

async function demoPeople(tx: Db) {
  const person = (name: string) => demoPerson(tx, name, 'contract demo')
  return {
    chris: await person('chris.commissioner'),
    priya: await person('priya.placements'),
    sam: await person('sam.social.worker'),
    fran: await person('fran.finance'),
    pat: await person('pat.provider'),
    quinn: await person('quinn.provider'),
  }
}
type People = Awaited<ReturnType<typeof demoPeople>>

/** The completed demo competition's block contracts, by reference. */
async function demoContractIds(tx: Db): Promise<string[]> {
  const rows = await tx
    .selectFrom('contracts')
    .innerJoin('tenders', 'tenders.id', 'contracts.tender_id')
    .select('contracts.id')
    .where('tenders.framework_id', '=', 'demo-framework')
    .where('contracts.kind', '=', 'block')
    .orderBy('contracts.reference')
    .execute()
  return rows.map((r) => r.id)
}

/** Idempotent: does nothing when the history is already there, or when there are no demo contracts to give one. */
export async function buildContractDemo(s: HistoryDemoServices, tx: Db): Promise<void> {
  if (await tx.selectFrom('children').select('id').where('case_reference', '=', FIRST_DEMO_CASE).executeTakeFirst()) return
  const ids = await demoContractIds(tx)
  if (ids.length === 0) return
  const now = s.clock.now()
  const clock = settableClock(now)
  const rooms = demoRooms(s, tx, clock.now)
  const people = await demoPeople(tx)
  const t = timeline(clock, now)
  const today = now.toISOString().slice(0, 10)

  const contracts: ContractView[] = []
  for (const [i, id] of ids.entries()) {
    const plan = CONTRACT_PLANS[i]
    if (!plan) break
    const c = await rooms.contracts.get(people.chris, id)
    contracts.push(c)
    clock.set(momentOf(c.startDate, 8))
    const beds = (await rooms.contracts.contractDetail(people.chris, id)).beds.current.sort(
      (a, b) => a.homeName.localeCompare(b.homeName) || a.label.localeCompare(b.label, 'en', { numeric: true }),
    )
    const provider = c.providerId === people.pat.providerId ? people.pat : people.quinn
    const ctx: ContractContext = { c, plan, beds, provider, people, rooms, t, today }
    planSetUp(ctx)
    for (const e of plan.events) planEvent(ctx, e)
    for (const stay of plan.stays) planStay(ctx, stay)
    planReturns(ctx, seededRandom(1_000 + i))
  }
  if (contracts.length === 0) return
  planCpiAndIndexation(t, rooms, people.chris, contracts, today)
  planPaymentRuns(t, rooms, people.fran, contracts, today)
  await t.play()
}

type Bed = { bedId: string; homeId: string; homeName: string; label: string; status: string }
type ContractContext = {
  c: ContractView
  plan: ContractPlan
  beds: Bed[]
  provider: Actor
  people: People
  rooms: DemoRooms
  t: Timeline
  today: string
}

const dayOf = (c: ContractView, offset: number) => addDays(c.startDate, offset)

/** On the first day: the reserved beds stand empty, ready for the block's children, and the KPI targets are set. */
function planSetUp({ c, beds, people, rooms, t }: ContractContext) {
  t.add(c.startDate, 8, `empty the reserved beds of ${c.reference}`, async () => {
    for (const b of beds) await rooms.market.setBedStatus(people.chris, b.bedId, 'vacant', rooms.tx)
  })
  t.add(c.startDate, 9, `set the KPI targets of ${c.reference}`, async () => {
    const { targets } = await rooms.contracts.kpiTargets(people.chris, c.id)
    for (const k of DEMO_KPI_TARGETS)
      if (!targets.some((x) => x.measure === k.measure)) await rooms.contracts.setKpiTarget(people.chris, c.id, k)
  })
}

function planEvent({ c, beds, people, provider, rooms, t }: ContractContext, e: BedEventPlan) {
  const bed = beds[e.bed]
  if (!bed) return
  const from = dayOf(c, e.from)
  const base = { bedId: bed.bedId, fromDate: from, note: e.note }
  switch (e.kind) {
    case 'held':
      t.add(from, 9, `hold ${bed.label} of ${c.reference}`, async () => {
        await rooms.contracts.recordBedEvent(people.chris, c.id, { ...base, kind: 'held', toDate: dayOf(c, e.to) })
      })
      return
    case 'empty-cause':
      t.add(from, 11, `say why ${bed.label} of ${c.reference} is empty`, async () => {
        await rooms.contracts.recordBedEvent(people.chris, c.id, { ...base, kind: 'empty-cause', cause: e.cause })
      })
      return
    case 'released':
    case 'unavailable': {
      // A release needs the contract's void rule, and that many empty days first.
      const start = e.kind === 'released' ? (c.voidReleaseAfterDays === null ? null : Math.max(e.from, c.voidReleaseAfterDays + 1)) : e.from
      if (start === null || start > e.to) return
      // The provider records it open, and ends it the day the bed comes back.
      let eventId = ''
      t.add(dayOf(c, start), 9, `record ${bed.label} of ${c.reference} ${e.kind}`, async () => {
        eventId = await rooms.contracts.recordBedEvent(provider, c.id, {
          ...base,
          fromDate: dayOf(c, start),
          kind: e.kind,
          ...(e.kind === 'unavailable' ? { reason: e.reason } : {}),
        })
      })
      t.add(dayOf(c, e.to + 1), 9, `end the ${e.kind} spell of ${bed.label} of ${c.reference}`, async () => {
        await rooms.contracts.endBedEvent(provider, c.id, eventId, { toDate: dayOf(c, e.to) })
      })
      return
    }
  }
}

/** Date of birth from an age on the contract's start day. */
function dateOfBirth(start: string, [years, days]: [number, number]): string {
  return addDays(addContractMonths(start, -12 * years), -days)
}

/** The social worker's visits: within a week, then every 38 days in the first year, then every 12 weeks. */
function visitDays(from: string, lastPossible: string): string[] {
  const out: string[] = []
  const yearOn = addContractMonths(from, 12)
  for (let v = addDays(from, 5); v <= lastPossible; v = addDays(v, v < yearOn ? 38 : 84)) out.push(v)
  return out
}

function planStay({ c, beds, people, provider, rooms, t, today }: ContractContext, stay: StayPlan) {
  const bed = beds[stay.bed]
  if (!bed) return
  const { sam, priya } = people
  const start = dayOf(c, stay.from)
  if (start > today) return
  const end = stay.to === null ? null : dayOf(c, stay.to)
  const ref = stay.child.caseReference
  const ids = { child: '', referral: '', placement: '' }
  const { ageAtStart, ...fields } = stay.child

  t.add(addDays(start, -21), 10, `create the record of ${ref}`, async () => {
    ids.child = await rooms.placements.createChild(sam, { ...fields, dateOfBirth: dateOfBirth(c.startDate, ageAtStart) })
  })
  t.add(addDays(start, -14), 10, `refer ${ref}`, async () => {
    ids.referral = await rooms.placements.createReferral(sam, {
      childId: ids.child,
      urgency: 'over-5-days',
      placementTypes: ['residential'],
      preferredPostcode: stay.child.homePostcode,
      siblings: null,
      deprivationOfLiberty: 'no',
      plannedStartDate: start,
    })
  })
  t.add(addDays(start, -7), 14, `record the matching meeting for ${ref}`, async () => {
    await rooms.placements.recordReferralEvent(sam, ids.referral, {
      kind: 'matching-meeting',
      detail: `Matching meeting with ${bed.homeName}: the home will take ${ref} into a block bed.`,
    })
  })
  t.add(addDays(start, -2), 10, `book ${ref} into ${bed.homeName}`, async () => {
    const route = (await rooms.contracts.bedRoutes(rooms.tx, start)).get(bed.bedId)
    if (!route) throw new UserInputError(`${bed.homeName} ${bed.label} is not a block bed on ${start}`)
    ids.placement = await rooms.placements.book(priya, {
      referralId: ids.referral,
      homeId: bed.homeId,
      bedId: bed.bedId,
      route: 'block',
      contractId: c.id,
      weeklyPricePence: route.weeklyPricePence,
      startDate: start,
    })
  })
  t.add(addDays(start, -1), 15, `record the impact risk assessment for ${ref}`, async () => {
    await rooms.placements.recordImpactAssessment(provider, ids.placement, { assessment: stay.assessment })
  })
  const lastVisit = [
    end ? addDays(end, -1) : today,
    stay.visitsStopDaysBeforeToday ? addDays(today, -stay.visitsStopDaysBeforeToday) : today,
    addDays(today, -1),
  ].sort()[0]!
  for (const v of visitDays(start, lastVisit)) {
    t.add(v, 16, `record a visit to ${ref}`, async () => {
      await rooms.placements.recordVisit(sam, ids.placement, v)
    })
  }
  if (end && stay.ending) {
    const { rec, placeChange, planned } = stay.ending
    t.add(end, 12, `end the placement of ${ref}`, async () => {
      await rooms.placements.end(priya, ids.placement, {
        endDate: end,
        reasonEpisodeCeased: rec,
        reasonPlaceChange: placeChange ?? null,
        planned,
      })
    })
  }
}

/** Children who spent a night in the contract's beds in the month (as far as the history has gone). */
function childrenInMonth({ c, plan, beds, today }: ContractContext, month: string): number {
  const first = `${month}-01`
  const last = addDays(`${monthOf(first, 1)}-01`, -1)
  return plan.stays.filter((s) => {
    const start = dayOf(c, s.from)
    return beds[s.bed] && start <= today && start <= last && (s.to === null || dayOf(c, s.to) > first)
  }).length
}

/** Every month's return from the provider, about ten days after the month; one came late, one never came. */
function planReturns(ctx: ContractContext, rnd: Random) {
  const { c, plan, beds, provider, rooms, t, today } = ctx
  const homes = [...new Set(beds.map((b) => b.homeName))].join(' and ')
  const lastFull = monthOf(today, -1)
  const last = monthOf(c.endDate) < lastFull ? monthOf(c.endDate) : lastFull
  for (let k = 0, m = monthOf(c.startDate); m <= last; k++, m = monthOf(`${m}-01`, 1)) {
    const month = m
    const figures = monthFigures(plan, k, childrenInMonth(ctx, month), beds.length, rnd)
    const day = k === plan.lateReturn ? 24 : rnd.int(8, 12)
    if (k === plan.missingReturn) continue
    const documents = plan.noReport.includes(k)
      ? []
      : [{ fileName: `Regulation 44 report ${monthName(month)}.pdf`, bytes: regulation44Pdf(homes, monthName(month)) }]
    t.add(
      `${monthOf(`${month}-01`, 1)}-${String(day).padStart(2, '0')}`,
      10,
      `send the return for ${monthName(month)} of ${c.reference}`,
      async () => {
        await rooms.contracts.submitReturn(provider, c.id, month, figures, documents)
      },
    )
  }
}
