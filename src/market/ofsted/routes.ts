import { Router, type NextFunction, type Request, type Response } from 'express'
import multer from 'multer'
import { NotFoundError, UserInputError } from '../../platform/errors.js'
import { formErrors } from '../../platform/web/formErrors.js'
import { verifyCsrf } from '../../platform/web/setUpCsrf.js'
import { actorOf, requirePermission } from '../../platform/web/setUpAuthentication.js'
import type { OfstedImportService } from './ofstedImportService.js'

export const importPaths = {
  hub: () => '/imports',
  ofsted: () => '/imports/ofsted',
  run: (id: string) => `/imports/ofsted/${encodeURIComponent(id)}`,
}

const MAX_UPLOAD_BYTES = 25 * 1024 * 1024 // Ofsted's national lists are a few MB; this leaves room

type PostcodeStatus = {
  lastImport: { fileName: string; importedAt: string; units: number } | null
  counts: { units: number; sectors: number; districts: number }
}

/** The imports page: upload an Ofsted list; see past imports and the postcode directory's state. */
export function importRoutes(services: { ofstedImport: OfstedImportService; postcodeStatus: () => Promise<PostcodeStatus> }): Router {
  const router = Router()
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } })
  router.use(importPaths.hub(), requirePermission('import:run'))

  const renderHub = async (res: Response, status = 200, extra: Record<string, unknown> = {}) => {
    const [runs, postcodes] = await Promise.all([services.ofstedImport.recentRuns(actorOf(res)), services.postcodeStatus()])
    res.status(status).render('imports/hub.njk', { pageTitle: 'Imports', runs, postcodes, paths: importPaths, ...extra })
  }

  router.get(importPaths.hub(), (_req, res) => renderHub(res))

  // Multer parses the multipart body; only then can the CSRF token in it be checked.
  const parseUpload = (req: Request, res: Response, next: NextFunction) =>
    upload.single('file')(req, res, (err: unknown) => {
      if (err instanceof multer.MulterError) {
        const message = err.code === 'LIMIT_FILE_SIZE' ? 'The selected file must be smaller than 25 MB' : 'Select one file to upload'
        return void renderHub(res, 400, { errors: formErrors([{ field: 'file', message }]) }).catch(next)
      }
      if (err) return next(err)
      verifyCsrf(req, res, next)
    })

  router.post(importPaths.ofsted(), parseUpload, async (req, res) => {
    const file = req.file
    if (!file || file.size === 0)
      return renderHub(res, 400, { errors: formErrors([{ field: 'file', message: 'Select an Ofsted list (.xlsx or .csv) to import' }]) })
    try {
      const report = await services.ofstedImport.importBuffer(file.buffer, file.originalname, actorOf(res))
      res.redirect(importPaths.run(report.importRunId))
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err
      return renderHub(res, 400, { errors: formErrors([{ field: 'file', message: err.message }]) })
    }
  })

  router.get('/imports/ofsted/:id', async (req, res) => {
    const found = await services.ofstedImport.findRun(actorOf(res), req.params.id)
    if (!found) throw new NotFoundError()
    res.render('imports/run.njk', {
      pageTitle: `Import of ${found.report.fileName}`,
      ...found,
      paths: importPaths,
      backLink: { href: importPaths.hub(), text: 'Back to imports' },
    })
  })

  return router
}
