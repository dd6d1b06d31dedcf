/**
 * The seven categories of need a children's home can be registered for with Ofsted (the
 * yes/no columns of the Children's Homes list). A child's needs must fall within them.
 * Stored in home_categories.category by code.
 */
export const REGISTRATION_CATEGORIES = [
  { code: 'EBD', label: 'Emotional and behavioural difficulties' },
  { code: 'MD', label: 'Mental disorders' },
  { code: 'LD', label: 'Learning difficulty' },
  { code: 'PD', label: 'Physical disabilities' },
  { code: 'SI', label: 'Sensory impairment' },
  { code: 'ALC', label: 'Alcohol problems' },
  { code: 'DRG', label: 'Drug problems' },
] as const

export type RegistrationCategoryCode = (typeof REGISTRATION_CATEGORIES)[number]['code']

export const REGISTRATION_CATEGORY_CODES: readonly RegistrationCategoryCode[] = REGISTRATION_CATEGORIES.map((c) => c.code)

export function isRegistrationCategory(value: unknown): value is RegistrationCategoryCode {
  return typeof value === 'string' && (REGISTRATION_CATEGORY_CODES as readonly string[]).includes(value)
}

export function registrationCategoryLabel(code: string): string {
  return REGISTRATION_CATEGORIES.find((c) => c.code === code)?.label ?? code
}
