/**
 * The six lots of the Children's Residential Placements consortium framework led by Southampton
 * (2021 re-opening notice). A new framework starts with these unless it says otherwise.
 */
export const FRAMEWORK_LOTS = [
  { number: 1, code: 'PSDR', name: 'Planned and same-day residential' },
  { number: 2, code: 'CRISIS', name: 'Crisis care' },
  { number: 3, code: 'EDU', name: 'Residential with education' },
  { number: 4, code: 'PARENT', name: 'Residential parenting assessments' },
  { number: 5, code: 'THERAPY', name: 'Therapeutic residential' },
  { number: 6, code: 'CWD', name: 'Children with disabilities' },
] as const

export type LotDefinition = { number: number; code: string; name: string }

/** "Lot 3: Residential with education". */
export function lotTitle(lot: { number: number; name: string }): string {
  return `Lot ${lot.number}: ${lot.name}`
}

/** The two procurement regimes a framework can be let under; PCR 2015 frameworks stay under it until they end. */
export const LEGAL_REGIMES = [
  { code: 'PCR2015', label: 'Public Contracts Regulations 2015' },
  { code: 'PA2023', label: 'Procurement Act 2023' },
] as const
export type LegalRegime = (typeof LEGAL_REGIMES)[number]['code']
export const LEGAL_REGIME_CODES = LEGAL_REGIMES.map((r) => r.code) as [LegalRegime, ...LegalRegime[]]

export function legalRegimeLabel(code: string): string {
  return LEGAL_REGIMES.find((r) => r.code === code)?.label ?? code
}
