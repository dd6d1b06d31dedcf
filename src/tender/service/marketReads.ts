/**
 * What the tender needs from the market register, read through the market service (never its
 * tables): the framework and its lots, who is an active member of the tender's lots, their homes
 * for the gateway, and the framework spot rates. Called outside transactions (SQLite has one
 * connection, and the market service reads through its own handle).
 */
import { NotFoundError, UserInputError } from '../../platform/errors.js'
import { providerGateway, type GatewayHome, type GatewayLot, type GatewayProvider } from '../domain/gateway.js'
import { median } from '../domain/scoring.js'
import type { GatewayResult } from '../tenderApi.js'
import type { StoredRequirement, TenderContext } from './context.js'

const PAGE = 200

export type TenderArea = { easting: number; northing: number; postcode: string }

export function createMarketReads(ctx: TenderContext) {
  const { market } = ctx.deps
  const actor = ctx.reader
  const byName = { key: 'name' as const, direction: 'asc' as const }

  async function framework(frameworkId: string) {
    try {
      return await market.getFramework(actor, frameworkId)
    } catch (err) {
      if (err instanceof NotFoundError) throw new UserInputError('Select the framework', { field: 'frameworkId' })
      throw err
    }
  }

  async function lotsOf(req: Pick<StoredRequirement, 'frameworkId' | 'lotIds'>): Promise<GatewayLot[]> {
    const { lots } = await framework(req.frameworkId)
    return lots.filter((l) => req.lotIds.includes(l.id)).map((l) => ({ id: l.id, number: l.number }))
  }

  /** Every active member of a lot, page by page. */
  async function activeMembers(lotId: string): Promise<{ id: string; name: string }[]> {
    const out: { id: string; name: string }[] = []
    for (let page = 1; ; page++) {
      const r = await market.listProviders(actor, { lotId, page: { page, pageSize: PAGE }, sort: byName })
      out.push(...r.items.map((p) => ({ id: p.id, name: p.name })))
      if (page * PAGE >= r.total) return out
    }
  }

  async function homesWhere(filters: { lotId?: string; providerId?: string }): Promise<GatewayHome[]> {
    const out: GatewayHome[] = []
    for (let page = 1; ; page++) {
      const r = await market.searchHomes(actor, filters, byName, { page, pageSize: PAGE })
      for (const h of r.items) {
        out.push({
          id: h.id,
          name: h.name,
          urn: h.urn,
          providerId: h.provider_id,
          status: h.status,
          judgement: h.ofsted_judgement,
          easting: h.easting,
          northing: h.northing,
          precision: h.location_precision,
          registeredPlaces: h.registered_places,
        })
      }
      if (page * PAGE >= r.total) return out
    }
  }

  const rulesOf = (req: StoredRequirement, area: TenderArea) => ({
    area,
    areaMiles: req.areaMiles,
    excludedJudgements: req.excludedJudgements,
  })

  /**
   * The gateway for every active member of the tender's lots, or for the named providers only
   * (whatever their membership: a provider not on the lots is told why). Eligible providers first.
   */
  async function gateway(
    req: StoredRequirement,
    area: TenderArea,
    providerIds?: readonly string[],
  ): Promise<{ results: GatewayResult[]; homes: Map<string, GatewayHome> }> {
    const lots = await lotsOf(req)
    const providers: GatewayProvider[] = []
    const homes: GatewayHome[] = []
    if (providerIds) {
      for (const id of new Set(providerIds)) {
        let found
        try {
          found = await market.getProvider(actor, id)
        } catch (err) {
          if (err instanceof NotFoundError) throw new UserInputError('Select providers from the list', { field: 'providerIds' })
          throw err
        }
        providers.push({
          id,
          name: found.provider.name,
          memberships: found.memberships.map((m) => ({ lotId: m.lot_id, status: m.status })),
        })
        homes.push(...(await homesWhere({ providerId: id })))
      }
    } else {
      const seen = new Map<string, GatewayProvider>()
      for (const lot of lots) {
        for (const p of await activeMembers(lot.id)) {
          const entry = seen.get(p.id) ?? { id: p.id, name: p.name, memberships: [] }
          entry.memberships.push({ lotId: lot.id, status: 'active' })
          seen.set(p.id, entry)
        }
        homes.push(...(await homesWhere({ lotId: lot.id })))
      }
      providers.push(...seen.values())
    }
    const unique = new Map(homes.map((h) => [h.id, h]))
    const results = providers
      .map((p) => providerGateway(p, [...unique.values()], lots, rulesOf(req, area)))
      .sort(
        (a, b) =>
          Number(b.eligible) - Number(a.eligible) ||
          a.providerName.localeCompare(b.providerName) ||
          a.providerId.localeCompare(b.providerId),
      )
    return { results, homes: unique }
  }

  /** The median spot rate of the active members of the tender's lots (pence a week), or null if none is recorded. */
  async function spotRateBenchmark(req: StoredRequirement): Promise<number | null> {
    const rates: number[] = []
    const seen = new Set<string>()
    for (const lotId of req.lotIds) {
      for (const p of await activeMembers(lotId)) {
        if (seen.has(p.id)) continue
        seen.add(p.id)
        const { memberships } = await market.getProvider(actor, p.id)
        for (const m of memberships) {
          if (req.lotIds.includes(m.lot_id) && m.status === 'active' && m.spot_rate_pence_per_week !== null)
            rates.push(m.spot_rate_pence_per_week)
        }
      }
    }
    return median(rates)
  }

  async function provider(id: string) {
    return (await market.getProvider(actor, id)).provider
  }

  async function home(id: string) {
    return (await market.getHome(actor, id)).home
  }

  return { framework, lotsOf, gateway, spotRateBenchmark, provider, home }
}
export type MarketReads = ReturnType<typeof createMarketReads>
