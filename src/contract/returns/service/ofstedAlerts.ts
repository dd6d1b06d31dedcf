/**
 * Ofsted alerts for contracted homes. The check reads each active contract's homes' judgements
 * through the market service and applies decideOfsted: the first sight of a home records the
 * judgement the contract began with; a change opens an alert, audited, and emails the council's
 * commissioning officers once (the one-open-alert index makes a second check a no-op). An officer
 * who may edit contracts acknowledges it with a note, which makes its judgement the new baseline.
 */
import { randomUUID } from 'node:crypto'
import type { Actor } from '../../../platform/auth/actor.js'
import { authorise, dataScope } from '../../../platform/auth/scope.js'
import type { Db } from '../../../platform/db/database.js'
import { NotFoundError, UserInputError } from '../../../platform/errors.js'
import { formatDate } from '../../../platform/web/format.js'
import { decideOfsted, isNothing, judgementText, type Judged, type OfstedDecision } from '../domain/ofsted.js'
import type { AlertListRow } from '../ofstedRepository.js'
import { returnsPaths } from '../paths.js'
import type { OfstedAlert, OfstedCheck } from '../returnsApi.js'
import type { ContractRow } from '../returnsRepository.js'
import { OFSTED_CHECK, type ReturnsShared } from './shared.js'

type HomeNow = { name: string; judged: Judged }
type Planned = { contract: ContractRow; homeId: string; home: HomeNow; decision: OfstedDecision; from: Judged | null }

export function alertView(r: AlertListRow): OfstedAlert {
  return {
    id: r.id,
    contractId: r.contract_id,
    contractReference: r.contract_reference,
    providerName: r.provider_name,
    homeId: r.home_id,
    homeName: r.home_name,
    fromAccepted: r.had_baseline === 1,
    from: r.from_judgement,
    fromDate: r.from_date,
    to: r.to_judgement,
    toDate: r.to_date,
    raisedAt: r.raised_at,
    status: r.status,
    closedAt: r.closed_at,
    closedBy: r.closed_by_label,
    note: r.note,
  }
}

const homeIdsOf = (c: ContractRow) => JSON.parse(c.home_ids_json) as string[]

