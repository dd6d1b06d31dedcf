/** The provider portal: a provider's invitations, the requirement and Q&A, its bid, and its notices. */
import { Router, type NextFunction, type Request, type Response } from 'express'
import multer from 'multer'
import { UserInputError } from '../../platform/errors.js'
import { formErrors, noErrors, type FormErrors } from '../../platform/web/formErrors.js'
import { verifyCsrf } from '../../platform/web/setUpCsrf.js'
import { actorOf } from '../../platform/web/setUpAuthentication.js'
import { one, type RawFields } from '../../market/web/query.js'
import { tenderPaths, tenderRoutePatterns as route } from '../paths.js'
import type { TenderService } from '../tenderApi.js'
import { providerOnly } from './access.js'
import { noticesView } from './awardPages.js'
import { bidDetailView, homeNames } from './bidsPage.js'
import { bidFormView, bidValuesFrom, bidValuesOf, parseBidForm, type BidFormValues } from './bidForm.js'
import { parseQuestionForm } from './clarificationsPage.js'
import { controlFor } from './fields.js'
import { portalTenderView } from './portalPages.js'
import { invitationListView } from './tenderList.js'
import { formatDateTime } from './time.js'

const param = (req: Request, name: string): string => String(req.params[name] ?? '')
const bodyOf = (req: Request): RawFields => (req.body ?? {}) as RawFields

const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024

