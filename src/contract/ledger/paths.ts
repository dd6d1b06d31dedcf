/** The ledger's pages' addresses, built in one place so links and routes cannot drift apart. */
const e = encodeURIComponent

export const ledgerPaths = {
  ledger: (id: string) => `/contracts/${e(id)}/ledger`,
  events: (id: string) => `/contracts/${e(id)}/ledger/events`,
  endEvent: (id: string, eventId: string) => `/contracts/${e(id)}/ledger/events/${e(eventId)}/end`,
  voidEvent: (id: string, eventId: string) => `/contracts/${e(id)}/ledger/events/${e(eventId)}/void`,
  contract: (id: string) => `/contracts/${e(id)}`,
  value: () => '/contracts/value',
  payments: () => '/payments',
  run: (runId: string) => `/payments/${e(runId)}`,
  csv: (runId: string) => `/payments/${e(runId)}/export.csv`,
  xlsx: (runId: string) => `/payments/${e(runId)}/export.xlsx`,
}

/** The same addresses as Express route patterns. */
export const ledgerRoutePatterns = {
  ledger: '/contracts/:id/ledger',
  events: '/contracts/:id/ledger/events',
  endEvent: '/contracts/:id/ledger/events/:eventId/end',
  voidEvent: '/contracts/:id/ledger/events/:eventId/void',
  value: '/contracts/value',
  payments: '/payments',
  run: '/payments/:runId',
  csv: '/payments/:runId/export.csv',
  xlsx: '/payments/:runId/export.xlsx',
}
