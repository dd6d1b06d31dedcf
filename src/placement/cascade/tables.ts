/** Tables of the cascade search and its recorded decisions. Filled in by the cascade part. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CascadeTables {}
