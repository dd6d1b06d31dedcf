/** The bed ledger's tables (dated bed events, payment runs and lines). Filled in by the ledger part. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LedgerTables {}
