/**
 * Open Contracting IDs: `<prefix>-<our tender id>`. A publisher registers its prefix
 * (`ocds-` + six characters) with the Open Contracting Partnership so ocids never collide
 * across publishers. Until the council registers one, we use `ocds-placewise`, which is NOT
 * registered: set OCDS_PREFIX to the council's own before publishing anything for real.
 */
export const DEFAULT_OCDS_PREFIX = 'ocds-placewise'

const PREFIX = /^ocds-[a-z0-9]+$/
const LOCAL_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/

export function newOcid(prefix: string, tenderId: string): string {
  if (!PREFIX.test(prefix)) throw new RangeError(`An ocid prefix looks like 'ocds-abc123'; got ${JSON.stringify(prefix)}`)
  if (!LOCAL_ID.test(tenderId))
    throw new RangeError(`A tender id for an ocid needs letters, digits, '.', '_' or '-'; got ${JSON.stringify(tenderId)}`)
  return `${prefix}-${tenderId}`
}
