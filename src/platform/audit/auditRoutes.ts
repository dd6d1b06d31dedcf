import { Router } from 'express'
import { actorOf, requirePermission } from '../web/setUpAuthentication.js'
import { paginationView, parsePage } from '../web/pagination.js'
import type { AuditService } from './auditService.js'

export function auditRoutes(audit: AuditService): Router {
  const router = Router()
  router.get('/audit', requirePermission('audit:read'), async (req, res) => {
    actorOf(res)
    const { page, pageSize } = parsePage(req.query.page, 50)
    const entityType = typeof req.query.entityType === 'string' && req.query.entityType ? req.query.entityType : undefined
    const entityId = typeof req.query.entityId === 'string' && req.query.entityId ? req.query.entityId : undefined
    const { rows, total } = await audit.list({ entityType, entityId, limit: pageSize, offset: (page - 1) * pageSize })
    const verification = req.query.verify === '1' ? await audit.verify() : undefined
    res.render('audit/list.njk', {
      pageTitle: 'Audit trail',
      rows,
      verification,
      filters: { entityType, entityId },
      page: paginationView({ basePath: '/audit', query: { entityType, entityId }, page, pageSize, total, noun: 'entries' }),
    })
  })
  return router
}
