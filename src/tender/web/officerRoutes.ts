/** The council officers' pages of a mini-competition, from the requirement to the contracts. */
import { refusal } from '../../platform/web/http.js'
import type { Actor } from '../../platform/auth/actor.js'
import { Router, type Request, type Response } from 'express'
import { can } from '../../platform/auth/scope.js'
import type { Clock } from '../../platform/clock.js'
import { UserInputError } from '../../platform/errors.js'
import { escapeHtml } from '../../platform/web/pagination.js'
import { formErrors, noErrors, type FormErrors } from '../../platform/web/formErrors.js'
import { actorOf, requirePermission } from '../../platform/web/setUpAuthentication.js'
import type { MarketService } from '../../market/marketService.js'
import { one, type RawFields } from '../../market/web/query.js'
import { tenderPaths, tenderRoutePatterns as route } from '../paths.js'
import type { TenderDetail, TenderService } from '../tenderApi.js'
import { councilOnly } from './access.js'
import {
  awardView,
  decisionDateItems,
  decisionValuesFrom,
  emptyDecision,
  noticesView,
  parseDecisionForm,
  resultsTable,
  standstillView,
  type DecisionFormValues,
} from './awardPages.js'
import { homeNames, openedBidsView, openingsTable, sealedBidsView } from './bidsPage.js'
import { clarificationAnswerField, officerClarificationsView, parseAnswerForm } from './clarificationsPage.js'
import { controlFor, scoreField } from './fields.js'
import { inviteView, parseInviteForm } from './invitePage.js'
import { tenderOverviewView } from './overview.js'
import {
  dateErrorFlags,
  newRequirementValues,
  parseRequirementForm,
  requirementFormChoices,
  requirementValuesFrom,
  requirementValuesOf,
  type RequirementFormValues,
} from './requirementForm.js'
import { evaluationView, moderationView, parseModerationForm, parseScoreRows } from './scoring.js'
import { STATUS_ORDER, reached } from './status.js'
import { tenderListView } from './tenderList.js'
import { formatDateTime, ukWallClock } from './time.js'

const param = (req: Request, name: string): string => String(req.params[name] ?? '')
const bodyOf = (req: Request): RawFields => (req.body ?? {}) as RawFields

/** A service's refusal shown against the control it names (or the fallback control). */
export const errorsFrom = (err: UserInputError, fallback: string, ctx?: Parameters<typeof controlFor>[1]): FormErrors =>
  formErrors([{ field: controlFor(err.where?.field, ctx) ?? fallback, message: err.message }])

