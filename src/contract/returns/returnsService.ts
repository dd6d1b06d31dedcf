/**
 * Provider returns, the KPI scorecard and Ofsted alerts: the returns part of the contract
 * service (docs/decisions/0015-provider-returns.md).
 */
import type { ContractContext } from '../context.js'
import { createKpis } from './service/kpis.js'
import { createOfstedAlerts } from './service/ofstedAlerts.js'
import { createScorecard } from './service/scorecard.js'
import { createReturnsShared } from './service/shared.js'
import { createSubmissions } from './service/submissions.js'

export function createReturnsPart(ctx: ContractContext) {
  const shared = createReturnsShared(ctx)
  const submissions = createSubmissions(shared)
  const alerts = createOfstedAlerts(shared)
  const { monthsOf: _monthsOf, ...submissionApi } = submissions
  return {
    ...submissionApi,
    ...createKpis(shared),
    ...alerts,
    ...createScorecard(shared, { submissions, alerts }),
  }
}
