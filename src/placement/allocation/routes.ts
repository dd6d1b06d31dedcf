import { Router } from 'express'
import type { RawFields } from '../../market/web/query.js'
import { UserInputError } from '../../platform/errors.js'
import { errorsFromLocation, noErrors } from '../../platform/web/formErrors.js'
import { actorOf } from '../../platform/web/setUpAuthentication.js'
import type { Services } from '../../platform/services.js'
import { childRoutePatterns as route } from '../children/paths.js'
import { placementsTeamOnly } from '../children/web/guards.js'
import { parsePanelQuery, proposalView, selectionView } from './web/panelPage.js'

/**
 * The panel: choose open referrals, see the exact best allocation of them to today's vacancies,
 * adjust it (fix a child's home or leave them unplaced, and solve the rest again) and accept each
 * pair on the booking page. A GET form: it changes nothing, so it can be bookmarked and shared.
 */
export function panelRoutes(services: Services): Router {
  const router = Router()
  router.get(route.panel, placementsTeamOnly, async (req, res) => {
    const a = actorOf(res)
    const query = parsePanelQuery(req.query as RawFields)
    const { referrals, maxScore: best } = await services.placements.panelReferrals(a)
    let proposal = null
    let errors = noErrors()
    const propose = async (fixed: Map<string, string>) =>
      proposalView(
        await services.placements.proposePanel(a, { referralIds: query.referralIds, unplacedCost: query.unplacedCost as number, fixed }),
      )
    if (query.submitted) {
      try {
        proposal = await propose(query.fixed)
      } catch (err) {
        if (!(err instanceof UserInputError)) throw err
        errors = errorsFromLocation(err.message, err.where, 'referralIds')
        // A home that cannot be fixed is shown against its row of the proposal made without the changes.
        if (err.where?.field?.startsWith('home-')) proposal = await propose(new Map())
      }
    }
    res.status(errors.list.length ? 400 : 200).render('placement/allocation/panel.njk', {
      pageTitle: 'Panel allocation',
      referrals: selectionView(referrals, query.referralIds),
      unplacedCost: query.submitted ? query.unplacedCostText : String(best),
      chosenIds: query.referralIds,
      maxScore: best,
      proposal,
      errors,
    })
  })
  return router
}