export function officerRoutes(services: { tender: TenderService; market: MarketService; clock: Clock }): Router {
  const { tender, market } = services
  const router = Router()
  const edit = requirePermission('market:edit')
  router.use('/tenders', councilOnly, (_req, res, next) => {
    res.locals.tenderPaths = tenderPaths
    next()
  })
  const success = (req: Request, text: string) => (req.session.flash = { type: 'success', title: 'Success', text })
  const important = (req: Request, text: string) => (req.session.flash = { title: 'Important', text })
  const back = (t: Pick<TenderDetail, 'id'>) => ({ href: tenderPaths.tender(t.id), text: 'Back to the mini-competition' })

  router.get(route.list, async (_req, res) => {
    const a = actorOf(res)
    res.render('tender/list.njk', {
      pageTitle: 'Mini-competitions',
      view: tenderListView(await tender.list(a)),
      canCreate: can(a, 'market:edit'),
    })
  })

  // ——— The requirement ———

  const renderRequirement = async (
    res: Response,
    status: number,
    t: TenderDetail | null,
    values: RequirementFormValues,
    errors: FormErrors,
  ) => {
    const lots = await market.listLots(actorOf(res))
    const dateErrors = dateErrorFlags(errors.byField)
    res.status(status).render('tender/requirement.njk', {
      pageTitle: t ? `Change the requirement: ${t.title}` : 'Start a mini-competition',
      tender: t,
      amendment: t?.status === 'open',
      values,
      choices: requirementFormChoices(values, lots, dateErrors),
      dateErrors,
      errors,
      backLink: t ? back(t) : { href: tenderPaths.list(), text: 'Back to mini-competitions' },
    })
  }

  router.get(route.create, edit, (_req, res) => renderRequirement(res, 200, null, newRequirementValues(), noErrors()))

  router.post(route.create, edit, async (req, res) => {
    const a = actorOf(res)
    const body = bodyOf(req)
    const form = parseRequirementForm(body, await market.listLots(a))
    if (!form.ok) return renderRequirement(res, 400, null, requirementValuesFrom(body), form.errors)
    let id = ''
    const refused = await refusal(async () => (id = await tender.createRequirement(a, form.data)))
    if (refused) return renderRequirement(res, 400, null, requirementValuesFrom(body), errorsFrom(refused, 'title'))
    success(req, 'Mini-competition created as a draft')
    res.redirect(tenderPaths.tender(id))
  })

  router.get(route.edit, edit, async (req, res) => {
    const t = await tender.get(actorOf(res), param(req, 'id'))
    await renderRequirement(res, 200, t, requirementValuesOf(t), noErrors())
  })

  router.post(route.edit, edit, async (req, res) => {
    const a = actorOf(res)
    const t = await tender.get(a, param(req, 'id'))
    const body = bodyOf(req)
    const form = parseRequirementForm(body, await market.listLots(a))
    if (!form.ok) return renderRequirement(res, 400, t, requirementValuesFrom(body), form.errors)
    const refused = await refusal(() => tender.updateRequirement(a, t.id, form.data))
    if (refused) return renderRequirement(res, 400, t, requirementValuesFrom(body), errorsFrom(refused, 'title'))
    success(req, t.status === 'open' ? 'Requirement amended: bidders have been told and must reconfirm their bids' : 'Requirement updated')
    res.redirect(tenderPaths.tender(t.id))
  })

  router.get(route.tender, async (req, res) => {
    const a = actorOf(res)
    const t = await tender.get(a, param(req, 'id'))
    res.render('tender/overview.njk', {
      pageTitle: t.title,
      view: tenderOverviewView(t, can(a, 'market:edit')),
      backLink: { href: tenderPaths.list(), text: 'Back to mini-competitions' },
    })
  })

  // ——— Gateway and invitations ———

  const renderInvite = async (res: Response, id: string, status: number, selected: string[] | null, errors: FormErrors) => {
    const a = actorOf(res)
    const [t, results] = await Promise.all([tender.get(a, id), tender.gateway(a, id)])
    res.status(status).render('tender/invite.njk', {
      pageTitle: `Invite providers: ${t.title}`,
      tender: t,
      view: inviteView(results, selected, (t.status === 'draft' || t.status === 'open') && can(a, 'market:edit')),
      errors,
      backLink: back(t),
    })
  }

  router.get(route.invite, (req, res) => renderInvite(res, param(req, 'id'), 200, null, noErrors()))

  router.post(route.invite, edit, async (req, res) => {
    const a = actorOf(res)
    const id = param(req, 'id')
    const body = bodyOf(req)
    const form = parseInviteForm(body, await tender.gateway(a, id))
    const ticked = Array.isArray(body.providerIds)
      ? (body.providerIds as string[])
      : one(body, 'providerIds')
        ? [one(body, 'providerIds')]
        : []
    if (!form.ok) return renderInvite(res, id, 400, ticked, form.errors)
    const refused = await refusal(() => tender.publish(a, id, form.data))
    if (refused) return renderInvite(res, id, 400, ticked, errorsFrom(refused, 'providerIds'))
    success(req, `Published: ${form.data.length} ${form.data.length === 1 ? 'provider' : 'providers'} invited to bid`)
    res.redirect(tenderPaths.tender(id))
  })

  // ——— Clarifications ———

  const renderClarifications = async (res: Response, id: string, status: number, drafts: Record<string, string>, errors: FormErrors) => {
    const a = actorOf(res)
    const [t, list] = await Promise.all([tender.get(a, id), tender.clarifications(a, id)])
    res.status(status).render('tender/clarifications.njk', {
      pageTitle: `Clarifications: ${t.title}`,
      tender: t,
      view: officerClarificationsView(t.id, list, can(a, 'market:edit') && t.status === 'open', drafts),
      errors,
      backLink: back(t),
    })
  }

  router.get(route.clarifications, (req, res) => renderClarifications(res, param(req, 'id'), 200, {}, noErrors()))

  router.post(route.answer, edit, async (req, res) => {
    const id = param(req, 'id')
    const cid = param(req, 'clarificationId')
    const form = parseAnswerForm(bodyOf(req), cid)
    const drafts = { [cid]: one(bodyOf(req), 'answer') }
    if (!form.ok) return renderClarifications(res, id, 400, drafts, form.errors)
    const refused = await refusal(() => tender.answerClarification(actorOf(res), id, cid, form.data))
    if (refused)
      return renderClarifications(res, id, 400, drafts, formErrors([{ field: clarificationAnswerField(cid), message: refused.message }]))
    success(req, 'Answer published to every invited provider')
    res.redirect(tenderPaths.clarifications(id))
  })

  // ——— Bids: sealed, then opened by two officers ———

  router.get(route.bids, async (req, res) => {
    const a = actorOf(res)
    const t = await tender.get(a, param(req, 'id'))
    const opened = t.status !== 'cancelled' && reached(t.status, 'opened')
    if (!opened) {
      const sealed = await tender.sealedBids(a, t.id)
      return res.render('tender/bids.njk', { pageTitle: `Bids: ${t.title}`, tender: t, sealed: sealedBidsView(sealed), backLink: back(t) })
    }
    const [bids, gateway] = await Promise.all([tender.bids(a, t.id), tender.gateway(a, t.id)])
    res.render('tender/bids.njk', {
      pageTitle: `Bids: ${t.title}`,
      tender: t,
      opened: openedBidsView(bids, t, homeNames(gateway)),
      backLink: back(t),
    })
  })

  router.get(route.open, async (req, res) => {
    const a = actorOf(res)
    const t = await tender.get(a, param(req, 'id'))
    const sealed = t.status === 'closed' || t.status === 'open' ? await tender.sealedBids(a, t.id) : []
    res.render('tender/open.njk', {
      pageTitle: `Open the bids: ${t.title}`,
      tender: t,
      deadline: formatDateTime(t.submissionDeadline),
      openings: openingsTable(t.events),
      submitted: sealed.filter((b) => b.status === 'submitted').length,
      canOpen: can(a, 'market:edit') && t.status === 'closed',
      alreadyOpened: reached(t.status, 'opened') && t.status !== 'cancelled',
      backLink: back(t),
    })
  })

  router.post(route.open, edit, async (req, res) => {
    const id = param(req, 'id')
    let result = { opened: false, waitingForSecondOfficer: false }
    const refused = await refusal(async () => (result = await tender.open(actorOf(res), id)))
    if (refused) {
      important(req, refused.message)
      return res.redirect(tenderPaths.open(id))
    }
    if (result.opened) {
      success(req, 'The bids are open: two officers have opened them')
      return res.redirect(tenderPaths.bids(id))
    }
    important(req, 'You have opened the bids. They stay sealed until a second officer opens them too.')
    res.redirect(tenderPaths.open(id))
  })

  // ——— Evaluation and moderation ———

  /** What the scoring and moderation pages both show: the tender, and once opened its evaluation and submitted bids. */
  const loadScoring = async (a: Actor, id: string) => {
    const t = await tender.get(a, id)
    const ready = t.status !== 'cancelled' && reached(t.status, 'opened')
    const [state, all] = ready ? await Promise.all([tender.evaluation(a, id), tender.bids(a, id)]) : [null, []]
    return { t, ready, state, bids: all.filter((b) => b.status === 'submitted') }
  }

  const renderEvaluation = async (res: Response, id: string, status: number, body: RawFields | null, errors: FormErrors) => {
    const a = actorOf(res)
    const { t, ready, state, bids } = await loadScoring(a, id)
    res.status(status).render('tender/evaluate.njk', {
      pageTitle: `Score the bids: ${t.title}`,
      tender: t,
      ready,
      view: state
        ? evaluationView({
            me: a.userId,
            state,
            bids,
            questions: t.questions,
            body,
            errors: errors.byField,
          })
        : null,
      conflictValues: body ? { hasConflict: one(body, 'hasConflict'), details: one(body, 'details') } : { hasConflict: '', details: '' },
      errors,
      backLink: back(t),
    })
  }

  router.get(route.evaluate, (req, res) => renderEvaluation(res, param(req, 'id'), 200, null, noErrors()))

  router.post(route.conflict, async (req, res) => {
    const id = param(req, 'id')
    const body = bodyOf(req)
    const answer = one(body, 'hasConflict')
    const details = one(body, 'details')
    const problems: { field: string; message: string }[] = []
    if (answer !== 'yes' && answer !== 'no')
      problems.push({ field: 'hasConflict', message: 'Select yes if you have a conflict of interest' })
    if (answer === 'yes' && !details) problems.push({ field: 'details', message: 'Describe the conflict of interest' })
    if (problems.length) return renderEvaluation(res, id, 400, body, formErrors(problems))
    const refused = await refusal(() => tender.declareConflict(actorOf(res), id, answer === 'yes', details))
    if (refused) return renderEvaluation(res, id, 400, body, errorsFrom(refused, 'hasConflict'))
    if (answer === 'yes') important(req, 'You have declared a conflict of interest, so you will not score these bids')
    else success(req, 'Declaration recorded: you can now score the bids')
    res.redirect(tenderPaths.evaluate(id))
  })

  router.post(route.evaluate, async (req, res) => {
    const a = actorOf(res)
    const id = param(req, 'id')
    const body = bodyOf(req)
    const submit = one(body, 'action') === 'submit'
    const t = await tender.get(a, id)
    const bids = (await tender.bids(a, id)).filter((b) => b.status === 'submitted')
    const rows = parseScoreRows(body, bids, t.questions, { rationaleRequired: true })
    if (!rows.ok) return renderEvaluation(res, id, 400, body, rows.errors)
    const refused = await refusal(async () => {
      await tender.saveScores(a, id, rows.data)
      if (submit) await tender.submitScores(a, id)
    })
    const first = bids[0] && t.questions[0] ? scoreField(bids[0].id, t.questions[0].id) : 'hasConflict'
    if (refused) return renderEvaluation(res, id, 400, body, errorsFrom(refused, first))
    success(req, submit ? 'Your scores are submitted' : 'Your scores are saved')
    res.redirect(tenderPaths.evaluate(id))
  })

  const renderModeration = async (res: Response, id: string, status: number, body: RawFields | null, errors: FormErrors) => {
    const a = actorOf(res)
    const { t, state, bids } = await loadScoring(a, id)
    res.status(status).render('tender/moderate.njk', {
      pageTitle: `Moderate the scores: ${t.title}`,
      tender: t,
      view: state
        ? moderationView({
            state,
            bids,
            questions: t.questions,
            body,
            errors: errors.byField,
          })
        : null,
      canModerate: can(a, 'market:edit') && STATUS_ORDER.indexOf(t.status) < STATUS_ORDER.indexOf('standstill'),
      changeReason: body ? one(body, 'changeReason') : '',
      errors,
      backLink: back(t),
    })
  }

  router.get(route.moderate, (req, res) => renderModeration(res, param(req, 'id'), 200, null, noErrors()))

  router.post(route.moderate, edit, async (req, res) => {
    const a = actorOf(res)
    const id = param(req, 'id')
    const body = bodyOf(req)
    const t = await tender.get(a, id)
    const [state, bids] = await Promise.all([tender.evaluation(a, id), tender.bids(a, id)])
    const form = parseModerationForm(
      body,
      bids.filter((b) => b.status === 'submitted'),
      t.questions,
      state.consensus,
    )
    if (!form.ok) return renderModeration(res, id, 400, body, form.errors)
    if (form.data.consensus.length === 0) {
      important(req, 'Nothing was changed')
      return res.redirect(tenderPaths.moderate(id))
    }
    const refused = await refusal(() => tender.moderate(a, id, form.data.consensus, form.data.changeReason))
    if (refused) return renderModeration(res, id, 400, body, errorsFrom(refused, 'changeReason'))
    success(req, 'Consensus scores recorded')
    res.redirect(tenderPaths.moderate(id))
  })

  // ——— Results, award, decision, standstill, contracts ———

  router.get(route.results, async (req, res) => {
    const a = actorOf(res)
    const t = await tender.get(a, param(req, 'id'))
    const ready = t.status !== 'cancelled' && reached(t.status, 'moderated')
    res.render('tender/results.njk', {
      pageTitle: `Results: ${t.title}`,
      tender: t,
      table: ready ? resultsTable(await tender.results(a, t.id), t) : null,
      backLink: back(t),
    })
  })

  router.get(route.award, async (req, res) => {
    const a = actorOf(res)
    const t = await tender.get(a, param(req, 'id'))
    const ready = t.status !== 'cancelled' && reached(t.status, 'moderated')
    const [award, results] = ready ? await Promise.all([tender.award(a, t.id), tender.results(a, t.id)]) : [null, []]
    res.render('tender/award.njk', {
      pageTitle: `Award: ${t.title}`,
      tender: t,
      ready,
      view: award ? awardView(award, results) : null,
      canPropose: can(a, 'market:edit') && (t.status === 'moderated' || t.status === 'award-proposed'),
      canDecide: t.status === 'award-proposed',
      backLink: back(t),
    })
  })

  router.post(route.award, edit, async (req, res) => {
    const id = param(req, 'id')
    const refused = await refusal(() => tender.proposeAward(actorOf(res), id))
    if (refused) important(req, refused.message)
    else success(req, 'Award proposed: record the decision to start standstill')
    res.redirect(tenderPaths.award(id))
  })

  const renderDecision = async (res: Response, id: string, status: number, values: DecisionFormValues, errors: FormErrors) => {
    const t = await tender.get(actorOf(res), id)
    res.status(status).render('tender/decision.njk', {
      pageTitle: `Record the decision: ${t.title}`,
      tender: t,
      values,
      dateItems: decisionDateItems(values.decidedOn, Boolean(errors.byField['decidedOn-day'])),
      canDecide: t.status === 'award-proposed',
      errors,
      backLink: { href: tenderPaths.award(t.id), text: 'Back to the award' },
    })
  }

  router.get(route.decision, edit, (req, res) => renderDecision(res, param(req, 'id'), 200, emptyDecision(), noErrors()))

  router.post(route.decision, edit, async (req, res) => {
    const id = param(req, 'id')
    const body = bodyOf(req)
    const form = parseDecisionForm(body)
    if (!form.ok) return renderDecision(res, id, 400, decisionValuesFrom(body), form.errors)
    const refused = await refusal(() => tender.recordDecision(actorOf(res), id, form.data))
    if (refused) return renderDecision(res, id, 400, decisionValuesFrom(body), errorsFrom(refused, 'decisionMaker'))
    success(req, 'Decision recorded and notices sent: standstill has started')
    res.redirect(tenderPaths.standstill(id))
  })

  const renderStandstill = async (res: Response, id: string, status: number, details: string, errors: FormErrors) => {
    const a = actorOf(res)
    const t = await tender.get(a, id)
    const s = await tender.standstill(a, id)
    const today = ukWallClock(services.clock.now().toISOString()).date
    res.status(status).render('tender/standstill.njk', {
      pageTitle: `Standstill: ${t.title}`,
      tender: t,
      view: s ? standstillView(s, today) : null,
      canAct: can(a, 'market:edit') && t.status === 'standstill',
      concluded: t.status === 'concluded',
      details,
      errors,
      backLink: back(t),
    })
  }

  router.get(route.standstill, (req, res) => renderStandstill(res, param(req, 'id'), 200, '', noErrors()))

  router.post(route.challenge, edit, async (req, res) => {
    const id = param(req, 'id')
    const details = one(bodyOf(req), 'details')
    if (!details)
      return renderStandstill(
        res,
        id,
        400,
        details,
        formErrors([{ field: 'details', message: 'Describe the challenge: who made it and what it says' }]),
      )
    const refused = await refusal(() => tender.recordChallenge(actorOf(res), id, details))
    if (refused) return renderStandstill(res, id, 400, details, errorsFrom(refused, 'details'))
    important(req, 'Challenge recorded: contracts cannot be made until it is resolved')
    res.redirect(tenderPaths.standstill(id))
  })

  router.post(route.conclude, edit, async (req, res) => {
    const id = param(req, 'id')
    let contractIds: string[] = []
    const refused = await refusal(async () => ({ contractIds } = await tender.conclude(actorOf(res), id)))
    if (refused) {
      important(req, refused.message)
      return res.redirect(tenderPaths.standstill(id))
    }
    req.session.flash = {
      type: 'success',
      title: 'Success',
      html: `<h3 class="govuk-notification-banner__heading">${contractIds.length === 1 ? 'Contract' : `${contractIds.length} contracts`} created</h3><ul class="govuk-list">${contractIds.map((c) => `<li>Contract ${escapeHtml(c)}</li>`).join('')}</ul>`,
    }
    res.redirect(tenderPaths.tender(id))
  })

  router.get(route.notices, async (req, res) => {
    const a = actorOf(res)
    const t = await tender.get(a, param(req, 'id'))
    res.render('tender/notices.njk', {
      pageTitle: `Notices: ${t.title}`,
      tender: t,
      notices: noticesView(await tender.notices(a, t.id)),
      backLink: back(t),
    })
  })

  // ——— Cancelling ———

  const renderCancel = async (res: Response, id: string, status: number, reason: string, errors: FormErrors) => {
    const t = await tender.get(actorOf(res), id)
    res.status(status).render('tender/cancel.njk', { pageTitle: `Cancel: ${t.title}`, tender: t, reason, errors, backLink: back(t) })
  }
  router.get(route.cancel, edit, (req, res) => renderCancel(res, param(req, 'id'), 200, '', noErrors()))
  router.post(route.cancel, edit, async (req, res) => {
    const id = param(req, 'id')
    const reason = one(bodyOf(req), 'reason')
    if (!reason) return renderCancel(res, id, 400, reason, formErrors([{ field: 'reason', message: 'Give the reason for cancelling' }]))
    const refused = await refusal(() => tender.cancel(actorOf(res), id, reason))
    if (refused) return renderCancel(res, id, 400, reason, errorsFrom(refused, 'reason'))
    important(req, 'The mini-competition is cancelled')
    res.redirect(tenderPaths.tender(id))
  })

  return router
}
