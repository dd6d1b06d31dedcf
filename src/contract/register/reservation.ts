/** Which beds a contract reserves: chosen for an award, checked free for hand entry and variations. */
import { addDays } from '../../platform/calendar/isoDate.js'
import { UserInputError } from '../../platform/errors.js'
import type { Db } from '../../platform/db/database.js'
import { formatDate } from '../../platform/web/format.js'
import type { BedInfo, RegisterRepository } from './registerRepository.js'

const STATUS_ORDER = { vacant: 0, occupied: 1, unavailable: 2 } as const

/** Refuses beds another block contract or in-house unit already reserves for any day of [from, to]. */
export async function requireBedsFree(
  repo: RegisterRepository,
  tx: Db,
  bedIds: readonly string[],
  period: { from: string; to: string },
  exceptContractId: string | null,
  field = 'bedIds',
): Promise<void> {
  const taken = await repo.reservationsOverlapping(tx, bedIds, period.from, period.to, exceptContractId)
  if (taken.length === 0) return
  const labels = new Map((await repo.bedsOfHomes(tx, await homesOf(tx, bedIds))).map((b) => [b.bedId, `${b.homeName} ${b.label}`]))
  const t = taken[0]!
  throw new UserInputError(
    `${labels.get(t.bedId) ?? 'A bed'} is already reserved by contract ${t.reference} from ${formatDate(t.fromDate)}${t.toDate ? ` to ${formatDate(t.toDate)}` : ''}`,
    { field },
  )
}

async function homesOf(tx: Db, bedIds: readonly string[]): Promise<string[]> {
  const rows = await tx
    .selectFrom('beds')
    .select('home_id')
    .where('id', 'in', [...bedIds])
    .execute()
  return [...new Set(rows.map((r) => r.home_id))]
}

/**
 * The beds an award reserves: at each home, as many as the winning bid offered there. Beds free
 * for the whole period come first (vacant ones before others); then beds another contract holds
 * for now, reserved from the day after it lets them go — the award stands, and the register shows
 * when each bed comes. Refused only when a home has too few beds even so.
 */
export async function pickBeds(
  repo: RegisterRepository,
  tx: Db,
  homeBeds: readonly { homeId: string; beds: number }[],
  period: { from: string; to: string },
): Promise<{ bedId: string; fromDate: string }[]> {
  const all = await repo.bedsOfHomes(
    tx,
    homeBeds.map((h) => h.homeId),
  )
  const held = await repo.reservationsOverlapping(
    tx,
    all.map((b) => b.bedId),
    period.from,
    period.to,
    null,
  )
  // The first day each bed is free from then to the end of the period.
  const freeFrom = (bedId: string) =>
    held
      .filter((r) => r.bedId === bedId)
      .map((r) => addDays(r.toDate !== null && r.toDate < r.contractEnd ? r.toDate : r.contractEnd, 1))
      .reduce((latest, d) => (d > latest ? d : latest), period.from)
  const chosen: { bedId: string; fromDate: string }[] = []
  for (const { homeId, beds } of homeBeds) {
    const usable = all
      .filter((b: BedInfo) => b.homeId === homeId)
      .map((b) => ({ b, from: freeFrom(b.bedId) }))
      .filter((x) => x.from <= period.to)
      .sort(
        (x, y) =>
          (x.from < y.from ? -1 : x.from > y.from ? 1 : 0) ||
          STATUS_ORDER[x.b.status] - STATUS_ORDER[y.b.status] ||
          x.b.label.localeCompare(y.b.label, 'en', { numeric: true }),
      )
    if (usable.length < beds) {
      const name = all.find((b) => b.homeId === homeId)?.homeName ?? `Home ${homeId}`
      throw new UserInputError(
        `${name} has ${usable.length} bed${usable.length === 1 ? '' : 's'} that other contracts leave free for this one; ${beds} are needed`,
        { field: 'bedIds' },
      )
    }
    chosen.push(...usable.slice(0, beds).map((x) => ({ bedId: x.b.bedId, fromDate: x.from })))
  }
  return chosen
}
