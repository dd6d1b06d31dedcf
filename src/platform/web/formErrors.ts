import type { z } from 'zod'
import type { InputLocation } from '../errors.js'

/** The GOV.UK error summary and per-field messages, as views need them. */
export type FormErrors = {
  list: { text: string; href: string }[]
  byField: Record<string, { text: string }>
}

export const noErrors = (): FormErrors => ({ list: [], byField: {} })

export function formErrors(items: { field: string; message: string }[]): FormErrors {
  const errors = noErrors()
  for (const { field, message } of items) {
    if (errors.byField[field]) continue // first problem per control, as the Design System advises
    errors.byField[field] = { text: message }
    errors.list.push({ text: message, href: `#${field}` })
  }
  return errors
}

export function errorsFromLocation(message: string, where: InputLocation | undefined, fallbackField: string): FormErrors {
  return formErrors([{ field: where?.field ?? fallbackField, message }])
}

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FormErrors }

/** Validates a submitted form; each zod issue is tied to the control named by its path. */
export function validateForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.infer<S>> {
  const parsed = schema.safeParse(body ?? {})
  if (parsed.success) return { ok: true, data: parsed.data }
  return {
    ok: false,
    errors: formErrors(parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'form'), message: i.message }))),
  }
}