export function portalRoutes(services: { tender: TenderService }): Router {
  const { tender } = services
  const router = Router()
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } })
  router.use('/portal', providerOnly, (_req, res, next) => {
    res.locals.tenderPaths = tenderPaths
    next()
  })
  const success = (req: Request, text: string) => (req.session.flash = { type: 'success', title: 'Success', text })
  const important = (req: Request, text: string) => (req.session.flash = { title: 'Important', text })

  router.get(route.invitations, async (_req, res) => {
    res.render('tender/portal-invitations.njk', {
      pageTitle: 'Invitations to bid',
      view: invitationListView(await tender.myInvitations(actorOf(res))),
    })
  })

  const renderTender = async (res: Response, id: string, status: number, question: string, errors: FormErrors) => {
    const a = actorOf(res)
    const [t, clarifications, bid] = await Promise.all([tender.get(a, id), tender.clarifications(a, id), tender.myBid(a, id)])
    res.status(status).render('tender/portal-tender.njk', {
      pageTitle: t.title,
      tender: t,
      view: portalTenderView(t, clarifications, bid),
      question,
      errors,
      backLink: { href: tenderPaths.invitations(), text: 'Back to invitations' },
    })
  }

  router.get(route.portalTender, (req, res) => renderTender(res, param(req, 'id'), 200, '', noErrors()))

  router.post(route.portalAsk, async (req, res) => {
    const id = param(req, 'id')
    const form = parseQuestionForm(bodyOf(req))
    const typed = one(bodyOf(req), 'question')
    if (!form.ok) return renderTender(res, id, 400, typed, form.errors)
    try {
      await tender.askClarification(actorOf(res), id, form.data)
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err
      return renderTender(res, id, 400, typed, formErrors([{ field: 'question', message: err.message }]))
    }
    success(req, 'Question sent. The answer will be published to every invited provider without naming you.')
    res.redirect(`${tenderPaths.portalTender(id)}#clarifications`)
  })

  // ——— The bid ———

  const renderBid = async (res: Response, id: string, status: number, body: RawFields | null, errors: FormErrors) => {
    const a = actorOf(res)
    const [t, homes, bid] = await Promise.all([tender.get(a, id), tender.eligibleHomes(a, id), tender.myBid(a, id)])
    const open = t.status === 'open'
    const values: BidFormValues = body ? bidValuesFrom(body, homes, t.questions) : bidValuesOf(bid, homes, t.questions)
    res.status(status).render('tender/portal-bid.njk', {
      pageTitle: `Your bid: ${t.title}`,
      tender: t,
      open,
      deadline: formatDateTime(t.submissionDeadline),
      view: bidFormView({ bid, homes, questions: t.questions, values, open }),
      detail: bid && !open ? bidDetailView(bid, t.questions, homeNames(homes)) : null,
      values,
      attachmentQuestion: body ? one(body, 'attachment-questionId') : '',
      errors,
      backLink: { href: tenderPaths.portalTender(t.id), text: 'Back to the invitation' },
    })
  }

  router.get(route.bid, (req, res) => renderBid(res, param(req, 'id'), 200, null, noErrors()))

  router.post(route.bid, async (req, res) => {
    const a = actorOf(res)
    const id = param(req, 'id')
    const body = bodyOf(req)
    const submit = one(body, 'action') === 'submit'
    const [t, homes] = await Promise.all([tender.get(a, id), tender.eligibleHomes(a, id)])
    const form = parseBidForm(body, homes, t.questions)
    if (!form.ok) return renderBid(res, id, 400, body, form.errors)
    try {
      await tender.saveBid(a, id, form.data)
      if (submit) await tender.submitBid(a, id)
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err
      const ctx = { homeIds: form.data.lines.map((l) => l.homeId), questionIds: t.questions.map((q) => q.id) }
      return renderBid(
        res,
        id,
        400,
        body,
        formErrors([{ field: controlFor(err.where?.field, ctx) ?? 'pricePencePerBedWeek', message: err.message }]),
      )
    }
    success(
      req,
      submit ? 'Your bid is submitted. It stays sealed until the deadline has passed and two officers open it.' : 'Your draft bid is saved',
    )
    res.redirect(tenderPaths.bid(id))
  })

  // Multer parses the multipart body; only then can the CSRF token in it be checked.
  const parseUpload = (req: Request, res: Response, next: NextFunction) =>
    upload.single('attachment-file')(req, res, (err: unknown) => {
      if (err instanceof multer.MulterError) {
        const message = err.code === 'LIMIT_FILE_SIZE' ? 'The selected file must be smaller than 10 MB' : 'Select one file to upload'
        return void renderBid(res, param(req, 'id'), 400, null, formErrors([{ field: 'attachment-file', message }])).catch(next)
      }
      if (err) return next(err)
      verifyCsrf(req, res, next)
    })

  router.post(route.attachments, parseUpload, async (req, res) => {
    const id = param(req, 'id')
    const file = req.file
    const body = bodyOf(req)
    if (!file || file.size === 0)
      return renderBid(res, id, 400, null, formErrors([{ field: 'attachment-file', message: 'Select a file to attach' }]))
    const questionId = one(body, 'attachment-questionId') || null
    try {
      await tender.addAttachment(actorOf(res), id, { fileName: file.originalname, bytes: file.buffer, questionId })
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err
      const field = err.where?.field === 'attachment-questionId' ? 'attachment-questionId' : 'attachment-file'
      return renderBid(res, id, 400, null, formErrors([{ field, message: err.message }]))
    }
    success(req, `${file.originalname} is attached to your bid`)
    res.redirect(`${tenderPaths.bid(id)}#attachments`)
  })

  router.post(route.withdraw, async (req, res) => {
    const id = param(req, 'id')
    try {
      await tender.withdrawBid(actorOf(res), id)
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err
      important(req, err.message)
      return res.redirect(tenderPaths.bid(id))
    }
    important(req, 'Your bid is withdrawn. You can submit it again before the deadline.')
    res.redirect(tenderPaths.bid(id))
  })

  router.get(route.portalNotices, async (req, res) => {
    const a = actorOf(res)
    const t = await tender.get(a, param(req, 'id'))
    res.render('tender/notices.njk', {
      pageTitle: `Notices: ${t.title}`,
      tender: t,
      notices: noticesView(await tender.notices(a, t.id)),
      backLink: { href: tenderPaths.portalTender(t.id), text: 'Back to the invitation' },
    })
  })

  return router
}
