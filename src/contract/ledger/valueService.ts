/**
 * The value figures for a contract or the whole block over any period, derived afresh from the
 * ledger. The spot benchmark (ADR 0013):
 * - framework: the mean spot rate of the active members of every lot the contract's provider is
 *   an active member of (one figure per membership with a rate);
 * - actual: the council's spot placements in the period of comparable needs — the child's needs
 *   meet the Statement of Purpose of one of the contract's homes, or the spot home shares a
 *   registration category with one of them — their weekly fees weighted by nights in the period.
 */
import type { Actor } from '../../platform/auth/actor.js'
import { authorise, dataScope } from '../../platform/auth/scope.js'
import { toEpochDay } from '../../platform/calendar/isoDate.js'
import type { Db } from '../../platform/db/database.js'
import { NotFoundError, UserInputError } from '../../platform/errors.js'
import type { ContractValue, Period } from '../api.js'
import type { ContractContext } from '../context.js'
import { seesBenchmark } from './access.js'
import { noDays, tallyBlock, type BlockExplanation } from './domain/lines.js'
import { meanRate, valueOf, type SpotBenchmark } from './domain/value.js'
import { loadLedgers } from './ledgerLoader.js'
import type { ContractRow, LedgerRepository } from './ledgerRepository.js'

export type ValueReport = { block: ContractValue; contracts: { contract: ContractRow; value: ContractValue }[] }

const none = ['']

function checkPeriod(p: Period): Period {
  for (const [k, v] of Object.entries(p)) {
    try {
      toEpochDay(v)
    } catch {
      throw new UserInputError(`Enter the ${k === 'from' ? 'first' : 'last'} day as a real date, such as 2026-04-01`, { field: k })
    }
  }
  if (p.from > p.to) throw new UserInputError('The last day must be on or after the first day', { field: 'to' })
  return p
}

export function createValuePart(ctx: ContractContext, repo: LedgerRepository) {
  const { db } = ctx.deps

  /** Each contract's ledger days over the period, clipped to its own dates. */
  async function tallies(tx: Db, contracts: ContractRow[], period: Period): Promise<Map<string, BlockExplanation>> {
    const ledgers = await loadLedgers(tx, repo, ctx.deps.placements(), contracts, period.from, period.to)
    const out = new Map<string, BlockExplanation>()
    for (const c of contracts) {
      const l = ledgers.get(c.id)!
      const [lo, hi] = [
        Math.max(toEpochDay(period.from), toEpochDay(c.start_date)),
        Math.min(toEpochDay(period.to), toEpochDay(c.end_date)),
      ]
      out.set(c.id, lo <= hi ? tallyBlock(l.ledger, l.bands, lo, hi) : noDays())
    }
    return out
  }

  async function benchmark(tx: Db, contracts: ContractRow[], period: Period): Promise<SpotBenchmark> {
    const providers = [...new Set(contracts.map((c) => c.provider_id))]
    const rates = await tx
      .selectFrom('provider_lots')
      .select('spot_rate_pence_per_week as rate')
      .where('status', '=', 'active')
      .where('spot_rate_pence_per_week', 'is not', null)
      .where('lot_id', 'in', (eb) =>
        eb
          .selectFrom('provider_lots as own')
          .select('own.lot_id')
          .where('own.provider_id', 'in', providers.length ? providers : none)
          .where('own.status', '=', 'active'),
      )
      .execute()
    const homeIds = [...new Set(contracts.flatMap((c) => JSON.parse(c.home_ids_json) as string[]))]
    const [needs, categories] = await Promise.all([
      tx
        .selectFrom('home_needs')
        .select('need')
        .where('home_id', 'in', homeIds.length ? homeIds : none)
        .execute(),
      tx
        .selectFrom('home_categories')
        .select('category')
        .where('home_id', 'in', homeIds.length ? homeIds : none)
        .execute(),
    ])
    const ourNeeds = new Set(needs.map((n) => n.need))
    const ourCategories = new Set(categories.map((c) => c.category))
    const [lo, hi] = [toEpochDay(period.from), toEpochDay(period.to)]
    const actual = (await ctx.deps.placements().spotPlacements(tx, period.from, period.to))
      .filter((s) => s.needs.some((n) => ourNeeds.has(n)) || s.categories.some((c) => ourCategories.has(c)))
      .map((s) => {
        const last = s.endDate === null ? hi : Math.min(hi, toEpochDay(s.endDate) - 1)
        return { weeklyPricePence: s.weeklyPricePence, nights: Math.max(0, last - Math.max(lo, toEpochDay(s.startDate)) + 1) }
      })
      .filter((s) => s.nights > 0)
    return { frameworkSpotRatePence: meanRate(rates.map((r) => Number(r.rate))), actual }
  }

  /** The contracts' figures each and together, one read. */
  async function report(actor: Actor, contracts: ContractRow[], period: Period): Promise<ValueReport> {
    return ctx.run(async (tx) => {
      const t = await tallies(tx, contracts, period)
      const visible = seesBenchmark(actor)
      const each = await Promise.all(
        contracts.map(async (c) => ({
          contract: c,
          value: valueOf(period, [t.get(c.id)!], visible ? await benchmark(tx, [c], period) : null),
        })),
      )
      const block = valueOf(period, [...t.values()], visible && contracts.length ? await benchmark(tx, contracts, period) : null)
      return { block, contracts: each }
    })
  }

  async function valueReport(actor: Actor, period?: Period): Promise<ValueReport> {
    authorise(actor, 'contract:read')
    const contracts = (await repo.blockContracts(db, dataScope(actor))).filter((c) => c.status === 'active')
    const first = contracts.reduce((m, c) => (c.start_date < m ? c.start_date : m), ctx.today())
    return report(actor, contracts, checkPeriod(period ?? { from: first, to: ctx.today() }))
  }

  return {
    valueReport,

    async contractValue(actor: Actor, contractId: string, period?: Period): Promise<ContractValue> {
      authorise(actor, 'contract:read')
      const [c] = await repo.blockContracts(db, dataScope(actor), [contractId])
      if (!c) throw new NotFoundError('No such block contract')
      // By default from the start to today (or the end); a contract not yet started shows its first day.
      const upTo = [c.start_date, ctx.today(), c.end_date].sort()[1]!
      const p = checkPeriod(period ?? { from: c.start_date, to: upTo })
      return (await report(actor, [c], p)).block
    },

    /** Every active block contract the actor may see, together; by default from the earliest start to today. */
    async blockValue(actor: Actor, period?: Period): Promise<ContractValue> {
      return (await valueReport(actor, period)).block
    },
  }
}
