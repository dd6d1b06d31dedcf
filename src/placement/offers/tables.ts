/** Spot referrals sent to chosen homes and providers' offers. Filled in by the offers part. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface OfferTables {}