export function createOfstedAlerts(shared: ReturnsShared) {
  const { ctx, repos } = shared
  const { deps } = ctx

  /** Each contracted home's judgement now, read through the market (outside any transaction). */
  async function homesNow(contracts: ContractRow[]): Promise<Map<string, HomeNow>> {
    const homes = new Map<string, HomeNow>()
    for (const id of new Set(contracts.flatMap(homeIdsOf))) {
      try {
        const { home } = await deps.market.getHome(OFSTED_CHECK, id)
        homes.set(id, { name: home.name, judged: { judgement: home.ofsted_judgement, date: home.ofsted_judgement_date } })
      } catch (err) {
        if (!(err instanceof NotFoundError)) throw err
      }
    }
    return homes
  }

  async function plan(db: Db, contracts: ContractRow[], homes: Map<string, HomeNow>): Promise<Planned[]> {
    const ids = contracts.map((c) => c.id)
    const [baselines, open] = await Promise.all([repos.ofsted.baselines(db, ids), repos.ofsted.openAlertsOf(db, ids)])
    const planned: Planned[] = []
    for (const contract of contracts) {
      for (const homeId of homeIdsOf(contract)) {
        const home = homes.get(homeId)
        if (!home) continue
        const b = baselines.find((x) => x.contract_id === contract.id && x.home_id === homeId)
        const o = open.find((x) => x.contract_id === contract.id && x.home_id === homeId)
        const baseline = b ? { judgement: b.judgement, date: b.judgement_date } : null
        const decision = decideOfsted({
          contractStart: contract.start_date,
          baseline,
          open: o ? { id: o.id, to: { judgement: o.to_judgement, date: o.to_date } } : null,
          current: home.judged,
        })
        if (!isNothing(decision)) planned.push({ contract, homeId, home, decision, from: baseline })
      }
    }
    return planned
  }

  async function tellOfficers(tx: Db, alertId: string, p: Planned): Promise<void> {
    const to = p.home.judged
    const from = p.from
    const change = from
      ? `changed from ${judgementText(from.judgement)}${from.date ? ` (${formatDate(from.date)})` : ''} to ${judgementText(to.judgement)}`
      : `is ${judgementText(to.judgement)}, from an inspection during the contract`
    for (const r of await repos.ofsted.recipients(tx)) {
      await deps.outbox.enqueue(tx, {
        to: r.email,
        subject: `Ofsted judgement changed: ${p.home.name} (${p.contract.reference})`,
        body:
          `Dear ${r.display_name},\n\n` +
          `Ofsted's judgement of ${p.home.name}, a home under contract ${p.contract.reference} with ${p.contract.provider_name}, ` +
          `${change}${to.date ? `, made on ${formatDate(to.date)}` : ''}.\n\n` +
          `Review it and acknowledge the alert in Placewise: ${returnsPaths.alert(alertId)}\n\n${deps.config.council.name}`,
        purpose: 'ofsted-alert',
        relatedId: alertId,
      })
    }
  }

  async function apply(tx: Db, p: Planned, counts: OfstedCheck): Promise<void> {
    const at = deps.now().toISOString()
    const { decision: d, contract, homeId, home } = p
    if (d.setBaseline) {
      const row = {
        contract_id: contract.id,
        home_id: homeId,
        judgement: d.setBaseline.judgement,
        judgement_date: d.setBaseline.date,
        source: 'contract-start' as const,
        set_at: at,
        set_by_label: OFSTED_CHECK.label,
      }
      if (await repos.ofsted.insertBaseline(tx, row)) {
        counts.baselines++
        await deps.audit.record(tx, OFSTED_CHECK, {
          action: 'set-ofsted-baseline',
          entityType: 'contract',
          entityId: contract.id,
          after: row,
        })
      }
    }
    if (
      d.supersede &&
      (await repos.ofsted.close(tx, d.supersede, { status: 'superseded', at, by: null, byLabel: OFSTED_CHECK.label, note: null }))
    ) {
      counts.superseded++
      await deps.audit.record(tx, OFSTED_CHECK, {
        action: 'supersede',
        entityType: 'contract_ofsted_alert',
        entityId: d.supersede,
        before: { status: 'open' },
        after: { status: 'superseded', judgement: home.judged.judgement, judgementDate: home.judged.date },
      })
    }
    if (d.raise) {
      const row = {
        id: randomUUID(),
        contract_id: contract.id,
        home_id: homeId,
        home_name: home.name,
        had_baseline: d.raise.from ? 1 : 0,
        from_judgement: d.raise.from?.judgement ?? null,
        from_date: d.raise.from?.date ?? null,
        to_judgement: d.raise.to.judgement,
        to_date: d.raise.to.date,
        raised_at: at,
        status: 'open' as const,
        closed_at: null,
        closed_by: null,
        closed_by_label: null,
        note: null,
      }
      if (await repos.ofsted.insertAlert(tx, row)) {
        counts.raised++
        const { id, ...fields } = row
        await deps.audit.record(tx, OFSTED_CHECK, { action: 'raise', entityType: 'contract_ofsted_alert', entityId: id, after: fields })
        await tellOfficers(tx, id, p)
      }
    }
  }

  /** Compares every active contract's homes (or those of the given contracts) with their baselines; safe to run any number of times. */
  async function check(contractIds?: readonly string[]): Promise<OfstedCheck> {
    const counts: OfstedCheck = { baselines: 0, raised: 0, superseded: 0 }
    const all = await repos.returns.contracts(deps.db, { kind: 'all' }, { activeOnly: true })
    const contracts = contractIds ? all.filter((c) => contractIds.includes(c.id)) : all
    if (contracts.length === 0) return counts
    const homes = await homesNow(contracts)
    // Most checks find nothing to do: only then open a transaction, and decide again inside it.
    if ((await plan(deps.db, contracts, homes)).length === 0) return counts
    await ctx.run(async (tx) => {
      for (const p of await plan(tx, contracts, homes)) await apply(tx, p, counts)
    })
    return counts
  }

  return {
    /** Runs the Ofsted check now (e.g. after an Ofsted import); any contract reader may, as reading the alerts does. */
    async checkOfstedAlerts(actor: Actor): Promise<OfstedCheck> {
      authorise(actor, 'contract:read')
      return check()
    },

    /** Open alerts (checked afresh), or the most recent closed ones; a provider user sees only its own contracts'. */
    async ofstedAlerts(
      actor: Actor,
      opts: { status?: 'open' | 'closed'; contractId?: string; limit?: number } = {},
    ): Promise<OfstedAlert[]> {
      authorise(actor, 'contract:read')
      const status = opts.status ?? 'open'
      if (status === 'open') await check(opts.contractId ? [opts.contractId] : undefined)
      const scope = dataScope(actor)
      if (scope.kind === 'none') return []
      const rows = await repos.ofsted.list(deps.db, {
        status,
        contractId: opts.contractId,
        providerId: scope.kind === 'provider' ? scope.providerId : undefined,
        limit: opts.limit,
      })
      return rows.map(alertView)
    },

    async ofstedAlert(actor: Actor, id: string): Promise<OfstedAlert> {
      authorise(actor, 'contract:read')
      const row = await repos.ofsted.alert(deps.db, id)
      const scope = dataScope(actor)
      if (!row || scope.kind === 'none' || (scope.kind === 'provider' && row.provider_id !== scope.providerId))
        throw new NotFoundError('No such alert')
      return alertView(row)
    },

    /** Closes an open alert with the officer's note; its judgement becomes the one the council has accepted. */
    async acknowledgeOfstedAlert(actor: Actor, id: string, note: string): Promise<void> {
      authorise(actor, 'contract:edit')
      const text = typeof note === 'string' ? note.trim() : ''
      if (!text) throw new UserInputError('Enter a note saying what the council has done about the change', { field: 'note' })
      if (text.length > 2000) throw new UserInputError('The note must be 2,000 characters or fewer', { field: 'note' })
      await ctx.run(async (tx) => {
        const row = await repos.ofsted.alert(tx, id)
        if (!row) throw new NotFoundError('No such alert')
        const at = deps.now().toISOString()
        if (!(await repos.ofsted.close(tx, id, { status: 'acknowledged', at, by: actor.userId, byLabel: actor.label, note: text })))
          throw new UserInputError(`This alert is already ${row.status}`, { field: 'note' })
        await repos.ofsted.replaceBaseline(tx, {
          contract_id: row.contract_id,
          home_id: row.home_id,
          judgement: row.to_judgement,
          judgement_date: row.to_date,
          source: 'acknowledged',
          set_at: at,
          set_by_label: actor.label,
        })
        await deps.audit.record(tx, actor, {
          action: 'acknowledge',
          entityType: 'contract_ofsted_alert',
          entityId: id,
          before: { status: 'open' },
          after: { status: 'acknowledged', note: text, judgement: row.to_judgement, judgementDate: row.to_date },
        })
      })
    },
  }
}
