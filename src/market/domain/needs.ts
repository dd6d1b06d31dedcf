/**
 * Needs a home's Statement of Purpose says it can meet. Finer than Ofsted's seven registration
 * categories: these are what a placement officer matches a referral against.
 */
export const STATEMENT_OF_PURPOSE_NEEDS = [
  { code: 'challenging-behaviour', label: 'Challenging behaviour' },
  { code: 'cse', label: 'Risk of child sexual exploitation' },
  { code: 'cce', label: 'Risk of criminal exploitation (including county lines)' },
  { code: 'self-harm', label: 'Self-harm' },
  { code: 'substance-misuse', label: 'Substance misuse' },
  { code: 'missing', label: 'Going missing' },
  { code: 'learning-disability', label: 'Learning disability' },
  { code: 'autism', label: 'Autism' },
  { code: 'mental-health', label: 'Mental health' },
  { code: 'physical-disability', label: 'Physical disability' },
  { code: 'harmful-sexual-behaviour', label: 'Harmful sexual behaviour' },
  { code: 'solo', label: 'Solo placement' },
  { code: 'parent-and-child', label: 'Parent and child' },
  { code: 'dol', label: 'Deprivation of liberty order' },
  { code: 'uasc', label: 'Unaccompanied asylum-seeking children' },
  { code: 'education-on-site', label: 'Education on site' },
] as const

export type NeedCode = (typeof STATEMENT_OF_PURPOSE_NEEDS)[number]['code']
export const NEED_CODES = STATEMENT_OF_PURPOSE_NEEDS.map((n) => n.code) as [NeedCode, ...NeedCode[]]

export function isNeed(value: unknown): value is NeedCode {
  return typeof value === 'string' && (NEED_CODES as readonly string[]).includes(value)
}

export function needLabel(code: string): string {
  return STATEMENT_OF_PURPOSE_NEEDS.find((n) => n.code === code)?.label ?? code
}
