/** The KPI scorecard: each target's measure per month from the current returns, rated, with open Ofsted alerts and missing returns. */
import type { Actor } from '../../../platform/auth/actor.js'
import type { Scorecard } from '../../api.js'
import { isMeasureKey, measureValues, type MeasureKey } from '../domain/measures.js'
import { ragOf } from '../domain/rag.js'
import { kpiView, sortTargets } from './kpis.js'
import type { createOfstedAlerts } from './ofstedAlerts.js'
import type { ReturnsShared } from './shared.js'
import { figuresOf, type createSubmissions } from './submissions.js'

type Parts = { submissions: ReturnType<typeof createSubmissions>; alerts: ReturnType<typeof createOfstedAlerts> }

export function createScorecard(shared: ReturnsShared, parts: Parts) {
  const { ctx, repos, visibleContract } = shared
  return {
    async scorecard(actor: Actor, contractId: string): Promise<Scorecard> {
      const db = ctx.deps.db
      const contract = await visibleContract(db, actor, contractId)
      // Checks the contract's homes' judgements first, so a change shows at once.
      const alerts = await parts.alerts.ofstedAlerts(actor, { contractId })
      const [months, rows, documents, kpis] = await Promise.all([
        parts.submissions.monthsOf(db, contract),
        repos.returns.returns(db, contractId),
        repos.returns.documents(db, contractId),
        repos.kpis.list(db, contractId),
      ])
      const valuesByMonth = months.map((m) => {
        const current = rows.find((r) => r.month === m.month && r.superseded_at === null)
        const reports = documents.filter((d) => d.month === m.month && d.kind === 'regulation-44').length
        return measureValues(current ? figuresOf(current) : null, reports)
      })
      return {
        contractId,
        months: months.map((m) => m.month),
        rows: sortTargets(kpis.map(kpiView)).map((t) => {
          const values = valuesByMonth.map((v) => (isMeasureKey(t.measure) ? v[t.measure as MeasureKey] : null))
          return {
            measure: t.measure,
            label: t.label,
            direction: t.direction,
            target: t.target,
            amberMargin: t.amberMargin,
            values,
            rag: values.map((v) => ragOf(v, t)),
          }
        }),
        ofstedAlerts: alerts.map((a) => ({
          id: a.id,
          homeId: a.homeId,
          homeName: a.homeName,
          from: a.from,
          to: a.to,
          on: a.toDate,
          raisedAt: a.raisedAt,
        })),
        returnsMissing: months.filter((m) => m.status === 'missing').map((m) => m.month),
      }
    },
  }
}
