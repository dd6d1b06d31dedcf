/** The register's page addresses, built in one place so links and routes cannot drift apart. */
const e = encodeURIComponent

export const registerPaths = {
  list: () => '/contracts',
  create: () => '/contracts/new',
  cpi: () => '/contracts/cpi',
  indexation: () => '/contracts/indexation',
  contract: (id: string) => `/contracts/${e(id)}`,
  newVariation: (id: string, kind?: string) => `/contracts/${e(id)}/variations/new${kind ? `?kind=${e(kind)}` : ''}`,
  variations: (id: string) => `/contracts/${e(id)}/variations`,
  variation: (id: string, variationId: string) => `/contracts/${e(id)}/variations/${e(variationId)}`,
  extension: (id: string) => `/contracts/${e(id)}/extension`,
  extensionDownload: (id: string) => `/contracts/${e(id)}/extension.xlsx`,
  extensionDecision: (id: string) => `/contracts/${e(id)}/extension/decision`,
  // The other parts' pages of a contract (the ledger and the returns).
  ledger: (id: string) => `/contracts/${e(id)}/ledger`,
  kpis: (id: string) => `/contracts/${e(id)}/kpis`,
  returns: (id: string) => `/contracts/${e(id)}/returns`,
  payments: () => '/payments',
}

export const registerRoutePatterns = {
  list: '/contracts',
  create: '/contracts/new',
  cpi: '/contracts/cpi',
  indexation: '/contracts/indexation',
  contract: '/contracts/:id',
  newVariation: '/contracts/:id/variations/new',
  variations: '/contracts/:id/variations',
  variation: '/contracts/:id/variations/:variationId',
  extension: '/contracts/:id/extension',
  extensionDownload: '/contracts/:id/extension.xlsx',
  extensionDecision: '/contracts/:id/extension/decision',
}
