/** The returns pages' addresses, built in one place so links and routes cannot drift apart. */
const e = encodeURIComponent

export const returnsPaths = {
  // ——— the council ———
  kpis: (id: string) => `/contracts/${e(id)}/kpis`,
  removeKpi: (id: string, measure: string) => `/contracts/${e(id)}/kpis/${e(measure)}/remove`,
  returns: (id: string) => `/contracts/${e(id)}/returns`,
  month: (id: string, month: string) => `/contracts/${e(id)}/returns/${e(month)}`,
  document: (id: string, documentId: string) => `/contracts/${e(id)}/documents/${e(documentId)}`,
  alerts: () => '/contracts/alerts',
  alert: (alertId: string) => `/contracts/alerts/${e(alertId)}`,
  contract: (id: string) => `/contracts/${e(id)}`,
  // ——— the provider portal ———
  portal: () => '/portal/returns',
  portalContract: (id: string) => `/portal/returns/${e(id)}`,
  portalMonth: (id: string, month: string) => `/portal/returns/${e(id)}/${e(month)}`,
  portalDocument: (id: string, documentId: string) => `/portal/returns/${e(id)}/documents/${e(documentId)}`,
}

/** The same addresses as Express route patterns. */
export const returnsRoutePatterns = {
  kpis: '/contracts/:id/kpis',
  removeKpi: '/contracts/:id/kpis/:measure/remove',
  returns: '/contracts/:id/returns',
  month: '/contracts/:id/returns/:month',
  document: '/contracts/:id/documents/:documentId',
  alerts: '/contracts/alerts',
  alert: '/contracts/alerts/:alertId',
  portal: '/portal/returns',
  portalContract: '/portal/returns/:id',
  portalMonth: '/portal/returns/:id/:month',
  portalDocument: '/portal/returns/:id/documents/:documentId',
}
