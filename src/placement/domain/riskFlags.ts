/**
 * The risk flags of the Placements Data Standard v2 ("No known risk / Risk Present" each), in two
 * groups: risks to the child and risks the child presents to others or property. A resident of a
 * home is a child too, so residents carry the same flags; compatibility rules pair them up.
 * The order is fixed: the matcher keeps them as bits in this order.
 */
export const RISK_FLAGS = [
  { code: 'self-harm', group: 'to-child', label: 'Self-harm' },
  { code: 'sexual-exploitation', group: 'to-child', label: 'Sexual exploitation' },
  { code: 'criminal-exploitation', group: 'to-child', label: 'Criminal exploitation' },
  { code: 'drug-and-alcohol-use', group: 'to-child', label: 'Drug and alcohol use' },
  { code: 'eating-disorder', group: 'to-child', label: 'Eating disorder' },
  { code: 'going-missing', group: 'to-child', label: 'Going missing' },
  { code: 'physical-harm', group: 'to-others', label: 'Physical harm to others' },
  { code: 'sexual-harm', group: 'to-others', label: 'Sexual harm to others' },
  { code: 'fire-setting', group: 'to-others', label: 'Fire-setting' },
  { code: 'harm-to-animals', group: 'to-others', label: 'Harm to animals' },
  { code: 'criminal-exploitation-of-others', group: 'to-others', label: 'Criminal exploitation of others (for example county lines)' },
] as const

export type RiskFlag = (typeof RISK_FLAGS)[number]['code']
export type RiskGroup = (typeof RISK_FLAGS)[number]['group']
export const RISK_FLAG_CODES = RISK_FLAGS.map((r) => r.code) as [RiskFlag, ...RiskFlag[]]

export function isRiskFlag(value: unknown): value is RiskFlag {
  return typeof value === 'string' && (RISK_FLAG_CODES as readonly string[]).includes(value)
}

export function riskFlagLabel(code: string): string {
  return RISK_FLAGS.find((r) => r.code === code)?.label ?? code
}
