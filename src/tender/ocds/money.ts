import type { OcdsValue } from './types.js'

// 15 significant digits survive a trip through a double, so pounds-and-pence amounts below
// £10 trillion print back exactly as the decimal they are.
const MAX_PENCE = 999_999_999_999_999

/** Integer pence → OCDS amount in pounds, exact to the penny (1234567 → 12345.67). */
export function penceToPounds(pence: number): number {
  if (!Number.isSafeInteger(pence) || Math.abs(pence) > MAX_PENCE)
    throw new RangeError(`Not a whole number of pence within range: ${pence}`)
  // Division is correctly rounded, so this is the double nearest to the decimal amount: the one
  // JSON.stringify prints as that decimal.
  return pence / 100
}

export function gbp(pence: number): OcdsValue {
  return { amount: penceToPounds(pence), currency: 'GBP' }
}
