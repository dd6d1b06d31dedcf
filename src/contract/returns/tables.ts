/** Provider returns, Regulation 44 documents and Ofsted alerts. Filled in by the returns part. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ReturnsTables {}
