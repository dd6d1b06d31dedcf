/** A contract's KPI targets for the measures its returns give: set (add or change) and remove, each audited. */
import { randomUUID } from 'node:crypto'
import type { Actor } from '../../../platform/auth/actor.js'
import { authorise } from '../../../platform/auth/scope.js'
import { NotFoundError, UserInputError } from '../../../platform/errors.js'
import { isMeasureKey, MEASURE_KEYS, MEASURES, measureLabel } from '../domain/measures.js'
import type { KpiRow } from '../kpiRepository.js'
import type { KpiTarget, KpiTargetInput, ReturnsContract } from '../returnsApi.js'
import type { ReturnsShared } from './shared.js'

const order = (measure: string) => (isMeasureKey(measure) ? MEASURE_KEYS.indexOf(measure) : MEASURE_KEYS.length)

export function kpiView(r: KpiRow): KpiTarget {
  return {
    id: r.id,
    measure: r.measure,
    label: measureLabel(r.measure),
    known: isMeasureKey(r.measure),
    direction: r.direction,
    target: r.target,
    amberMargin: r.amber_margin,
  }
}

/** In the order the measures are listed, any the returns do not give last. */
export const sortTargets = (targets: KpiTarget[]): KpiTarget[] =>
  [...targets].sort((a, b) => order(a.measure) - order(b.measure) || a.measure.localeCompare(b.measure))

function checkTarget(input: KpiTargetInput): KpiTargetInput {
  const { measure, direction, target, amberMargin } = input ?? ({} as KpiTargetInput)
  if (!isMeasureKey(measure)) throw new UserInputError('Select a measure', { field: 'measure' })
  if (direction !== 'at-most' && direction !== 'at-least') throw new UserInputError('Select at most or at least', { field: 'direction' })
  const max = MEASURES[measure].max
  const number = (v: unknown): v is number =>
    typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1_000_000 && Math.abs(Math.round(v * 100) - v * 100) < 1e-6
  if (!number(target) || (max !== null && target > max))
    throw new UserInputError(
      `Enter the target as a number, 0 or more${max !== null ? ` and at most ${max}` : ''}, with up to 2 decimal places`,
      { field: 'target' },
    )
  if (!number(amberMargin))
    throw new UserInputError('Enter the amber margin as a number, 0 or more, with up to 2 decimal places', { field: 'amberMargin' })
  return { measure, direction, target, amberMargin }
}

export function createKpis(shared: ReturnsShared) {
  const { ctx, repos, visibleContract } = shared
  return {
    async kpiTargets(actor: Actor, contractId: string): Promise<{ contract: ReturnsContract; targets: KpiTarget[] }> {
      const contract = await visibleContract(ctx.deps.db, actor, contractId)
      return { contract, targets: sortTargets((await repos.kpis.list(ctx.deps.db, contractId)).map(kpiView)) }
    },

    /** Adds the measure's target, or changes it when the contract has one. */
    async setKpiTarget(actor: Actor, contractId: string, input: KpiTargetInput): Promise<void> {
      authorise(actor, 'contract:edit')
      const t = checkTarget(input)
      await ctx.run(async (tx) => {
        await visibleContract(tx, actor, contractId)
        const before = await repos.kpis.find(tx, contractId, t.measure)
        const after = { measure: t.measure, direction: t.direction, target: t.target, amber_margin: t.amberMargin }
        if (before && before.direction === t.direction && before.target === t.target && before.amber_margin === t.amberMargin) return
        const id = before?.id ?? randomUUID()
        if (before) await repos.kpis.update(tx, id, { direction: t.direction, target: t.target, amber_margin: t.amberMargin })
        else await repos.kpis.insert(tx, { id, contract_id: contractId, ...after })
        await ctx.deps.audit.record(tx, actor, {
          action: before ? 'update' : 'create',
          entityType: 'contract_kpi',
          entityId: id,
          before: before
            ? { contractId, measure: before.measure, direction: before.direction, target: before.target, amber_margin: before.amber_margin }
            : null,
          after: { contractId, ...after },
        })
      })
    },

    async removeKpiTarget(actor: Actor, contractId: string, measure: string): Promise<void> {
      authorise(actor, 'contract:edit')
      await ctx.run(async (tx) => {
        await visibleContract(tx, actor, contractId)
        const before = await repos.kpis.find(tx, contractId, measure)
        if (!before) throw new NotFoundError('No such target')
        await repos.kpis.remove(tx, before.id)
        await ctx.deps.audit.record(tx, actor, {
          action: 'delete',
          entityType: 'contract_kpi',
          entityId: before.id,
          before: {
            contractId,
            measure: before.measure,
            direction: before.direction,
            target: before.target,
            amber_margin: before.amber_margin,
          },
        })
      })
    },
  }
}
