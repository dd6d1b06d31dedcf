/** The referral's pages: made from a child's record, read with its timeline, changed while open, a matching meeting, closing. */
import { Router, type Response } from 'express'
import { one } from '../../../market/web/query.js'
import { formErrors, noErrors, type FormErrors } from '../../../platform/web/formErrors.js'
import { actorOf } from '../../../platform/web/setUpAuthentication.js'
import type { Services } from '../../../platform/services.js'
import { arrangesPlacements, writesChildRecords } from '../../children/access.js'
import { cascadePaths, cascadeRoutePatterns as route } from '../../cascade/paths.js'
import { bodyOf, councilChildReaders, errorsFrom, param, queryOf, refusal, success } from '../../cascade/web/common.js'
import { ReferralEventSchema } from '../referralSchema.js'
import type { ReferralView } from '../referralService.js'
import {
  newReferralValues,
  parseReferralForm,
  referralFormChoices,
  referralValuesFrom,
  referralValuesOf,
  type ReferralFormValues,
} from './referralForm.js'
import { referralPageView } from './referralPage.js'

export function referralRoutes(services: Pick<Services, 'placements' | 'clock'>): Router {
  const { placements } = services
  const router = Router()
  // Each page guards itself: other parts' pages live under /referrals/:id/ too (spot offers).
  const guard = councilChildReaders
  const today = () => services.clock.now().toISOString().slice(0, 10)

  const renderForm = async (
    res: Response,
    status: number,
    ctx: { childId: string; caseReference: string; referral: ReferralView | null },
    values: ReferralFormValues,
    errors: FormErrors,
  ) =>
    res.status(status).render('placement/referrals/form.njk', {
      pageTitle: ctx.referral ? `Change the referral for ${ctx.caseReference}` : `Refer ${ctx.caseReference} for a placement`,
      ...ctx,
      values,
      choices: referralFormChoices(values, errors),
      errors,
      backLink: ctx.referral
        ? { href: cascadePaths.referral(ctx.referral.id), text: 'Back to the referral' }
        : { href: cascadePaths.child(ctx.childId), text: 'Back to the child' },
    })

  router.get(route.newReferral, guard, async (req, res) => {
    const a = actorOf(res)
    const child = await placements.getChild(a, one(queryOf(req), 'childId'), 'start a referral')
    await renderForm(res, 200, { childId: child.id, caseReference: child.caseReference, referral: null }, newReferralValues(), noErrors())
  })

  router.post(route.newReferral, guard, async (req, res) => {
    const a = actorOf(res)
    const body = bodyOf(req)
    const child = await placements.getChild(a, one(body, 'childId'), 'start a referral')
    const ctx = { childId: child.id, caseReference: child.caseReference, referral: null }
    const form = parseReferralForm(body)
    if (!form.ok) return renderForm(res, 400, ctx, referralValuesFrom(body), form.errors)
    let id = ''
    const refused = await refusal(async () => (id = await placements.createReferral(a, { ...form.data, childId: child.id })))
    if (refused) return renderForm(res, 400, ctx, referralValuesFrom(body), errorsFrom(refused, 'urgency'))
    success(req, `Referral sent for ${child.caseReference}`)
    res.redirect(303, cascadePaths.referral(id))
  })

  router.get(route.referral, guard, async (req, res) => {
    const a = actorOf(res)
    const r = await placements.getReferral(a, param(req, 'id'))
    res.render('placement/referrals/referral.njk', {
      pageTitle: `Referral for ${r.child.caseReference}`,
      view: referralPageView(r, today(), { arrange: arrangesPlacements(a), write: writesChildRecords(a) }),
      backLink: { href: cascadePaths.child(r.childId), text: 'Back to the child' },
    })
  })

  const editCtx = (r: ReferralView) => ({ childId: r.childId, caseReference: r.child.caseReference, referral: r })

  router.get(route.editReferral, guard, async (req, res) => {
    const r = await placements.getReferral(actorOf(res), param(req, 'id'), 'change referral')
    await renderForm(res, 200, editCtx(r), referralValuesOf(r), noErrors())
  })

  router.post(route.editReferral, guard, async (req, res) => {
    const a = actorOf(res)
    const r = await placements.getReferral(a, param(req, 'id'), 'change referral')
    const body = bodyOf(req)
    const form = parseReferralForm(body)
    if (!form.ok) return renderForm(res, 400, editCtx(r), referralValuesFrom(body), form.errors)
    const refused = await refusal(() => placements.updateReferral(a, r.id, form.data))
    if (refused) return renderForm(res, 400, editCtx(r), referralValuesFrom(body), errorsFrom(refused, 'urgency'))
    success(req, 'Referral updated')
    res.redirect(303, cascadePaths.referral(r.id))
  })

  // ——— The timeline: a matching meeting or a provider's response; closing ———

  const renderEvent = (res: Response, status: number, r: ReferralView, values: { kind: string; detail: string }, errors: FormErrors) =>
    res.status(status).render('placement/referrals/event.njk', {
      pageTitle: `Record a matching meeting or response: ${r.child.caseReference}`,
      referral: r,
      values,
      kinds: [
        { value: 'matching-meeting', text: 'Matching meeting', checked: values.kind === 'matching-meeting' },
        { value: 'response', text: 'A provider’s response', checked: values.kind === 'response' },
      ],
      errors,
      backLink: { href: cascadePaths.referral(r.id), text: 'Back to the referral' },
    })

  router.get(route.referralEvents, guard, async (req, res) => {
    const r = await placements.getReferral(actorOf(res), param(req, 'id'), 'record referral event')
    renderEvent(res, 200, r, { kind: 'matching-meeting', detail: '' }, noErrors())
  })

  router.post(route.referralEvents, guard, async (req, res) => {
    const a = actorOf(res)
    const r = await placements.getReferral(a, param(req, 'id'), 'record referral event')
    const body = bodyOf(req)
    const values = { kind: one(body, 'kind'), detail: one(body, 'detail') }
    const parsed = ReferralEventSchema.safeParse({ kind: values.kind || undefined, detail: values.detail })
    if (!parsed.success)
      return renderEvent(
        res,
        400,
        r,
        values,
        formErrors(parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message }))),
      )
    const refused = await refusal(() => placements.recordReferralEvent(a, r.id, parsed.data))
    if (refused) return renderEvent(res, 400, r, values, errorsFrom(refused, 'kind'))
    success(req, values.kind === 'matching-meeting' ? 'Matching meeting recorded' : 'Response recorded')
    res.redirect(303, cascadePaths.referral(r.id))
  })

  const renderClose = (res: Response, status: number, r: ReferralView, reason: string, errors: FormErrors) =>
    res.status(status).render('placement/referrals/close.njk', {
      pageTitle: `Close the referral: ${r.child.caseReference}`,
      referral: r,
      reason,
      errors,
      backLink: { href: cascadePaths.referral(r.id), text: 'Back to the referral' },
    })

  router.get(route.closeReferral, guard, async (req, res) => {
    renderClose(res, 200, await placements.getReferral(actorOf(res), param(req, 'id'), 'close referral'), '', noErrors())
  })

  router.post(route.closeReferral, guard, async (req, res) => {
    const a = actorOf(res)
    const r = await placements.getReferral(a, param(req, 'id'), 'close referral')
    const reason = one(bodyOf(req), 'reason')
    const refused = await refusal(() => placements.closeReferral(a, r.id, reason))
    if (refused) return renderClose(res, 400, r, reason, errorsFrom(refused, 'reason'))
    success(req, 'Referral closed')
    res.redirect(303, cascadePaths.referral(r.id))
  })

  return router
}
