/** The provider portal's returns: its contracts, the months each owes, the monthly return form and its documents. */
import { Router, type NextFunction, type Request, type Response } from 'express'
import multer from 'multer'
import { NotFoundError, UserInputError } from '../../../platform/errors.js'
import { formErrors, noErrors, type FormErrors } from '../../../platform/web/formErrors.js'
import { formatDate } from '../../../platform/web/format.js'
import { verifyCsrf } from '../../../platform/web/setUpCsrf.js'
import { actorOf } from '../../../platform/web/setUpAuthentication.js'
import type { ContractService } from '../../contractService.js'
import { MAX_DOCUMENT_BYTES } from '../domain/documents.js'
import { FIGURE_LABELS } from '../domain/figures.js'
import { isMonth, monthName } from '../domain/months.js'
import { returnsPaths as paths, returnsRoutePatterns as route } from '../paths.js'
import { REPORT_FIELD } from '../service/submissions.js'
import { providerUser } from './access.js'
import { sendDocument } from './download.js'
import { parseReturnForm, returnValuesFrom, returnValuesOf, type ReturnFormValues } from './forms.js'
import {
  contractsTable,
  countByStatus,
  documentsList,
  figuresRows,
  monthsTable,
  scorecardView,
  statusTag,
  versionsTable,
  withError,
} from './views.js'

const param = (req: Request, name: string): string => String(req.params[name] ?? '')
const monthParam = (req: Request): string => {
  const month = param(req, 'month')
  if (!isMonth(month)) throw new NotFoundError('No such month')
  return month
}

export function portalReturnsRoutes(contracts: ContractService): Router {
  const router = Router()
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 20, fieldSize: 64 * 1024 },
  })

  router.get(route.portal, providerUser, async (_req, res) => {
    const list = await contracts.returnContracts(actorOf(res))
    res.render('contract/returns/portal-contracts.njk', { pageTitle: 'Monthly returns', table: contractsTable(list, paths.portalContract) })
  })

  router.get(route.portalContract, providerUser, async (req, res) => {
    const a = actorOf(res)
    const id = param(req, 'id')
    const [{ contract, months }, card] = await Promise.all([contracts.returnMonths(a, id), contracts.scorecard(a, id)])
    res.render('contract/returns/portal-contract.njk', {
      pageTitle: `Monthly returns: ${contract.reference}`,
      contract,
      counts: countByStatus(months),
      months: monthsTable(months, (m) => paths.portalMonth(id, m), { forProvider: true }),
      scorecard: scorecardView(card, { limit: 12 }),
      backLink: { href: paths.portal(), text: 'Back to monthly returns' },
    })
  })

  const renderMonth = async (
    res: Response,
    id: string,
    month: string,
    status: number,
    values: ReturnFormValues | null,
    errors: FormErrors,
  ) => {
    const detail = await contracts.returnMonth(actorOf(res), id, month)
    const current = detail.month.current
    res.status(status).render('contract/returns/portal-month.njk', {
      pageTitle: `Return for ${monthName(month)}: ${detail.contract.reference}`,
      detail,
      monthName: monthName(month),
      status: statusTag(detail.month.status, detail.month.dueDate),
      dueDate: formatDate(detail.month.dueDate),
      figures: current ? figuresRows(current.figures) : null,
      versions: versionsTable(detail.versions),
      documents: documentsList(detail.documents, (d) => paths.portalDocument(id, d)),
      values: values ?? returnValuesOf(current?.figures ?? null),
      labels: FIGURE_LABELS,
      action: paths.portalMonth(id, month),
      errors,
      backLink: { href: paths.portalContract(id), text: `Back to ${detail.contract.reference}` },
    })
  }

  router.get(route.portalMonth, providerUser, (req, res) => renderMonth(res, param(req, 'id'), monthParam(req), 200, null, noErrors()))

  // Multer parses the multipart body; only then can the CSRF token in it be checked.
  const parseUpload = (req: Request, res: Response, next: NextFunction) =>
    upload.single(REPORT_FIELD)(req, res, (err: unknown) => {
      if (err instanceof multer.MulterError) {
        const message = err.code === 'LIMIT_FILE_SIZE' ? 'The selected file must be smaller than 10 MB' : 'Select one file to upload'
        const values = returnValuesFrom((req.body ?? {}) as Record<string, unknown>)
        return void renderMonth(res, param(req, 'id'), monthParam(req), 400, values, formErrors([{ field: REPORT_FIELD, message }])).catch(
          next,
        )
      }
      if (err) return next(err)
      verifyCsrf(req, res, next)
    })

  router.post(route.portalMonth, providerUser, parseUpload, async (req, res) => {
    const id = param(req, 'id')
    const month = monthParam(req)
    const values = returnValuesFrom((req.body ?? {}) as Record<string, unknown>)
    const form = parseReturnForm(values)
    // A browser does not keep a chosen file when the page comes back with a problem: say so.
    const reselect = (errors: FormErrors) =>
      req.file ? withError(errors, REPORT_FIELD, 'Select the report again: a file is not kept when the return has a problem') : errors
    if (!form.ok) return renderMonth(res, id, month, 400, values, reselect(form.errors))
    const file = req.file && req.file.size > 0 ? [{ fileName: req.file.originalname, bytes: req.file.buffer }] : []
    try {
      await contracts.submitReturn(actorOf(res), id, month, form.data, file)
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err
      const errors = formErrors([{ field: err.where?.field ?? 'childrenAccommodated', message: err.message }])
      return renderMonth(res, id, month, 400, values, err.where?.field === REPORT_FIELD ? errors : reselect(errors))
    }
    req.session.flash = { type: 'success', title: 'Success', text: `Your return for ${monthName(month)} is sent` }
    res.redirect(paths.portalContract(id))
  })

  router.get(route.portalDocument, providerUser, async (req, res) => {
    sendDocument(res, await contracts.returnDocument(actorOf(res), param(req, 'id'), param(req, 'documentId')))
  })

  return router
}
