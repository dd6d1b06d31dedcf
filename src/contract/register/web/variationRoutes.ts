/** Proposing a variation (beds, price or dates) and approving or rejecting one. */
import { Router, type Request, type Response } from 'express'
import { NotFoundError } from '../../../platform/errors.js'
import { formErrors, noErrors, type FormErrors } from '../../../platform/web/formErrors.js'
import { actorOf, requirePermission } from '../../../platform/web/setUpAuthentication.js'
import type { Services } from '../../../platform/services.js'
import { one } from '../../../market/web/query.js'
import { inForce } from '../shared.js'
import { VARIATION_LABELS, type VariationKind } from '../variations.js'
import { renderContract } from './contractPage.js'
import { refusalErrors } from './fields.js'
import { bodyOf, param, refusal, success } from './http.js'
import { registerPaths as paths, registerRoutePatterns as route } from './paths.js'
import { priceText } from './registerViews.js'
import {
  newVariationValues,
  parseVariationForm,
  variationDateItems,
  variationKindOf,
  variationValuesFrom,
  type VariationFormValues,
} from './variationForm.js'

export function variationRoutes(services: Services): Router {
  const { contracts } = services
  const router = Router()
  const edit = requirePermission('contract:edit')

  const kindOf = (req: Request): VariationKind => {
    const k = variationKindOf(req.method === 'GET' ? req.query.kind : (req.body ?? {}).kind)
    if (!k) throw new NotFoundError('No such kind of variation')
    return k
  }

  const render = async (
    res: Response,
    status: number,
    id: string,
    values: VariationFormValues | null,
    errors: FormErrors,
    kind: VariationKind,
  ) => {
    const d = await contracts.contractDetail(actorOf(res), id)
    const bedsNow = d.beds.current.concat(d.beds.future.filter((b) => b.toDate === null)).map((b) => b.bedId)
    const v = values ?? newVariationValues(kind, d.contract, bedsNow, d.price?.pricePence ?? null, d.price?.placementFeePence ?? null)
    const reservedNow = new Set(d.beds.current.filter((b) => inForce(b, d.today)).map((b) => b.bedId))
    res.status(status).render('contract/register/variation.njk', {
      pageTitle: `Vary the ${VARIATION_LABELS[kind].toLowerCase()}: ${d.contract.reference}`,
      kind,
      kindLabel: VARIATION_LABELS[kind],
      d,
      values: v,
      priceNow: priceText(d.contract, d.price),
      beds: d.homeBeds.map((b) => ({
        value: b.bedId,
        text: `${b.homeName}, ${b.label}`,
        checked: v.bedIds.includes(b.bedId),
        hint: { text: reservedNow.has(b.bedId) ? 'Reserved now' : 'Not reserved now' },
      })),
      dates: variationDateItems(v, errors.byField),
      errors,
      backLink: { href: paths.contract(id), text: `Back to contract ${d.contract.reference}` },
    })
  }

  router.get(route.newVariation, edit, (req, res) => render(res, 200, param(req, 'id'), null, noErrors(), kindOf(req)))

  router.post(route.variations, edit, async (req, res) => {
    const id = param(req, 'id')
    const kind = kindOf(req)
    const body = bodyOf(req)
    const values = variationValuesFrom(kind, body)
    const c = (await contracts.contractDetail(actorOf(res), id)).contract
    const form = parseVariationForm(kind, c, body)
    if (!form.ok) return render(res, 400, id, values, form.errors, kind)
    const refused = await refusal(() => contracts.proposeVariation(actorOf(res), id, form.data))
    if (refused) return render(res, 400, id, values, refusalErrors(refused, 'reason'), kind)
    success(req, 'Variation proposed: a head of service must now approve it')
    res.redirect(paths.contract(id))
  })

  router.post(route.variation, requirePermission('contract:approve'), async (req, res) => {
    const id = param(req, 'id')
    const body = bodyOf(req)
    const approve = one(body, 'decision') === 'approve'
    const variationId = param(req, 'variationId')
    const refused = await refusal(() => contracts.decideVariation(actorOf(res), variationId, { approve, note: one(body, 'note') }))
    if (refused) {
      const field = refused.where?.field === 'note' ? `note-${variationId}` : `decision-${variationId}`
      return renderContract(services, res, 400, id, formErrors([{ field, message: refused.message }]))
    }
    success(req, approve ? 'Variation approved and applied' : 'Variation rejected')
    res.redirect(paths.contract(id))
  })

  return router
}
